// Builds what the benchmarks and drills run, and compiles them into dist/bench.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
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

module.exports = { prepare };
