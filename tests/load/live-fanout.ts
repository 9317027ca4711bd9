// Benchmark: live fan-out to one crowded document room, on one API instance and on two, each
// beside bare socket.io at the same client count, in interleaved rounds (issue #26).
//
// Clients (real socket.io over WebSocket, in client processes of their own: live-fanout-clients.ts)
// follow one document; a delegate posts a comment every BENCH_INTERVAL_MS over HTTP. The limit is
// a bare socket.io server (no database, no auth): an HTTP trigger that emits to the room a payload
// of the same size. Both sides stay connected for the whole case and take turns, round after round
// (A B, B A…: tests/load/support/interleave.ts), so a machine that gets busier halfway through
// slows both sides of the pairs it touches. Judged: p99 from the moment the trigger was sent to
// each client's receipt, Parley / bare, pair by pair, median with its spread; 0 lost, 0 duplicated.
// Reported beside it: the fan-out part alone ("from the event's time": Parley's event is stamped
// inside its transaction, bare's at its emit), and the servers' CPU per message.
//
// Cases: one instance (every client on it); two instances on one database with the PostgreSQL
// adapter (half of the clients on each, every comment POSTed to instance 1, so half of the
// deliveries cross the adapter); the same with the Redis adapter when a Redis answers at
// 127.0.0.1:6379. tests/load/live-viewers-5000.ts runs 5,000 viewers over two instances.
//
// Run from the repository root with `npm run bench -- live-fanout`. Environment: BENCH_CLIENTS
// (1000), BENCH_INTERVAL_MS (200: at 100, 10,000 deliveries a second, a 2-core machine shared at a
// load of 15 could not keep up on either side and the run measured queues), BENCH_SECONDS (15), BENCH_ROUNDS (3), BENCH_REDIS=false (skip
// the Redis case), BENCH_CASES (e.g. "one,two-pg"), BENCH_CLIENT_PROCESSES (per side, 1 per 2,500
// clients), BENCH_CPU_PROF=true (profile the API of the first case: a top-functions table in the
// section), BENCH_WRITE=false (leave docs/benchmarks.md alone).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitResult, machine, machineLine, processCpuMs, today, writeSection } from './support/harness';
import { interleave, judgedRow, pairsTable, ratioText, summarisePairs, type Interleaved, type JudgedRow } from './support/interleave';
import { ClientFleet, clock, commentBody, mergeGroups, quantile, type GroupFigures } from './live-fanout-clients';
import { api, cleanupAll, reachable, startBare, startParley, startPostgres, type Postgres } from './live-fanout-servers';
import { cpuTopTable } from './live-fanout-profile';

const REDIS = { host: '127.0.0.1', port: 6379 };
const DRAIN_MS = 10_000; // after the last trigger's answer: how long stragglers may take before counting as lost
const num = (v: string | undefined, fallback: number, min: number, max: number) => Math.max(min, Math.min(max, Number(v ?? fallback) || fallback));

export interface Case {
  key: string;
  title: string;
  clients: number;
  instances: 1 | 2;
  adapter: 'postgres' | 'redis';
  intervalMs: number;
  seconds: number;
  rounds: number;
  /** Client processes per side. */
  processes: number;
  /** The goal: at most this ratio of bare's p99 (none: 0 lost, the ratio reported). */
  atMost?: number;
}

interface Round {
  p50: number;
  p99: number;
  max: number;
  eventP50: number;
  eventP99: number;
  expected: number;
  received: number;
  lost: number;
  duplicates: number;
  refused: number;
  requestP99: number;
  /** CPU of the server processes (API instances, or the bare server) per message sent, ms. */
  cpuPerMessage: number;
  groups: GroupFigures[];
  load: number;
}

export interface CaseResult {
  c: Case;
  p99: Interleaved;
  fanOut: Interleaved;
  parley: Round[];
  bare: Round[];
  payloadBytes: number;
  connectSeconds: { parley: number; bare: number };
  /** Joins tried again (refused or dropped while every client joined at once). */
  joinRetries: { parley: number; bare: number };
  profile: string | null;
}

export function casesFromEnv(): Case[] {
  const clients = num(process.env.BENCH_CLIENTS, 1000, 2, 5000);
  const base = {
    clients,
    intervalMs: num(process.env.BENCH_INTERVAL_MS, 200, 10, 10_000),
    seconds: num(process.env.BENCH_SECONDS, 15, 1, 600),
    rounds: num(process.env.BENCH_ROUNDS, 3, 1, 9),
    processes: num(process.env.BENCH_CLIENT_PROCESSES, Math.ceil(clients / 2500), 1, 4),
    atMost: 1.5,
  };
  const all: Case[] = [
    { ...base, key: 'one', title: 'one API instance', instances: 1, adapter: 'postgres' },
    { ...base, key: 'two-pg', title: 'two API instances, PostgreSQL adapter', instances: 2, adapter: 'postgres' },
    { ...base, key: 'two-redis', title: 'two API instances, Redis adapter', instances: 2, adapter: 'redis' },
  ];
  const asked = (process.env.BENCH_CASES ?? '').split(',').filter(Boolean);
  return all.filter((c) => (asked.length ? asked.includes(c.key) : c.key !== 'two-redis' || process.env.BENCH_REDIS !== 'false'));
}

const percentileOf = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

/** One side's turn: the triggers on their schedule, the wait for every delivery, the figures. */
async function turn(o: {
  fleet: ClientFleet;
  clients: number;
  c: Case;
  round: number;
  trigger: (k: number) => Promise<void>;
  pids: () => (number | undefined)[];
}): Promise<Round> {
  const messages = Math.floor((o.c.seconds * 1000) / o.c.intervalMs);
  await o.fleet.startRound(o.round, messages);
  const load = loadavg()[0];
  const cpu = () => o.pids().reduce((a: number, pid) => a + processCpuMs(pid), 0);
  const cpu0 = cpu();
  const sentAt: number[] = [];
  const refused: number[] = [];
  const requests: number[] = [];
  const pending: Promise<void>[] = [];
  const start = clock();
  for (let k = 0; k < messages; k++) {
    const wait = start + k * o.c.intervalMs - clock();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt[k] = clock();
    pending.push(
      o.trigger(k).then(
        () => void requests.push(clock() - sentAt[k]),
        (e: Error) => {
          // A refused write commits nothing, so there is nothing to deliver: counted apart, not as lost.
          refused.push(k);
          if (refused.length <= 3) console.error(`trigger ${k} failed: ${e.message}`);
        },
      ),
    );
  }
  await Promise.all(pending);
  if (refused.length > messages / 2)
    throw new Error(`${refused.length} of ${messages} triggers failed: the machine is too loaded for this run to mean anything`);
  const expected = o.clients * (messages - refused.length);
  const until = Date.now() + DRAIN_MS;
  while (Date.now() < until && (await o.fleet.received()) < expected) await new Promise((r) => setTimeout(r, 200));
  const cpuMs = cpu() - cpu0;
  const groups = await o.fleet.collect(sentAt, refused);
  const all = mergeGroups(groups);
  return {
    p50: quantile(all.latency, 50),
    p99: quantile(all.latency, 99),
    max: quantile(all.latency, 100),
    eventP50: quantile(all.fromEvent, 50),
    eventP99: quantile(all.fromEvent, 99),
    expected: all.expected,
    received: all.received,
    lost: all.expected - all.received,
    duplicates: all.duplicates,
    refused: refused.length,
    requestP99: percentileOf(requests, 99),
    cpuPerMessage: cpuMs / Math.max(1, messages - refused.length),
    groups,
    load,
  };
}

export async function runCase(pg: Postgres, c: Case, profile: boolean): Promise<CaseResult> {
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'parley-live-prof-')) : null;
  const redisUrl = c.adapter === 'redis' ? `redis://${REDIS.host}:${REDIS.port}` : null;
  const parleyServers = await startParley(
    pg,
    `parley_${c.key.replace(/-/g, '_')}_${c.clients}`,
    c.instances,
    redisUrl,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const bareServer = await startBare();
  let parley: (ClientFleet & { seconds: number; retries: number }) | null = null;
  let bare: (ClientFleet & { seconds: number; retries: number }) | null = null;
  try {
    parley = await ClientFleet.connect({ side: 'parley', urls: parleyServers.bases, clients: c.clients, processes: c.processes, room: parleyServers.room });
    bare = await ClientFleet.connect({ side: 'bare', urls: [bareServer.base], clients: c.clients, processes: c.processes, room: 'room' });
    // A warm-up comment (the first one pays for every cold path), which also gives the payload size the bare server copies.
    await parley.startRound(-1, 1);
    const post = (round: number, k: number) =>
      api(parleyServers.bases[0], parleyServers.token, 'POST', `/api/documents/${parleyServers.docId}/comments`, {
        clauseId: parleyServers.clauseId,
        kind: 'general',
        body: commentBody(round, k),
      });
    await post(-1, 0);
    await new Promise((r) => setTimeout(r, 2000));
    const payloadBytes = await parley.payloadBytes();
    const pad = Math.max(0, payloadBytes - 60);
    const parleyRounds: Round[] = [];
    const bareRounds: Round[] = [];
    const p99 = await interleave({
      rounds: c.rounds,
      a: async (round) => {
        const r = await turn({
          fleet: parley!,
          clients: c.clients,
          c,
          round,
          trigger: (k) => post(round, k).then(() => undefined),
          pids: () => parleyServers.servers.map((s) => s.child.pid),
        });
        parleyRounds.push(r);
        console.log(
          `${c.key} round ${round + 1}: Parley p99 ${r.p99.toFixed(1)} ms (from the event ${r.eventP99.toFixed(1)} ms), lost ${r.lost}, duplicated ${r.duplicates}`,
        );
        return r.p99;
      },
      b: async (round) => {
        const r = await turn({
          fleet: bare!,
          clients: c.clients,
          c,
          round,
          trigger: async (k) => {
            const res = await fetch(`${bareServer.base}/emit?k=${k}&round=${round}&pad=${pad}`, { method: 'POST', signal: AbortSignal.timeout(60_000) });
            if (res.status !== 204) throw new Error(`emit: ${res.status}`);
          },
          pids: () => [bareServer.child.pid],
        });
        bareRounds.push(r);
        console.log(`${c.key} round ${round + 1}: bare p99 ${r.p99.toFixed(1)} ms (from its emit ${r.eventP99.toFixed(1)} ms), lost ${r.lost}`);
        return r.p99;
      },
      between: () => new Promise((r) => setTimeout(r, 1000)),
    });
    const fanOut = summarisePairs(
      p99.pairs.map((p, i) => ({ ...p, a: parleyRounds[i].eventP99, b: bareRounds[i].eventP99, ratio: parleyRounds[i].eventP99 / bareRounds[i].eventP99 })),
      p99.loadBefore,
      p99.loadAfter,
    );
    return {
      c,
      p99,
      fanOut,
      parley: parleyRounds,
      bare: bareRounds,
      payloadBytes,
      connectSeconds: { parley: parley.seconds, bare: bare.seconds },
      joinRetries: { parley: parley.retries, bare: bare.retries },
      profile: null,
    };
  } finally {
    await Promise.all([parley?.close(), bare?.close()]);
    await Promise.all([parleyServers.stop(), bareServer.stop()]);
    if (profileDir) lastProfile = cpuTopTable(readdirSync(profileDir).map((f) => readFileSync(join(profileDir, f), 'utf8')));
  }
}

let lastProfile: string | null = null;

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const sum = (rs: Round[], f: (r: Round) => number) => rs.reduce((a, r) => a + f(r), 0);
const clean = (x: CaseResult) => sum(x.parley, (r) => r.lost + r.duplicates) === 0;

export function rowOf(x: CaseResult, workload: string): JudgedRow {
  const medianOf = (rs: Round[], f: (r: Round) => number) =>
    summarisePairs(
      rs.map((r, round) => ({ round, a: f(r), b: 1, ratio: f(r), load: 0 })),
      0,
      0,
    ).aMedian;
  const lost = sum(x.parley, (r) => r.lost);
  const dup = sum(x.parley, (r) => r.duplicates);
  const row = judgedRow(workload, x.p99, {
    measured: `p99 ${ms(x.p99.aMedian)} (median of the rounds), lost ${lost}, duplicated ${dup}; the fan-out part alone, from the event's time: p99 ${ms(x.fanOut.aMedian)}`,
    limit: `bare socket.io, ${x.c.clients.toLocaleString('en')} clients, interleaved: p99 ${ms(x.p99.bMedian)} (from its emit ${ms(x.fanOut.bMedian)})`,
    goal: x.c.atMost === undefined ? {} : { atMost: x.c.atMost },
    extraMet: clean(x),
    info: `fan-out part ${ratioText(x.fanOut)}; server CPU per message ${medianOf(x.parley, (r) => r.cpuPerMessage).toFixed(1)} ms against bare's ${medianOf(x.bare, (r) => r.cpuPerMessage).toFixed(1)} ms; load ${x.p99.loadBefore.toFixed(1)}→${x.p99.loadAfter.toFixed(1)}`,
  });
  return x.c.atMost === undefined
    ? { ...row, goal: '0 lost, 0 duplicated (p99 reported beside bare)' }
    : { ...row, goal: `${row.goal} bare p99, 0 lost, 0 duplicated` };
}

export function caseSection(x: CaseResult): string {
  const c = x.c;
  const line = (side: string, r: Round, n: number) =>
    `| ${n + 1} | ${side} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.eventP50)} / ${ms(r.eventP99)} | ${r.received.toLocaleString('en')} of ${r.expected.toLocaleString('en')} | ${r.lost} | ${r.duplicates} | ${ms(r.requestP99)}${r.refused ? ` (${r.refused} refused)` : ''} | ${r.cpuPerMessage.toFixed(1)} ms | ${r.load.toFixed(2)} |`;
  const byInstance =
    c.instances > 1
      ? [
          '',
          'Parley by instance (all rounds): ' +
            [0, 1]
              .map((g) => {
                const m = mergeGroups(x.parley.map((r) => r.groups[g]));
                return `instance ${g + 1}${g === 0 ? ' (POSTed to)' : ' (through the adapter)'}: p99 ${ms(quantile(m.latency, 99))}, from the event ${ms(quantile(m.fromEvent, 99))}, lost ${m.expected - m.received}`;
              })
              .join('; ') +
            '.',
        ]
      : [];
  return [
    `### ${c.clients.toLocaleString('en')} clients, ${c.title}`,
    '',
    `p99 Parley / bare: **${ratioText(x.p99)}**; the fan-out part (from the event's time / from the bare emit): ${ratioText(x.fanOut)}. ` +
      `${Math.floor((c.seconds * 1000) / c.intervalMs)} messages a round (one every ${c.intervalMs} ms for ${c.seconds} s), payload ${x.payloadBytes} bytes; ` +
      `clients in ${c.processes} process${c.processes > 1 ? 'es' : ''} per side; connect and join: Parley ${x.connectSeconds.parley.toFixed(1)} s, bare ${x.connectSeconds.bare.toFixed(1)} s` +
      `${x.joinRetries.parley + x.joinRetries.bare ? ` (joins tried again, at most twice each: Parley ${x.joinRetries.parley}, bare ${x.joinRetries.bare})` : ''}.`,
    '',
    pairsTable(x.p99, { a: 'Parley p99', b: 'bare p99', unit: 'ms' }),
    '',
    '| round | server | p50 | p99 | max | from the event p50 / p99 | delivered | lost | duplicated | trigger answered p99 | server CPU per message | load at start |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...x.parley.flatMap((r, n) => [line('Parley', r, n), line('bare', x.bare[n], n)]),
    ...byInstance,
    '',
  ].join('\n');
}

export const METHOD = [
  "Latency is measured in the client processes from the moment the HTTP trigger was sent to each client's receipt (one clock: the machine's), so Parley's",
  "figure includes authenticating the request, the transaction (comment row + hash-chained audit event) and the commit; bare's trigger emits at once.",
  "\"From the event's time\" is the fan-out part alone: from the event's `occurredAt` (inside Parley's transaction) or the bare server's emit.",
  'Server CPU per message: user + system time of the API processes (or the bare server) during the round, per message sent, PostgreSQL not included.',
].join('\n');

export async function runBench(o: { cases: Case[]; title: string; heading: string; intro: string; bench: string }): Promise<void> {
  const m = machine();
  const pg = await startPostgres();
  const results: CaseResult[] = [];
  const skipped: string[] = [];
  const failed: string[] = [];
  // The section is written after every case, so a case that fails or a run stopped at its time limit keeps the cases before it.
  const report = () => {
    const rows = results.map((x) => rowOf(x, `${o.bench}: ${x.c.clients.toLocaleString('en')} clients, ${x.c.title}`));
    const body = sectionOf(o, m, rows, results, [...skipped, ...failed]);
    writeSection(o.title, body);
    return { rows, body };
  };
  for (const [n, c] of o.cases.entries()) {
    if (c.adapter === 'redis' && !(await reachable(REDIS.host, REDIS.port))) {
      skipped.push(`${c.title}: not run, nothing answers at ${REDIS.host}:${REDIS.port}`);
      continue;
    }
    console.log(`── ${c.clients} clients, ${c.title}: ${c.rounds} rounds ──`);
    try {
      results.push(await runCase(pg, c, n === 0 && process.env.BENCH_CPU_PROF === 'true'));
    } catch (e) {
      console.error(e);
      failed.push(
        `${c.title}: did not complete (${String((e as Error).message ?? e)
          .split('\n')[0]
          .slice(0, 160)})`,
      );
    }
    report();
  }
  const { rows, body } = report();
  console.log(body);
  const met = failed.length === 0 && rows.every((r) => r.met);
  emitResult('BENCH', { bench: o.bench, rows, met });
  if (!met) process.exitCode = 1;
}

function sectionOf(
  o: { title: string; heading: string; intro: string; bench: string },
  m: ReturnType<typeof machine>,
  rows: JudgedRow[],
  results: CaseResult[],
  notMeasured: string[],
): string {
  return [
    ` ${o.heading} (${today()})`,
    '',
    machineLine(m) +
      ` Load average at the end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}.`,
    o.intro,
    '',
    '| case | p99 Parley / bare (pairs) | goal | verdict |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.ratio.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}, ${r.pairs} pairs) | ${r.goal} | ${r.met ? 'met' : '**missed**'} |`,
    ),
    ...notMeasured.map((s) => `| ${s} | | | not measured |`),
    '',
    ...results.map(caseSection),
    METHOD,
    ...(lastProfile
      ? ['', `Where the API's CPU goes (\`node --cpu-prof\` on the first case's API processes, the whole run including start-up):`, '', lastProfile]
      : []),
    `Produced by \`tests/load/${o.bench === 'Live fan-out' ? 'live-fanout' : 'live-viewers-5000'}.ts\`.`,
  ].join('\n');
}

export function main(o: Parameters<typeof runBench>[0]): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`live fan-out: ${signal}, cleaning up`);
      void cleanupAll().finally(() => process.exit(1));
    });
  runBench(o)
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => cleanupAll().finally(() => process.exit(Number(process.exitCode ?? 0))));
}

if (require.main === module) {
  const cases = casesFromEnv();
  main({
    cases,
    bench: 'Live fan-out',
    title: 'Live fan-out',
    heading: `— ${cases[0]?.clients.toLocaleString('en') ?? 0} clients in one document room, one and two API instances, interleaved with bare socket.io`,
    intro:
      'Each case: Parley (its clients in one document room; two instances: half of the clients on each, every comment POSTed to instance 1) and a bare socket.io server ' +
      '(an HTTP trigger emits a payload of the same size to its room) with the same number of clients, both connected throughout, taking turns round after round (A B, B A…); ' +
      'the ratio is taken pair by pair. Goal (issue #26): p99 ≤ 1.5× bare, 0 lost, 0 duplicated, on one instance and on two.',
  });
}
