import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newDelegate } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** The verifier as an outsider with the repository runs it: the package's `bin`, through npx, offline (the built command; npm test builds it first). */
async function npxVerify(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--yes', '--offline', '--package=.', 'parley-audit-verify', file], {
      cwd: root,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('npx parley-audit-verify (the package bin)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'parley-npx-'));
  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 2; i++) await newDelegate(t.baseUrl);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('verifies an export, and names the first broken link of an altered one', async () => {
    const text = await (await fetch(`${t.baseUrl}/api/audit/export.jsonl`)).text();
    const lines = text.trim().split('\n');
    writeFileSync(join(dir, 'export.jsonl'), text);
    const ok = await npxVerify(join(dir, 'export.jsonl'));
    expect(ok).toMatchObject({ code: 0, out: expect.stringContaining(`OK: ${lines.length} events in 1 chains verified`) });

    const altered = [...lines];
    altered[2] = altered[2].replace(/"actorName":"([^"]*)"/, '"actorName":"$1 (edited)"');
    expect(altered[2]).not.toBe(lines[2]);
    writeFileSync(join(dir, 'altered.jsonl'), altered.join('\n'));
    const bad = await npxVerify(join(dir, 'altered.jsonl'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/BROKEN: chain platform, sequence 3 \(hash\)/);
  }, 60_000);
});
