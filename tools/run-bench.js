#!/usr/bin/env node
// `npm run bench [-- name…]`: builds what changed, compiles tests/load (and tests/fault) into
// dist/bench, and runs the benchmarks one after another, each in its own process with a time
// limit. Each benchmark writes its own section of docs/benchmarks.md; this runner then writes the
// "Summary" section (one row per workload: the figure, its limit measured in the same run, the
// ratio, the goal). Names: vote-storm, tally-read, document-read, live-fanout, audit-verify,
// start-size, home, compilation, procedures, notifications, digest, meetings, exchange, language-versions, sessions, institutional-sign-in, search, agreed-language. Exit code 1 when a benchmark failed to run or missed a goal.
//
// Every row is judged by a ratio measured interleaved in the same run (decision 0061,
// tests/load/support/interleave.ts): Parley's side and its limit in A B / B A rounds, the ratio taken
// pair by pair, the median judged and the smallest and largest pair printed beside it.
//
// Environment: BENCH_SKIP_BUILD=true (use dist/ as it is), BENCH_WRITE=false (do not touch
// docs/benchmarks.md), BENCH_VERBOSE=1 (the API's own logs), BENCH_ROUNDS (pairs per judged row: 5 by
// default; 3 for a quicker development run), and each benchmark's own settings.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { liveFanoutCode, liveFanoutResult } = require('./bench/live-fanout');
const { prepare } = require('./bench/prepare');
const { lastResult, runScript } = require('./bench/processes');
const { machineNow, section, stamp, writeSection } = require('./bench/report');
const { summaryRows } = require('./bench/summary');

const BENCHES = {
  'vote-storm': { file: 'tests/load/vote-storm.bench.js', minutes: 4 },
  'comment-storm': { file: 'tests/load/comment-storm.bench.js', minutes: 4 },
  'tally-read': { file: 'tests/load/tally-read.bench.js', minutes: 4 },
  'document-read': { file: 'tests/load/document-read.bench.js', minutes: 4 },
  'live-fanout': { file: 'tests/load/live-fanout.js', minutes: 20, external: true },
  'live-viewers-5000': { file: 'tests/load/live-viewers-5000.js', minutes: 20, external: true },
  'audit-verify': { file: 'tests/load/audit-verify.bench.js', minutes: 8 },
  'start-size': { file: 'tests/load/start-size.bench.js', minutes: 6 },
  home: { file: 'tests/load/home.bench.js', minutes: 8 },
  compilation: { file: 'tests/load/compilation.bench.js', minutes: 5 },
  procedures: { file: 'tests/load/procedures.bench.js', minutes: 5 },
  notifications: { file: 'tests/load/notifications.bench.js', minutes: 5 },
  digest: { file: 'tests/load/digest.bench.js', minutes: 5 },
  meetings: { file: 'tests/load/meetings.bench.js', minutes: 8 },
  exchange: { file: 'tests/load/exchange.bench.js', minutes: 8 },
  'language-versions': { file: 'tests/load/language-versions.bench.js', minutes: 5 },
  sessions: { file: 'tests/load/sessions.bench.js', minutes: 6 },
  'institutional-sign-in': { file: 'tests/load/institutional-sign-in.bench.js', minutes: 5 },
  search: { file: 'tests/load/search.bench.js', minutes: 25 },
  'agreed-language': { file: 'tests/load/agreed-language.bench.js', minutes: 10 },
};

const say = (msg) => process.stdout.write(`bench: ${msg}\n`);
const loads = (l) => l.map((x) => x.toFixed(2)).join(' / ');

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !BENCHES[a]);
  if (unknown.length) {
    process.stderr.write(`bench: unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`);
    process.exit(2);
  }
  const names = asked.length ? asked : Object.keys(BENCHES);
  const machine = machineNow();
  const loadBefore = os.loadavg();
  const started = Date.now();
  say(machine);
  const out = prepare({ web: names.some((n) => n === 'document-read' || n === 'start-size' || n === 'compilation') });
  // The live fan-out script replaces its own section where it is; give it a place before "Drills".
  if (names.includes('live-fanout') && !section('Live fan-out')) writeSection('Live fan-out', ': not yet run\n\nWritten by tests/load/live-fanout.ts.');

  const results = new Map();
  for (const name of names) {
    const b = BENCHES[name];
    const file = path.join(out, b.file);
    if (!fs.existsSync(file)) {
      say(`${name}: ${b.file} is not there (yet); skipped`);
      results.set(name, { code: 'missing', result: null });
      continue;
    }
    say(`── ${name} ──`);
    const r = await runScript(file, b.minutes);
    let result = null;
    if (name === 'live-fanout' || name === 'live-viewers-5000') {
      result = liveFanoutResult(r.stdout);
      r.code = liveFanoutCode(r.code, result);
    } else result = lastResult('BENCH', r.stdout);
    results.set(name, { code: r.code, seconds: r.seconds, result });
    say(`${name}: exit ${r.code} after ${r.seconds.toFixed(0)} s`);
  }

  const total = (Date.now() - started) / 1000;
  const partial = names.length < Object.keys(BENCHES).length;
  if (!partial) {
    writeSection(
      'Summary',
      ` of the last full run (${stamp()})

${machine}
\`npm run bench\` took ${Math.floor(total / 60)} min ${Math.round(total % 60)} s. Load average (1 / 5 / 15 min) before the run ${loads(loadBefore)}, after it ${loads(os.loadavg())}.
Each row's figure and its limit come from the same run, interleaved (A B, then B A…, ${process.env.BENCH_ROUNDS ?? 5} pairs unless the row says otherwise):
the ratio is the median of the pairs' ratios, with the smallest and largest pair and the number of pairs beside it (the spread).
Absolute figures, and the former absolute goals, are kept as information. Details in each section below.

| workload | measured | limit, same run | ratio (median of the pairs; smallest–largest pair) | goal | |
| --- | --- | --- | --- | --- | --- |
${summaryRows(results).join('\n')}
`,
      { first: true },
    );
  }
  say(`load average before ${loads(loadBefore)}, after ${loads(os.loadavg())}`);
  say(`done in ${total.toFixed(0)} s${partial ? ' (a partial run: the Summary section is left as it was)' : ''}`);
  const failed = [...results].filter(([, v]) => v.code !== 0);
  if (failed.length) {
    say(`not all goals met or not all benchmarks completed: ${failed.map(([n, v]) => `${n} (exit ${v.code})`).join(', ')}`);
    process.exitCode = 1;
  }
}

if (require.main === module)
  main().catch((e) => {
    process.stderr.write(`bench: ${(e && e.stack) || e}\n`);
    process.exit(1);
  });
