import { PROBLEM_TYPES, type ActiveSessionResponse, type SessionResponse } from '@parley/contracts';
import type { DataSource } from 'typeorm';
import { eventsAbout, expectNothingWritten, expectProblem, rowCounts } from '../support/expectations';
import { newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #24: a person's active sessions (decision 0051): device, network, how they signed in, last
 * use; ending one, the others, or (a steward) all of an account's. Last use is written at most once
 * per PARLEY_SESSION_TOUCH_SECONDS (1 s here, a minute by default).
 */
jest.setTimeout(30_000);
const password = 'correct horse battery';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signs in again as `p` from another device: its user agent, and (through the loopback proxy) its address. */
async function signInFrom(t: TestApp, p: SignedIn, userAgent: string, ip: string): Promise<ApiClient & { sessionToken: string }> {
  const res = await new ApiClient(t.baseUrl).post<SessionResponse>(
    '/api/auth/login',
    { email: p.email, password },
    { 'user-agent': userAgent, 'x-forwarded-for': ip },
  );
  expect(res.status).toBe(200);
  return Object.assign(new ApiClient(t.baseUrl).withToken(res.body.token), { sessionToken: res.body.token });
}

/** The identity tables, and how many sessions have ended: a refused ending changes neither. */
const countsWithEndings = async (d: DataSource) => ({
  ...(await rowCounts(d)),
  ended: Number((await d.query(`SELECT count(*) AS n FROM sessions WHERE revoked_at IS NOT NULL`))[0].n),
});

const list = async (c: ApiClient) => {
  const res = await c.get<ActiveSessionResponse[]>('/api/me/sessions');
  expect(res.status).toBe(200);
  return res.body;
};

describe('a person’s active sessions', () => {
  let t: TestApp;
  let steward: SignedIn;
  beforeAll(async () => {
    t = await startTestApp({ env: { PARLEY_SESSION_TOUCH_SECONDS: '1' } });
    steward = await newPerson(t.baseUrl, { name: 'Stella Steward' });
  });
  afterAll(() => t?.close());

  it('two devices are listed with their device names, networks (not addresses) and how they signed in; the current one is marked', async () => {
    const p = await newPerson(t.baseUrl);
    const laptop = await signInFrom(t, p, FIREFOX_WINDOWS, '203.0.113.57');
    const phone = await signInFrom(t, p, SAFARI_IPHONE, '2001:db8:85a3:8d3:1319:8a2e:370:7348');
    await sleep(5);
    await phone.get('/api/me');

    const seen = await list(laptop);
    const byLabel = Object.fromEntries(seen.map((s) => [s.deviceLabel, s]));
    expect(byLabel['Firefox on Windows']).toMatchObject({
      current: true,
      ipRange: '203.0.113.0/24',
      device: { kind: 'browser', browser: 'Firefox', os: 'Windows' },
      signedInVia: { method: 'password', providerId: null, providerName: null },
    });
    expect(byLabel['Safari on iPhone']).toMatchObject({
      current: false,
      ipRange: '2001:db8:85a3::/48',
      device: { kind: 'browser', browser: 'Safari', os: 'iPhone' },
    });
    // The registration's own sign-in (the factory's) is the third, from this machine.
    expect(seen).toHaveLength(3);
    expect(seen.filter((s) => s.current)).toHaveLength(1);
    expect(seen.find((s) => !['Firefox on Windows', 'Safari on iPhone'].includes(s.deviceLabel))!.ipRange).toBe('127.0.0.0/24');
    // Newest use first, each a plain instant.
    const uses = seen.map((s) => Date.parse(s.lastUsedAt));
    expect([...uses].sort((a, b) => b - a)).toEqual(uses);
    // The address itself is stored nowhere.
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM sessions WHERE person_id = $1`, [p.id]));
    expect(stored).not.toContain('203.0.113.57');
    expect(stored).not.toContain('1319:8a2e');
    // The phone sees the same list, itself marked.
    expect((await list(phone)).find((s) => s.current)!.deviceLabel).toBe('Safari on iPhone');
  });

  it('last use advances after a request, written once per interval (the first request after it), not by every request', async () => {
    const p = await newPerson(t.baseUrl);
    const laptop = await signInFrom(t, p, FIREFOX_WINDOWS, '198.51.100.4');
    const lastUse = async () =>
      (await t.dataSource.query(`SELECT last_used_at FROM sessions WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [laptop.sessionToken]))[0]
        .last_used_at as Date;
    const first = await lastUse();
    await sleep(1_200);
    expect((await laptop.get('/api/me')).status).toBe(200);
    let advanced = first;
    for (let i = 0; i < 40 && advanced.getTime() === first.getTime(); i++) {
      await sleep(100);
      advanced = await lastUse();
    }
    expect(advanced.getTime()).toBeGreaterThan(first.getTime() + 1_000);
    // A burst of requests once the interval has passed: one write, of the burst's first request.
    await sleep(1_100);
    const burstStart = Date.now();
    for (let i = 0; i < 8; i++) {
      expect((await laptop.get('/api/me')).status).toBe(200);
      await sleep(60);
    }
    let again = advanced;
    for (let i = 0; i < 40 && again.getTime() === advanced.getTime(); i++) {
      await sleep(100);
      again = await lastUse();
    }
    expect(again.getTime()).toBeGreaterThanOrEqual(burstStart - 5);
    expect(again.getTime()).toBeLessThan(burstStart + 200);
    // The list shows it.
    expect(Date.parse((await list(laptop)).find((s) => s.current)!.lastUsedAt)).toBe(again.getTime());
  });

  it('ending one session: its token is 401 at the next request, the other still works', async () => {
    const p = await newPerson(t.baseUrl);
    const laptop = await signInFrom(t, p, FIREFOX_WINDOWS, '203.0.113.9');
    const phone = await signInFrom(t, p, SAFARI_IPHONE, '203.0.113.10');
    const phoneSession = (await list(phone)).find((s) => s.current)!;

    const res = await laptop.request('DELETE', `/api/me/sessions/${phoneSession.id}`);
    expect(res.status).toBe(204);
    expectProblem(await phone.get('/api/me'), 401, { type: PROBLEM_TYPES.unauthenticated });
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await list(laptop)).map((s) => s.id)).not.toContain(phoneSession.id);
    const [row] = await t.dataSource.query(`SELECT revoked_by, revoked_reason FROM sessions WHERE id = $1`, [phoneSession.id]);
    expect(row).toEqual({ revoked_by: p.id, revoked_reason: 'ended-by-person' });
    // Ending it again: it is over, not found.
    expectProblem(await expectNothingWritten(t.dataSource, () => laptop.request('DELETE', `/api/me/sessions/${phoneSession.id}`), countsWithEndings), 404);
    // Not the person's own housekeeping in the public log.
    expect((await eventsAbout(t.baseUrl, p.id)).map((e) => e.action)).toEqual(['person.registered']);
  });

  it('ending the current session signs out: the cookie is cleared and the token is dead', async () => {
    const p = await newPerson(t.baseUrl);
    const browser = new ApiClient(t.baseUrl);
    const login = await browser.post<SessionResponse>('/api/auth/login', { email: p.email, password }, { 'user-agent': FIREFOX_WINDOWS });
    expect(browser.cookies.has('parley_session')).toBe(true);
    const current = (await list(browser)).find((s) => s.current)!;
    const res = await browser.request('DELETE', `/api/me/sessions/${current.id}`, undefined, { 'x-csrf-token': login.body.csrfToken });
    expect(res.status).toBe(204);
    expect(browser.cookies.has('parley_session')).toBe(false);
    expectProblem(await new ApiClient(t.baseUrl).withToken(login.body.token).get('/api/me'), 401);
  });

  it('end the others: every other session ends, this one stays', async () => {
    const p = await newPerson(t.baseUrl);
    const laptop = await signInFrom(t, p, FIREFOX_WINDOWS, '203.0.113.9');
    const phone = await signInFrom(t, p, SAFARI_IPHONE, '203.0.113.10');
    const res = await laptop.post('/api/me/sessions/end-others');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expectProblem(await phone.get('/api/me'), 401);
    expectProblem(await p.client.get('/api/me'), 401);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await list(laptop)).map((s) => s.current)).toEqual([true]);
    expect((await laptop.post('/api/me/sessions/end-others')).body).toEqual({ ended: 0 });
  });

  it('another person’s session is not found (whether it exists or not), and nothing changes; a bad id names the parameter', async () => {
    const owner = await newPerson(t.baseUrl);
    const other = await newPerson(t.baseUrl);
    const ownersSession = (await list(owner.client))[0];
    const refused = await expectNothingWritten(t.dataSource, () => other.client.request('DELETE', `/api/me/sessions/${ownersSession.id}`), countsWithEndings);
    const unknown = await expectNothingWritten(
      t.dataSource,
      () => other.client.request('DELETE', `/api/me/sessions/00000000-0000-4000-8000-000000000000`),
      countsWithEndings,
    );
    expectProblem(refused, 404, { type: PROBLEM_TYPES.notFound });
    expect(refused.body.detail).toBe(unknown.body.detail);
    expect((await owner.client.get('/api/me')).status).toBe(200);
    // A steward's own list holds only their own sessions too.
    expect((await list(steward.client)).map((s) => s.id)).not.toContain(ownersSession.id);
    expectProblem(await expectNothingWritten(t.dataSource, () => other.client.request('DELETE', '/api/me/sessions/not-a-uuid'), countsWithEndings), 400, {
      fields: ['id'],
    });
    expectProblem(
      await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).request('DELETE', `/api/me/sessions/${ownersSession.id}`), countsWithEndings),
      401,
    );
    expectProblem(await new ApiClient(t.baseUrl).get('/api/me/sessions'), 401);
  });

  it('a steward sees a person’s sessions and ends them all with a reason: every token 401, in the audit log with the reason', async () => {
    const p = await newPerson(t.baseUrl, { name: 'Lost Laptop' });
    const laptop = await signInFrom(t, p, FIREFOX_WINDOWS, '203.0.113.9');
    const seen = await steward.client.get<ActiveSessionResponse[]>(`/api/people/${p.id}/sessions`);
    expect(seen.status).toBe(200);
    expect(seen.body.map((s) => s.deviceLabel)).toContain('Firefox on Windows');
    expect(seen.body.every((s) => !s.current)).toBe(true);

    const res = await steward.client.post(`/api/people/${p.id}/sessions/end-all`, { reason: 'She reported her laptop stolen.' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expectProblem(await laptop.get('/api/me'), 401);
    expectProblem(await p.client.get('/api/me'), 401);
    expect((await steward.client.get('/api/me')).status).toBe(200);
    const rows = await t.dataSource.query(`SELECT DISTINCT revoked_by, revoked_reason FROM sessions WHERE person_id = $1`, [p.id]);
    expect(rows).toEqual([{ revoked_by: steward.id, revoked_reason: 'ended-by-steward' }]);

    const events = await eventsAbout(t.baseUrl, p.id);
    expect(events.map((e) => e.action)).toEqual(['person.registered', 'person.sessions-ended']);
    expect(events[1]).toMatchObject({
      actorId: steward.id,
      subjectType: 'person',
      change: { name: 'Lost Laptop', reason: 'She reported her laptop stolen.', sessionsEnded: 2 },
    });
    // Neither device nor network travels to the public log.
    expect(JSON.stringify(events[1])).not.toMatch(/203\.0\.113|Firefox/);
  });

  it('a non-steward may neither see nor end someone’s sessions; a missing or blank reason names the field; an unknown person is 404; nothing written', async () => {
    const p = await newPerson(t.baseUrl);
    const other = await newPerson(t.baseUrl);
    expectProblem(await other.client.get(`/api/people/${p.id}/sessions`), 403, { type: PROBLEM_TYPES.forbidden });
    expectProblem(
      await expectNothingWritten(t.dataSource, () => other.client.post(`/api/people/${p.id}/sessions/end-all`, { reason: 'Because.' }), countsWithEndings),
      403,
    );
    expectProblem(
      await expectNothingWritten(
        t.dataSource,
        () => new ApiClient(t.baseUrl).post(`/api/people/${p.id}/sessions/end-all`, { reason: 'Because.' }),
        countsWithEndings,
      ),
      401,
    );
    expectProblem(await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/people/${p.id}/sessions/end-all`, {}), countsWithEndings), 400, {
      fields: ['reason'],
    });
    expectProblem(
      await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/people/${p.id}/sessions/end-all`, { reason: '   ' }), countsWithEndings),
      400,
      { fields: ['reason'] },
    );
    expectProblem(
      await expectNothingWritten(
        t.dataSource,
        () => steward.client.post(`/api/people/${p.id}/sessions/end-all`, { reason: 'x'.repeat(501) }),
        countsWithEndings,
      ),
      400,
      { fields: ['reason'] },
    );
    expectProblem(
      await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/people/not-a-uuid/sessions/end-all`, { reason: 'Because.' }), countsWithEndings),
      400,
      { fields: ['id'] },
    );
    expectProblem(
      await expectNothingWritten(
        t.dataSource,
        () => steward.client.post(`/api/people/00000000-0000-4000-8000-000000000000/sessions/end-all`, { reason: 'Because.' }),
        countsWithEndings,
      ),
      404,
    );
    expectProblem(await steward.client.get(`/api/people/00000000-0000-4000-8000-000000000000/sessions`), 404);
    expect((await p.client.get('/api/me')).status).toBe(200);
  });
});
