// Benchmark: the comment storm.
//
// 50 members of one working group posting comments on one document through the HTTP API of the
// built API, in a closed loop (bearer auth, validation, policy, the comment row, its hash-chained
// audit event, the live publish, the comment read back). Beside it, in the same run and interleaved
// with it round by round (tests/load/support/interleave.ts), its limit straight through node-postgres
// at the same concurrency:
//   B. the comment insert and its audit row on ONE hash chain, one comment per commit, as the API
//      did before group commit: advisory lock, head read, audit row, head update. The judged limit:
//      a group's acts are one chain, so this is what one-by-one acts could ever reach; the API
//      writes a busy chain's acts in shared transactions (decision 0055), so B is not its ceiling.
//   A. the comment insert and an audit row with nothing shared between writers (each its own chain),
//      for information: what the disk and PostgreSQL give when nothing serialises.
// Goal (decision 0055): API ≥ 1/3 of limit B's commits/s, the median of the pairs' ratios; no comment
// lost or duplicated, one event per comment, the chain verified from genesis.
//
// Environment: BENCH_ROUNDS (4), BENCH_ROUND_SECONDS (5), BENCH_WRITERS (50).
import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import { verifyChain } from '@parley/domain';
import { appendOnChain, type OwnHeads } from './support/chain-limit';
import { cpuMeter, CpuSplit, emitResult, expectOk, http, log, machine, machineLine, Member, ms, num, readChain, resetConnections, runMain, seedGroup, sleep, startApi, startCluster, summarise, today, writeSection } from './support/harness';
import { interleave, judgedRow, pairsTable, shareText } from './support/interleave';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
/**
 * The goal: the API's comments per second against limit B's commits per second (decision 0055). A
 * comment through the API runs about fourteen statements and four times limit B's CPU; group commit
 * takes the chain out of its way, so what is left to judge is that the API path stays within a small
 * factor of the bare commit, as a vote's does.
 */
const GOAL_SHARE_OF_ONE_CHAIN = 1 / 3;

const INSERT_COMMENT = `INSERT INTO comments (document_id, version_id, version_number, clause_id, parent_id, kind, body, author_id, author_snapshot, created_at, mentions)
  VALUES ($1,$2,$3,$4,NULL,'general',$5,$6,$7,$8,'[]') RETURNING id`;

interface Target {
  documentId: string;
  versionId: string;
  clauseIds: string[];
}

interface Writer extends Member {
  snapshot: unknown;
}

/** What the clients were told, per body: the audit checks the database against it. */
interface Ledger {
  acknowledged: Map<string, string>;
  /** Sent but not answered 2xx (a 5xx, a reset): may or may not have committed. */
  unanswered: Set<string>;
  byStatus: Record<string, number>;
  latencies: number[];
}

interface Side {
  ok: number;
  seconds: number;
  latencies: number[];
}

const newSide = (): Side => ({ ok: 0, seconds: 0, latencies: [] });

/** Writers posting comments through the API for `seconds`, each the next when answered. */
async function apiStorm(base: string, target: Target, writers: Writer[], ledger: Ledger, seconds: number, tag: string): Promise<Side> {
  const side = newSide();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  resetConnections();
  await Promise.all(
    writers.map(async (w, i) => {
      for (let k = 0; performance.now() < until; k++) {
        const body = `Comment ${tag}.${i}.${k} by ${w.name}: the wording of this clause should say what it means.`;
        const clauseId = target.clauseIds[(i + k) % target.clauseIds.length];
        const r = await http<{ id: string }>('POST', `${base}/api/documents/${target.documentId}/comments`, { token: w.token ?? undefined, body: { clauseId, body }, timeoutMs: 15_000 });
        const key = r.status ? String(r.status) : (r.error ?? 'error');
        ledger.byStatus[key] = (ledger.byStatus[key] ?? 0) + 1;
        if (r.status === 201) {
          ledger.acknowledged.set(body, r.body.id);
          side.ok++;
          side.latencies.push(r.ms);
        } else {
          if (r.status === 0 || r.status >= 500) ledger.unanswered.add(body);
          await sleep(50);
        }
      }
    }),
  );
  side.seconds = (performance.now() - t0) / 1000;
  ledger.latencies.push(...side.latencies);
  return side;
}

/** Per-writer chain heads of limit A (module level: the rounds continue the same chains). */
const heads: OwnHeads = new Map();

/** `writers.length` connections each committing (comment insert + audit row) in a loop for `seconds`. */
async function limit(pool: Pool, target: Target, writers: Writer[], oneChain: boolean, seconds: number): Promise<Side> {
  const side = newSide();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const clients: PoolClient[] = await Promise.all(writers.map(() => pool.connect()));
  try {
    await Promise.all(
      writers.map(async (w, i) => {
        const c = clients[i];
        const scope = oneChain ? 'bench-comment-limit-one-chain' : `bench-comment-limit-${i}`;
        for (let k = 0; performance.now() < until; k++) {
          const s = performance.now();
          const now = new Date();
          const clauseId = target.clauseIds[(i + k) % target.clauseIds.length];
          const body = `Limit comment ${i}.${k}: the wording of this clause should say what it means.`;
          await c.query('BEGIN');
          const { rows } = await c.query(INSERT_COMMENT, [target.documentId, target.versionId, 1, clauseId, body, w.id, JSON.stringify(w.snapshot), now]);
          const appended = await appendOnChain(c, scope, oneChain ? null : heads, {
            occurredAt: now.toISOString(),
            actorId: w.id,
            actorName: w.name,
            actorSnapshot: w.snapshot as never,
            action: 'comment.posted',
            subjectType: 'comment',
            subjectId: rows[0].id,
            change: { documentId: target.documentId, version: 1, clauseId, parentId: null, kind: 'general', body, quote: null },
          });
          await c.query('COMMIT');
          appended.settle();
          side.ok++;
          side.latencies.push(performance.now() - s);
        }
      }),
    );
  } finally {
    for (const c of clients) c.release();
  }
  side.seconds = (performance.now() - t0) / 1000;
  return side;
}

/** A document of ten operative clauses, created by the chair through the API. */
async function newDocument(base: string, chairToken: string, groupId: string, title: string, db: Pool): Promise<Target> {
  const clauses = Array.from({ length: 10 }, (_, i) => ({ kind: 'operative', text: `Principle ${i + 1}: states cooperate to keep the networks of others open and safe.` }));
  const doc = await expectOk<{ id: string; version: { clauses: { id: string }[] } }>(http('POST', `${base}/api/working-groups/${groupId}/documents`, { token: chairToken, body: { title, clauses } }), 'create a document');
  const { rows } = await db.query(`SELECT id FROM document_versions WHERE document_id = $1 AND number = 1`, [doc.id]);
  return { documentId: doc.id, versionId: rows[0].id, clauseIds: doc.version.clauses.map((c) => c.id) };
}

/** The comments of the storm's document against what the writers were told, and the group's chain. */
async function auditComments(db: Pool, groupId: string, documentId: string, ledger: Ledger) {
  const { rows } = await db.query(`SELECT id, body FROM comments WHERE document_id = $1`, [documentId]);
  const byBody = new Map<string, string[]>();
  for (const r of rows) byBody.set(r.body, [...(byBody.get(r.body) ?? []), r.id]);
  const lost = [...ledger.acknowledged].filter(([body, id]) => !byBody.get(body)?.includes(id)).length;
  const duplicated = [...byBody.values()].filter((ids) => ids.length > 1).length;
  // A row nobody was told about must be one whose answer was lost (a 5xx or a reset after the commit).
  const unexplained = [...byBody.keys()].filter((body) => !ledger.acknowledged.has(body) && !ledger.unanswered.has(body)).length;
  const chain = await readChain(db, `wg:${groupId}`);
  const posted = new Map<string, number>();
  for (const e of chain) if (e.action === 'comment.posted') posted.set(e.subjectId, (posted.get(e.subjectId) ?? 0) + 1);
  const ids = new Set(rows.map((r) => r.id as string));
  const withoutEvent = [...ids].filter((id) => posted.get(id) !== 1).length;
  const eventsWithoutComment = [...posted.keys()].filter((id) => !ids.has(id)).length;
  const verdict = verifyChain(chain);
  return {
    acknowledged: ledger.acknowledged.size,
    rows: rows.length,
    lost,
    duplicated,
    unexplained,
    withoutEvent,
    eventsWithoutComment,
    chain: { ok: verdict.ok, events: chain.length, detail: verdict.ok ? '' : JSON.stringify(verdict).slice(0, 200) },
  };
}

/** Diagnostics (BENCH_STATEMENTS=1): pg_stat_statements loaded before the API starts. */
async function collectStatements(cluster: Awaited<ReturnType<typeof startCluster>>): Promise<void> {
  const admin = new Pool({ connectionString: cluster.url(), max: 1 });
  await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  // Statements run by triggers and functions too, and each function's own time (the triggers').
  await admin.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
  await admin.query(`ALTER SYSTEM SET track_functions = 'all'`);
  await admin.end();
  await cluster.stop();
  await cluster.start();
}

async function topStatements(db: Pool): Promise<string> {
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows } = await db.query(
    `SELECT calls, round(total_exec_time)::int AS ms, round((total_exec_time / greatest(calls, 1))::numeric, 3) AS per_call, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS q
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
  );
  const functions = await db.query(
    `SELECT funcname, calls, round(total_time)::int AS ms, round(self_time)::int AS self FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT 15`,
  );
  const line = (r: { ms: number; calls: number; per_call: string; q: string }) => `${String(r.ms).padStart(7)} ms ${String(r.calls).padStart(7)} × ${String(r.per_call).padStart(8)}  ${r.q}`;
  const fn = (r: { funcname: string; calls: number; ms: number; self: number }) => `${String(r.self).padStart(7)} ms self, ${String(r.ms).padStart(7)} ms total, ${String(r.calls).padStart(7)} calls  ${r.funcname}`;
  return `\n${rows.map(line).join('\n')}\nfunctions by own time:\n${functions.rows.map(fn).join('\n')}`;
}

async function main(): Promise<void> {
  const m = machine();
  log(`comment storm: ${WRITERS} writers, ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s (API, then limit B one chain; limit A for information)`);
  const cluster = await startCluster('comment-storm');
  const statements = process.env.BENCH_STATEMENTS === '1';
  if (statements) await collectStatements(cluster);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: WRITERS + 5 });
  db.on('error', () => undefined); // idle connections cut when the cluster stops
  try {
    api = await startApi(cluster.url('parley_bench'));
    const base = api.base;
    const seeded = await seedGroup(db, { members: WRITERS + 1, withSessions: WRITERS });
    const snapshots = new Map((await db.query(`SELECT person_id, admission_snapshot FROM memberships WHERE working_group_id = $1`, [seeded.groupId])).rows.map((r) => [r.person_id, r.admission_snapshot]));
    const writers: Writer[] = seeded.members.slice(1, WRITERS + 1).map((w) => ({ ...w, snapshot: snapshots.get(w.id) }));
    const target = await newDocument(base, seeded.chair.token!, seeded.groupId, 'The storm: principles under comment', db);
    // The limit writes on its own document of the same group (its chains are its own), the API idle meanwhile.
    const limitTarget = await newDocument(base, seeded.chair.token!, seeded.groupId, 'The limit: the same comments straight through node-postgres', db);
    const ledger: Ledger = { acknowledged: new Map(), unanswered: new Set(), byStatus: {}, latencies: [] };

    // Warm-up of both (not measured; the API's comments go to the same ledger).
    await apiStorm(base, target, writers, ledger, 2, 'warm');
    await limit(db, limitTarget, writers, true, 1);

    const apiPid = () => api?.child.pid;
    const cpu = { api: cpuMeter(cluster, apiPid), b: cpuMeter(cluster, apiPid), a: cpuMeter(cluster, apiPid) };
    const apiSides: Side[] = [];
    const bSides: Side[] = [];
    const aSides: Side[] = [];
    const judged = await interleave({
      rounds: ROUNDS,
      a: async (round) => {
        cpu.api.start();
        const s = await apiStorm(base, target, writers, ledger, ROUND_SECONDS, `r${round}`);
        cpu.api.stop();
        apiSides.push(s);
        log(`round ${round + 1}: API ${num(s.ok / s.seconds, 1)} comments/s`);
        return s.ok / s.seconds;
      },
      b: async (round) => {
        cpu.b.start();
        const s = await limit(db, limitTarget, writers, true, ROUND_SECONDS);
        cpu.b.stop();
        bSides.push(s);
        log(`round ${round + 1}: limit B ${num(s.ok / s.seconds, 1)} commits/s`);
        return s.ok / s.seconds;
      },
      // Limit A, for information only, between the halves of each pair (half a round: it is not judged).
      between: async () => {
        cpu.a.start();
        aSides.push(await limit(db, limitTarget, writers, false, ROUND_SECONDS / 2));
        cpu.a.stop();
      },
    });

    const total = (sides: Side[]) => sides.reduce((t, s) => ({ ok: t.ok + s.ok, seconds: t.seconds + s.seconds, latencies: t.latencies.concat(s.latencies) }), newSide());
    const [apiAll, bAll, aAll] = [total(apiSides), total(bSides), total(aSides)];
    const rate = (s: Side) => s.ok / s.seconds;
    const [apiLatency, bLatency, aLatency] = [summarise(apiAll.latencies), summarise(bAll.latencies), summarise(aAll.latencies)];
    const perComment = (t: CpuSplit, n: number) => ({ api: t.api / n, postgres: t.postgres / n, client: t.client / n, total: (t.api + t.postgres + t.client) / n });
    const cpuApi = perComment(cpu.api.total, apiAll.ok);
    const cpuB = perComment(cpu.b.total, bAll.ok);
    const cpuA = perComment(cpu.a.total, aAll.ok);
    log(`API ${num(rate(apiAll), 1)} comments/s (p99 ${ms(apiLatency.p99)}), limit B ${num(rate(bAll), 1)}, limit A ${num(rate(aAll), 1)} commits/s; ratio ${shareText(judged)}`);
    log(`CPU ms per comment: API ${JSON.stringify(cpuApi)}; limit B ${JSON.stringify(cpuB)}; limit A ${JSON.stringify(cpuA)}`);

    if (statements) log('top statements by total time during the run:', await topStatements(db));
    const audit = await auditComments(db, seeded.groupId, target.documentId, ledger);
    log(`audit: ${JSON.stringify(audit)}`);
    const integrity = audit.lost === 0 && audit.duplicated === 0 && audit.unexplained === 0 && audit.withoutEvent === 0 && audit.eventsWithoutComment === 0 && audit.chain.ok && (ledger.byStatus['500'] ?? 0) === 0;
    const row = judgedRow('comment storm: API / one-chain limit B', judged, {
      measured: `${num(judged.aMedian, 1)} comments/s (median round), ${WRITERS} writers, one document`,
      limit: `limit B ${num(judged.bMedian, 1)} commits/s (comment + audit row on one hash chain)`,
      goal: { atLeast: GOAL_SHARE_OF_ONE_CHAIN },
      info: `API p50 ${ms(apiLatency.p50)}, p99 ${ms(apiLatency.p99)}; CPU per comment API path ${cpuApi.total.toFixed(2)} ms vs limit B ${cpuB.total.toFixed(2)} ms; limit A (unchained) ${num(rate(aAll), 1)} commits/s; integrity ${integrity ? 'clean' : 'BROKEN'}`,
      extraMet: integrity,
    });
    const result = {
      bench: 'comment-storm',
      writers: WRITERS,
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      api: { commentsPerSecond: +rate(apiAll).toFixed(1), ok: apiAll.ok, byStatus: ledger.byStatus, p50: +apiLatency.p50.toFixed(1), p99: +apiLatency.p99.toFixed(1) },
      limitB: { commitsPerSecond: +rate(bAll).toFixed(1), p50: +bLatency.p50.toFixed(1), p99: +bLatency.p99.toFixed(1) },
      limitA: { commitsPerSecond: +rate(aAll).toFixed(1), p50: +aLatency.p50.toFixed(1), p99: +aLatency.p99.toFixed(1) },
      cpuMsPerComment: { api: cpuApi, limitB: cpuB, limitA: cpuA },
      interleaved: { ratio: +judged.ratio.toFixed(3), min: +judged.min.toFixed(3), max: +judged.max.toFixed(3), spread: +judged.spread.toFixed(3), loadBefore: judged.loadBefore, loadAfter: judged.loadAfter },
      audit,
      rows: [row],
      met: row.met,
      machine: m,
    };

    const yes = (b: boolean) => (b ? 'met' : '**missed**');
    writeSection(
      'Comment storm',
      ` (${today()})

${machineLine(m)}
Workload: ${WRITERS} members of one working group posting comments on one document (ten clauses) in a closed loop, through the
HTTP API of the built API (one process, its default pool) on a dedicated embedded PostgreSQL (fsync on). Beside it, interleaved
round by round (${ROUNDS} rounds of ${ROUND_SECONDS} s, A B / B A), its limit on the same database at the same concurrency, the API idle:
limit B, the comment insert and its audit row on one hash chain straight through node-postgres (advisory lock, head read, audit
row, head update: what acts committed one by one could reach); limit A, the same with a chain per writer, for information.
The API writes a busy chain's acts in shared transactions, each act in its own savepoint (decision 0055).

**API / limit B: ${shareText(judged)}** — goal ≥ ${(GOAL_SHARE_OF_ONE_CHAIN * 100).toFixed(0)} %: ${yes(judged.ratio >= GOAL_SHARE_OF_ONE_CHAIN)}; integrity: ${yes(integrity)}.

${pairsTable(judged, { a: 'API', b: 'limit B', unit: 'comments/s' })}

| all rounds | commits/s | p50 | p99 | CPU ms per comment (API + PostgreSQL + client) |
| --- | --- | --- | --- | --- |
| **API**: POST /api/documents/:id/comments (${num(apiAll.ok)} answered 201) | ${num(rate(apiAll), 1)} | ${ms(apiLatency.p50)} | ${ms(apiLatency.p99)} | ${cpuApi.api.toFixed(2)} + ${cpuApi.postgres.toFixed(2)} + ${cpuApi.client.toFixed(2)} = **${cpuApi.total.toFixed(2)}** |
| limit B: comment + audit row on one hash chain | ${num(rate(bAll), 1)} | ${ms(bLatency.p50)} | ${ms(bLatency.p99)} | — + ${cpuB.postgres.toFixed(2)} + ${cpuB.client.toFixed(2)} = ${cpuB.total.toFixed(2)} |
| limit A (information): the same, a chain per writer | ${num(rate(aAll), 1)} | ${ms(aLatency.p50)} | ${ms(aLatency.p99)} | — + ${cpuA.postgres.toFixed(2)} + ${cpuA.client.toFixed(2)} = ${cpuA.total.toFixed(2)} |

Statuses: ${Object.entries(ledger.byStatus)
        .map(([k, v]) => `${k} × ${num(v)}`)
        .join(', ')} (warm-up included). Load average (1 min) ${judged.loadBefore.toFixed(2)} before, ${judged.loadAfter.toFixed(2)} after.
Integrity: ${num(audit.acknowledged)} comments acknowledged, ${num(audit.rows)} rows; lost ${audit.lost}, duplicated ${audit.duplicated}, rows nobody was
told about ${audit.unexplained}, comments without exactly one event ${audit.withoutEvent}, events without their comment ${audit.eventsWithoutComment};
the group's chain ${audit.chain.ok ? `verified from genesis (${num(audit.chain.events)} events)` : `BROKEN: ${audit.chain.detail}`} — ${yes(integrity)}.
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
