// One PostgreSQL for the whole run: TEST_DATABASE_URL (an admin URL whose role may CREATE DATABASE)
// or a throwaway embedded cluster. Each test file then creates and drops its own database.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmbeddedPostgres } = require('../../tools/embedded-pg');

module.exports = async () => {
  if (process.env.TEST_DATABASE_URL) {
    process.env.PARLEY_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), persistent: false });
  globalThis.__PARLEY_TEST_PG__ = { pg, dataDir };
  process.env.PARLEY_TEST_ADMIN_URL = pg.url('postgres');
};
