import type { ParsedMail } from 'mailparser';
import type { DataSource } from 'typeorm';
import { DigestService } from '../../apps/api/src/mail/digest.service';
import { newPerson, type SignedIn } from '../support/factories';
import { insertNotification, startMailServer, until, verify, type TestMailServer } from '../support/mail-server';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * E-mail against a real SMTP server (smtp-server), each message parsed with mailparser: who
 * receives what, in which language, text and HTML, the unsubscribe header and its one-click POST,
 * verification first, digests, and retries after the server refuses.
 */
describe('e-mail through SMTP', () => {
  let smtp: TestMailServer;
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    smtp = await startMailServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://parley.example.org', MAIL_RETRY_DELAY_SECONDS: '1', MAIL_SEND_ATTEMPTS: '3' } });
    db = t.dataSource;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
  const mailsTo = (p: SignedIn, subject?: RegExp) => smtp.received.filter((m) => to(m) === p.email && (!subject || subject.test(m.subject ?? '')));
  const waitMail = (p: SignedIn, subject: RegExp) => until(async () => mailsTo(p, subject)[0]);
  const verified = async (name: string, language = 'en') => {
    const p = await newPerson(t.baseUrl, { name });
    await verify(db, p.id);
    await db.query(`UPDATE people SET language = $2 WHERE id = $1`, [p.id, language]);
    return p;
  };

  it('mails an immediate notification once, in English, as text and HTML, with the one-click unsubscribe header and link', async () => {
    const ana = await verified('Ana Mail');
    const nid = await insertNotification(db, {
      recipientId: ana.id,
      actorName: 'Bo <b>Li</b>',
      excerpt: 'See <script>alert(1)</script> & more',
      document: { id: '00000000-0000-4000-8000-000000000001', title: 'Paris Call' },
      link: '/documents/00000000-0000-4000-8000-000000000001?comment=x',
    });
    const mail = await waitMail(ana, /mentioned you/);
    expect(mail.text).toContain('Hello Ana Mail,');
    expect(mail.text).toContain('Bo <b>Li</b> mentioned you on “Paris Call”');
    expect(mail.text).toContain('https://parley.example.org/documents/00000000-0000-4000-8000-000000000001?comment=x');
    expect(mail.html).toContain('Bo &lt;b&gt;Li&lt;/b&gt;');
    expect(mail.html).not.toContain('<script>');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';
    const oneClick = /^List-Unsubscribe:\s*<(https:\/\/parley\.example\.org\/api\/unsubscribe\?token=[^>]+)>$/.exec(
      header('list-unsubscribe').replace(/\r?\n\s*/g, ''),
    );
    if (!oneClick) throw new Error(header('list-unsubscribe'));
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toMatch(/Stop e-mails of this kind: https:\/\/parley\.example\.org\/unsubscribe\?token=/);
    const [stored] = await db.query(
      `SELECT d.message_id, d.status, d.attempts FROM notifications n JOIN email_deliveries d ON d.id = n.email_delivery_id WHERE n.id = $1`,
      [nid],
    );
    expect(mail.messageId).toBe(stored.message_id);
    await until(async () => (await db.query(`SELECT status FROM email_deliveries WHERE message_id = $1`, [mail.messageId]))[0].status === 'sent');

    // The mail client's one-click POST (form-encoded, no session) stops this kind, and only it.
    const path = new URL(oneClick![1]).pathname + new URL(oneClick![1]).search;
    const res = await fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: 'mentioned' });
    expect(await db.query(`SELECT kind, email FROM notification_preferences WHERE person_id = $1`, [ana.id])).toEqual([{ kind: 'mentioned', email: 'never' }]);
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(ana, /mentioned you/)).toHaveLength(1);
  });

  it('refuses a forged or altered unsubscribe token with a problem naming it, and changes nothing', async () => {
    const bo = await verified('Bo Forged');
    for (const token of [`${bo.id}.all.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, `${bo.id}.mentioned.not-a-signature`, 'garbage-token-x']) {
      const res = await fetch(`${t.baseUrl}/api/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).errors[0].field).toBe('token');
    }
    expect(await db.query(`SELECT 1 FROM notification_preferences WHERE person_id = $1`, [bo.id])).toEqual([]);
  });

  it('writes to a French reader in French', async () => {
    const cle = await verified('Clé Française', 'fr');
    await insertNotification(db, {
      recipientId: cle.id,
      actorName: 'Ana',
      excerpt: 'merci',
      document: { id: '00000000-0000-4000-8000-000000000002', title: 'Appel' },
    });
    const mail = await waitMail(cle, /vous a mentionné/);
    expect(mail.text).toContain('Bonjour Clé Française,');
    expect(mail.text).toContain('Ana vous a mentionné sur « Appel » : « merci »');
    expect(mail.text).toContain('Ne plus recevoir ce type d’e-mail');
    expect(mail.html).toContain('Ouvrir dans Parley');
  });

  it('sends an unverified address nothing but the verification link, and the rest once it is confirmed', async () => {
    const dan = await newPerson(t.baseUrl, { name: 'Dan Unverified' });
    await insertNotification(db, { recipientId: dan.id, excerpt: 'for dan' });
    const verification = await waitMail(dan, /Confirm your e-mail address/);
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(dan)).toHaveLength(1);
    const token = decodeURIComponent(/verify-email\?token=(\S+)/.exec(verification.text ?? '')![1]);

    // Signed out, with the token of the link.
    const confirmed = await fetch(`${t.baseUrl}/api/email-verification/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ email: dan.email, verified: true });
    const mail = await waitMail(dan, /mentioned you/);
    expect(mail.text).toContain('for dan');

    const altered = await fetch(`${t.baseUrl}/api/email-verification/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: token.slice(0, -3) + 'abc' }),
    });
    expect(altered.status).toBe(400);
  });

  it('sends the link again on request, at most once a minute and five times a day', async () => {
    const eve = await newPerson(t.baseUrl, { name: 'Eve Again' });
    await waitMail(eve, /Confirm your e-mail address/);
    const again = () => eve.client.post('/api/me/email-verification', {});
    const older = () => db.query(`UPDATE email_deliveries SET created_at = created_at - interval '2 minutes' WHERE recipient_id = $1`, [eve.id]);
    expect((await again()).status).toBe(204); // within the minute: answered, nothing more sent
    await older();
    expect((await again()).status).toBe(204);
    await until(async () => mailsTo(eve, /Confirm your e-mail address/).length === 2);
    for (let i = 0; i < 3; i++) {
      await older();
      expect((await again()).status).toBe(204);
    }
    await older();
    const refused = await again();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate-limited');
    await until(async () => mailsTo(eve, /Confirm your e-mail address/).length === 5);
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(eve, /Confirm your e-mail address/)).toHaveLength(5);
  });

  it('writes in Spanish to a reader who chose Spanish (PUT /api/me/language), and in Arabic right to left', async () => {
    const eva = await verified('Eva Española');
    expect((await eva.client.request('PUT', '/api/me/language', { language: 'es' })).status).toBe(204);
    await insertNotification(db, {
      recipientId: eva.id,
      actorName: 'Ana',
      excerpt: 'gracias',
      document: { id: '00000000-0000-4000-8000-000000000003', title: 'Llamamiento' },
    });
    const mail = await waitMail(eva, /le ha mencionado/);
    expect(mail.subject).toBe('[Parley] Ana le ha mencionado en “Llamamiento”: “gracias”');
    expect(mail.text).toContain('Hola, Eva Española:');
    expect(mail.text).toContain('Abrir en Parley: https://parley.example.org/');
    expect(mail.text).toContain('Recibe este correo electrónico debido a sus preferencias de notificación en Parley.');
    expect(mail.text).toContain('No recibir más correos de este tipo: https://parley.example.org/unsubscribe?token=');
    expect(mail.html).toContain('<html lang="es" dir="ltr">');

    const ali = await verified('علي', 'ar');
    await insertNotification(db, {
      recipientId: ali.id,
      actorName: 'Ana',
      excerpt: 'شكرًا',
      document: { id: '00000000-0000-4000-8000-000000000004', title: 'نداء' },
    });
    const arabic = await waitMail(ali, /أشار إليك/);
    expect(arabic.text).toContain('مرحبًا علي،');
    expect(arabic.text).toContain('أشار إليك \u2068Ana\u2069 في «\u2068نداء\u2069»: «\u2068شكرًا\u2069»'); // names, titles and quotes isolated inside the Arabic sentence
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
  });

  it('stores the language a person chooses for their mail', async () => {
    const fay = await newPerson(t.baseUrl, { name: 'Fay Lang' });
    for (const language of ['ar', 'zh', 'ru', 'es', 'fr']) expect((await fay.client.request('PUT', '/api/me/language', { language })).status).toBe(204);
    expect((await fay.client.request('PUT', '/api/me/language', { language: 'de' })).status).toBe(400);
    expect(await db.query(`SELECT language FROM people WHERE id = $1`, [fay.id])).toEqual([{ language: 'fr' }]);
  });

  it('gathers the daily notifications of a person into one digest grouped by group and document, and never repeats them', async () => {
    const gus = await verified('Gus Digest');
    const group = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Norms group' };
    const doc1 = { id: '00000000-0000-4000-8000-0000000000d1', title: 'First text' };
    const doc2 = { id: '00000000-0000-4000-8000-0000000000d2', title: 'Second text' };
    await insertNotification(db, { recipientId: gus.id, kind: 'comment-reply', emailMode: 'daily', group, document: doc1, excerpt: 'one' });
    await insertNotification(db, { recipientId: gus.id, kind: 'comment-reply', emailMode: 'daily', group, document: doc2, excerpt: 'two' });
    await insertNotification(db, { recipientId: gus.id, kind: 'comment-reply', emailMode: 'daily', group, document: doc1, excerpt: 'three' });
    // Seen too late to mail alone (older than three hours): it joins the digest.
    await insertNotification(db, {
      recipientId: gus.id,
      emailMode: 'immediately',
      createdAt: new Date(Date.now() - 5 * 3600_000),
      group,
      document: doc2,
      excerpt: 'old',
    });
    await insertNotification(db, { recipientId: gus.id, kind: 'followed-activity', emailMode: 'weekly', group, excerpt: 'weekly' });
    const digests = t.app.get(DigestService);
    await digests.build('daily', new Date());
    const mail = await waitMail(gus, /daily summary/);
    expect(mail.subject).toBe('[Parley] Your daily summary: 4 updates');
    const text = mail.text ?? '';
    expect(text.indexOf('## Norms group')).toBeGreaterThan(-1);
    // Grouped by document, each in time order: the old one opened "Second text" first.
    const at = (s: string) => text.indexOf(s);
    expect([at('### Second text'), at('“old”'), at('“two”'), at('### First text'), at('“one”'), at('“three”')]).toEqual(
      [at('### Second text'), at('“old”'), at('“two”'), at('### First text'), at('“one”'), at('“three”')].sort((a, b) => a - b),
    );
    expect(at('### Second text')).toBeGreaterThan(-1);
    expect(text).toContain('“old”');
    await digests.build('daily', new Date());
    await digests.build('daily', new Date(Date.now() + 86_400_000));
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(gus, /summary/)).toHaveLength(1);
    expect(mailsTo(gus, /mentioned you/)).toHaveLength(0);

    // The weekly mode waits for the weekly digest, and only it goes there.
    await digests.build('weekly', new Date());
    const weekly = await waitMail(gus, /weekly summary/);
    expect(weekly.subject).toBe('[Parley] Your weekly summary: 1 update');
    expect(weekly.text).toContain('Ana Ruiz acted on the group “Norms group”.');
  });

  it('tries again after the server refuses (4xx, then 5xx) and delivers exactly once', async () => {
    const hal = await verified('Hal Retry');
    smtp.plan({ to: hal.email, subject: /mentioned you/ }, { refuse: 451 }, { refuse: 554 });
    const nid = await insertNotification(db, { recipientId: hal.id, excerpt: 'retried' });
    const mail = await waitMail(hal, /mentioned you/);
    const [d] = await until(async () => {
      const rows = await db.query(`SELECT d.status, d.attempts FROM notifications n JOIN email_deliveries d ON d.id = n.email_delivery_id WHERE n.id = $1`, [
        nid,
      ]);
      return rows[0]?.status === 'sent' ? rows : null;
    });
    expect(d).toEqual({ status: 'sent', attempts: 3 });
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(hal, /mentioned you/).map((m) => m.messageId)).toEqual([mail.messageId]);
  }, 60_000);

  it('records a message the server keeps refusing as failed, with its last answer, after the last attempt', async () => {
    const ivy = await verified('Ivy Refused');
    smtp.plan({ to: ivy.email, subject: /mentioned you/ }, { refuse: 550 }, { refuse: 451 }, { refuse: 550 });
    const nid = await insertNotification(db, { recipientId: ivy.id, excerpt: 'never accepted' });
    const [d] = await until(async () => {
      const rows = await db.query(
        `SELECT d.status, d.attempts, d.last_error, d.sent_at FROM notifications n JOIN email_deliveries d ON d.id = n.email_delivery_id WHERE n.id = $1`,
        [nid],
      );
      return rows[0]?.status === 'failed' ? rows : null;
    }, 45_000);
    expect(d).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
    expect(d.last_error).toMatch(/550/);
    expect(mailsTo(ivy, /mentioned you/)).toHaveLength(0);
  }, 60_000);
});
