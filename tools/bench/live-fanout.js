// The live fan-out script writes its own section; its goal is judged here from that table.
const { f1, met, section } = require('./report');

/**
 * tests/load/live-fanout.ts writes its own "Live fan-out" section; the summary reads its table back.
 * Rows: "Parley API, one instance …", "bare socket.io …", "Parley API, two instances, PostgreSQL
 * adapter …" and, when Redis was there, "Parley API, two instances, Redis adapter …" (a section
 * written before the two-instance rows existed has one "Parley API (…)" row: read as one instance).
 * Columns: server | p50 | p99 | max | from the event | delivered | lost | duplicated | …
 * `s` is the section's text (by default read from docs/benchmarks.md).
 */
function liveFanoutResult(s = section('Live fan-out')) {
  if (!s || /not yet run/.test(s)) return null;
  const lines = s.split('\n').filter((l) => l.startsWith('| '));
  const cells = (test) => {
    const line = lines.find(test);
    return line ? line.split('|').map((c) => c.trim()) : null;
  };
  const parley = (l) => l.startsWith('| Parley API');
  const two = (l) => /two (API )?instances/i.test(l);
  const oneRow = cells((l) => parley(l) && !two(l));
  const twoRow = cells((l) => parley(l) && two(l) && /postgres/i.test(l));
  const redisRow = cells((l) => parley(l) && two(l) && /redis/i.test(l));
  const bareRow = cells((l) => l.startsWith('| bare socket.io'));
  if (!oneRow || !bareRow) return { bench: 'live-fanout', parsed: false };
  // "8207.5 ms" -> 8207.5; "n/a" or an empty cell -> NaN (never 0, which would pass any goal).
  const msv = (c) => {
    const m = /\d[\d,]*(\.\d+)?/.exec(String(c ?? ''));
    return m ? Number(m[0].replace(/,/g, '')) : NaN;
  };
  const count = (c) => (/^\d+$/.test(String(c ?? '')) ? Number(c) : NaN);
  const bareP99 = msv(bareRow[3]);
  const figures = (c) => {
    if (!c) return null;
    const f = { p99: msv(c[3]), lost: count(c[7]), duplicated: count(c[8]) };
    return { ...f, met: Number.isFinite(f.p99) && Number.isFinite(bareP99) && f.p99 <= 2 * bareP99 && f.lost === 0 && f.duplicated === 0 };
  };
  const heading = s.split('\n')[0];
  const one = figures(oneRow);
  const twoPg = figures(twoRow);
  return {
    bench: 'live-fanout',
    parsed: true,
    date: /\((\d{4}-\d{2}-\d{2})[^)]*\)\s*$/.exec(heading)?.[1] ?? null,
    clients: /([\d,]+) clients/.exec(heading)?.[1] ?? '1,000',
    bareP99,
    one,
    two: twoPg,
    redis: figures(redisRow),
    // The goal holds for one instance and for two (through the default PostgreSQL adapter); not measured counts as not met.
    met: Boolean(one?.met && twoPg?.met),
  };
}

/** The Summary row of the live fan-out (goal: p99 ≤ 2× bare socket.io's, 0 lost, on one instance and on two). */
function liveFanoutRow(x) {
  const times = (f) => (f && Number.isFinite(f.p99 / x.bareP99) ? `${(f.p99 / x.bareP99).toFixed(2)}×` : 'n/a');
  const figure = (f) =>
    f ? `p99 ${f1(f.p99)} ms, lost ${Number.isFinite(f.lost) ? f.lost : 'n/a'}${f.duplicated ? `, duplicated ${f.duplicated}` : ''}` : 'not measured';
  const part = (f) => (f ? met(f.met) : 'not measured');
  const verdict = x.met ? 'met' : `**missed** (one instance ${part(x.one)}, two instances ${part(x.two)})`;
  return `| Live fan-out: one room, ${x.clients} clients (${x.date ? `run of ${x.date}, ` : ''}see its section) | one instance: ${figure(x.one)}; two instances, PostgreSQL adapter: ${figure(x.two)} | bare socket.io, one server: p99 ${f1(x.bareP99)} ms | ${times(x.one)} (two instances: ${times(x.two)}) | ≤ 2× bare p99, 0 lost, on one instance and on two | ${verdict} |`;
}

/**
 * The live fan-out's exit code for this runner: the script itself exits 1 only on a lost or
 * duplicated message; a p99 above 2× the bare p99 (as liveFanoutResult judges its table) is a
 * missed goal too, so it exits 1 like the other benchmarks. A run that failed keeps its own code.
 */
function liveFanoutCode(code, result) {
  if (code !== 0) return code;
  return result?.parsed && !result.met ? 1 : 0;
}

module.exports = { liveFanoutResult, liveFanoutRow, liveFanoutCode };
