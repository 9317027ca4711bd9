// Benchmark: the vote storm.
//
// 500 members in one working group, one hot ballot, 50 of them casting and changing their votes
// through the HTTP API for 20 s (bearer auth, validation, policy, the vote row, its hash-chained
// audit event, the live publish). Then, on the same database in the same run, the physical limit:
// the same two inserts (the vote upsert the API runs, and an audit row) in one transaction straight
// through node-postgres at the same concurrency, measured twice:
//   A. the two inserts alone (each worker appends to its own chain: nothing serialises them);
//   B. the two inserts on ONE hash chain, one vote per commit: advisory lock, head read, audit row,
//      head update (a chain is a sequence, so its appends queue; the API writes a busy ballot's votes
//      in batches, one commit and one chain lock per batch, so B is not its ceiling).
// Goal: API ≥ 1/3 of limit A's commits per second, API p99 < 100 ms, no vote lost or duplicated
// (the votes table against the last 2xx of each voter, and the audit chain verified from genesis).
//
// Environment: BENCH_SECONDS (20), BENCH_LIMIT_SECONDS (10), BENCH_VOTERS (50), BENCH_MEMBERS (500).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import { GENESIS_HASH, sealEvent } from '@parley/domain';
import {
  auditClean,
  auditVotes,
  cpuMeter,
  CpuSplit,
  emitResult,
  log,
  machine,
  machineLine,
  ms,
  num,
  openMotion,
  runMain,
  seedGroup,
  startApi,
  startCluster,
  summarise,
  today,
  VoterLedger,
  writeSection,
} from './support/harness';
import { newStormStats, storm } from './support/storm';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LIMIT_SECONDS = Number(process.env.BENCH_LIMIT_SECONDS ?? 10);
const VOTERS = Number(process.env.BENCH_VOTERS ?? 50);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
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

interface LimitRun {
  commits: number;
  seconds: number;
  latencies: number[];
}

function newLimit(): LimitRun {
  return { commits: 0, seconds: 0, latencies: [] };
}

/** `voters.length` connections, each committing (vote upsert + audit row) in a loop for `seconds`; adds to `into`. */
async function limit(
  pool: Pool,
  ballotId: string,
  voters: { id: string; name: string; snapshot: unknown }[],
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

/** Diagnostics (BENCH_SAMPLE=1): what the API's connections are doing, sampled every 20 ms. */
function sampleActivity(url: string) {
  const pool = new Pool({ connectionString: url, max: 1 });
  const counts = new Map<string, number>();
  let on = false;
  let done = false;
  const loop = (async () => {
    while (!done) {
      if (on) {
        const { rows } = await pool.query(
          `SELECT state, coalesce(wait_event_type || ':' || wait_event, 'cpu') AS w, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS q FROM pg_stat_activity WHERE application_name = 'parley-api' AND state <> 'idle'`,
        );
        for (const r of rows) counts.set(`${r.state} | ${r.w} | ${r.q}`, (counts.get(`${r.state} | ${r.w} | ${r.q}`) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    on: () => void (on = true),
    off: () => void (on = false),
    stop: async () => {
      done = true;
      await loop;
      await pool.end();
      return (
        '\n' +
        [...counts]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 25)
          .map(([k, v]) => `${String(v).padStart(6)} ${k}`)
          .join('\n')
      );
    },
  };
}

async function main(): Promise<void> {
  const m = machine();
  log(`vote storm: ${MEMBERS} members, ${VOTERS} voters, ${SECONDS} s through the API; limit ${LIMIT_SECONDS} s × 2`);
  const cluster = await startCluster('vote-storm');
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: VOTERS + 5 });
  db.on('error', () => undefined); // idle connections cut when the cluster stops
  try {
    api = await startApi(cluster.url('parley_bench'));
    const seeded = await seedGroup(db, { members: MEMBERS, withSessions: VOTERS });
    const voters = seeded.members.slice(1, VOTERS + 1);
    const closesAt = new Date(Date.now() + 3600_000);
    const hot = await openMotion(api.base, seeded.chair.token, seeded.groupId, closesAt);
    const base = api.base;

    // The limit runs on a second ballot with the same electorate, the API idle meanwhile.
    const limitBallot = await openMotion(api.base, seeded.chair.token, seeded.groupId, closesAt, { title: 'The physical limit of the storm' });
    const snapshots = await db.query(`SELECT person_id, name, snapshot FROM ballot_electors WHERE ballot_id = $1`, [limitBallot.id]);
    const byId = new Map(snapshots.rows.map((r) => [r.person_id, r]));
    const limitVoters = voters.map((v) => ({ id: v.id, name: v.name, snapshot: byId.get(v.id)?.snapshot }));

    // Warm-up of both (not measured; the API's votes go to the same ledger).
    const ledgers = new Map<string, VoterLedger>();
    await storm({ base: () => base, ballotId: hot.id, voters, ledgers, seconds: 2, measure: false });
    await limit(db, limitBallot.id, limitVoters, false, 1);

    // Interleaved rounds (API, limit A, limit B), so that the machine's other load weighs on all three alike.
    const s = newStormStats();
    const a = newLimit();
    const b = newLimit();
    const apiPid = () => api?.child.pid;
    const cpu = { api: cpuMeter(cluster, apiPid), a: cpuMeter(cluster, apiPid), b: cpuMeter(cluster, apiPid) };
    const sampler = process.env.BENCH_SAMPLE ? sampleActivity(cluster.url('parley_bench')) : null;
    for (let round = 1; round <= ROUNDS; round++) {
      sampler?.on();
      cpu.api.start();
      await storm({ base: () => base, ballotId: hot.id, voters, ledgers, seconds: SECONDS / ROUNDS }, s);
      cpu.api.stop();
      sampler?.off();
      cpu.a.start();
      await limit(db, limitBallot.id, limitVoters, false, LIMIT_SECONDS / ROUNDS, a);
      cpu.a.stop();
      cpu.b.start();
      await limit(db, limitBallot.id, limitVoters, true, LIMIT_SECONDS / ROUNDS, b);
      cpu.b.stop();
      log(
        `round ${round}/${ROUNDS}: API ${num(s.ok / s.seconds, 1)} votes/s, limit A ${num(a.commits / a.seconds, 1)}, limit B ${num(b.commits / b.seconds, 1)} commits/s (so far)`,
      );
    }
    if (sampler) log('pg_stat_activity of the API during the storm:', await sampler.stop());
    const apiLatency = summarise(s.okLatencies);
    const apiRate = s.ok / s.seconds;
    const aRate = a.commits / a.seconds;
    const bRate = b.commits / b.seconds;
    const aLatency = summarise(a.latencies);
    const bLatency = summarise(b.latencies);
    log(`API: ${num(apiRate, 1)} votes/s, p50 ${ms(apiLatency.p50)}, p99 ${ms(apiLatency.p99)}, statuses ${JSON.stringify(s.byStatus)}`);
    log(
      `limit A: ${num(aRate, 1)} commits/s, p50 ${ms(aLatency.p50)}, p99 ${ms(aLatency.p99)}; limit B: ${num(bRate, 1)} commits/s, p50 ${ms(bLatency.p50)}, p99 ${ms(bLatency.p99)}`,
    );
    const perCommit = (t: CpuSplit, n: number) => ({
      api: t.api / n,
      postgres: t.postgres / n,
      client: t.client / n,
      total: (t.api + t.postgres + t.client) / n,
    });
    const cpuApi = perCommit(cpu.api.total, s.ok);
    const cpuA = perCommit(cpu.a.total, a.commits);
    const cpuB = perCommit(cpu.b.total, b.commits);
    log(`CPU ms per commit: API ${JSON.stringify(cpuApi)}; limit A ${JSON.stringify(cpuA)}; limit B ${JSON.stringify(cpuB)}`);
    const audit = await auditVotes(db, seeded.groupId, hot.id, ledgers);
    log(`audit: ${JSON.stringify({ ...audit, problems: audit.problems.slice(0, 5) })}`);

    const ratioA = apiRate / aRate;
    const ratioB = apiRate / bRate;
    const clean = auditClean(audit);
    const goals = { throughput: ratioA >= 1 / 3, p99: apiLatency.p99 < 100, integrity: clean && (s.byStatus['500'] ?? 0) === 0 };
    const result = {
      bench: 'vote-storm',
      members: MEMBERS,
      voters: VOTERS,
      seconds: +s.seconds.toFixed(1),
      api: {
        votesPerSecond: +apiRate.toFixed(1),
        requests: s.requests,
        ok: s.ok,
        byStatus: s.byStatus,
        p50: +apiLatency.p50.toFixed(1),
        p90: +apiLatency.p90.toFixed(1),
        p99: +apiLatency.p99.toFixed(1),
        max: +apiLatency.max.toFixed(1),
      },
      limitA: { commitsPerSecond: +aRate.toFixed(1), p50: +aLatency.p50.toFixed(1), p99: +aLatency.p99.toFixed(1) },
      limitB: { commitsPerSecond: +bRate.toFixed(1), p50: +bLatency.p50.toFixed(1), p99: +bLatency.p99.toFixed(1) },
      cpuMsPerCommit: { api: cpuApi, limitA: cpuA, limitB: cpuB },
      ratioA: +ratioA.toFixed(3),
      ratioB: +ratioB.toFixed(3),
      audit: { ...audit, problems: audit.problems.slice(0, 10) },
      goals,
      met: goals.throughput && goals.p99 && goals.integrity,
      machine: m,
    };

    const yes = (b: boolean) => (b ? 'met' : '**missed**');
    writeSection(
      'Vote storm',
      ` (${today()})

${machineLine(m)}
Workload: ${MEMBERS} members of one working group, one open roll-call ballot with live tallies, ${VOTERS} voters each casting
then changing their vote in a closed loop (the next request leaves when the previous one is answered) for ${num(s.seconds, 1)} s,
through the HTTP API of the built API (one process, its default pool of 20 connections) on a dedicated embedded PostgreSQL
(fsync on). The limit runs on the same database in the same run, ${VOTERS} node-postgres connections, the API idle.

| | commits/s | p50 | p99 | max | ratio API / this |
| --- | --- | --- | --- | --- | --- |
| **API**: POST /api/ballots/:id/votes (${num(s.ok)} answered 2xx of ${num(s.requests)}) | ${num(apiRate, 1)} | ${ms(apiLatency.p50)} | ${ms(apiLatency.p99)} | ${ms(apiLatency.max)} | |
| limit A: vote upsert + audit row in one transaction | ${num(aRate, 1)} | ${ms(aLatency.p50)} | ${ms(aLatency.p99)} | ${ms(aLatency.max)} | **${(ratioA * 100).toFixed(0)} %** |
| limit B: the same on one hash chain (advisory lock, head read, audit row, head update) | ${num(bRate, 1)} | ${ms(bLatency.p50)} | ${ms(bLatency.p99)} | ${ms(bLatency.max)} | ${(ratioB * 100).toFixed(0)} % |

Statuses: ${Object.entries(s.byStatus)
        .map(([k, v]) => `${k} × ${num(v)}`)
        .join(', ')}.
Integrity: ${audit.voters} voters, ${num(audit.acknowledged)} acknowledged votes (warm-up included), ${audit.votesInTable} vote rows,
${num(audit.eventsForBallot)} vote events; lost ${audit.lost}, duplicated ${audit.duplicated}, votes without their event ${audit.votesWithoutEvent},
events without their vote ${audit.eventsWithoutVote}, row/event mismatches ${audit.mismatched}; audit chain ${audit.chain.ok ? `verified from genesis (${num(audit.chain.events)} events)` : `BROKEN: ${audit.chain.detail}`}.

CPU time per commit, from /proc (the API process, every PostgreSQL process, this client process) — steadier than rates on a shared machine:

| ms of CPU per commit | API process | PostgreSQL | client | total |
| --- | --- | --- | --- | --- |
| API path | ${cpuApi.api.toFixed(2)} | ${cpuApi.postgres.toFixed(2)} | ${cpuApi.client.toFixed(2)} | **${cpuApi.total.toFixed(2)}** |
| limit A | — | ${cpuA.postgres.toFixed(2)} | ${cpuA.client.toFixed(2)} | **${cpuA.total.toFixed(2)}** |
| limit B | — | ${cpuB.postgres.toFixed(2)} | ${cpuB.client.toFixed(2)} | ${cpuB.total.toFixed(2)} |

A vote through the API costs ${(cpuApi.total / cpuA.total).toFixed(1)}× the CPU of limit A's commit, so on CPU-bound cores the API cannot exceed about ${((cpuA.total / cpuApi.total) * 100).toFixed(0)} % of limit A's rate.

Goals: API ≥ 1/3 of limit A — ${yes(goals.throughput)} (${(ratioA * 100).toFixed(0)} %); p99 < 100 ms — ${yes(goals.p99)} (${ms(apiLatency.p99)}); 0 lost or duplicated, chain valid — ${yes(goals.integrity)}.
`,
    );
    emitResult('BENCH', result);
    if (!result.met) process.exitCode = 1;
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
