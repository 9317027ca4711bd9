// Benchmark: what recording a session's last use (issue #24, decision 0051) costs authenticated requests.
//
// Two API processes side by side, each on its own database of one PostgreSQL, each with a group whose
// SESSIONS members have a live bearer session (seedGroup). One records last use (PARLEY_SESSION_LAST_USE=on)
// with PARLEY_SESSION_TOUCH_SECONDS=1 — sixty times the default rate, so every session is written
// again each second of the run, the worst case rather than a quiet minute; the other records none
// (off). CONCURRENCY clients each send GET /api/me with a session chosen at random, back to back, for
// ROUND_SECONDS; rounds alternate between the two APIs (which goes first alternates too), after one
// round each to warm up. Measured: requests per second of each round, and their latency. Also checked:
// the "on" side really wrote last uses (its sessions' last_used_at moved), the "off" side none.
// Goal: throughput off / throughput on ≤ 1.05 (medians of the rounds).
//
// Environment: BENCH_ROUNDS (6 each way), BENCH_ROUND_SECONDS (3), BENCH_SESSIONS (500), BENCH_CONCURRENCY (32).
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  emitResult,
  http,
  log,
  machine,
  machineLine,
  ms,
  resetConnections,
  runMain,
  seedGroup,
  sleep,
  startApi,
  startCluster,
  summarise,
  today,
  writeSection,
} from './support/harness';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const RATIO = 1.05;

interface Round {
  perSecond: number;
  latencies: number[];
}

/** CONCURRENCY loops of GET /api/me for ROUND_SECONDS, each request with a random one of the tokens. */
async function round(base: string, tokens: string[]): Promise<Round> {
  resetConnections();
  const latencies: number[] = [];
  const until = performance.now() + ROUND_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const r = await http('GET', `${base}/api/me`, { token: tokens[Math.floor(Math.random() * tokens.length)] });
        if (r.status !== 200) throw new Error(`GET /api/me: ${r.status} ${r.error ?? JSON.stringify(r.body).slice(0, 200)}`);
        latencies.push(r.ms);
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - t0) / 1000), latencies };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const m = machine();
  log(
    `sessions: ${SESSIONS} sessions, ${CONCURRENCY} concurrent clients, ${ROUNDS} rounds of ${ROUND_SECONDS} s each way, last use on (every second) against off`,
  );
  const cluster = await startCluster('sessions');
  const admin = new Pool({ connectionString: cluster.url(), max: 1 });
  await admin.query('CREATE DATABASE parley_bench_off');
  await admin.end();
  const dbOn = new Pool({ connectionString: cluster.url('parley_bench'), max: 2 });
  const dbOff = new Pool({ connectionString: cluster.url('parley_bench_off'), max: 2 });
  dbOn.on('error', () => undefined);
  dbOff.on('error', () => undefined);
  let apiOn: Awaited<ReturnType<typeof startApi>> | null = null;
  let apiOff: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    [apiOn, apiOff] = await Promise.all([
      startApi(cluster.url('parley_bench'), { env: { PARLEY_SESSION_LAST_USE: 'on', PARLEY_SESSION_TOUCH_SECONDS: '1' }, name: 'api-on' }),
      startApi(cluster.url('parley_bench_off'), { env: { PARLEY_SESSION_LAST_USE: 'off' }, name: 'api-off' }),
    ]);
    const tokensOf = async (db: Pool) => {
      const g = await seedGroup(db, { members: SESSIONS, withSessions: SESSIONS - 1 });
      // Seeded sessions start "used" an hour ago, so the first request of each is due a write.
      await db.query(`UPDATE sessions SET last_used_at = now() - interval '1 hour'`);
      return g.members.map((p) => p.token).filter((t): t is string => t !== null);
    };
    const [tokensOn, tokensOff] = [await tokensOf(dbOn), await tokensOf(dbOff)];
    if (tokensOn.length !== SESSIONS || tokensOff.length !== SESSIONS) throw new Error(`seeded ${tokensOn.length} and ${tokensOff.length} sessions`);
    const started = new Date();

    const on: Round[] = [];
    const off: Round[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      const pair =
        i % 2 === 0
          ? [await round(apiOn.base, tokensOn), await round(apiOff.base, tokensOff)]
          : [await round(apiOff.base, tokensOff), await round(apiOn.base, tokensOn)].reverse();
      await sleep(200);
      if (i === 0) continue;
      on.push(pair[0]);
      off.push(pair[1]);
    }
    await sleep(1_500);
    const touched = async (db: Pool) => (await db.query(`SELECT count(*)::int AS n FROM sessions WHERE last_used_at >= $1`, [started])).rows[0].n as number;
    const [touchedOn, touchedOff] = [await touched(dbOn), await touched(dbOff)];

    const onRate = median(on.map((r) => r.perSecond));
    const offRate = median(off.map((r) => r.perSecond));
    const onS = summarise(on.flatMap((r) => r.latencies));
    const offS = summarise(off.flatMap((r) => r.latencies));
    const ratio = offRate / onRate;
    const met = ratio <= RATIO && touchedOn === SESSIONS && touchedOff === 0;
    log(
      `off ${offRate.toFixed(0)} req/s (p50 ${ms(offS.p50)}), on ${onRate.toFixed(0)} req/s (p50 ${ms(onS.p50)}): cost ${ratio.toFixed(3)}×; sessions written on ${touchedOn}, off ${touchedOff}`,
    );

    writeSection(
      'Sessions',
      ` (${today()})

${machineLine(m)}
Workload (issue #24, decision 0051): authenticated requests (GET /api/me with a bearer token) from ${CONCURRENCY} concurrent clients, each request with one of ${SESSIONS} live sessions chosen at random, back to back for ${ROUND_SECONDS} s per round. Two API processes side by side, each on its own database of the same PostgreSQL: one records each session's last use (PARLEY_SESSION_LAST_USE=on, and PARLEY_SESSION_TOUCH_SECONDS=1: every session due a write every second, sixty times the default rate — the worst case), the other records none (off). Rounds alternate between them (which goes first alternates too), ${ROUNDS} each after one each to warm up. Last use is noted in memory on the request's path and written a second later, many sessions in one UPDATE, off it.

What is measured: requests per second of each round (median of the rounds) and the latency of every request. Goal: throughput off / on ≤ ${RATIO}×, and last use really recorded (every one of the ${SESSIONS} sessions written on the “on” side, none on the other).

| | requests/s (median of rounds) | p50 | p90 | p99 | max |
| --- | --- | --- | --- | --- | --- |
| last use off | ${offRate.toFixed(0)} | ${ms(offS.p50)} | ${ms(offS.p90)} | ${ms(offS.p99)} | ${ms(offS.max)} |
| last use on (written every second) | ${onRate.toFixed(0)} | ${ms(onS.p50)} | ${ms(onS.p90)} | ${ms(onS.p99)} | ${ms(onS.max)} |

Cost off / on: ${ratio.toFixed(3)}× — goal ≤ ${RATIO}×: ${ratio <= RATIO ? 'met' : '**missed**'}. Sessions whose last use was written: ${touchedOn} of ${SESSIONS} (on), ${touchedOff} (off). Rounds, requests/s on: ${on.map((r) => r.perSecond.toFixed(0)).join(', ')}; off: ${off.map((r) => r.perSecond.toFixed(0)).join(', ')}.
`,
    );
    const result = {
      bench: 'sessions',
      sessions: SESSIONS,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      onRate,
      offRate,
      on: onS,
      off: offS,
      ratio,
      touchedOn,
      touchedOff,
      met,
      machine: m,
    };
    emitResult('BENCH', result);
    if (!met) process.exitCode = 1;
  } finally {
    await Promise.all([apiOn?.stop(), apiOff?.stop()]);
    await Promise.all([dbOn.end().catch(() => undefined), dbOff.end().catch(() => undefined)]);
    await cluster.destroy();
  }
}

runMain(main);
