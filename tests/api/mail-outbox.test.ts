import { executorOf, MailQueue } from '../../apps/api/src/mail/mail-queue';
import { newPerson } from '../support/factories';
import { insertNotification, until, verify } from '../support/mail-server';
import { startTestApp, type TestApp } from '../support/test-app';

/** Without SMTP_URL nothing leaves: deliveries are marked sent to the local outbox, which stewards read. */
describe('the local outbox (no SMTP server)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('keeps every message for stewards, newest first in keyset pages, with its text, HTML and headers; others are refused', async () => {
    const steward = await newPerson(t.baseUrl, { name: 'Sam Steward' });
    const ana = await newPerson(t.baseUrl, { name: 'Ana <Outbox>' });
    await verify(t.dataSource, ana.id);
    await insertNotification(t.dataSource, { recipientId: ana.id, excerpt: 'kept in the outbox' });
    const sent = (purpose: string) => t.dataSource.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE status = 'sent' AND purpose = $1`, [purpose]);
    await until(async () => (await sent('immediate'))[0].n === 1 && (await sent('verification'))[0].n >= 1);

    const first = await steward.client.get('/api/mail/outbox?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await steward.client.get(`/api/mail/outbox?limit=10&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...rest.body.items];
    expect(all.map((i: { createdAt: string }) => i.createdAt)).toEqual([...all.map((i: { createdAt: string }) => i.createdAt)].sort().reverse());
    const immediate = all.find((i: { purpose: string }) => i.purpose === 'immediate');
    expect(immediate).toMatchObject({ to: ana.email, recipient: { id: ana.id, name: 'Ana <Outbox>' }, status: 'sent', language: 'en' });
    // The steward registered unverified: the link to verify was the one mail they were sent.
    expect(all.filter((i: { to: string }) => i.to === steward.email).map((i: { purpose: string }) => i.purpose)).toEqual(['verification']);

    const one = await steward.client.get(`/api/mail/outbox/${immediate.id}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toContain('kept in the outbox');
    expect(one.body.html).toContain('Hello Ana &lt;Outbox&gt;,');
    expect(one.body.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(one.body.headers['Message-ID']).toMatch(/^<.+@localhost>$/);
    expect(await t.dataSource.query(`SELECT transport FROM email_deliveries WHERE id = $1`, [immediate.id])).toEqual([{ transport: 'outbox' }]);

    expect((await ana.client.get('/api/mail/outbox')).status).toBe(403);
    expect((await ana.client.get(`/api/mail/outbox/${immediate.id}`)).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/mail/outbox`)).status).toBe(401);
    expect((await steward.client.get('/api/mail/outbox/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('schedules the digests on the queue: every day and on Mondays at 07:00 UTC, and builds one when the schedule fires', async () => {
    expect(await t.dataSource.query(`SELECT key, cron, timezone, data FROM pgboss.schedule WHERE name = 'mail-digest' ORDER BY key`)).toEqual([
      { key: 'daily', cron: '0 7 * * *', timezone: 'UTC', data: { period: 'daily' } },
      { key: 'weekly', cron: '0 7 * * 1', timezone: 'UTC', data: { period: 'weekly' } },
    ]);
    const bea = await newPerson(t.baseUrl, { name: 'Bea Digest' });
    await verify(t.dataSource, bea.id);
    await insertNotification(t.dataSource, { recipientId: bea.id, kind: 'comment-reply', emailMode: 'daily', excerpt: 'in the digest' });
    // What the schedule sends at 07:00, sent now.
    await t.dataSource.transaction((m) => t.app.get(MailQueue)['started'].send('mail-digest', { period: 'daily' }, { db: executorOf(m) }));
    const d = await until(async () => {
      const [row] = await t.dataSource.query(`SELECT subject, status FROM email_deliveries WHERE recipient_id = $1 AND purpose = 'daily-digest'`, [bea.id]);
      return row?.status === 'sent' ? row : null;
    });
    expect(d.subject).toBe('[Parley] Your daily summary: 1 update');
  });
});
