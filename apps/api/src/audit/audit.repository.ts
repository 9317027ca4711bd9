import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent, GENESIS_HASH } from '@parley/domain';
import { AuditEventEntity } from './audit-event.entity';

export interface ChainHead {
  sequence: number;
  hash: string;
}

/** The only code that writes the audit tables. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises appends to one chain until the surrounding transaction ends. */
  async lockChain(manager: EntityManager, scope: string): Promise<ChainHead> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))`, [scope]);
    const rows: { last_sequence: string; last_hash: string }[] = await manager.query(`SELECT last_sequence, last_hash FROM audit_chains WHERE scope = $1`, [scope]);
    return rows.length ? { sequence: Number(rows[0].last_sequence), hash: rows[0].last_hash } : { sequence: 0, hash: GENESIS_HASH };
  }

  async insert(manager: EntityManager, e: AuditEvent): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (scope, sequence, occurred_at, actor_id, actor_name, actor_snapshot, action, subject_type, subject_id, change, change_digest, previous_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [e.scope, e.sequence, e.occurredAt, e.actorId, e.actorName, e.actorSnapshot ? JSON.stringify(e.actorSnapshot) : null, e.action, e.subjectType, e.subjectId, JSON.stringify(e.change), e.changeDigest, e.previousHash, e.hash],
    );
    await manager.query(
      `INSERT INTO audit_chains (scope, last_sequence, last_hash) VALUES ($1,$2,$3)
       ON CONFLICT (scope) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_hash = EXCLUDED.last_hash`,
      [e.scope, e.sequence, e.hash],
    );
  }

  async heads(): Promise<{ scope: string; sequence: number; hash: string }[]> {
    const rows: { scope: string; last_sequence: string; last_hash: string }[] = await this.dataSource.query(`SELECT scope, last_sequence, last_hash FROM audit_chains ORDER BY scope`);
    return rows.map((r) => ({ scope: r.scope, sequence: Number(r.last_sequence), hash: r.last_hash }));
  }

  /**
   * One page of the export order (scope, sequence) after a position: the export walks these pages
   * so memory stays flat whatever the log's size.
   */
  async exportPage(after: { scope: string; sequence: number } | null, onlyScope: string | null, limit: number): Promise<AuditEvent[]> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (onlyScope) qb.andWhere('e.scope = :scope', { scope: onlyScope });
    if (after) qb.andWhere('(e.scope, e.sequence) > (:afterScope, :afterSequence)', { afterScope: after.scope, afterSequence: after.sequence });
    const rows = await qb.orderBy('e.scope', 'ASC').addOrderBy('e.sequence', 'ASC').limit(limit).getMany();
    return rows.map(toAuditEvent);
  }

  /** Events of one chain after a sequence, in order (replay, audit pages). */
  async listAfter(scope: string, afterSequence: number, limit: number): Promise<AuditEvent[]> {
    const rows = await this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').where('e.scope = :scope AND e.sequence > :after', { scope, after: afterSequence }).orderBy('e.sequence', 'ASC').limit(limit).getMany();
    return rows.map(toAuditEvent);
  }
}

export function toAuditEvent(r: AuditEventEntity): AuditEvent {
  return {
    scope: r.scope,
    sequence: Number(r.sequence),
    occurredAt: r.occurredAt.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorSnapshot: r.actorSnapshot,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    change: r.change,
    changeDigest: r.changeDigest,
    previousHash: r.previousHash,
    hash: r.hash,
  };
}
