#!/usr/bin/env node
// `npm test`: every jest project (domain, web components, API and sockets over HTTP, browser
// journeys) on one throwaway PostgreSQL. Browser journeys need Chromium (CHROMIUM_PATH or
// /usr/bin/chromium): without it they are skipped with a loud notice, except under CI=true,
// where a missing browser is a failure. Extra arguments go to jest.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { requireSupportedNode } = require('./require-node');

requireSupportedNode('npm test');

const root = path.resolve(__dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--maxWorkers=2', ...process.argv.slice(2)];

if (!fs.existsSync(chromium)) {
  const notice = `\n${'!'.repeat(78)}\n!! No Chromium at ${chromium}: the BROWSER JOURNEYS ARE NOT RUN.\n!! Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') {
    process.stderr.write(`${notice}!! Under CI=true a missing browser is a failure.\n`);
    process.exit(1);
  }
  process.stderr.write(notice);
  args.push('--selectProjects', 'domain', 'web', 'api');
} else {
  process.env.CHROMIUM_PATH = chromium;
}
// The production-topology test (tests/topology) runs Debian's nginx in front of two API instances.
const nginx = process.env.NGINX_PATH || '/usr/sbin/nginx';
if (!fs.existsSync(nginx) && !args.includes('--selectProjects')) {
  const notice = `\n!! No nginx at ${nginx}: the PRODUCTION-TOPOLOGY TEST IS NOT RUN (Debian: apt-get install -y nginx-light, or set NGINX_PATH).\n`;
  if (process.env.CI === 'true') {
    process.stderr.write(`${notice}!! Under CI=true a missing nginx is a failure.\n`);
    process.exit(1);
  }
  process.stderr.write(notice);
  args.push('--selectProjects', 'domain', 'web', 'api', 'browser');
}

const r = spawnSync(path.join(root, 'node_modules/.bin/jest'), args, { cwd: root, stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
