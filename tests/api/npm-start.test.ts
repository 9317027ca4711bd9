import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForOutput } from '../support/child-output';

// `npm start` as a newcomer runs it (the build was done by `npm test`'s pretest): embedded
// PostgreSQL, migrations, demo data, health answering, Ctrl-C stopping everything.
const root = join(__dirname, '../..');


// The first start initialises PostgreSQL, migrates, loads the demo and indexes it for search: on a
// busy 2-core machine that has taken over 90 s.
const READY_WITHIN = 180_000;

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  // A start that fails the test is still stopped, so no server outlives the run.
  const started: ChildProcess[] = [];
  const start = (env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, ['tools/start.js'], { cwd: root, env });
    started.push(child);
    return child;
  };
  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the demo data, answers health, stops on Ctrl-C and reuses its data on a second start', async () => {
    const env = { ...process.env, PARLEY_DATA_DIR: dataDir, PORT: '0', PARLEY_SKIP_BUILD: 'true', DATABASE_URL: '' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const first = start(env);
    const ready = await waitForOutput(first, /ready in [\d.]+ s at (http:\/\/localhost:\d+)/, READY_WITHIN);
    const url = ready.match(/http:\/\/localhost:\d+/)![0];
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    const orgs = await (await fetch(`${url}/api/organisations?q=Access`)).json();
    expect(orgs.items.map((o: { name: string }) => o.name)).toContain('Access Now');
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ana.ruiz@demo.parley.example', password: 'parley-demo-2026' }) });
    expect(login.status).toBe(200);
    const head1 = await (await fetch(`${url}/api/audit/head`)).json();

    const exited = new Promise<number | null>((r) => first.on('exit', r));
    first.kill('SIGINT');
    expect(await exited).toBe(0);

    const second = start(env);
    const ready2 = await waitForOutput(second, /ready in [\d.]+ s at (http:\/\/localhost:\d+)/, READY_WITHIN);
    const url2 = ready2.match(/http:\/\/localhost:\d+/)![0];
    // same data: the demo was not loaded twice
    expect(await (await fetch(`${url2}/api/audit/head`)).json()).toEqual(head1);
    const exited2 = new Promise<number | null>((r) => second.on('exit', r));
    second.kill('SIGINT');
    expect(await exited2).toBe(0);
  }, 2 * READY_WITHIN + 60_000);

  it('a bad DATABASE_URL gives one clear line and exit code 1', async () => {
    const child = spawn(process.execPath, ['tools/start.js'], { cwd: root, env: { ...process.env, PARLEY_SKIP_BUILD: 'true', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/parley' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(err.trim()).toMatch(/^parley: Cannot reach the database at postgres:\/\/nobody@127\.0\.0\.1:1\/parley: .*ECONNREFUSED/);
    expect(err.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
