#!/usr/bin/env node
// `npm run db:reset`: deletes the embedded PostgreSQL data (./data/pg or PARLEY_DATA_DIR/pg, or where a start from a private folder put it); the next start loads the demo again.
const fs = require('node:fs');
const path = require('node:path');
const { placedDataDir } = require('./embedded-pg-home');
const dir = placedDataDir(path.join(path.resolve(process.env.PARLEY_DATA_DIR || path.join(__dirname, '..', 'data')), 'pg'));
if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
  console.error(`parley: PostgreSQL seems to be running on ${dir}; stop npm start first`);
  process.exit(1);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`parley: removed ${dir}`);
