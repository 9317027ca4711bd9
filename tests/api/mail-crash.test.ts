import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startMailServer, until, type TestMailServer } from '../support/mail-server';
import { createTestDatabase } from '../support/test-database';

const root = join(__dirname, '../..');
const main = join(root, 'dist/api/apps/api/src/main.js');
const { freePort } = require('../../tools/embedded-pg') as { freePort: () => Promise<number> };

/**
 * No mail lost and none sent twice across a crash: the built API runs in its own process against a
 * real SMTP server that holds the third message (never answers it). The API is killed with SIGKILL
 * while it waits; the server drops the message it never accepted. A second process picks the send up
 * (its delivery is still 'sending') and sends the very same message, Message-ID and all.
 */
describe('a crash in the middle of sending', () => {
  let smtp: TestMailServer;
  let db: { url: string; drop: () => Promise<void> };
  let pg: Client;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: build the API first (node tools/build-api.js, or npm test's pretest)`);
    smtp = await startMailServer();
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await pg?.end();
    await smtp?.close();
    await db?.drop();
  });

  async function startApi(): Promise<ChildProcess> {
    const port = await freePort();
    const api = spawn(process.execPath, [main], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', PARLEY_SECRET: 'c'.repeat(40), LOG_LEVEL: 'silent', SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(api);
    let stderr = '';
    api.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await until(
      () =>
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => {
            if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}): ${stderr}`);
            return false;
          },
        ),
      60_000,
    );
    return api;
  }

  it('sends every message exactly once after the API is killed mid-send and restarted', async () => {
    const first = await startApi();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const people = (
      await pg.query(
        `INSERT INTO people (name, email, password_hash, email_verified_at)
         SELECT 'Reader ' || g, 'reader' || g || '@example.org', 'x', now() FROM generate_series(1, 5) g RETURNING id, email`,
      )
    ).rows as { id: string; email: string }[];
    smtp.plan({ subject: /mentioned you/ }, 'accept', 'accept', 'hold');
    await pg.query(
      `INSERT INTO notifications (recipient_id, kind, dedupe_key, link, data, created_at, in_app, email_mode)
       SELECT id, 'mentioned', 'crash-' || id, '/working-groups', '{"actor":{"id":null,"name":"Ana","snapshot":null},"subject":{"title":null,"label":null},"facts":{}}', now(), true, 'immediately'
         FROM people`,
    );

    // Two accepted; the third is held, its delivery marked 'sending' before the server was spoken to.
    await until(async () => smtp.attempts() === 3 && smtp.received.length === 2, 30_000);
    const held = await until(async () => (await pg.query(`SELECT id, message_id, to_address FROM email_deliveries WHERE status = 'sending'`)).rows[0]);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    await startApi();
    await until(async () => smtp.received.length === 5, 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.received).toHaveLength(5);

    const byAddress = new Map<string, string[]>();
    for (const m of smtp.received) {
      const to = (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!;
      byAddress.set(to, [...(byAddress.get(to) ?? []), m.messageId!]);
    }
    expect([...byAddress.keys()].sort()).toEqual(people.map((p) => p.email).sort());
    expect([...byAddress.values()].every((ids) => ids.length === 1)).toBe(true);
    // The interrupted message went again with the Message-ID fixed when it was created.
    expect(byAddress.get(held.to_address)).toEqual([held.message_id]);
    const rows = (await pg.query(`SELECT message_id, status, attempts FROM email_deliveries ORDER BY to_address`)).rows as { message_id: string; status: string; attempts: number }[];
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.find((r) => r.message_id === held.message_id)!.attempts).toBe(2);
    expect(new Set(smtp.received.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => r.message_id)));
  }, 150_000);
});
