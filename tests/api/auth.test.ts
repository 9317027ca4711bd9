import { PROBLEM_TYPES, SessionResponse } from '@parley/contracts';
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
    it('answers 201 with a token, sets the httpOnly session cookie and a readable CSRF cookie; the first account is a steward, the second is not', async () => {
      const anon = new ApiClient(t.baseUrl);
      const first = await anon.post<SessionResponse>('/api/auth/register', { name: 'Ada First', email: 'Ada.First@Example.org', password });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ token: expect.any(String), csrfToken: expect.any(String), expiresAt: expect.any(String), me: { name: 'Ada First', email: 'ada.first@example.org', isSteward: true, currentSnapshot: null } });
      expect(new Date(first.body.expiresAt).getTime()).toBeGreaterThan(Date.now());

      const session = setCookie(first.headers, 'parley_session');
      expect(session?.value).toBe(first.body.token);
      expect(session?.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
      const csrf = setCookie(first.headers, 'parley_csrf');
      expect(csrf?.value).toBe(first.body.csrfToken);
      expect(csrf?.attributes).not.toContain('httponly');

      const second = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/register', { name: 'Bea Second', email: 'bea.second@example.org', password });
      expect(second.status).toBe(201);
      expect(second.body.me.isSteward).toBe(false);
      expect(second.body.token).not.toBe(first.body.token);

      // The token works as a bearer token at once.
      const me = await new ApiClient(t.baseUrl).withToken(second.body.token).get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: second.body.me.id, email: 'bea.second@example.org', isSteward: false });
    });

    it('records person.registered on the platform chain, without the e-mail address', async () => {
      const p = await newPerson(t.baseUrl, { name: 'Chloe Audited', email: 'chloe.audited@example.org' });
      const events = await eventsAbout(t.baseUrl, p.id);
      expect(events).toEqual([expect.objectContaining({ scope: 'platform', action: 'person.registered', subjectType: 'person', actorId: p.id, actorName: 'Chloe Audited', actorSnapshot: null, change: { name: 'Chloe Audited', steward: false } })]);
      const all = JSON.stringify(await auditEvents(t.baseUrl));
      expect(all).not.toMatch(/@example\.org/i);
    });

    it('refuses a duplicate e-mail address, whatever its case: 409 naming email, nothing written', async () => {
      await newPerson(t.baseUrl, { email: 'dup@example.org' });
      for (const email of ['dup@example.org', 'DUP@Example.ORG']) {
        const res = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/auth/register', { name: 'Someone Else', email, password }));
        expectProblem(res, 409, { type: PROBLEM_TYPES.conflict, fields: ['email'] });
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    });

    it.each([
      ['a missing name', { email: 'x1@example.org', password }, 'name'],
      ['a missing e-mail', { name: 'No Mail', password }, 'email'],
      ['a missing password', { name: 'No Password', email: 'x2@example.org' }, 'password'],
      ['an unknown field', { name: 'Extra Field', email: 'x3@example.org', password, isSteward: true }, 'isSteward'],
      ['a malformed e-mail', { name: 'Bad Mail', email: 'not-an-address', password }, 'email'],
      ['a short password', { name: 'Short Password', email: 'x4@example.org', password: 'short' }, 'password'],
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
    // Registering counts against register's own limit, not login's.
    const p = await newPerson(t.baseUrl);
    // A fresh client each time: no cookie, so only the rate limit can refuse.
    const anon = () => new ApiClient(t.baseUrl);
    expect((await anon().post('/api/auth/login', { email: p.email, password: 'wrong password 1' })).status).toBe(401);
    expect((await anon().post('/api/auth/login', { email: p.email, password: 'wrong password 2' })).status).toBe(401);
    expect((await anon().post('/api/auth/login', { email: p.email, password })).status).toBe(200);
    const fourth = await expectNothingWritten(t.dataSource, () => anon().post('/api/auth/login', { email: p.email, password }));
    expectProblem(fourth, 429, { type: PROBLEM_TYPES.rateLimited });
    expect(fourth.headers.getSetCookie()).toEqual([]);
  });

  it('limits registration too', async () => {
    const anon = () => new ApiClient(t.baseUrl);
    // one registration already happened above
    for (let i = 0; i < 2; i++) expect((await anon().post('/api/auth/register', { name: `Rate ${i}`, email: `rate-${i}@example.org`, password })).status).toBe(201);
    const res = await expectNothingWritten(t.dataSource, () => anon().post('/api/auth/register', { name: 'Rate Over', email: 'rate-over@example.org', password }));
    expectProblem(res, 429, { type: PROBLEM_TYPES.rateLimited });
  });
});
