import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { verifyExport } from '../support/audit-verify-cli';
import { expectProblem } from '../support/expectations';
import { newDelegate, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';
const { freePort } = require('../../tools/embedded-pg') as { freePort: () => Promise<number> };

const root = join(__dirname, '../..');
const verify = verifyExport;

describe('audit export and offline verification', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  beforeAll(async () => {
    t = await startTestApp();
    const steward = await newPerson(t.baseUrl);
    for (let i = 0; i < 3; i++) await newDelegate(t.baseUrl);
    await steward.client.post('/api/organisations', { name: 'Export Test Org', stakeholderGroup: 'government', subtype: 'national', country: 'FR' });
  });

  it('round trip: export, verify OK; alter one byte, verify names that event; drop one line, verify names the gap', async () => {
    const res = await fetch(`${t.baseUrl}/api/audit/export.jsonl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const text = await res.text();
    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, text);
    const ok = await verify(good);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(new RegExp(`OK: ${lines.length} events in 1 chains verified`));

    // Pin the head as an outsider would, then check the export against it.
    const head = join(dir, 'head.json');
    writeFileSync(head, JSON.stringify(await (await fetch(`${t.baseUrl}/api/audit/head`)).json()));
    expect((await verify(good, head)).code).toBe(0);

    // One byte changed inside the change of event 5.
    const altered = [...lines];
    const e5 = JSON.parse(altered[4]);
    altered[4] = altered[4].replace(
      JSON.stringify(e5.change),
      JSON.stringify(e5.change).replace(/"(\w)/, (m: string, c: string) => `"${c === 'x' ? 'y' : 'x'}`),
    );
    expect(altered[4]).not.toBe(lines[4]);
    writeFileSync(join(dir, 'altered.jsonl'), altered.join('\n'));
    const bad = await verify(join(dir, 'altered.jsonl'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/BROKEN: chain platform, sequence 5 /);

    // One line dropped.
    writeFileSync(join(dir, 'dropped.jsonl'), lines.filter((_, i) => i !== 6).join('\n'));
    const gap = await verify(join(dir, 'dropped.jsonl'));
    expect(gap.code).toBe(1);
    expect(gap.out).toMatch(/BROKEN: chain platform, sequence 8 \(sequence\): expected sequence 7 after 6/);

    // The last line dropped: only the pinned head reveals it, and the verifier says so plainly without one.
    writeFileSync(join(dir, 'truncated.jsonl'), lines.slice(0, -1).join('\n') + '\n');
    const unpinned = await verify(join(dir, 'truncated.jsonl'));
    expect(unpinned.code).toBe(0);
    expect(unpinned.out).toMatch(/Not proved without --head: that the export is complete\. Events cut from the end of a chain, or a whole chain left out/);
    expect(unpinned.out).toContain(`The chains here end: platform at ${lines.length - 1} `);
    const pinned = await verify(join(dir, 'truncated.jsonl'), head);
    expect(pinned.code).toBe(1);
    expect(pinned.out).toMatch(/pinned head .* is missing/);
  }, 60_000);

  it('exports one scope only when asked, and refuses a scope that names no chain instead of answering an empty export', async () => {
    const platform = (await (await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=platform`)).text()).trim().split('\n');
    expect(platform.length).toBeGreaterThan(10);
    expect(platform.every((l) => JSON.parse(l).scope === 'platform')).toBe(true);
    const anon = new ApiClient(t.baseUrl);
    expectProblem(await anon.get('/api/audit/export.jsonl?scope=wg:none'), 404, { fields: ['scope'] });
    expectProblem(await anon.get('/api/audit/export.jsonl?scope=nonsense'), 400, { fields: ['scope'] });
    expectProblem(await anon.get('/api/audit/export.jsonl?scope='), 400, { fields: ['scope'] });
    expectProblem(await anon.get('/api/audit/export.jsonl?bogus=1'), 400);
  });

  it('an empty or cut download is not OK: the verifier says what is wrong', async () => {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    expect(await verify(join(dir, 'empty.jsonl'))).toEqual({ code: 1, out: expect.stringMatching(/^NOTHING VERIFIED: the export holds no events\./) });
    const text = readFileSync(join(dir, 'good.jsonl'), 'utf8');
    writeFileSync(join(dir, 'cut.jsonl'), text.slice(0, text.length - 40));
    const cut = await verify(join(dir, 'cut.jsonl'));
    expect(cut).toEqual({ code: 1, out: expect.stringMatching(/^BROKEN at line \d+: the export is cut short \(its last line is incomplete\)/) });
  }, 60_000);

  it('streams 200,000 events from an API process whose heap is capped far below the export size', async () => {
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    // Bulk rows for the memory bound only (their hashes are not a valid chain; the round trip above checks validity).
    await c.query(`
      INSERT INTO audit_events (scope, sequence, occurred_at, actor_id, actor_name, actor_snapshot, action, subject_type, subject_id, change, change_digest, previous_hash, hash)
      SELECT 'wg:bulk', g, now(), NULL, 'Bulk Writer', '{"organisationName":"Bulk Org","stakeholderGroup":"civil-society"}'::jsonb, 'comment.posted', 'comment', g::text,
             jsonb_build_object('text', repeat('lorem ipsum ', 30), 'n', g), repeat('a', 64), repeat('b', 64), repeat('c', 64)
        FROM generate_series(1, 200000) g`);
    await c.end();

    // The built API in its own process, old space capped at 96 MB: buffering a >100 MB export would kill it.
    const port = await freePort();
    const api = spawn(process.execPath, ['--max-old-space-size=96', join(root, 'dist/api/apps/api/src/main.js')], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, PORT: String(port), HOST: '127.0.0.1', PARLEY_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    api.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => api.on('exit', r));
    try {
      for (let i = 0; i < 100; i++) {
        const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      let peakRssKb = 0;
      const sampler = setInterval(() => {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'));
        if (m) peakRssKb = Math.max(peakRssKb, Number(m[1]));
      }, 50);
      const res = await fetch(`http://127.0.0.1:${port}/api/audit/export.jsonl?scope=wg:bulk`);
      let bytes = 0;
      let newlines = 0;
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
        for (const b of value) if (b === 10) newlines++;
      }
      clearInterval(sampler);
      expect(stderr).not.toMatch(/heap out of memory/);
      expect(newlines).toBe(200000);
      expect(bytes).toBeGreaterThan(100 * 1024 * 1024);
      expect(peakRssKb).toBeLessThan(320 * 1024);
    } finally {
      api.kill('SIGTERM');
      await exited;
    }
  }, 240_000);

  it('the export is plain JSON Lines an outsider can read', () => {
    const first = JSON.parse(readFileSync(join(dir, 'good.jsonl'), 'utf8').split('\n')[0]);
    expect(Object.keys(first).sort()).toEqual([
      'action',
      'actorId',
      'actorName',
      'actorSnapshot',
      'change',
      'changeDigest',
      'hash',
      'occurredAt',
      'previousHash',
      'scope',
      'sequence',
      'subjectId',
      'subjectType',
    ]);
  });
});
