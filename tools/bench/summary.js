// The Summary section's rows: one per workload, its figure beside its limit measured in the same run.
const { met } = require('./report');

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
  for (const [name, v] of results) {
    if (Array.isArray(v.result?.rows)) rows.push(...v.result.rows.map(judgedRowText));
    else if (v.result) rows.push(`| ${name} | ran, but judged no row (see its section) | | | | **not judged** |`);
    else rows.push(`| ${name} | did not complete (exit ${v.code}) | | | | **not measured** |`);
  }
  return rows;
}

module.exports = { summaryRows };
