import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForOutput } from '../support/child-output';

// A newcomer who is root clones Parley into a private folder (root's 0700 home, a `mktemp -d`
// folder) and runs `npm start`. As root the embedded PostgreSQL runs as the `postgres` user, who
// cannot enter that folder: the start must still work (binaries and data placed where that user
// can reach them, said in the start line), and stop cleanly.
const root = join(__dirname, '../..');


describe('npm start from a private folder', () => {
  // Inside the checkout, so that hard links (a copy in a second) stay on one file system.
  mkdirSync(join(root, 'test-output'), { recursive: true });
  const privateHome = mkdtempSync(join(root, 'test-output', 'private-home-'));
  const runtimeDir = mkdtempSync(join(tmpdir(), 'parley-runtime-'));
  chmodSync(runtimeDir, 0o755);
  const checkout = join(privateHome, 'parley');
  afterAll(() => {
    rmSync(privateHome, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('starts with the demo, says where PostgreSQL keeps its data, and stops on Ctrl-C', async () => {
    chmodSync(privateHome, 0o700);
    expect(statSync(privateHome).mode & 0o777).toBe(0o700);
    mkdirSync(checkout);
    for (const part of ['package.json', 'tools', 'fixtures', 'dist', 'node_modules']) {
      execFileSync('cp', ['-al', join(root, part), join(checkout, part)]);
    }
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', PARLEY_SKIP_BUILD: 'true', PARLEY_RUNTIME_DIR: runtimeDir };
    delete env.DATABASE_URL;
    delete env.PARLEY_DATA_DIR;

    const child = spawn(process.execPath, ['tools/start.js'], { cwd: checkout, env });
    const out = await waitForOutput(child, /ready in [\d.]+ s at http:\/\/localhost:\d+/, 120_000);
    expect(out).not.toMatch(/EACCES|Unhandled|\n\s+at /);
    const url = out.match(/http:\/\/localhost:\d+/)![0];
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const groups = await (await fetch(`${url}/api/working-groups`)).json();
    expect(groups.items.length).toBeGreaterThanOrEqual(3);

    const isRoot = process.getuid?.() === 0;
    const dataLine = out.match(/PostgreSQL data in (\S+)/)![1];
    if (isRoot) {
      // The postgres user cannot enter the private folder: data and binaries went to the runtime dir.
      expect(dataLine.startsWith(runtimeDir)).toBe(true);
      expect(out).toMatch(/is private to root and PostgreSQL runs as 'postgres'/);
    } else {
      expect(dataLine).toBe(join(checkout, 'data', 'pg'));
    }

    const exited = new Promise<number | null>((r) => child.on('exit', r));
    child.kill('SIGINT');
    expect(await exited).toBe(0);

    // `npm run db:reset` finds the data where the start put it.
    const reset = spawnSync(process.execPath, ['tools/db-reset.js'], { cwd: checkout, env, encoding: 'utf8' });
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain(`removed ${dataLine}`);
    expect(existsSync(join(dataLine, 'PG_VERSION'))).toBe(false);
  }, 240_000);
});
