#!/usr/bin/env node
// `npm run drills [-- name…]`: the fault drills of tests/fault, one after another, each in its own
// process with a time limit, on its own throwaway PostgreSQL, everything on 127.0.0.1. Appends a
// dated entry with each drill's outcome and figures to the "Drills" section of docs/benchmarks.md.
// Names: kill-api, restart-postgres, crash-postgres, socket-reconnect, closing-while-down, backup-restore,
// production-topology (nginx, two instances, Redis and the machine's PostgreSQL: decision 0058). Exit code 1 when a drill
// failed or could not run.
//
// Environment: BENCH_SKIP_BUILD=true (use dist/ as it is), BENCH_WRITE=false (do not touch
// docs/benchmarks.md), BENCH_VERBOSE=1 (the API's own logs).
const fs = require('node:fs');
const path = require('node:path');
const { prepare } = require('./bench/prepare');
const { lastResult, runScript } = require('./bench/processes');
const { machineNow, readDoc, stamp } = require('./bench/report');

const root = path.resolve(__dirname, '..');
const DOC = path.join(root, 'docs/benchmarks.md');

const DRILLS = {
  'kill-api': { file: 'tests/fault/kill-api.drill.js', minutes: 3, title: 'kill -9 the API during a vote storm' },
  'restart-postgres': { file: 'tests/fault/restart-postgres.drill.js', minutes: 3, title: 'restart PostgreSQL under load' },
  'crash-postgres': {
    file: 'tests/fault/restart-postgres.drill.js',
    minutes: 3,
    title: 'crash PostgreSQL under load (immediate shutdown)',
    env: { DRILL_PG_STOP: 'immediate' },
  },
  'socket-reconnect': { file: 'tests/fault/socket-reconnect.drill.js', minutes: 3, title: 'socket clients away for 10 s during activity' },
  'closing-while-down': { file: 'tests/fault/closing-while-down.drill.js', minutes: 3, title: 'a ballot closes while the API is down' },
  'backup-restore': { file: 'tests/fault/backup-restore.drill.js', minutes: 4, title: 'pg_dump during a vote storm, restored and verified against the published head' },
  'production-topology': {
    file: 'tests/fault/production-topology.drill.js',
    minutes: 6,
    web: true,
    title: 'the production topology: nginx, two instances, a browser, live followers and a rolling restart',
  },
};

const say = (msg) => process.stdout.write(`drills: ${msg}\n`);

function appendDrills(body) {
  if (process.env.BENCH_WRITE === 'false') return;
  let doc = readDoc();
  if (!doc)
    doc = `# Benchmarks and fault drills\n\nWritten by \`npm run bench\` (tests/load, tools/run-bench.js) and \`npm run drills\` (tests/fault,\ntools/run-drills.js).\n`;
  if (!/\n## Drills\n/.test(doc))
    doc = `${doc.trimEnd()}\n\n## Drills\n\nFault drills (tests/fault, \`npm run drills\`): each run is appended below, newest last. Every drill runs on its own\nembedded PostgreSQL (fsync on) with the built API as a separate process, on 127.0.0.1, bounded in time.\n`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, `${doc.trimEnd()}\n\n${body.trimEnd()}\n`);
}

const cell = (v) =>
  v === null || v === undefined
    ? 'n/a'
    : typeof v === 'object'
      ? Object.entries(v)
          .map(([k, x]) => `${k} ${x}`)
          .join(', ')
      : String(v);

function render(name, d, r) {
  const head = `#### ${d.title} (\`${name}\`): ${r.result ? (r.result.passed ? 'passed' : '**FAILED**') : `**did not complete** (exit ${r.code})`}`;
  if (!r.result) return `${head}\n`;
  const x = r.result;
  const lines = [head, '', x.summary, ''];
  if (x.figures) {
    lines.push('| | |', '| --- | --- |');
    for (const [k, v] of Object.entries(x.figures)) lines.push(`| ${k.replace(/([A-Z])/g, ' $1').toLowerCase()} | ${cell(v)} |`);
    lines.push('');
  }
  if (x.problems && x.problems.length) lines.push('Problems found:', '', ...x.problems.map((p) => `- ${p}`), '');
  if (x.notes && x.notes.length) lines.push(...x.notes.map((n) => `${n}`), '');
  return lines.join('\n');
}

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !DRILLS[a]);
  if (unknown.length) {
    process.stderr.write(`drills: unknown drill(s) ${unknown.join(', ')}; known: ${Object.keys(DRILLS).join(', ')}\n`);
    process.exit(2);
  }
  const names = asked.length ? asked : Object.keys(DRILLS);
  const machine = machineNow();
  const started = Date.now();
  say(machine);
  const out = prepare({ web: names.some((n) => DRILLS[n].web) });
  const parts = [];
  let failed = 0;
  for (const name of names) {
    const d = DRILLS[name];
    const file = path.join(out, d.file);
    say(`── ${name} ──`);
    if (!fs.existsSync(file)) {
      say(`${name}: ${d.file} is not there; skipped`);
      parts.push(`#### ${d.title} (\`${name}\`): **not run** (no script)\n`);
      failed++;
      continue;
    }
    const r = await runScript(file, d.minutes, d.env);
    const result = lastResult('DRILL', r.stdout);
    if (r.code !== 0 || !result || !result.passed) failed++;
    parts.push(render(name, d, { ...r, result }));
    say(`${name}: ${result ? (result.passed ? 'passed' : 'FAILED') : 'did not complete'} (exit ${r.code}, ${r.seconds.toFixed(0)} s)`);
  }
  const total = (Date.now() - started) / 1000;
  appendDrills(
    `### Drill run of ${stamp()}: ${names.length - failed} of ${names.length} passed\n\n${machine} The run took ${Math.round(total)} s.\n\n${parts.join('\n')}`,
  );
  say(`done in ${total.toFixed(0)} s: ${names.length - failed} of ${names.length} passed`);
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`drills: ${(e && e.stack) || e}\n`);
  process.exit(1);
});
