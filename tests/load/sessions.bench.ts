// Benchmark: what recording a session's last use (issue #24, decision 0051) costs authenticated requests.
//
// Three API processes side by side, each on its own database of one PostgreSQL, each with a group
// whose SESSIONS members have a live bearer session (seedGroup; every session last used an hour ago,
// so each is due a write at its first request):
//  - off: PARLEY_SESSION_LAST_USE=off, no last use recorded (the baseline);
//  - on: last use recorded as shipped, at most once a minute per session (PARLEY_SESSION_TOUCH_SECONDS=60);
//  - every second: PARLEY_SESSION_TOUCH_SECONDS=1, sixty times the shipped rate (a stress, for information).
// CONCURRENCY clients each send GET /api/me with a session chosen at random, back to back, for
// ROUND_SECONDS; rounds rotate between the three APIs (which goes first rotates too), after one round
// each to warm up. Measured: the CPU time each request costs (the API process and PostgreSQL, from
// /proc; each round metered until 1.2 s after it ends, so a side's batched write counts in its own
// round), requests per second, latency. Checked: the recording sides wrote the last use of every
// session they used, "off" none. Goal: CPU per request on / off ≤ 1.05 (median of the rounds' ratios).
// Throughput is reported too; on a shared machine it swings by a fifth from round to round.
//
// Environment: BENCH_ROUNDS (8 each), BENCH_ROUND_SECONDS (3), BENCH_SESSIONS (500), BENCH_CONCURRENCY (32).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  emitResult,
  http,
  log,
  machine,
  machineLine,
  ms,
  postgresCpuMs,
  processCpuMs,
  resetConnections,
  runMain,
  seedGroup,
  sleep,
  startApi,
  startCluster,
  summarise,
  today,
  writeSection,
  type ApiProcess,
  type Cluster,
} from './support/harness';
import { judgedRow, summarisePairs } from './support/interleave';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const RATIO = 1.05;

interface Round {
  perSecond: number;
  latencies: number[];
  /** CPU milliseconds (API process + PostgreSQL) per request, the round's write included. */
  cpuPerRequest: number;
  used: Set<string>;
}

/** CONCURRENCY loops of GET /api/me for ROUND_SECONDS, each request with a random one of the tokens; CPU metered until 1.2 s after. */
async function round(cluster: Cluster, api: ApiProcess, tokens: string[]): Promise<Round> {
  resetConnections();
  const latencies: number[] = [];
  const used = new Set<string>();
  const cpu = () => processCpuMs(api.child.pid) + postgresCpuMs(cluster);
  const cpu0 = cpu();
  const until = performance.now() + ROUND_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const token = tokens[Math.floor(Math.random() * tokens.length)];
        const r = await http('GET', `${api.base}/api/me`, { token });
        if (r.status !== 200) throw new Error(`GET /api/me: ${r.status} ${r.error ?? JSON.stringify(r.body).slice(0, 200)}`);
        latencies.push(r.ms);
        used.add(token);
      }
    }),
  );
  const perSecond = latencies.length / ((performance.now() - t0) / 1000);
  await sleep(1_200);
  return { perSecond, latencies, cpuPerRequest: (cpu() - cpu0) / latencies.length, used };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SIDES = [
  { key: 'off', label: 'last use off', env: { PARLEY_SESSION_LAST_USE: 'off' } },
  { key: 'on', label: 'last use on, at most once a minute (as shipped)', env: { PARLEY_SESSION_LAST_USE: 'on', PARLEY_SESSION_TOUCH_SECONDS: '60' } },
  { key: 'stress', label: 'last use on, every second (stress)', env: { PARLEY_SESSION_LAST_USE: 'on', PARLEY_SESSION_TOUCH_SECONDS: '1' } },
] as const;
type SideKey = (typeof SIDES)[number]['key'];

async function main(): Promise<void> {
  const m = machine();
  log(
    `sessions: ${SESSIONS} sessions, ${CONCURRENCY} concurrent clients, ${ROUNDS} rounds of ${ROUND_SECONDS} s on each of three APIs: last use off, once a minute, every second`,
  );
  const cluster = await startCluster('sessions');
  const admin = new Pool({ connectionString: cluster.url(), max: 1 });
  for (const side of SIDES) await admin.query(`CREATE DATABASE parley_bench_${side.key}`);
  await admin.end();
  const dbs = SIDES.map((side) => new Pool({ connectionString: cluster.url(`parley_bench_${side.key}`), max: 2 }));
  for (const db of dbs) db.on('error', () => undefined);
  const apis: (ApiProcess | null)[] = SIDES.map(() => null);
  try {
    const started = await Promise.all(SIDES.map((side) => startApi(cluster.url(`parley_bench_${side.key}`), { env: side.env, name: `api-${side.key}` })));
    started.forEach((a, k) => (apis[k] = a));
    const tokens: string[][] = [];
    for (const db of dbs) {
      const g = await seedGroup(db, { members: SESSIONS, withSessions: SESSIONS - 1 });
      await db.query(`UPDATE sessions SET last_used_at = now() - interval '1 hour'`);
      tokens.push(g.members.map((p) => p.token).filter((t): t is string => t !== null));
    }
    if (tokens.some((t) => t.length !== SESSIONS)) throw new Error(`seeded ${tokens.map((t) => t.length).join(', ')} sessions`);
    const since = new Date();

    const rounds: Round[][] = SIDES.map(() => []);
    const loads: number[] = [];
    const loadBefore = loadavg()[0];
    for (let i = 0; i < ROUNDS + 1; i++) {
      if (i > 0) loads.push(loadavg()[0]);
      for (let j = 0; j < SIDES.length; j++) {
        const k = (i + j) % SIDES.length;
        const r = await round(cluster, started[k], tokens[k]);
        if (i > 0) rounds[k].push(r);
      }
    }
    await sleep(1_500);
    const figures = await Promise.all(
      SIDES.map(async (side, k) => {
        const rs = rounds[k];
        const written = (await dbs[k].query(`SELECT count(*)::int AS n FROM sessions WHERE last_used_at >= $1`, [since])).rows[0].n as number;
        return {
          key: side.key as SideKey,
          label: side.label,
          cpu: median(rs.map((r) => r.cpuPerRequest)),
          rate: median(rs.map((r) => r.perSecond)),
          latency: summarise(rs.flatMap((r) => r.latencies)),
          used: new Set(rs.flatMap((r) => [...r.used])).size,
          written,
          rates: rs.map((r) => r.perSecond.toFixed(0)),
        };
      }),
    );
    const [off, on, stress] = figures;
    const ratioOf = (k: number) => median(rounds[k].map((r, n) => r.cpuPerRequest / rounds[0][n].cpuPerRequest));
    const cpuRatio = ratioOf(1);
    const stressRatio = ratioOf(2);
    const throughputRatio = off.rate / on.rate;
    // Sessions used only in the warm-up round are written too: at least every one used in the measured rounds.
    const recorded = on.written >= on.used && stress.written >= stress.used && off.written === 0;
    // The judged row: on beside off, round by round (the rounds rotate which side goes first).
    const judged = summarisePairs(
      rounds[1].map((r, n) => ({ round: n, a: r.cpuPerRequest, b: rounds[0][n].cpuPerRequest, ratio: r.cpuPerRequest / rounds[0][n].cpuPerRequest, load: loads[n] })),
      loadBefore,
      loadavg()[0],
    );
    const row = judgedRow(`Sessions: GET /api/me by ${CONCURRENCY} clients over ${SESSIONS} sessions, last use recorded (at most once a minute)`, judged, {
      measured: `${on.cpu.toFixed(2)} ms CPU per request (${on.rate.toFixed(0)} requests/s)`,
      limit: `the same without last use, interleaved rounds: ${off.cpu.toFixed(2)} ms (${off.rate.toFixed(0)} requests/s)`,
      goal: { atMost: RATIO },
      extraMet: recorded,
      info: `last use recorded: ${recorded ? 'yes' : '**no**'}; written every second: ${stressRatio.toFixed(3)}×`,
    });
    const met = row.met;
    log(
      `CPU per request: off ${off.cpu.toFixed(2)} ms, on ${on.cpu.toFixed(2)} ms (${cpuRatio.toFixed(3)}×), every second ${stress.cpu.toFixed(2)} ms (${stressRatio.toFixed(3)}×); requests/s off ${off.rate.toFixed(0)}, on ${on.rate.toFixed(0)}, every second ${stress.rate.toFixed(0)}; written ${on.written}/${stress.written}/${off.written}`,
    );

    writeSection(
      'Sessions',
      ` (${today()})

${machineLine(m)}
Workload (issue #24, decision 0051): authenticated requests (GET /api/me with a bearer token) from ${CONCURRENCY} concurrent clients, each request with one of ${SESSIONS} live sessions chosen at random (every one last used an hour before, so due a write at its first request), back to back for ${ROUND_SECONDS} s per round. Three API processes side by side, each on its own database of the same PostgreSQL: last use off (PARLEY_SESSION_LAST_USE=off), on as shipped (at most once a minute per session), and on every second (PARLEY_SESSION_TOUCH_SECONDS=1, sixty times the shipped rate: a stress, for information). Rounds rotate between them (which goes first rotates too), ${ROUNDS} each after one each to warm up. Last use is noted in memory on the request's path and written a second later, many sessions in one UPDATE, off it.

What is measured: the CPU time each request costs, the API process and PostgreSQL together (from /proc; each round is metered until 1.2 s after its last request, so a side's batched write counts in its own round), requests per second of each round, and the latency of every request. Goal: CPU per request on / off ≤ ${RATIO}× (median of the rounds' ratios), and last use really recorded (every session used written on both recording sides, none on “off”). Throughput is given too, but on this shared machine it swings by a fifth from one round to the next with other tenants' load.

| | CPU per request (median of rounds) | on / off | requests/s (median) | p50 | p90 | p99 | sessions written (used) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${figures
  .map(
    (f, k) =>
      `| ${f.label} | ${f.cpu.toFixed(2)} ms | ${k === 0 ? '' : `${ratioOf(k).toFixed(3)}×`} | ${f.rate.toFixed(0)} | ${ms(f.latency.p50)} | ${ms(f.latency.p90)} | ${ms(f.latency.p99)} | ${f.written} (${f.used}) |`,
  )
  .join('\n')}

CPU per request with last use on, as shipped, against off: ${cpuRatio.toFixed(3)}× (pairs ${judged.min.toFixed(3)}–${judged.max.toFixed(3)}, ${judged.pairs.length} pairs; load ${judged.loadBefore.toFixed(2)} → ${judged.loadAfter.toFixed(2)}) — goal ≤ ${RATIO}×: ${cpuRatio <= RATIO ? 'met' : '**missed**'}; last use recorded: ${recorded ? 'yes' : '**no**'}. Every second (stress): ${stressRatio.toFixed(3)}×. Throughput off / on: ${throughputRatio.toFixed(3)}×. The sides run the same code but for the write, so a ratio below 1 is this machine's noise (the rounds' own spread, below, is wider than any difference between the sides), not a saving: read it as no measurable cost. Rounds, requests/s: ${figures.map((f) => `${f.key} ${f.rates.join(', ')}`).join('; ')}.
`,
    );
    const result = {
      bench: 'sessions',
      rows: [row],
      sessions: SESSIONS,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      off,
      on,
      stress,
      cpuRatio,
      stressRatio,
      throughputRatio,
      recorded,
      met,
      machine: m,
    };
    emitResult('BENCH', result);
    if (!met) process.exitCode = 1;
  } finally {
    await Promise.all(apis.map((a) => a?.stop()));
    await Promise.all(dbs.map((db) => db.end().catch(() => undefined)));
    await cluster.destroy();
  }
}

runMain(main);
