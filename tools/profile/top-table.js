// The markdown tables of a folded profile (cpuprofile.js): the frames with the most self time, the
// frames with the most total time (self plus what they called), and self time by package.

const pct = (ms, busy) => (busy ? `${((ms / busy) * 100).toFixed(1)} %` : 'n/a');
const cell = (s) => s.replace(/\|/g, '\\|');

function ranked(map, n) {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** Top `n` frames by self time, then by total time, then self time by package, as markdown. */
function topTables(folded, n = 15) {
  const { busyMs, self, total, packages } = folded;
  const rows = (map, k) => ranked(map, k).map(([name, ms], i) => `| ${i + 1} | \`${cell(name)}\` | ${ms.toFixed(0)} | ${pct(ms, busyMs)} |`);
  return [
    `Busy (non-idle) CPU time sampled: ${busyMs.toFixed(0)} ms.`,
    '',
    '| # | frame (self time: the function itself) | ms | share of busy |',
    '| --- | --- | --- | --- |',
    ...rows(self, n),
    '',
    '| # | frame (total time: itself and what it called) | ms | share of busy |',
    '| --- | --- | --- | --- |',
    ...rows(total, n),
    '',
    '| package (self time) | ms | share of busy |',
    '| --- | --- | --- |',
    ...ranked(packages, 12).map(([name, ms]) => `| ${cell(name)} | ${ms.toFixed(0)} | ${pct(ms, busyMs)} |`),
  ].join('\n');
}

module.exports = { topTables };
