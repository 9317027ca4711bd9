#!/usr/bin/env node
// `npm run bench [-- name…]`: builds what changed, compiles tests/load (and tests/fault) into
// dist/bench, and runs the benchmarks one after another, each in its own process with a time
// limit. Each benchmark writes its own section of docs/benchmarks.md; this runner then writes the
// "Summary" section (one row per workload: the figure, its limit measured in the same run, the
// ratio, the goal). Names: vote-storm, tally-read, document-read, live-fanout, audit-verify,
// start-size, home. Exit code 1 when a benchmark failed to run or missed a goal.
//
// Environment: BENCH_SKIP_BUILD=true (use dist/ as it is), BENCH_WRITE=false (do not touch
// docs/benchmarks.md), BENCH_VERBOSE=1 (the API's own logs), and each benchmark's own settings.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const DOC = path.join(root, 'docs/benchmarks.md');

const BENCHES = {
  'vote-storm': { file: 'tests/load/vote-storm.bench.js', minutes: 4 },
  'tally-read': { file: 'tests/load/tally-read.bench.js', minutes: 4 },
  'document-read': { file: 'tests/load/document-read.bench.js', minutes: 4 },
  'live-fanout': { file: 'tests/load/live-fanout.js', minutes: 10, external: true },
  'audit-verify': { file: 'tests/load/audit-verify.bench.js', minutes: 4, external: true },
  'start-size': { file: 'tests/load/start-size.bench.js', minutes: 3 },
  home: { file: 'tests/load/home.bench.js', minutes: 8 },
};

const say = (msg) => process.stdout.write(`bench: ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', env: { ...process.env, ...opts.env } });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal})`);
}

/**
 * Builds api and web (Nx cache: nothing when nothing changed), copies the built API aside into
 * dist/bench/api (so another build of dist/api during a run cannot pull it from under a child
 * process), and compiles tests/load and tests/fault next to it with `@parley/*` shims.
 */
function prepare({ web = true } = {}) {
  if (process.env.BENCH_SKIP_BUILD !== 'true') {
    say(`building ${web ? 'api and web' : 'api'} (cached when nothing changed)…`);
    run(path.join(root, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', `--projects=${web ? 'api,web' : 'api'}`, '--output-style=static'], {
      quiet: true,
      env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
  }
  const out = path.join(root, 'dist/bench');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // Another session may be rebuilding dist/api (it is removed, then written again): wait for a
  // complete one, and copy it again when the copy raced with a rebuild.
  const complete = (dir) =>
    ['apps/api/src/main.js', 'libs/domain/src/index.js', 'migrations/index.js', 'node_modules/@parley/domain/index.js'].every((f) =>
      fs.existsSync(path.join(dir, f)),
    );
  for (let attempt = 1; ; attempt++) {
    const until = Date.now() + 60_000;
    while (!complete(path.join(root, 'dist/api'))) {
      if (Date.now() > until) throw new Error('dist/api is missing or incomplete and the build did not make it');
      spawnSync('sleep', ['1']);
    }
    spawnSync('sleep', ['1']);
    try {
      fs.rmSync(path.join(out, 'api'), { recursive: true, force: true });
      fs.cpSync(path.join(root, 'dist/api'), path.join(out, 'api'), { recursive: true });
      if (complete(path.join(out, 'api'))) break;
    } catch (e) {
      if (attempt >= 5) throw e;
    }
    if (attempt >= 5) throw new Error('could not copy a complete dist/api');
  }
  const dirs = ['tests/load', 'tests/fault'].filter((d) => fs.existsSync(path.join(root, d)));
  run(path.join(root, 'node_modules/.bin/swc'), [...dirs, '-d', out, '--config-file', '.swcrc', '--only', '**/*.ts', '--quiet']);
  for (const name of ['domain', 'contracts']) {
    const dir = path.join(out, 'node_modules/@parley', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.js'), `module.exports = require('../../../api/node_modules/@parley/${name}');\n`);
  }
  return out;
}

/** Runs one compiled script with a time limit; resolves with its exit code and everything it printed. */
function runScript(file, minutes, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [file], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    const timer = setTimeout(() => {
      process.stderr.write(`bench: ${path.basename(file)} ran out of its ${minutes} min: stopping it\n`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 10_000).unref();
    }, minutes * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function lastResult(kind, stdout) {
  const lines = stdout.split('\n').filter((l) => l.startsWith(`${kind}-RESULT `));
  if (!lines.length) return null;
  try {
    return JSON.parse(lines[lines.length - 1].slice(kind.length + 8));
  } catch {
    return null;
  }
}

function readDoc() {
  return fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
}

function section(title) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(^|\\n)(## ${escaped}[^\\n]*\\n[\\s\\S]*?)(?=\\n## |$)`).exec(readDoc());
  return m ? m[2] : null;
}

const PREAMBLE = `# Benchmarks and fault drills

Written by \`npm run bench\` (tests/load, tools/run-bench.js) and \`npm run drills\` (tests/fault,
tools/run-drills.js). Each workload is measured beside its physical limit in the same run and
reported as a ratio, because the machines these run on are shared and noisy (2 cores): absolute
numbers drift from run to run, ratios much less. Each benchmark's section is replaced by its latest
run; drill runs are appended under "Drills".
`;

/** Replaces a `## title` section or inserts it (before "## Drills", or first after the preamble when `first`). */
function writeSection(title, body, { first = false } = {}) {
  if (process.env.BENCH_WRITE === 'false') return;
  let doc = readDoc() || PREAMBLE;
  const text = `## ${title}${body.startsWith(' ') ? '' : '\n'}${body.trimEnd()}\n`;
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|\\n)## ${escaped}[^\\n]*\\n[\\s\\S]*?(?=\\n## |$)`);
  if (re.test(doc)) doc = doc.replace(re, (_m, lead) => `${lead}${text}`);
  else if (first && /\n## /.test(doc)) doc = doc.replace(/\n## /, `\n${text}\n## `);
  else if (/\n## Drills\n/.test(doc)) doc = doc.replace(/\n## Drills\n/, `\n${text}\n## Drills\n`);
  else doc = `${doc.trimEnd()}\n\n${text}`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, doc.replace(/\n{3,}/g, '\n\n'));
}

// ---------------------------------------------------------------------------------------------
// The two scripts this runner did not write: their own output, read back for the summary.

/**
 * tests/load/audit-verify.bench.ts prints one JSON object; its section is written here, with the
 * reference run of tests/load/audit-verify-floor.ts (`floor`, run right after it) beside it.
 */
function auditVerifyResult(r, floor) {
  const start = r.stdout.indexOf('{');
  if (start < 0) return null;
  try {
    const j = JSON.parse(r.stdout.slice(start, r.stdout.lastIndexOf('}') + 1));
    const m = machineNow();
    writeSection(
      'Audit verify',
      ` (${stamp()})

${m}
Workload: ${j.events.toLocaleString('en')} realistic events (vote events with affiliation snapshots, four interleaved chains) written to a
${j.fileMB} MB JSON Lines export (${j.generateSeconds} s to generate), then verified by the built command-line verifier
(\`npm run audit:verify -- file\`, worker threads for the per-event hashes), timed from the outside.

| events | verify time | events/s | goal | |
| --- | --- | --- | --- | --- |
| ${j.events.toLocaleString('en')} | ${j.verifySeconds} s | ${j.eventsPerSecond.toLocaleString('en')} | < ${j.goalSeconds} s | ${j.met ? 'met' : '**missed**'} |

The verifier said: \`${String(j.output).split('\n').slice(-1)[0]}\`
${
  floor
    ? `
The same work's floor, measured right after on one core in one process (tests/load/audit-verify-floor.ts, ${floor.measured.toLocaleString('en')} events
scaled to ${floor.events.toLocaleString('en')}): JSON.parse of every line and one SHA-256 over its bytes, ${floor.floorSeconds} s; JSON.parse and the per-event
integrity check the verifier's workers run (canonical JSON, change digest, event hash), ${floor.perEventSeconds} s, so ${(floor.perEventSeconds / os.cpus().length).toFixed(1)} s
at best on ${os.cpus().length} cores. The verifier took **${(j.verifySeconds / (floor.perEventSeconds / os.cpus().length)).toFixed(2)}×** that best case.
`
    : ''
}`,
    );
    return { ...j, bench: 'audit-verify', floor };
  } catch {
    return null;
  }
}

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
  const figure = (f) => (f ? `p99 ${f1(f.p99)} ms, lost ${Number.isFinite(f.lost) ? f.lost : 'n/a'}${f.duplicated ? `, duplicated ${f.duplicated}` : ''}` : 'not measured');
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

// ---------------------------------------------------------------------------------------------

function machineNow() {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at start ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min) on a shared machine.`;
}

const stamp = () => new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const f1 = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: 1 }) : 'n/a');
const pct = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : 'n/a');
const met = (b) => (b === true ? 'met' : b === false ? '**missed**' : 'not measured');

function summaryRows(results) {
  const rows = [];
  const r = (name) => results.get(name);
  const vs = r('vote-storm');
  if (vs?.result) {
    const x = vs.result;
    rows.push(
      `| Vote storm: ${x.voters} voters, ${x.members} members, ${x.seconds} s | ${f1(x.api.votesPerSecond)} votes/s, p99 ${f1(x.api.p99)} ms | vote upsert + audit row straight through node-postgres: ${f1(x.limitA.commitsPerSecond)} commits/s (on one hash chain: ${f1(x.limitB.commitsPerSecond)}) | ${pct(x.ratioA)} (${pct(x.ratioB)} of one chain) | ≥ 33 %, p99 < 100 ms, 0 lost/duplicated | ${met(x.goals.throughput)}, ${met(x.goals.p99)}, ${met(x.goals.integrity)} (lost ${x.audit.lost}, duplicated ${x.audit.duplicated}, chain ${x.audit.chain.ok ? 'valid' : 'BROKEN'}) |`,
    );
  }
  const tr = r('tally-read');
  if (tr?.result)
    for (const c of tr.result.cases)
      rows.push(
        `| Tally read: ballot with ${c.votes.toLocaleString('en')} votes | GET p50 ${f1(c.api.p50)} ms | the SQL aggregate alone: p50 ${f1(c.sql.p50)} ms | ${f1(c.ratio)}× | ≤ 2× | ${met(c.met)} |`,
      );
  const dr = r('document-read');
  if (dr?.result) {
    const x = dr.result;
    rows.push(
      `| Document read: 300 clauses, 5,000 comments, 1,000 amendments | GET p50 ${f1(x.api.p50)} ms | the document's SQL reads alone: p50 ${f1(x.sql?.p50)} ms | ${f1(x.ratio)}× | p50 < 50 ms | ${met(x.goals.apiP50)} |`,
    );
    rows.push(
      `| Document page in chromium | ${x.page ? `interactive at ${f1(x.page.interactiveMs)} ms` : `not measured: ${x.pageSkipped}`} | an empty page of the same app: ${x.page ? `${f1(x.page.emptyInteractiveMs)} ms` : 'n/a'} | ${x.page ? `${f1(x.page.interactiveMs / x.page.emptyInteractiveMs)}×` : 'n/a'} | < 1,500 ms | ${met(x.goals.page)} |`,
    );
  }
  const lf = r('live-fanout');
  if (lf) {
    const x = lf.result;
    if (x?.parsed) rows.push(liveFanoutRow(x));
    else
      rows.push(
        `| Live fan-out | ${lf.code === 0 ? 'ran; figures in its section' : `did not complete (exit ${lf.code})`} | | | ≤ 2× bare socket.io p99, 0 lost | ${lf.code === 0 ? 'see its section' : '**not measured**'} |`,
      );
  }
  const av = r('audit-verify');
  if (av?.result) {
    const x = av.result;
    const best = x.floor ? x.floor.perEventSeconds / os.cpus().length : null;
    rows.push(
      `| Audit verify: ${x.events.toLocaleString('en')} events | ${x.verifySeconds} s (${x.eventsPerSecond.toLocaleString('en')} events/s) | the per-event work alone, spread on ${os.cpus().length} cores: ${best ? `${best.toFixed(1)} s` : 'n/a'} | ${best ? `${(x.verifySeconds / best).toFixed(2)}×` : ''} | < 10 s | ${met(x.met)} |`,
    );
  }
  const ss = r('start-size');
  if (ss?.result) {
    const x = ss.result;
    rows.push(
      `| npm start, warm install, empty data directory (demo loaded) | ready in ${f1(x.start.firstReadySeconds)} s | the same, data already there: ${f1(x.start.secondReadySeconds)} s | | < 15 s | ${met(x.goals.start)} |`,
    );
    rows.push(
      `| Web initial JavaScript (gzipped) | ${f1(x.size.initialGzipKB)} KB in ${x.size.initialFiles} files | all JavaScript of the app: ${f1(x.size.allGzipKB)} KB | ${pct(x.size.initialGzipKB / x.size.allGzipKB)} | < 300 KB | ${met(x.goals.size)} |`,
    );
  }
  const hm = r('home');
  if (hm?.result) {
    const x = hm.result;
    rows.push(
      `| Home (front door): ${x.groups} groups of 500, a 10,000-vote ballot | GET /api/home p50 ${f1(x.api.p50)} ms (signed-in chair ${f1(x.apiSignedIn.p50)} ms; right after an act ${f1(x.groupList?.p50)} ms) | every current membership read alone: p50 ${f1(x.sql.p50)} ms | ${f1(x.ratio)}× | none yet (first measurement) | not judged |`,
    );
  }
  for (const [name, v] of results)
    if (!v.result && name !== 'live-fanout') rows.push(`| ${name} | did not complete (exit ${v.code}) | | | | **not measured** |`);
  return rows;
}

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !BENCHES[a]);
  if (unknown.length) {
    process.stderr.write(`bench: unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`);
    process.exit(2);
  }
  const names = asked.length ? asked : Object.keys(BENCHES);
  const machine = machineNow();
  const started = Date.now();
  say(machine);
  const out = prepare({ web: names.some((n) => n === 'document-read' || n === 'start-size') });
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
    if (name === 'audit-verify') {
      const floor =
        r.code === 0 && fs.existsSync(path.join(out, 'tests/load/audit-verify-floor.js'))
          ? await runScript(path.join(out, 'tests/load/audit-verify-floor.js'), 2)
          : null;
      result = r.code === 0 ? auditVerifyResult(r, floor ? lastResult('BENCH', floor.stdout) : null) : null;
      if (result && !result.met) r.code = 1;
    } else if (name === 'live-fanout') {
      result = liveFanoutResult();
      // With BENCH_WRITE=false the script leaves its section as it was: that is not this run's table.
      if (process.env.BENCH_WRITE !== 'false') r.code = liveFanoutCode(r.code, result);
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
\`npm run bench\` took ${Math.floor(total / 60)} min ${Math.round(total % 60)} s. Each row's figure and its limit come from the same run; details in each section below.

| workload | measured | limit, same run | ratio | goal | |
| --- | --- | --- | --- | --- | --- |
${summaryRows(results).join('\n')}
`,
      { first: true },
    );
  }
  say(`done in ${total.toFixed(0)} s${partial ? ' (a partial run: the Summary section is left as it was)' : ''}`);
  const failed = [...results].filter(([, v]) => v.code !== 0);
  if (failed.length) {
    say(`not all goals met or not all benchmarks completed: ${failed.map(([n, v]) => `${n} (exit ${v.code})`).join(', ')}`);
    process.exitCode = 1;
  }
}

module.exports = { prepare, runScript, lastResult, writeSection, machineNow, stamp, readDoc, liveFanoutResult, liveFanoutRow, liveFanoutCode };

if (require.main === module)
  main().catch((e) => {
    process.stderr.write(`bench: ${(e && e.stack) || e}\n`);
    process.exit(1);
  });
