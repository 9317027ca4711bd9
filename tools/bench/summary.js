// The Summary section's rows: one per workload, its figure beside its limit measured in the same run.
const { liveFanoutRow } = require('./live-fanout');
const { f1, met, pct } = require('./report');

/**
 * A row a benchmark judged itself by an interleaved ratio (tests/load/support/interleave.ts,
 * JudgedRow): the ratio is the median of the pairs, printed with the smallest and largest pair.
 */
function judgedRowText(x) {
  const spread = x.pairs > 1 ? ` (pairs ${x.min.toFixed(2)}–${x.max.toFixed(2)}, ${x.pairs} pairs)` : ' (one measurement: it does not drift)';
  const ratio = Number.isFinite(x.ratio) ? `${x.ratio.toFixed(2)}×${spread}` : 'n/a';
  return `| ${x.workload} | ${x.measured} | ${x.limit} | ${ratio} | ${x.goal} | ${met(x.met)}${x.info ? `; ${x.info}` : ''} |`;
}

function summaryRows(results) {
  const rows = [];
  // Benchmarks that emit judged rows are printed the same way; the others by their own lines below.
  const judged = new Set();
  for (const [name, v] of results)
    if (Array.isArray(v.result?.rows)) {
      rows.push(...v.result.rows.map(judgedRowText));
      judged.add(name);
    }
  const r = (name) => (judged.has(name) ? undefined : results.get(name));
  const lf = r('live-fanout');
  if (lf) {
    const x = lf.result;
    if (x?.parsed) rows.push(liveFanoutRow(x));
    else
      rows.push(
        `| Live fan-out | ${lf.code === 0 ? 'ran; figures in its section' : `did not complete (exit ${lf.code})`} | | | ≤ 2× bare socket.io p99, 0 lost | ${lf.code === 0 ? 'see its section' : '**not measured**'} |`,
      );
  }
  for (const [name, v] of results)
    if (!v.result && name !== 'live-fanout') rows.push(`| ${name} | did not complete (exit ${v.code}) | | | | **not measured** |`);
  return rows;
}

module.exports = { summaryRows };
