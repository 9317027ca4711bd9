import { PROBLEM_TYPES, REGISTRATION_RECEIVED, SessionResponse } from '@parley/contracts';
import { newOrganisation, newPerson } from '../support/factories';
import { auditEvents, eventsAbout, expectNothingWritten, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const password = 'correct horse battery';

/** The attributes of one Set-Cookie header, by cookie name. */
function setCookie(headers: Headers, name: string): { value: string; attributes: string[] } | undefined {
  const line = headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { value: pair.slice(name.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

describe('auth: register, log in, log out, me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('answers 202 and signs nobody in (no token, no cookie, not stored); the account then signs in; the first account is a steward, the second is not', async () => {
      const anon = new ApiClient(t.baseUrl);
      const first = await anon.post('/api/auth/register', { name: 'Ada First', email: 'Ada.First@Example.org', password });
      expect(first.status).toBe(202);
      expect(first.body).toEqual(REGISTRATION_RECEIVED);
      expect(first.headers.getSetCookie()).toEqual([]);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(anon.cookies.size).toBe(0);

      const signedIn = await anon.post<SessionResponse>('/api/auth/login', { email: 'ada.first@example.org', password });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ token: expect.any(String), csrfToken: expect.any(String), expiresAt: expect.any(String), me: { name: 'Ada First', email: 'ada.first@example.org', isSteward: true, currentSnapshot: null } });
      expect(new Date(signedIn.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const session = setCookie(signedIn.headers, 'parley_session');
      expect(session?.value).toBe(signedIn.body.token);
      expect(session?.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
      const csrf = setCookie(signedIn.headers, 'parley_csrf');
      expect(csrf?.value).toBe(signedIn.body.csrfToken);
      expect(csrf?.attributes).not.toContain('httponly');

      const second = await newPerson(t.baseUrl, { name: 'Bea Second', email: 'bea.second@example.org' });
      expect(second.session.me.isSteward).toBe(false);
      const me = await second.client.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: second.id, email: 'bea.second@example.org', isSteward: false });
    });

    it('records person.registered on the platform chain, without the e-mail address', async () => {
      const p = await newPerson(t.baseUrl, { name: 'Chloe Audited', email: 'chloe.audited@example.org' });
      const events = await eventsAbout(t.baseUrl, p.id);
      expect(events).toEqual([expect.objectContaining({ scope: 'platform', action: 'person.registered', subjectType: 'person', actorId: p.id, actorName: 'Chloe Audited', actorSnapshot: null, change: { name: 'Chloe Audited', steward: false } })]);
      const all = JSON.stringify(await auditEvents(t.baseUrl));
      expect(all).not.toMatch(/@example\.org/i);
    });

    it('answers a taken address exactly as a free one (status, body, headers, no cookie, no faster), writes nothing and leaves the account as it was', async () => {
      const owner = await newPerson(t.baseUrl, { name: 'Owner Of Address', email: 'taken@example.org' });
      const attempt = { name: 'Someone Else', password: 'another long passphrase' };
      const register = async (email: string) => {
        const started = performance.now();
        const res = await new ApiClient(t.baseUrl).post('/api/auth/register', { ...attempt, email });
        return { res, ms: performance.now() - started };
      };
      // What may differ between any two answers: the date, the request id, the rate-limit counters.
      const VARYING = new Set(['date', 'x-request-id', 'x-ratelimit-remaining-auth', 'x-ratelimit-reset-auth', 'connection', 'keep-alive']);
      const seen = (res: { status: number; body: unknown; headers: Headers }) => ({
        status: res.status,
        body: res.body,
        headers: Object.fromEntries([...res.headers].filter(([k]) => !VARYING.has(k))),
        cookies: res.headers.getSetCookie(),
      });

      const free = await register('free.address@example.org');
      expect(seen(free.res)).toMatchObject({ status: 202, cookies: [] });
      const takenTimes: number[] = [];
      const freeTimes: number[] = [];
      for (const [i, email] of ['taken@example.org', 'TAKEN@Example.ORG', ' taken@example.org', 'taken@example.org', 'taken@example.org'].entries()) {
        const taken = await expectNothingWritten(t.dataSource, () => register(email.trim()));
        expect(seen(taken.res)).toEqual(seen(free.res));
        takenTimes.push(taken.ms);
        freeTimes.push((await register(`free.${i}@example.org`)).ms);
      }
      // Both hash the password (argon2id): a taken address is not answered faster (medians, with room for a busy machine).
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      expect(median(takenTimes)).toBeGreaterThan(median(freeTimes) * 0.5);

      // Nobody was signed in, and the existing account is untouched: its own password works, the attempt's does not.
      const asOwner = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: 'taken@example.org', password });
      expect(asOwner.status).toBe(200);
      expect(asOwner.body.me).toMatchObject({ id: owner.id, name: 'Owner Of Address' });
      expectProblem(await new ApiClient(t.baseUrl).post('/api/auth/login', { email: 'taken@example.org', password: attempt.password }), 401);
      const registered = (await auditEvents(t.baseUrl)).filter((e) => e.action === 'person.registered' && e.actorName === 'Someone Else');
      expect(registered).toHaveLength(6); // the six free addresses, none for the taken one
    });

    it.each([
      ['a missing name', { email: 'x1@example.org', password }, 'name'],
      ['a missing e-mail', { name: 'No Mail', password }, 'email'],
      ['a missing password', { name: 'No Password', email: 'x2@example.org' }, 'password'],
      ['an unknown field', { name: 'Extra Field', email: 'x3@example.org', password, isSteward: true }, 'isSteward'],
      ['a malformed e-mail', { name: 'Bad Mail', email: 'not-an-address', password }, 'email'],
      ['a short password', { name: 'Short Password', email: 'x4@example.org', password: 'short' }, 'password'],
      ['ten times the same letter as a password', { name: 'Weak Password', email: 'x9@example.org', password: 'aaaaaaaaaa' }, 'password'],
      ['ten spaces as a password', { name: 'Blank Password', email: 'x10@example.org', password: '          ' }, 'password'],
      ['the account’s own e-mail address as its password', { name: 'Own Address', email: 'own.address@example.org', password: 'own.address@example.org' }, 'password'],
      ['a common password made long enough', { name: 'Common Password', email: 'x11@example.org', password: 'password1234' }, 'password'],
      ['the person’s name as the password', { name: 'Philippa Oyelaran', email: 'x12@example.org', password: 'PhilippaOyelaran' }, 'password'],
      ['an overlong name', { name: 'N'.repeat(121), email: 'x5@example.org', password }, 'name'],
      ['an overlong password', { name: 'Long Password', email: 'x6@example.org', password: 'p'.repeat(201) }, 'password'],
      ['a blank name', { name: '   ', email: 'x7@example.org', password }, 'name'],
      ['a wrong type', { name: 42, email: 'x8@example.org', password }, 'name'],
    ])('refuses %s: 400 problem+json naming the field, nothing written', async (_, body, field) => {
      const res = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/register', body));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('refuses a body that is not JSON: 400 problem+json, nothing written', async () => {
      const res = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/register', '{"name": "Broken", "email": '));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['(body)'] });
    });
  });

  describe('log in', () => {
    it('returns a bearer token and sets the cookies; the e-mail address is matched whatever its case', async () => {
      const p = await newPerson(t.baseUrl, { email: 'login.ok@example.org' });
      const res = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: '  Login.OK@example.org ', password });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token: expect.any(String), csrfToken: expect.any(String), me: { id: p.id, email: 'login.ok@example.org' } });
      expect(res.body.token).not.toBe(p.session.token);
      expect(setCookie(res.headers, 'parley_session')?.attributes).toContain('httponly');
      expect(setCookie(res.headers, 'parley_csrf')?.value).toBe(res.body.csrfToken);
      expect((await new ApiClient(t.baseUrl).withToken(res.body.token).get('/api/me')).body.id).toBe(p.id);
    });

    it('gives the same 401 for an unknown e-mail address and a wrong password, and writes nothing', async () => {
      await newPerson(t.baseUrl, { email: 'login.same@example.org' });
      const wrongEmail = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/login', { email: 'nobody.here@example.org', password }));
      const wrongPassword = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/login', { email: 'login.same@example.org', password: 'not the password' }));
      expectProblem(wrongEmail, 401, { type: PROBLEM_TYPES.unauthenticated });
      expect(wrongPassword.status).toBe(401);
      expect(wrongPassword.body).toEqual(wrongEmail.body);
      expect(wrongPassword.headers.get('content-type')).toBe(wrongEmail.headers.get('content-type'));
      expect(wrongEmail.headers.getSetCookie()).toEqual([]);
      expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    });

    it.each([
      ['a missing e-mail', { password }, 'email'],
      ['a missing password', { email: 'login.same@example.org' }, 'password'],
      ['an unknown field', { email: 'login.same@example.org', password, remember: true }, 'remember'],
      ['a wrong type', { email: ['login.same@example.org'], password }, 'email'],
    ])('refuses %s: 400 naming the field, nothing written', async (_, body, field) => {
      const res = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/login', body));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('answers empty credentials with the same 401 as wrong ones (never a session, never a 500)', async () => {
      for (const body of [{ email: '', password }, { email: 'login.same@example.org', password: '' }, { email: '   ', password: '' }]) {
        const res = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/login', body));
        expectProblem(res, 401, { type: PROBLEM_TYPES.unauthenticated });
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    });

    it('refuses a body that is not JSON with 400', async () => {
      const res = await new ApiClient(t.baseUrl).post('/api/auth/login', 'email=a&password=b');
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation });
    });
  });

  describe('me and log out', () => {
    it('GET /api/me works with the bearer token and with the cookie alone', async () => {
      const p = await newPerson(t.baseUrl);
      const byBearer = await p.client.get('/api/me');
      expect(byBearer.status).toBe(200);
      expect(byBearer.body).toEqual({ id: p.id, name: p.name, email: p.email, isSteward: false, currentSnapshot: null });

      const browser = new ApiClient(t.baseUrl);
      await browser.post('/api/auth/login', { email: p.email, password });
      expect(browser.token).toBeNull();
      expect(browser.cookies.has('parley_session')).toBe(true);
      const byCookie = await browser.get('/api/me');
      expect(byCookie.status).toBe(200);
      expect(byCookie.body).toEqual(byBearer.body);
    });

    it('GET /api/me without a session, or with an unknown token, is 401 problem+json', async () => {
      expectProblem(await new ApiClient(t.baseUrl).get('/api/me'), 401, { type: PROBLEM_TYPES.unauthenticated });
      expectProblem(await new ApiClient(t.baseUrl).withToken('not-a-real-token').get('/api/me'), 401, { type: PROBLEM_TYPES.unauthenticated });
      expectProblem(await new ApiClient(t.baseUrl).withToken('x'.repeat(500)).get('/api/me'), 401, { type: PROBLEM_TYPES.unauthenticated });
    });

    it('log out revokes the token at once: a later request with it is 401', async () => {
      const p = await newPerson(t.baseUrl);
      const other = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password });
      const out = await p.client.post('/api/auth/logout');
      expect(out.status).toBe(204);
      expectProblem(await p.client.get('/api/me'), 401);
      expectProblem(await p.client.post('/api/organisations', { name: 'After Logout Org', stakeholderGroup: 'civil-society', subtype: 'ngo' }), 401);
      expectProblem(await p.client.post('/api/auth/logout'), 401);
      // Only that session: the person's other session lives on.
      expect((await new ApiClient(t.baseUrl).withToken(other.body.token).get('/api/me')).status).toBe(200);
    });

    it('log out from a browser clears both cookies, and the old cookie no longer signs in', async () => {
      const p = await newPerson(t.baseUrl);
      const browser = new ApiClient(t.baseUrl);
      await browser.post('/api/auth/login', { email: p.email, password });
      const oldSession = browser.cookies.get('parley_session')!;
      const out = await browser.post('/api/auth/logout', {}, { 'x-csrf-token': browser.cookies.get('parley_csrf')! });
      expect(out.status).toBe(204);
      expect(browser.cookies.size).toBe(0);
      const replay = new ApiClient(t.baseUrl);
      replay.cookies.set('parley_session', oldSession);
      expectProblem(await replay.get('/api/me'), 401);
    });

    it('log out without a session is 401', async () => {
      expectProblem(await new ApiClient(t.baseUrl).post('/api/auth/logout'), 401, { type: PROBLEM_TYPES.unauthenticated });
    });
  });

  describe('CSRF', () => {
    it('a cookie-authenticated write without X-CSRF-Token is 403 csrf-token-invalid and writes nothing; with the parley_csrf value it succeeds', async () => {
      const p = await newPerson(t.baseUrl);
      const browser = new ApiClient(t.baseUrl);
      await browser.post('/api/auth/login', { email: p.email, password });
      const body = { name: 'Csrf Checked Org', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR' };

      const missing = await expectNothingWritten(t.dataSource, () => browser.post('/api/organisations', body));
      expectProblem(missing, 403, { type: PROBLEM_TYPES.csrf });
      const wrong = await expectNothingWritten(t.dataSource, () => browser.post('/api/organisations', body, { 'x-csrf-token': 'forged' }));
      expectProblem(wrong, 403, { type: PROBLEM_TYPES.csrf });
      // Another session's CSRF token does not fit this session.
      const foreign = await expectNothingWritten(t.dataSource, () => browser.post('/api/organisations', body, { 'x-csrf-token': p.session.csrfToken }));
      expectProblem(foreign, 403, { type: PROBLEM_TYPES.csrf });
      expectProblem(await browser.request('PATCH', '/api/me/affiliations/00000000-0000-4000-8000-000000000000', { endDate: '2024-01-01' }), 403, { type: PROBLEM_TYPES.csrf });

      const ok = await browser.post('/api/organisations', body, { 'x-csrf-token': browser.cookies.get('parley_csrf')! });
      expect(ok.status).toBe(201);
      expect(ok.body.name).toBe('Csrf Checked Org');
    });

    it('reads need no CSRF token, and bearer-token writes need none', async () => {
      const p = await newPerson(t.baseUrl);
      const browser = new ApiClient(t.baseUrl);
      await browser.post('/api/auth/login', { email: p.email, password });
      expect((await browser.get('/api/me')).status).toBe(200);
      const org = await newOrganisation(p.client);
      expect(org.id).toEqual(expect.any(String));
      const aff = await p.client.post('/api/me/affiliations', { organisationId: org.id, title: 'Analyst', startDate: '2021-01-01' });
      expect(aff.status).toBe(201);
    });
  });
});

describe('auth rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PARLEY_AUTH_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('refuses the 4th login in the window with 429 problem+json, even with the right password', async () => {
    // Registering counts against register's own limit, not login's; newPerson signs in once (the first log in).
    const p = await newPerson(t.baseUrl);
    // A fresh client each time: no cookie, so only the rate limit can refuse.
    const anon = () => new ApiClient(t.baseUrl);
    expect((await anon().post('/api/auth/login', { email: p.email, password: 'wrong password 1' })).status).toBe(401);
    expect((await anon().post('/api/auth/login', { email: p.email, password })).status).toBe(200);
    const fourth = await expectNothingWritten(t.dataSource, () => anon().post('/api/auth/login', { email: p.email, password }));
    expectProblem(fourth, 429, { type: PROBLEM_TYPES.rateLimited });
    expect(fourth.headers.getSetCookie()).toEqual([]);
    // RFC 9110's Retry-After, in seconds within the window (the throttler only sent its own Retry-After-auth).
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(fourth.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('limits registration too', async () => {
    const anon = () => new ApiClient(t.baseUrl);
    // one registration already happened above
    for (let i = 0; i < 2; i++) expect((await anon().post('/api/auth/register', { name: `Rate ${i}`, email: `rate-${i}@example.org`, password })).status).toBe(202);
    const res = await expectNothingWritten(t.dataSource, () => anon().post('/api/auth/register', { name: 'Rate Over', email: 'rate-over@example.org', password }));
    expectProblem(res, 429, { type: PROBLEM_TYPES.rateLimited });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
