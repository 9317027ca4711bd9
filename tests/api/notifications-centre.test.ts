import type { NotificationView } from '@parley/contracts';
import { notificationSentence } from '@parley/contracts';
import { NotificationDeriver } from '../../apps/api/src/notifications/notification-deriver';
import { NotificationReminders } from '../../apps/api/src/notifications/notification-reminders';
import { Chamber, newChamber, openMotion } from '../support/ballot-fixtures';
import { newDelegate } from '../support/factories';
import { admit } from '../support/governance-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { centreOf, eventually, ofKind, type NotificationPreferences } from './notifications-support';
import { LiveClient } from './realtime-client';

jest.setTimeout(60_000);

describe('the notification centre', () => {
  let t: TestApp;
  let c: Chamber;
  let outsider: Awaited<ReturnType<typeof newDelegate>>;
  let observer: Awaited<ReturnType<typeof newDelegate>>;

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    [outsider, observer] = await Promise.all([newDelegate(t.baseUrl), newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'academia' })]);
    await admit(t.dataSource, c.group, observer, 'observer');
  });
  afterAll(() => t.close());

  const derived = () => t.app.get(NotificationDeriver).pass();

  it('a ballot opening tells each voter, with the sentence facts, and nobody else (not the chair who opened it)', async () => {
    const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const ballot = await openMotion(c.chair, c.group, { title: 'That the group meets in Nairobi', closesAt });
    for (const voter of [c.government, c.company, c.civil]) {
      const list = await eventually(() => centreOf(voter), (l) => ofKind(l, 'ballot-opened').some((n) => n.link === `/ballots/${ballot.id}`), `${voter.name} is told`);
      const n = ofKind(list, 'ballot-opened').find((x) => x.link === `/ballots/${ballot.id}`)!;
      expect(n).toMatchObject({ readAt: null, group: { id: c.group.id, name: c.group.name }, subject: { title: 'That the group meets in Nairobi' }, facts: { closesAt } });
      expect(notificationSentence(n, 'en')).toMatch(/^A ballot in which you may vote opened: “That the group meets in Nairobi”, closing/);
      expect(notificationSentence(n, 'fr')).toMatch(/^Un scrutin où vous pouvez voter est ouvert : « That the group meets in Nairobi »/);
      expect(list.unread).toBeGreaterThanOrEqual(1);
    }
    await derived();
    for (const nobody of [c.chair, outsider, observer]) expect(ofKind(await centreOf(nobody), 'ballot-opened')).toEqual([]);
  });

  it('reminds those who have not voted 24 h and 1 h before the close, once each even when the scheduler ticks twice', async () => {
    const closesAt = new Date(Date.now() + 3 * 86_400_000);
    const ballot = await openMotion(c.chair, c.group, { title: 'That the report is adopted', closesAt: closesAt.toISOString() });
    expect((await c.government.client.post(`/api/ballots/${ballot.id}/votes`, { choice: 'yes' })).status).toBe(200);
    const reminders = t.app.get(NotificationReminders);
    const at = (hoursBefore: number) => new Date(closesAt.getTime() - hoursBefore * 3600_000);

    expect(await reminders.remindAt(at(30))).toBe(0);
    await reminders.remindAt(at(23));
    await reminders.remindAt(at(22)); // the second tick in the same window adds nothing
    await reminders.remindAt(at(0.5));
    await reminders.remindAt(at(0.4));

    const remindersOf = async (p: typeof c.chair) => ofKind(await centreOf(p), 'ballot-closing-soon').filter((n) => n.link === `/ballots/${ballot.id}`);
    for (const waiting of [c.chair, c.company, c.civil]) {
      const got = await remindersOf(waiting);
      expect(got.map((n) => n.facts.within).sort()).toEqual(['1h', '24h']);
      expect(notificationSentence(got.find((n) => n.facts.within === '1h')!, 'en')).toMatch(/^One hour left to vote in “That the report is adopted”: it closes .* and you have not voted\.$/);
    }
    expect(await remindersOf(c.government)).toEqual([]);
    expect(await remindersOf(outsider)).toEqual([]);
  });

  it('marks one read, or all; another person’s notification is not found; unread counts follow', async () => {
    await t.app.get(NotificationDeriver).drained(); // what the earlier tests' acts bring has arrived: the counts below are settled
    const list = await centreOf(c.company);
    expect(list.unread).toBeGreaterThanOrEqual(2);
    const [first] = list.items;

    const foreign = await c.civil.client.post(`/api/me/notifications/${first.id}/read`, {});
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'not-found' });
    expect((await centreOf(c.company)).items[0].readAt).toBeNull();

    expect((await c.company.client.post(`/api/me/notifications/${first.id}/read`, {})).status).toBe(204);
    const after = await centreOf(c.company);
    expect(after.unread).toBe(list.unread - 1);
    expect(after.items.find((n) => n.id === first.id)!.readAt).not.toBeNull();
    expect((await c.company.client.get('/api/me/notifications/unread-count')).body).toEqual({ unread: list.unread - 1 });
    expect((await centreOf(c.company, '?unread=true')).items.map((n) => n.id)).not.toContain(first.id);

    const all = await c.company.client.post('/api/me/notifications/read-all', {});
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: list.unread - 1, unread: 0 });
    expect((await centreOf(c.company)).unread).toBe(0);
    expect((await centreOf(c.civil)).unread).toBeGreaterThan(0);
  });

  it('pages newest first with a cursor, and refuses a cursor it did not write', async () => {
    const whole = await centreOf(c.civil);
    const first = await centreOf(c.civil, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await centreOf(c.civil, `?limit=1&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual(whole.items.slice(0, 2).map((n) => n.id));
    const bad = await c.civil.client.get('/api/me/notifications?cursor=nonsense');
    expect(bad.status).toBe(400);
  });

  it('follows preferences: off gets nothing; e-mail only is kept out of the centre', async () => {
    const prefs = await c.company.client.get<NotificationPreferences>('/api/me/notification-preferences');
    expect(prefs.status).toBe(200);
    expect(prefs.body.email).toEqual({ address: c.company.email, verified: false, language: 'en' });
    expect(prefs.body.kinds.find((k) => k.kind === 'ballot-opened')).toEqual({ kind: 'ballot-opened', category: 'ballots', inApp: true, email: 'immediately' });

    const off = await c.company.client.request<NotificationPreferences>('PUT', '/api/me/notification-preferences', { kinds: [{ kind: 'ballot-opened', inApp: false, email: 'never' }] });
    expect(off.status).toBe(200);
    expect(off.body.kinds.find((k) => k.kind === 'ballot-opened')).toMatchObject({ inApp: false, email: 'never' });
    await c.civil.client.request('PUT', '/api/me/notification-preferences', { kinds: [{ kind: 'ballot-opened', inApp: false }] });

    const ballot = await openMotion(c.chair, c.group, { title: 'That the group thanks its hosts', closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    await eventually(() => centreOf(c.government), (l) => l.items.some((n) => n.link === `/ballots/${ballot.id}`), 'the government delegate is told');
    await derived();
    expect((await centreOf(c.company)).items.filter((n) => n.link === `/ballots/${ballot.id}`)).toEqual([]);
    expect((await centreOf(c.civil)).items.filter((n) => n.link === `/ballots/${ballot.id}`)).toEqual([]);
    const stored = await t.dataSource.query(`SELECT recipient_id, in_app, email_mode FROM notifications WHERE data->>'link' = $1 AND recipient_id = ANY($2::uuid[])`, [
      `/ballots/${ballot.id}`,
      [c.company.id, c.civil.id],
    ]);
    expect(stored).toEqual([{ recipient_id: c.civil.id, in_app: false, email_mode: 'immediately' }]);

    const bad = await c.company.client.request('PUT', '/api/me/notification-preferences', { kinds: [{ kind: 'no-such-kind', inApp: true }] });
    expect(bad.status).toBe(400);
  });

  it('pushes each new notification to the person’s own sockets, counting up, and the count after reading to their other tabs', async () => {
    // A second API instance on the same database: the tab on it hears what the first derives.
    const b = await startTestApp({ databaseUrl: t.databaseUrl });
    const tabs = [await LiveClient.connect(t.baseUrl, { token: c.civil.client.token! }), await LiveClient.connect(b.baseUrl, { token: c.civil.client.token! })];
    const stranger = await LiveClient.connect(t.baseUrl, { token: outsider.client.token! });
    try {
      await c.civil.client.post('/api/me/notifications/read-all', {});
      const pushes = tabs.map(() => [] as { notification: NotificationView; unread: number }[]);
      const unreads = tabs.map(() => [] as number[]);
      const heard: unknown[] = [];
      tabs.forEach((tab, i) => {
        tab.socket.on('notification:new', (p) => pushes[i].push(p));
        tab.socket.on('notification:unread', (p) => unreads[i].push(p.unread));
      });
      stranger.socket.on('notification:new', (p) => heard.push(p));
      expect(await tabs[0].join(`person:${c.civil.id}`)).toMatchObject({ ok: false });

      const first = await openMotion(c.chair, c.group, { title: 'Live one', closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      const second = await openMotion(c.chair, c.group, { title: 'Live two', closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      // Their notifications exist (e-mail only) before the preference changes: a preference applies when a notification is made.
      await eventually(
        () => t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND link = ANY($2::text[])`, [c.civil.id, [`/ballots/${first.id}`, `/ballots/${second.id}`]]),
        (r: { n: number }[]) => r[0].n === 2,
        'the first two are derived',
      );
      await c.civil.client.request('PUT', '/api/me/notification-preferences', { kinds: [{ kind: 'ballot-opened', inApp: true }] });
      const third = await openMotion(c.chair, c.group, { title: 'Live three', closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      await eventually(async () => pushes[0], (p) => p.length >= 1, 'the tab hears the third');
      const fourth = await openMotion(c.chair, c.group, { title: 'Live four', closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      for (const i of [0, 1]) await eventually(async () => pushes[i], (p) => p.length >= 2, `tab ${i} hears the pushes`);
      // ballot-opened was e-mail only for this person until the change above: only the third and fourth are pushed, counting up.
      for (const i of [0, 1]) {
        expect(pushes[i].map((p) => [p.notification.link, p.unread])).toEqual([
          [`/ballots/${third.id}`, 1],
          [`/ballots/${fourth.id}`, 2],
        ]);
        expect(pushes[i][0]).toMatchObject({ notification: { kind: 'ballot-opened', subject: { title: 'Live three' }, readAt: null } });
      }

      expect((await c.civil.client.post(`/api/me/notifications/${pushes[0][0].notification.id}/read`, {})).status).toBe(204);
      for (const i of [0, 1]) await eventually(async () => unreads[i], (u) => u.includes(1), `tab ${i} hears the count after reading`);
      expect(heard).toEqual([]);
    } finally {
      for (const s of [...tabs, stranger]) s.close();
      await b.stop();
    }
  });
});
