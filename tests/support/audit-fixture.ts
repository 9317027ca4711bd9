import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';

/**
 * Audit events written by the code before the event catalogue (main at c604a0d), as stored rows
 * (`audit_events` columns), from the chains of several test databases and the demo. A log is what
 * one database held: each log has its own platform chain, so each is loaded into its own database.
 */
export const FIXTURE_DIR = join(__dirname, '../fixtures');
export const PRE_CATALOGUE_EVENTS = join(FIXTURE_DIR, 'audit-events-before-catalogue.jsonl.gz');
export const PRE_CATALOGUE_EXPORTS = join(FIXTURE_DIR, 'audit-events-before-catalogue.exports.json');

export interface StoredAuditRow {
  log: string;
  scope: string;
  sequence: number;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_snapshot: unknown;
  action: string;
  subject_type: string;
  subject_id: string;
  change: Record<string, unknown>;
  change_digest: string;
  previous_hash: string;
  hash: string;
}

/** The fixture's rows by log, in chain order. */
export function readAuditFixture(): Map<string, StoredAuditRow[]> {
  const logs = new Map<string, StoredAuditRow[]>();
  for (const line of gunzipSync(readFileSync(PRE_CATALOGUE_EVENTS)).toString('utf8').trim().split('\n')) {
    const row = JSON.parse(line) as StoredAuditRow;
    logs.set(row.log, [...(logs.get(row.log) ?? []), row]);
  }
  return logs;
}

/** Writes the rows as they were stored, and each chain's head, into a migrated database. */
export async function loadAuditRows(databaseUrl: string, rows: StoredAuditRow[]): Promise<void> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('INSERT INTO audit_events SELECT * FROM json_populate_recordset(null::audit_events, $1::json)', [JSON.stringify(rows)]);
    await c.query(
      `INSERT INTO audit_chains (scope, last_sequence, last_hash)
       SELECT DISTINCT ON (scope) scope, sequence, hash FROM audit_events ORDER BY scope, sequence DESC`,
    );
  } finally {
    await c.end();
  }
}
