import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditLogQuery } from '@parley/contracts';
import { AuditEvent, GENESIS_HASH } from '@parley/domain';
import { AuditEventEntity } from './audit-event.entity';

export interface ChainHead {
  sequence: number;
  hash: string;
}

/** A position in the log: one chain's order is its sequence; the whole log's is (time, scope, sequence). */
export interface AuditPosition {
  occurredAt: string;
  scope: string;
  sequence: number;
}

export interface AuditSearch {
  /** One chain, or null for every chain. */
  scope: string | null;
  actorId?: string;
  /** The organisation of the actor's snapshot at the time of the act. */
  organisationId?: string;
  /** An exact action, or every action of a family (`chair.`). */
  action?: { exact: string } | { prefix: string };
  /** Inclusive lower and exclusive upper bound on the time of the act. */
  from?: Date;
  before?: Date;
  order: AuditLogQuery['order'];
  /** Keyset: events strictly after this position in the reading order. */
  after: AuditPosition | null;
  limit: number;
}

/**
 * The expression that takes a chain's lock until the transaction ends, for a statement of a use
 * case that locks the chain on its way (decision 0057: one round trip fewer per batch). The head
 * must then be read by a LATER statement (chainHeadJoin): a statement sees the rows committed
 * when it started, so a head read by the statement that waited for the lock could be stale.
 */
export const chainLockSql = (scopeParam: string) => `pg_advisory_xact_lock(hashtext('audit:' || ${scopeParam}))`;

/** A LEFT JOIN of a chain's head row as `chain_head` (columns last_sequence, last_hash), for a statement after the one that took the lock. */
export const chainHeadJoin = (scopeParam: string) => `LEFT JOIN audit_chains chain_head ON chain_head.scope = ${scopeParam}`;

/** The head a chainHeadJoin read (a chain without a head row starts at genesis). */
export const chainHeadOf = (r: { last_sequence: string | number | null; last_hash: string | null }): ChainHead =>
  r.last_hash === null ? { sequence: 0, hash: GENESIS_HASH } : { sequence: Number(r.last_sequence), hash: r.last_hash };

/** The only code that writes the audit tables. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises appends to one chain until the surrounding transaction ends, and reads its head.
   * (An advisory lock rather than the head row's lock: under contention, row-lock waiters each
   * re-read the updated row and the chain commits about a third fewer acts per second.)
   */
  async lockChain(manager: EntityManager, scope: string): Promise<ChainHead> {
    await manager.query(`SELECT ${chainLockSql('$1')}`, [scope]);
    const rows: { last_sequence: string; last_hash: string }[] = await manager.query(`SELECT last_sequence, last_hash FROM audit_chains WHERE scope = $1`, [
      scope,
    ]);
    return rows.length ? chainHeadOf(rows[0]) : chainHeadOf({ last_sequence: null, last_hash: null });
  }

  /** Appends one event to its locked chain. */
  insert(manager: EntityManager, e: AuditEvent): Promise<void> {
    return this.append(manager, [e]);
  }

  /**
   * Appends consecutive events of one locked chain and moves its head, in one statement: a batch
   * of acts costs one round trip, not two per act.
   */
  async append(manager: EntityManager, events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const scope = events[0].scope;
    if (events.some((e, i) => e.scope !== scope || (i > 0 && e.sequence !== events[i - 1].sequence + 1)))
      throw new Error('append takes consecutive events of one chain');
    const params: unknown[] = [];
    const rows = events.map((e) => {
      const values = [
        e.scope,
        e.sequence,
        e.occurredAt,
        e.actorId,
        e.actorName,
        e.actorSnapshot ? JSON.stringify(e.actorSnapshot) : null,
        e.action,
        e.subjectType,
        e.subjectId,
        JSON.stringify(e.change),
        e.changeDigest,
        e.previousHash,
        e.hash,
      ];
      const placeholders = values.map((v) => `$${params.push(v)}`);
      return `(${placeholders.join(',')})`;
    });
    const last = events[events.length - 1];
    const head = [`$${params.push(scope)}`, `$${params.push(last.sequence)}`, `$${params.push(last.hash)}`];
    await manager.query(
      `WITH appended AS (
         INSERT INTO audit_events (scope, sequence, occurred_at, actor_id, actor_name, actor_snapshot, action, subject_type, subject_id, change, change_digest, previous_hash, hash)
         VALUES ${rows.join(',')}
       )
       INSERT INTO audit_chains (scope, last_sequence, last_hash) VALUES (${head.join(',')})
       ON CONFLICT (scope) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_hash = EXCLUDED.last_hash`,
      params,
    );
  }

  async heads(): Promise<{ scope: string; sequence: number; hash: string }[]> {
    const rows: { scope: string; last_sequence: string; last_hash: string }[] = await this.dataSource.query(
      `SELECT scope, last_sequence, last_hash FROM audit_chains ORDER BY scope`,
    );
    return rows.map((r) => ({ scope: r.scope, sequence: Number(r.last_sequence), hash: r.last_hash }));
  }

  /** Whether a chain has any event (the export refuses a scope that names no chain). */
  async chainExists(scope: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM audit_events WHERE scope = $1 LIMIT 1`, [scope]);
    return rows.length > 0;
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

  /**
   * The public log, filtered, a page at a time (keyset). One chain reads in sequence order (its
   * primary key); every chain together reads in time order, ties broken by scope and sequence
   * (audit_events_log_idx). Actor, organisation and action filters have their own indexes.
   */
  async search(q: AuditSearch): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.scope !== null) where.push(`scope = ${p(q.scope)}`);
    if (q.actorId) where.push(`actor_id = ${p(q.actorId)}`);
    if (q.organisationId) where.push(`(actor_snapshot->>'organisationId') = ${p(q.organisationId)}`);
    if (q.action && 'exact' in q.action) where.push(`action = ${p(q.action.exact)}`);
    if (q.action && 'prefix' in q.action) where.push(`action LIKE ${p(q.action.prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%')}`);
    if (q.from) where.push(`occurred_at >= ${p(q.from)}`);
    if (q.before) where.push(`occurred_at < ${p(q.before)}`);
    const cmp = q.order === 'asc' ? '>' : '<';
    const dir = q.order === 'asc' ? 'ASC' : 'DESC';
    let orderBy: string;
    if (q.scope !== null) {
      if (q.after) where.push(`sequence ${cmp} ${p(q.after.sequence)}`);
      orderBy = `sequence ${dir}`;
    } else {
      if (q.after) where.push(`(occurred_at, scope, sequence) ${cmp} (${p(new Date(q.after.occurredAt))}, ${p(q.after.scope)}, ${p(q.after.sequence)})`);
      orderBy = `occurred_at ${dir}, scope ${dir}, sequence ${dir}`;
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT scope, sequence, occurred_at, actor_id, actor_name, actor_snapshot, action, subject_type, subject_id, change, change_digest, previous_hash, hash
         FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${orderBy} LIMIT ${p(q.limit)}`,
      params,
    );
    return rows.map(fromRow);
  }

  /** One event of one chain, or null. */
  async findOne(scope: string, sequence: number): Promise<AuditEvent | null> {
    const row = await this.dataSource.getRepository(AuditEventEntity).findOneBy({ scope, sequence: String(sequence) });
    return row ? toAuditEvent(row) : null;
  }

  /** Events of one chain after a sequence, in order (replay, audit pages). */
  async listAfter(scope: string, afterSequence: number, limit: number): Promise<AuditEvent[]> {
    const rows = await this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.scope = :scope AND e.sequence > :after', { scope, after: afterSequence })
      .orderBy('e.sequence', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(toAuditEvent);
  }
}

function fromRow(r: Record<string, any>): AuditEvent {
  return {
    scope: r.scope,
    sequence: Number(r.sequence),
    occurredAt: (r.occurred_at as Date).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorSnapshot: r.actor_snapshot,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    change: r.change,
    changeDigest: r.change_digest,
    previousHash: r.previous_hash,
    hash: r.hash,
  };
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
