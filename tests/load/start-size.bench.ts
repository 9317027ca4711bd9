// Benchmark: start-up time and the web app's initial download.
//
// - `npm start` on a warm install (dependencies installed, the build cached by Nx: PARLEY_SKIP_BUILD
//   unset, so the cached build check is part of the time), twice: on an empty data directory (the
//   embedded PostgreSQL is initialised, migrations run, the Paris Call demo is loaded), then again on
//   the same directory. The figure is the wall-clock time from spawning `npm start` to its "ready"
//   line (which also prints its own "ready in X s"). Goal: < 15 s.
// - The web app's initial JavaScript: every script and modulepreload of dist/web/index.html,
//   gzipped (zlib, level 6, as a server would send it), beside all of the app's JavaScript.
//   Goal: < 300 KB.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { emitResult, freePort, http, log, machine, machineLine, num, root, runMain, sleep, today, writeSection } from './support/harness';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 6 }).length;

function webSize() {
  const dist = join(root, 'dist/web');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const local = (ref: string) => join(dist, ref.replace(/^\//, '').split('?')[0]);
  const initial = [...refs].map((ref) => ({ ref, raw: statSync(local(ref)).size, gzip: gz(local(ref)) }));
  const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const all = allJs.map((f) => ({ raw: statSync(join(dist, 'assets', f)).size, gzip: gz(join(dist, 'assets', f)) }));
  const sum = (xs: { raw: number; gzip: number }[], k: 'raw' | 'gzip') => xs.reduce((n, x) => n + x[k], 0);
  return {
    initialFiles: initial.length,
    initialRawKB: sum(initial, 'raw') / 1024,
    initialGzipKB: sum(initial, 'gzip') / 1024,
    cssGzipKB: css.reduce((n, ref) => n + gz(local(ref)), 0) / 1024,
    allFiles: all.length,
    allGzipKB: sum(all, 'gzip') / 1024,
    largest: initial
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((x) => `${x.ref.split('/').pop()} ${(x.gzip / 1024).toFixed(1)} KB`),
  };
}

interface StartRun {
  readySeconds: number;
  reported: number | null;
  demoLoaded: boolean;
  homeStatus: number;
}

/** `npm start` in its own process group; resolves at "ready", checks the home page, stops it with Ctrl-C. */
async function npmStart(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, PARLEY_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', PARLEY_SKIP_BUILD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const stopGroup = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      /* gone */
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 20_000)))]);
    clearTimeout(timer);
    // npm exits at once on Ctrl-C; start.js goes on stopping the API and its PostgreSQL: wait for that.
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    for (let i = 0; i < 200 && existsSync(pidFile); i++) await sleep(100);
    if (child.exitCode === null || existsSync(pidFile)) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      // A hard-killed start leaves its PostgreSQL running: stop it by its pid file.
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
        } catch {
          /* gone */
        }
      }
    }
  };
  try {
    const until = Date.now() + 120_000;
    while (!/ready in/.test(out)) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${err.slice(-500)}`);
      if (Date.now() > until) throw new Error(`npm start was not ready within 120 s: ${out.slice(-300)} ${err.slice(-300)}`);
      await sleep(20);
    }
    const readySeconds = (performance.now() - t0) / 1000;
    const reported = Number(/ready in ([\d.]+) s/.exec(out)?.[1] ?? NaN);
    const home = await http('GET', `http://127.0.0.1:${port}/`);
    return { readySeconds, reported: Number.isFinite(reported) ? reported : null, demoLoaded: /loaded the Paris Call demo/.test(out), homeStatus: home.status };
  } finally {
    await stopGroup();
  }
}

async function main(): Promise<void> {
  const m = machine();
  log('start and size');
  const size = webSize();
  log(`initial JS: ${num(size.initialGzipKB, 1)} KB gzipped in ${size.initialFiles} files (all JS ${num(size.allGzipKB, 1)} KB)`);
  const dir = mkdtempSync(join(tmpdir(), 'parley-start-bench-'));
  chmodSync(dir, 0o755); // the postgres user must reach the data directory
  let first: StartRun;
  let second: StartRun;
  try {
    first = await npmStart(join(dir, 'data'));
    log(`first start (empty data directory): ready after ${first.readySeconds.toFixed(1)} s (it says ${first.reported} s), demo loaded: ${first.demoLoaded}`);
    second = await npmStart(join(dir, 'data'));
    log(`second start (data there): ready after ${second.readySeconds.toFixed(1)} s (it says ${second.reported} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const goals = { start: first.readySeconds < 15 && second.readySeconds < 15, size: size.initialGzipKB < 300 };
  const yes = (b: boolean) => (b ? 'met' : '**missed**');
  writeSection(
    'Start and size',
    ` (${today()})

${machineLine(m)}

| | measured | goal | |
| --- | --- | --- | --- |
| \`npm start\`, warm install, empty data directory (initdb, migrations, Paris Call demo loaded${first.demoLoaded ? '' : ' — NOT seen'}) | ready after ${first.readySeconds.toFixed(1)} s (it reports ${first.reported ?? 'n/a'} s) | < 15 s | ${yes(first.readySeconds < 15)} |
| \`npm start\` again on the same data | ready after ${second.readySeconds.toFixed(1)} s (it reports ${second.reported ?? 'n/a'} s) | < 15 s | ${yes(second.readySeconds < 15)} |
| web initial JavaScript: the ${size.initialFiles} scripts and module preloads of index.html, gzipped | **${num(size.initialGzipKB, 1)} KB** (${num(size.initialRawKB, 0)} KB raw; largest: ${size.largest.join(', ')}) | < 300 KB | ${yes(goals.size)} |
| for reference: all of the app's JavaScript (${size.allFiles} files, code-split per page), gzipped | ${num(size.allGzipKB, 1)} KB; initial CSS ${num(size.cssGzipKB, 1)} KB | | |

Times are wall clock from spawning \`npm start\` (npm included) to its "ready" line; the home page then answered ${first.homeStatus}.
`,
  );
  const result = {
    bench: 'start-size',
    start: { firstReadySeconds: first.readySeconds, secondReadySeconds: second.readySeconds, firstReported: first.reported, demoLoaded: first.demoLoaded },
    size,
    goals,
    met: goals.start && goals.size,
    machine: m,
  };
  emitResult('BENCH', result);
  if (!result.met) process.exitCode = 1;
}

runMain(main);
