// Compiles the API, the libraries, migrations and command-line tools with swc into dist/api,
// keeping the source layout, and adds node_modules shims so `@parley/*` resolve at run time.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/api');
fs.rmSync(out, { recursive: true, force: true });
const swc = path.join(root, 'node_modules/.bin/swc');
execFileSync(swc, ['apps/api/src', 'libs/domain/src', 'libs/contracts/src', 'migrations', 'tools', '-d', out, '--config-file', '.swcrc', '--ignore', '**/*.test.ts', '--only', '**/*.ts', '--quiet'], { cwd: root, stdio: 'inherit' });
// The offline verifier is the package's `bin` (npx parley-audit-verify): keep it executable (its #!/usr/bin/env node line survives swc).
fs.chmodSync(path.join(out, 'tools/audit-verify.js'), 0o755);
const shims = { domain: 'libs/domain/src/index.js', contracts: 'libs/contracts/src/index.js', migrations: 'migrations/index.js' };
for (const [name, target] of Object.entries(shims)) {
  const dir = path.join(out, 'node_modules/@parley', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), `module.exports = require('../../../${target}');\n`);
}
