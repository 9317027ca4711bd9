// The physical limit of the vote storm: the same two inserts the API's vote makes (the vote upsert
// and an audit row) in one transaction straight through node-postgres, one connection per voter.
//   A. the two inserts alone (each worker appends to its own chain: nothing serialises them);
//   B. the two inserts on ONE hash chain, one vote per commit: advisory lock, head read, audit row,
//      head update (a chain is a sequence, so its appends queue; the API writes a busy ballot's votes
//      in batches, one commit and one chain lock per batch, so B is not its ceiling).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import { GENESIS_HASH, sealEvent } from '@parley/domain';

/** Per-worker chain heads of limit A (module level: the rounds continue the same chains). */
const heads = new Map<string, { sequence: number; hash: string }>();

const UPSERT = `INSERT INTO votes AS v (ballot_id, voter_id, choice, reason, snapshot, salt, cast_at, changed_at, changes)
  VALUES ($1,$2,$3,$4,$5,$6,$7,$7,0)
  ON CONFLICT (ballot_id, voter_id) DO UPDATE
    SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, snapshot = EXCLUDED.snapshot, salt = EXCLUDED.salt,
        changed_at = EXCLUDED.changed_at, changes = v.changes + 1
  RETURNING changes`;
const INSERT_EVENT = `INSERT INTO audit_events (scope, sequence, occurred_at, actor_id, actor_name, actor_snapshot, action, subject_type, subject_id, change, change_digest, previous_hash, hash)
  VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`;

export interface LimitRun {
  commits: number;
  seconds: number;
  latencies: number[];
}

export const newLimit = (): LimitRun => ({ commits: 0, seconds: 0, latencies: [] });

export interface LimitVoter {
  id: string;
  name: string;
  snapshot: unknown;
}

/** `voters.length` connections, each committing (vote upsert + audit row) in a loop for `seconds`; adds to `into`. */
export async function voteLimit(
  pool: Pool,
  ballotId: string,
  voters: LimitVoter[],
  oneChain: boolean,
  seconds: number,
  into: LimitRun = newLimit(),
): Promise<LimitRun> {
  const scopeBase = `bench-limit-${oneChain ? 'one-chain' : 'per-worker'}`;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const clients: PoolClient[] = await Promise.all(voters.map(() => pool.connect()));
  try {
    await Promise.all(
      voters.map(async (voter, w) => {
        const c = clients[w];
        const scope = oneChain ? scopeBase : `${scopeBase}-${w}`;
        let k = w;
        while (performance.now() < until) {
          const s = performance.now();
          const choice = ['yes', 'no', 'abstain'][k++ % 3];
          const now = new Date();
          await c.query('BEGIN');
          const { rows } = await c.query(UPSERT, [ballotId, voter.id, choice, null, JSON.stringify(voter.snapshot), randomBytes(32).toString('hex'), now]);
          let head: { sequence: number; hash: string };
          if (oneChain) {
            await c.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))`, [scope]);
            const h = await c.query(`SELECT last_sequence, last_hash FROM audit_chains WHERE scope = $1`, [scope]);
            head = h.rows.length ? { sequence: Number(h.rows[0].last_sequence), hash: h.rows[0].last_hash } : { sequence: 0, hash: GENESIS_HASH };
          } else head = heads.get(scope) ?? { sequence: 0, hash: GENESIS_HASH };
          const e = sealEvent({
            scope,
            sequence: head.sequence + 1,
            occurredAt: now.toISOString(),
            actorId: voter.id,
            actorName: voter.name,
            actorSnapshot: voter.snapshot as never,
            action: rows[0].changes === 0 ? 'vote.cast' : 'vote.changed',
            subjectType: 'ballot',
            subjectId: ballotId,
            change: { choice, reason: null, changes: rows[0].changes },
            previousHash: head.hash,
          });
          await c.query(INSERT_EVENT, [
            e.scope,
            e.sequence,
            e.occurredAt,
            e.actorId,
            e.actorName,
            JSON.stringify(e.actorSnapshot),
            e.action,
            e.subjectType,
            e.subjectId,
            JSON.stringify(e.change),
            e.changeDigest,
            e.previousHash,
            e.hash,
          ]);
          if (oneChain)
            await c.query(
              `INSERT INTO audit_chains (scope, last_sequence, last_hash) VALUES ($1,$2,$3) ON CONFLICT (scope) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_hash = EXCLUDED.last_hash`,
              [e.scope, e.sequence, e.hash],
            );
          await c.query('COMMIT');
          heads.set(scope, { sequence: e.sequence, hash: e.hash });
          into.commits++;
          into.latencies.push(performance.now() - s);
        }
      }),
    );
  } finally {
    for (const c of clients) c.release();
  }
  into.seconds += (performance.now() - t0) / 1000;
  return into;
}
