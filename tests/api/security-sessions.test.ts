import { PROBLEM_TYPES, type SessionResponse } from '@parley/contracts';
import { expectNothingWritten, expectProblem } from '../support/expectations';
import { newDelegate, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Sessions and brute force. Already covered in tests/api/auth.test.ts, not repeated here: log out
 * revokes the token at once (bearer and cookie), a cookie write without the CSRF token is 403, the
 * 4th login within the window is 429 (right password or not) and registration is limited too.
 */
const password = 'correct horse battery';
jest.setTimeout(30_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sessions expire', () => {
  let t: TestApp;
  // 0.0003 h ≈ 1.1 s.
  beforeAll(async () => (t = await startTestApp({ env: { PARLEY_SESSION_TTL_HOURS: '0.0003' } })));
  afterAll(() => t?.close());

  it('a token works until its expiresAt, then every request with it is 401 (bearer and cookie alike), reads and writes; signing in again gives a new one', async () => {
    const d = await newDelegate(t.baseUrl);
    const issuedAt = Date.now();
    const expiresAt = new Date(d.session.expiresAt).getTime();
    expect(expiresAt - issuedAt).toBeLessThan(3_000);
    expect((await d.client.get('/api/me')).status).toBe(200);

    const browser = new ApiClient(t.baseUrl);
    const login = await browser.post<SessionResponse>('/api/auth/login', { email: d.email, password });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('parley_session='))!;
    // The cookie ends with the session: the browser forgets it at the same moment the server does.
    expect(new Date(/expires=([^;]+)/i.exec(cookie)![1]).getTime()).toBeCloseTo(Math.floor(new Date(login.body.expiresAt).getTime() / 1000) * 1000, -4);

    await sleep(Math.max(new Date(login.body.expiresAt).getTime(), expiresAt) - Date.now() + 300);
    expectProblem(await d.client.get('/api/me'), 401, { type: PROBLEM_TYPES.unauthenticated });
    expectProblem(await browser.get('/api/me'), 401, { type: PROBLEM_TYPES.unauthenticated });
    // A write with an expired session is refused as unauthenticated, and writes nothing.
    const write = await expectNothingWritten(t.dataSource, () =>
      d.client.post('/api/me/declarations', { kind: 'other', organisationName: 'Somewhere', note: 'After expiry.' }),
    );
    expectProblem(write, 401, { type: PROBLEM_TYPES.unauthenticated });
    const out = await d.client.post('/api/auth/logout');
    expectProblem(out, 401);

    const again = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: d.email, password });
    expect(again.status).toBe(200);
    expect(again.body.token).not.toBe(d.session.token);
    expect((await new ApiClient(t.baseUrl).withToken(again.body.token).get('/api/me')).status).toBe(200);
  });
});

describe('log out ends one session, not the others', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('the laptop logs out; the phone stays signed in; the laptop token stays dead', async () => {
    const p = await newPerson(t.baseUrl);
    const phone = p.client;
    const laptop = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password });
    const laptopClient = new ApiClient(t.baseUrl).withToken(laptop.body.token);
    expect((await laptopClient.post('/api/auth/logout')).status).toBe(204);
    expectProblem(await laptopClient.get('/api/me'), 401);
    expect((await phone.get('/api/me')).status).toBe(200);
  });

  it('tokens that are not ours are refused without a 500: garbage, huge, the CSRF token in place of the session token', async () => {
    const p = await newPerson(t.baseUrl);
    for (const token of ['x', 'x'.repeat(5000), p.session.csrfToken, `${p.session.token}x`, p.session.token.slice(0, -1)])
      expectProblem(await new ApiClient(t.baseUrl).withToken(token).get('/api/me'), 401);
  });
});

describe('login brute force', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { PARLEY_AUTH_RATE_LIMIT: '5', PARLEY_AUTH_RATE_WINDOW_SECONDS: '5' } })));
  afterAll(() => t?.close());

  it('is limited per client, not per account: guessing passwords of many accounts is cut off at the limit, and the limit lifts after the window', async () => {
    const victims = await Promise.all([0, 1, 2].map(() => newPerson(t.baseUrl)));
    // newPerson signs each victim in once (registration signs nobody in, decision 16): let that window pass.
    await sleep(5_200);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await new ApiClient(t.baseUrl).post('/api/auth/login', { email: victims[i % 3].email, password: `guess ${i}` });
      statuses.push(res.status);
      if (res.status === 429) expectProblem(res, 429, { type: PROBLEM_TYPES.rateLimited });
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));
    // Even the right password is refused while limited: the attacker learns nothing.
    expect((await new ApiClient(t.baseUrl).post('/api/auth/login', { email: victims[0].email, password })).status).toBe(429);
    await sleep(5_200);
    expect((await new ApiClient(t.baseUrl).post('/api/auth/login', { email: victims[0].email, password })).status).toBe(200);
  });
});
