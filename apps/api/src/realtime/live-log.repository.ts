import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SubjectOrigin {
  scope: string;
  change: Record<string, unknown>;
}

/**
 * Read-only questions the live layer asks of the audit log (the event log it is a view of). The
 * events themselves are read through AuditRepository.listAfter; nothing here writes.
 */
@Injectable()
export class LiveLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The last sequence of a chain, 0 when it has no event yet (or does not exist). */
  async head(scope: string): Promise<number> {
    const rows: { last_sequence: string }[] = await this.dataSource.query(`SELECT last_sequence FROM audit_chains WHERE scope = $1`, [scope]);
    return rows.length ? Number(rows[0].last_sequence) : 0;
  }

  async chainExists(scope: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM audit_chains WHERE scope = $1`, [scope])).length > 0;
  }

  /** The heads of several chains at once (the periodic catch-up). */
  async heads(scopes: string[]): Promise<Map<string, number>> {
    if (scopes.length === 0) return new Map();
    const rows: { scope: string; last_sequence: string }[] = await this.dataSource.query(
      `SELECT scope, last_sequence FROM audit_chains WHERE scope = ANY($1)`,
      [scopes],
    );
    return new Map(rows.map((r) => [r.scope, Number(r.last_sequence)]));
  }

  /** The first event about a subject (`document.created`, `ballot.opened`): which chain it lives in, and what it was created with. */
  async origin(subjectType: string, subjectId: string, action?: string): Promise<SubjectOrigin | null> {
    const rows: SubjectOrigin[] = await this.dataSource.query(
      `SELECT scope, change FROM audit_events
        WHERE subject_type = $1 AND subject_id = $2 AND ($3::text IS NULL OR action = $3)
        ORDER BY occurred_at, sequence LIMIT 1`,
      [subjectType, subjectId, action ?? null],
    );
    return rows[0] ?? null;
  }
}
