// The physical limit of an act on a hash chain, as benchmarks measure it straight through
// node-postgres: the audit row of one act, appended on a chain shared by every writer (advisory lock,
// head read, audit row, head update: what the API does for an act alone) or on the writer's own
// chain (nothing serialises the writers; the head is kept in memory).
import type { PoolClient } from 'pg';
import { GENESIS_HASH, sealEvent } from '@parley/domain';

type EventInput = Omit<Parameters<typeof sealEvent>[0], 'scope' | 'sequence' | 'previousHash'>;

const INSERT_EVENT = `INSERT INTO audit_events (scope, sequence, occurred_at, actor_id, actor_name, actor_snapshot, action, subject_type, subject_id, change, change_digest, previous_hash, hash)
  VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`;
const MOVE_HEAD = `INSERT INTO audit_chains (scope, last_sequence, last_hash) VALUES ($1,$2,$3)
  ON CONFLICT (scope) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_hash = EXCLUDED.last_hash`;

/** Heads of the writers' own chains, by scope (kept across rounds: the chains continue). */
export type OwnHeads = Map<string, { sequence: number; hash: string }>;

/**
 * Appends one event in the client's open transaction: on `scope` shared by all writers when `heads`
 * is null, or on the writer's own `scope` whose head `heads` keeps. Call `settle` after COMMIT.
 */
export async function appendOnChain(c: PoolClient, scope: string, heads: OwnHeads | null, input: EventInput): Promise<{ settle: () => void }> {
  let head: { sequence: number; hash: string };
  if (!heads) {
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))`, [scope]);
    const h = await c.query(`SELECT last_sequence, last_hash FROM audit_chains WHERE scope = $1`, [scope]);
    head = h.rows.length ? { sequence: Number(h.rows[0].last_sequence), hash: h.rows[0].last_hash } : { sequence: 0, hash: GENESIS_HASH };
  } else head = heads.get(scope) ?? { sequence: 0, hash: GENESIS_HASH };
  const e = sealEvent({ ...input, scope, sequence: head.sequence + 1, previousHash: head.hash });
  await c.query(INSERT_EVENT, [e.scope, e.sequence, e.occurredAt, e.actorId, e.actorName, JSON.stringify(e.actorSnapshot), e.action, e.subjectType, e.subjectId, JSON.stringify(e.change), e.changeDigest, e.previousHash, e.hash]);
  if (!heads) await c.query(MOVE_HEAD, [e.scope, e.sequence, e.hash]);
  return { settle: () => void heads?.set(scope, { sequence: e.sequence, hash: e.hash }) };
}
