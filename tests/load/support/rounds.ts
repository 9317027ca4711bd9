// The benches' common use of the interleaving primitive (interleave.ts) for request latencies: a
// round is a block of timed requests on each side, and the round's figure is the block's p50.
import { loadavg } from 'node:os';
import { interleave, type Interleaved, median, ratioText } from './interleave';
import { performance } from 'node:perf_hooks';
import { type ApiProcess, type Cluster, http, ownCpuMs, postgresCpuMs, processCpuMs, summarise } from './harness';

/** Rounds (A/B pairs) per judged row: BENCH_ROUNDS, 5 by default; 3 for a quick development run. */
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));

/** How many requests of each side a round's block holds so that all rounds together take about `samples`. */
export const perRound = (samples: number, rounds = ROUNDS) => Math.max(3, Math.ceil(samples / rounds));

export interface Blocks {
  /** The pairs of block p50s, their median ratio and spread. */
  r: Interleaved;
  /** Every sample of each side, for the p99 and max kept as information. */
  a: ReturnType<typeof summarise>;
  b: ReturnType<typeof summarise>;
  /** CPU milliseconds per operation of each side (median over the rounds), when a meter was given. */
  aCpu: number;
  bCpu: number;
}

/**
 * `rounds` interleaved pairs of blocks: `perRound` calls of `a` (each answers its latency in ms),
 * then `perRound` calls of `b` (or b then a, alternating); each side's figure is its block's p50.
 * With `cpu` (the CPU milliseconds used so far by what the two sides run on: the API process,
 * PostgreSQL, this process), each block's CPU per call is measured too.
 */
export async function blocks(o: {
  rounds?: number;
  perRound: number;
  a: () => Promise<number>;
  b: () => Promise<number>;
  cpu?: () => number;
}): Promise<Blocks> {
  const all = { a: [] as number[], b: [] as number[] };
  const cpu = { a: [] as number[], b: [] as number[] };
  const block = (side: 'a' | 'b') => async () => {
    const times: number[] = [];
    const c0 = o.cpu?.() ?? NaN;
    for (let i = 0; i < o.perRound; i++) times.push(await o[side]());
    cpu[side].push(((o.cpu?.() ?? NaN) - c0) / o.perRound);
    all[side].push(...times);
    return summarise(times).p50;
  };
  const r = await interleave({ rounds: o.rounds ?? ROUNDS, a: block('a'), b: block('b') });
  return { r, a: summarise(all.a), b: summarise(all.b), aCpu: median(cpu.a), bCpu: median(cpu.b) };
}

/** "CPU per request 1.23 ms (limit 0.45 ms)": what a side's figure costs the machine, beside its latency. */
export const cpuText = (x: Blocks) =>
  Number.isFinite(x.aCpu) ? `CPU per request ${x.aCpu.toFixed(2)} ms (limit ${x.bCpu.toFixed(2)} ms)` : '';

/** A block result's ratio cell: "1.23× (1.10–1.41 over 5 pairs)". */
export const blocksRatio = (x: Blocks) => ratioText(x.r);

/** "load 1.2 → 2.3": the 1-minute load average before the first round and after the last. */
export const loadText = (r: Interleaved) => `load ${r.loadBefore.toFixed(2)} → ${r.loadAfter.toFixed(2)}`;

export const loadNow = () => loadavg()[0];

/** The CPU milliseconds used so far by the API process, PostgreSQL and this process: a `cpu` meter for blocks(). */
export const machineCpu = (cluster: Cluster, api: ApiProcess | null) => () =>
  (api ? processCpuMs(api.child.pid) : 0) + postgresCpuMs(cluster) + ownCpuMs();

/**
 * blocks() over a cycle of cases (queries): each block runs `cycles` times through the `cases` in
 * the same order on both sides, so the two blocks of a pair run the same requests; each case's own
 * samples are kept for its row.
 */
export async function cycleBlocks(o: {
  cases: number;
  cycles: number;
  a: (k: number) => Promise<number>;
  b: (k: number) => Promise<number>;
  cpu?: () => number;
}): Promise<Blocks & { perCase: { a: number[]; b: number[] }[] }> {
  const perCase = Array.from({ length: o.cases }, () => ({ a: [] as number[], b: [] as number[] }));
  const next = { a: 0, b: 0 };
  const side = (s: 'a' | 'b') => async () => {
    const k = next[s]++ % o.cases;
    const t = await o[s](k);
    perCase[k][s].push(t);
    return t;
  };
  return { ...(await blocks({ perRound: o.cycles * o.cases, a: side('a'), b: side('b'), cpu: o.cpu })), perCase };
}

/** Milliseconds `work` takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const s = performance.now();
  await work();
  return performance.now() - s;
}

/** The common pair: a GET through the API (A) beside the SQL it runs, straight through node-postgres (B). */
export function apiBesideSql(o: { url: string; what: string; sql: () => Promise<unknown>; samples: number; cpu?: () => number; token?: string }): Promise<Blocks> {
  return blocks({
    perRound: perRound(o.samples),
    a: async () => {
      const r = await http('GET', o.url, { token: o.token });
      if (r.status !== 200) throw new Error(`${o.what}: ${r.status}`);
      return r.ms;
    },
    b: () => timed(o.sql),
    cpu: o.cpu,
  });
}
