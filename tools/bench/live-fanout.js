// The live fan-out benchmarks (tests/load/live-fanout.ts, tests/load/live-viewers-5000.ts) judge
// their own rows by interleaved ratios and print them in their BENCH-RESULT, like the others.
const { lastResult } = require('./processes');

/** The result the script printed last (its `rows` are the Summary's), or null when it printed none. */
function liveFanoutResult(stdout = '') {
  return lastResult('BENCH', stdout);
}

/** The script exits 1 on a missed goal already; a result that says so counts even when it did not. */
function liveFanoutCode(code, result) {
  if (code !== 0) return code;
  return result && result.met === false ? 1 : 0;
}

module.exports = { liveFanoutResult, liveFanoutCode };
