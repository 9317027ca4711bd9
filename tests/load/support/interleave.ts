import { loadavg } from 'node:os';

/**
 * Fair measurement on a drifting machine (issue #26): Parley's workload (A) and its limit (B) run
 * interleaved, round after round, and the ratio is taken pair by pair, so a machine that slows down
 * halfway through slows both sides of the pairs it touches instead of making a ratio by itself.
 * Rounds alternate which side goes first (A B, B A, A B…) so that neither always runs on a cache or
 * a CPU frequency the other left behind.
 */
export interface Pair {
  round: number;
  a: number;
  b: number;
  /** a / b. */
  ratio: number;
  /** 1-minute load average when the round started. */
  load: number;
}

export interface Interleaved {
  pairs: Pair[];
  /** The median of the pairs' ratios: the figure a goal judges. */
  ratio: number;
  /** The smallest and largest pair ratio. */
  min: number;
  max: number;
  /** (max − min) / median: how far the pairs disagree; say it beside the ratio. */
  spread: number;
  /** Medians of each side's own figure, for information. */
  aMedian: number;
  bMedian: number;
  /** Load average (1 min) before the first and after the last round. */
  loadBefore: number;
  loadAfter: number;
}

export interface InterleaveOptions {
  /** How many A/B pairs; 3 is the least that gives a median, 5 is better. */
  rounds: number;
  /** Runs Parley's side once and answers its figure (a rate, a latency percentile, CPU per op…). */
  a: (round: number) => Promise<number>;
  /** Runs the limit once and answers the same kind of figure. */
  b: (round: number) => Promise<number>;
  /** Called between the two halves of a pair and between rounds (settle, reset connections…). */
  between?: () => Promise<void>;
}

export async function interleave(o: InterleaveOptions): Promise<Interleaved> {
  if (o.rounds < 1) throw new Error('interleave: at least one round');
  const pairs: Pair[] = [];
  const loadBefore = loadavg()[0];
  for (let round = 0; round < o.rounds; round++) {
    const load = loadavg()[0];
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await o.a(round);
      await o.between?.();
      b = await o.b(round);
    } else {
      b = await o.b(round);
      await o.between?.();
      a = await o.a(round);
    }
    if (round < o.rounds - 1) await o.between?.();
    pairs.push({ round, a, b, ratio: a / b, load });
  }
  return summarisePairs(pairs, loadBefore, loadavg()[0]);
}

export function summarisePairs(pairs: Pair[], loadBefore: number, loadAfter: number): Interleaved {
  const ratios = pairs.map((p) => p.ratio).filter(Number.isFinite);
  const ratio = median(ratios);
  const min = ratios.length ? Math.min(...ratios) : NaN;
  const max = ratios.length ? Math.max(...ratios) : NaN;
  return {
    pairs,
    ratio,
    min,
    max,
    spread: (max - min) / ratio,
    aMedian: median(pairs.map((p) => p.a)),
    bMedian: median(pairs.map((p) => p.b)),
    loadBefore,
    loadAfter,
  };
}

export function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((x, y) => x - y);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** "1.23× (1.10–1.41 over 5 pairs)": the ratio with its spread, as the docs and the summary print it. */
export function ratioText(r: Interleaved, digits = 2): string {
  return `${r.ratio.toFixed(digits)}× (${r.min.toFixed(digits)}–${r.max.toFixed(digits)} over ${r.pairs.length} pairs)`;
}

/** "64 % (58–70 % over 5 pairs)": the same for a share of the limit's rate. */
export function shareText(r: Interleaved): string {
  const p = (x: number) => (x * 100).toFixed(0);
  return `${p(r.ratio)} % (${p(r.min)}–${p(r.max)} % over ${r.pairs.length} pairs)`;
}

/** A markdown table of the pairs, one row each: what a reader checks when a ratio looks odd. */
export function pairsTable(r: Interleaved, labels: { a: string; b: string; unit: string }, digits = 1): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
  return [
    `| round | ${labels.a} (${labels.unit}) | ${labels.b} (${labels.unit}) | ratio | load (1 min) at start |`,
    '| --- | --- | --- | --- | --- |',
    ...r.pairs.map((p) => `| ${p.round + 1}${p.round % 2 ? ' (limit first)' : ''} | ${f(p.a)} | ${f(p.b)} | ${p.ratio.toFixed(2)}× | ${p.load.toFixed(2)} |`),
  ].join('\n');
}

/**
 * The JSON a bench emits for each judged row (in its BENCH-RESULT, under `rows`), so that
 * tools/bench/summary.js can print every row the same way: figure, limit, interleaved ratio with its
 * spread, goal, verdict.
 */
export interface JudgedRow {
  workload: string;
  measured: string;
  limit: string;
  ratio: number;
  min: number;
  max: number;
  pairs: number;
  /** "≤ 1.5×" or "≥ 67 %": how the goal reads. */
  goal: string;
  met: boolean;
  /** Absolute figures kept as information (the former absolute goals). */
  info?: string;
}

export function judgedRow(
  workload: string,
  r: Interleaved,
  o: { measured: string; limit: string; goal: { atMost?: number; atLeast?: number }; info?: string; extraMet?: boolean },
): JudgedRow {
  const { atMost, atLeast } = o.goal;
  const withinMax = atMost === undefined || r.ratio <= atMost;
  const withinMin = atLeast === undefined || r.ratio >= atLeast;
  const goal = [atMost !== undefined ? `≤ ${atMost}×` : null, atLeast !== undefined ? `≥ ${(atLeast * 100).toFixed(0)} %` : null]
    .filter(Boolean)
    .join(', ');
  return {
    workload,
    measured: o.measured,
    limit: o.limit,
    ratio: r.ratio,
    min: r.min,
    max: r.max,
    pairs: r.pairs.length,
    goal,
    met: withinMax && withinMin && o.extraMet !== false,
    info: o.info,
  };
}
