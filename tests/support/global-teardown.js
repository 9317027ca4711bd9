const fs = require('node:fs');

module.exports = async () => {
  const held = globalThis.__PARLEY_TEST_PG__;
  if (!held) return;
  await held.pg.stop();
  fs.rmSync(held.dataDir, { recursive: true, force: true });
};
