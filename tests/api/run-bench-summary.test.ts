interface LiveFanout {
  bench: string;
  rows: { workload: string; ratio: number; met: boolean }[];
  met: boolean;
}

const bench = require('../../tools/bench/live-fanout.js') as {
  liveFanoutResult: (stdout?: string) => LiveFanout | null;
  liveFanoutCode: (code: number, result: LiveFanout | null) => number;
};
const { summaryRows } = require('../../tools/bench/summary.js') as { summaryRows: (results: Map<string, unknown>) => string[] };

/** What tests/load/live-fanout.ts prints: its progress, then the judged rows in its BENCH-RESULT line. */
const stdout = (rows: { workload: string; ratio: number; met: boolean }[]) =>
  [
    'one round 1: Parley p99 80.0 ms (from the event 40.0 ms), lost 0, duplicated 0',
    `BENCH-RESULT ${JSON.stringify({
      bench: 'Live fan-out',
      rows: rows.map((r) => ({
        ...r,
        measured: 'p99 80.0 ms',
        limit: 'bare socket.io: p99 60.0 ms',
        min: r.ratio - 0.1,
        max: r.ratio + 0.1,
        pairs: 3,
        goal: '≤ 1.5× bare p99, 0 lost, 0 duplicated',
      })),
      met: rows.every((r) => r.met),
    })}`,
    '',
  ].join('\n');

/**
 * tools/run-bench.js's verdict on the live fan-out benchmarks: their rows, judged by interleaved
 * ratios in the script, go to the Summary as they are, and a missed row fails the run.
 */
describe('run-bench: the live fan-out rows', () => {
  it('met on one instance and on two: exit 0, both rows in the Summary with their pair ratios', () => {
    const x = bench.liveFanoutResult(
      stdout([
        { workload: 'Live fan-out: 1,000 clients, one API instance', ratio: 1.3, met: true },
        { workload: 'Live fan-out: 1,000 clients, two API instances, PostgreSQL adapter', ratio: 1.4, met: true },
      ]),
    )!;
    expect(bench.liveFanoutCode(0, x)).toBe(0);
    const rows = summaryRows(new Map([['live-fanout', { code: 0, result: x }]]));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(
      /^\| Live fan-out: 1,000 clients, two API instances, PostgreSQL adapter \| .* \| 1\.40× \(pairs 1\.30–1\.50, 3 pairs\) \| ≤ 1\.5× bare p99, 0 lost, 0 duplicated \| met \|$/,
    );
  });

  it('a missed row fails the run even when the script exited 0', () => {
    const x = bench.liveFanoutResult(stdout([{ workload: 'Live fan-out: 1,000 clients, one API instance', ratio: 1.9, met: false }]))!;
    expect(bench.liveFanoutCode(0, x)).toBe(1);
    expect(summaryRows(new Map([['live-fanout', { code: 1, result: x }]]))[0]).toMatch(/\*\*missed\*\* \|$/);
  });

  it('a run that failed keeps its code and is reported as not measured', () => {
    expect(bench.liveFanoutResult('connect ECONNREFUSED\n')).toBeNull();
    expect(bench.liveFanoutCode(128, null)).toBe(128);
    expect(summaryRows(new Map([['live-fanout', { code: 128, result: null }]]))).toEqual([
      '| live-fanout | did not complete (exit 128) | | | | **not measured** |',
    ]);
  });
});
