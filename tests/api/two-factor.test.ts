import type { SessionResponse, TwoFactorStatusResponse } from '@parley/contracts';
import { eventsAbout, expectNothingWritten, expectProblem } from '../support/expectations';
import { newDelegate, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { enrol, firstFactor, freshStep, totp, twoFactorCounts } from '../support/two-factor';
import { insertChairTerm, newWorkingGroup, refusedWithoutWrites } from '../support/working-group-factories';

/**
 * Two-factor authentication (decision 0050): enrolment, the second sign-in step, replay, recovery
 * codes, lockout, expiry, turning it off and a steward's reset.
 */
jest.setTimeout(60_000);

describe('two-factor authentication', () => {
  let t: TestApp;
  let steward: SignedIn;
  beforeAll(async () => {
    t = await startTestApp();
    steward = await newPerson(t.baseUrl);
  });
  afterAll(() => t?.close());
  beforeEach(() => freshStep());

  it('enrolment: a wrong confirmation code is refused on the code field and nothing is turned on; the right one turns it on and answers ten recovery codes once', async () => {
    const p = await newPerson(t.baseUrl);
    const start = await p.client.post<{ secret: string; otpauthUri: string }>('/api/me/two-factor/start');
    expect(start.status).toBe(200);
    expect(start.headers.get('cache-control')).toBe('no-store');
    expect(start.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Parley:/);
    expect(decodeURIComponent(start.body.otpauthUri)).toContain(p.email);
    expect(start.body.otpauthUri).toContain(`secret=${start.body.secret}`);
    // The secret is stored sealed, never as is.
    const [row] = await t.dataSource.query(`SELECT secret_sealed FROM two_factor WHERE person_id = $1`, [p.id]);
    expect(row.secret_sealed).not.toContain(start.body.secret);

    const wrongCode = otherThan(await totp(start.body.secret));
    const refused = await expectNothingWritten(t.dataSource, () => p.client.post('/api/me/two-factor/confirm', { code: wrongCode }), twoFactorCounts);
    expect(expectProblem(refused, 400, { fields: ['code'] }).code).toBe('wrong-second-factor-code');
    expect((await p.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body).toMatchObject({ enabled: false, pending: true });
    // Still signed in with a password alone.
    expect((await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password: 'correct horse battery' })).body.token).toEqual(expect.any(String));

    const ok = await p.client.post<{ recoveryCodes: string[] }>('/api/me/two-factor/confirm', { code: await totp(start.body.secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    for (const c of ok.body.recoveryCodes) expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    const hashes: { code_hash: string }[] = await t.dataSource.query(`SELECT code_hash FROM two_factor_recovery_codes WHERE person_id = $1`, [p.id]);
    expect(hashes.map((h) => h.code_hash)).not.toEqual(expect.arrayContaining([ok.body.recoveryCodes[0], ok.body.recoveryCodes[0].replace('-', '')]));
    expect((await p.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expectProblem(await p.client.post('/api/me/two-factor/start'), 409);

    const events = await eventsAbout(t.baseUrl, p.id);
    const enabled = events.find((e) => e.action === 'two-factor.enabled')!;
    expect(enabled.change).toEqual({ method: 'totp' });
    expect(JSON.stringify(events)).not.toContain(start.body.secret);
    expect(JSON.stringify(events)).not.toContain(ok.body.recoveryCodes[0]);
  });

  it('sign-in asks for the code; a wrong code is refused; the right one answers the session as a password sign-in does; the same code again is a replay', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret } = await enrol(p, -1);
    const { browser, challenge } = await firstFactor(t.baseUrl, p.email);
    expect(challenge).toEqual({ secondFactorRequired: true, methods: ['totp', 'recovery-code'], expiresAt: expect.any(String), challengeToken: expect.any(String) });
    expect(new Date(challenge.expiresAt).getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    const cookie = browser.cookies.get('parley_2fa');
    expect(cookie).toBe(challenge.challengeToken);
    expect(browser.cookies.has('parley_session')).toBe(false);
    expectProblem(await browser.get('/api/me'), 401);

    const code = await totp(secret);
    const wrong = await expectNothingWritten(t.dataSource, () => browser.post('/api/auth/second-factor', { code: otherThan(code) }), twoFactorCounts);
    expect(expectProblem(wrong, 400, { fields: ['code'] }).code).toBe('wrong-second-factor-code');

    const ok = await browser.post<SessionResponse>('/api/auth/second-factor', { code });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ token: expect.any(String), csrfToken: expect.any(String), expiresAt: expect.any(String), me: expect.objectContaining({ id: p.id, email: p.email }) });
    expect(browser.cookies.has('parley_session')).toBe(true);
    expect(browser.cookies.has('parley_2fa')).toBe(false);
    expect((await new ApiClient(t.baseUrl).withToken(ok.body.token).get('/api/me')).status).toBe(200);

    // The challenge is used: the same token again is refused.
    expect(expectProblem(await new ApiClient(t.baseUrl).post('/api/auth/second-factor', { code, challengeToken: challenge.challengeToken }), 401).code).toBe('sign-in-challenge-expired');
    // A new sign-in with the same code: a replay.
    const again = await firstFactor(t.baseUrl, p.email);
    const replay = await expectNothingWritten(t.dataSource, () => again.browser.post('/api/auth/second-factor', { code }), twoFactorCounts);
    expect(expectProblem(replay, 400, { fields: ['code'] }).code).toBe('second-factor-code-used');
  });

  it('a code of the previous step is accepted once within the tolerance, then refused, as is any older one', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret } = await enrol(p, -1);
    // Enrolment used the previous step's code: the same step, or the one before, is now a replay.
    const first = await firstFactor(t.baseUrl, p.email);
    expect(expectProblem(await first.browser.post('/api/auth/second-factor', { code: await totp(secret, -1) }), 400).code).toBe('second-factor-code-used');
    // The current step is later: accepted (the body's challenge token works as the cookie does).
    const ok = await new ApiClient(t.baseUrl).post('/api/auth/second-factor', { code: await totp(secret, 0), challengeToken: first.challenge.challengeToken });
    expect(ok.status).toBe(200);
    const second = await firstFactor(t.baseUrl, p.email);
    expect(expectProblem(await second.browser.post('/api/auth/second-factor', { code: await totp(secret, 0) }), 400).code).toBe('second-factor-code-used');
    // Two steps away is outside the tolerance: a wrong code.
    expect(expectProblem(await second.browser.post('/api/auth/second-factor', { code: await totp(secret, 2) }), 400).code).toBe('wrong-second-factor-code');
    expect((await second.browser.post('/api/auth/second-factor', { code: await totp(secret, 1) })).status).toBe(200);
  });

  it('a recovery code works once, not twice, and of two concurrent uses exactly one wins', async () => {
    const p = await newPerson(t.baseUrl);
    const { recoveryCodes } = await enrol(p);
    const a = await firstFactor(t.baseUrl, p.email);
    const used = await a.browser.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[0].toUpperCase() });
    expect(used.status).toBe(200);
    const b = await firstFactor(t.baseUrl, p.email);
    const twice = await expectNothingWritten(t.dataSource, () => b.browser.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[0] }), twoFactorCounts);
    expect(expectProblem(twice, 400, { fields: ['recoveryCode'] }).code).toBe('wrong-recovery-code');

    const c1 = await firstFactor(t.baseUrl, p.email);
    const c2 = await firstFactor(t.baseUrl, p.email);
    const both = await Promise.all([c1, c2].map((c) => c.browser.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[1] })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await p.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body.recoveryCodesLeft).toBe(8);
    const events = (await eventsAbout(t.baseUrl, p.id)).filter((e) => e.action === 'two-factor.recovery-code-used');
    expect(events).toHaveLength(2);
    expect(events[0].change).toEqual({});
  });

  it('lockout: the fifth wrong code ends the challenge and locks the second factor for 15 minutes, audited; even the right code is then refused', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret } = await enrol(p);
    const { browser } = await firstFactor(t.baseUrl, p.email);
    const right = await totp(secret, 1);
    const wrong = otherThan(right);
    for (let i = 1; i <= 4; i++) expectProblem(await browser.post('/api/auth/second-factor', { code: wrong }), 400, { fields: ['code'] });
    const fifth = await browser.post('/api/auth/second-factor', { code: wrong });
    const problem = expectProblem(fifth, 429);
    expect(problem.code).toBe('second-factor-locked');
    const until = new Date(String(problem.params.until)).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // The challenge died with the lock.
    expect(expectProblem(await browser.post('/api/auth/second-factor', { code: right }), 401).code).toBe('sign-in-challenge-expired');
    // A new challenge cannot get past the lock, even with the right code.
    const again = await firstFactor(t.baseUrl, p.email);
    expect(expectProblem(await again.browser.post('/api/auth/second-factor', { code: right }), 429).code).toBe('second-factor-locked');
    const locked = (await eventsAbout(t.baseUrl, p.id)).filter((e) => e.action === 'two-factor.locked');
    expect(locked).toHaveLength(1);
    expect(locked[0].change).toEqual({ until: new Date(until).toISOString() });
  });

  it('wrong answers add up across locks: after the first lock ends, five more wrong codes lock for twice as long; a right code starts again', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret } = await enrol(p);
    const lockAfterFiveWrong = async () => {
      const { browser } = await firstFactor(t.baseUrl, p.email);
      const wrong = otherThan(await totp(secret, 1));
      for (let i = 1; i <= 4; i++) expectProblem(await browser.post('/api/auth/second-factor', { code: wrong }), 400, { fields: ['code'] });
      const problem = expectProblem(await browser.post('/api/auth/second-factor', { code: wrong }), 429);
      expect(problem.code).toBe('second-factor-locked');
      return (new Date(String(problem.params.until)).getTime() - Date.now()) / 60_000;
    };
    // The lock's end is moved into the past, as if its 15 minutes had gone by.
    const lockEnds = () => t.dataSource.query(`UPDATE two_factor SET locked_until = now() - interval '1 second' WHERE person_id = $1`, [p.id]);
    expect(await lockAfterFiveWrong()).toBeLessThanOrEqual(15);
    await lockEnds();
    const second = await lockAfterFiveWrong();
    expect(second).toBeGreaterThan(29);
    expect(second).toBeLessThanOrEqual(30);
    await lockEnds();
    expect(await lockAfterFiveWrong()).toBeGreaterThan(59);
    await lockEnds();
    // A right answer starts the count again.
    const { browser } = await firstFactor(t.baseUrl, p.email);
    expect((await browser.post('/api/auth/second-factor', { code: await totp(secret, 1) })).status).toBe(200);
    expect(await lockAfterFiveWrong()).toBeLessThanOrEqual(15);
  });

  it('an expired challenge, another browser, or another person’s challenge gets no session', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret } = await enrol(p);
    const other = await newPerson(t.baseUrl);
    const { secret: otherSecret } = await enrol(other);

    // Another person's code does not answer p's challenge: it is a wrong code for p.
    const mine = await firstFactor(t.baseUrl, p.email);
    expect(expectProblem(await mine.browser.post('/api/auth/second-factor', { code: await totp(otherSecret, 1) }), 400).code).toBe('wrong-second-factor-code');
    // Another browser (user agent) with the token: refused.
    const elsewhere = await new ApiClient(t.baseUrl).request('POST', '/api/auth/second-factor', { code: await totp(secret), challengeToken: mine.challenge.challengeToken }, { 'user-agent': 'Other browser' });
    expect(expectProblem(elsewhere, 401).code).toBe('sign-in-challenge-expired');

    await t.dataSource.query(`UPDATE sign_in_challenges SET expires_at = now() - interval '1 second' WHERE person_id = $1`, [p.id]);
    const next = await totp(secret, 1);
    const expired = await expectNothingWritten(t.dataSource, () => mine.browser.post('/api/auth/second-factor', { code: next }), twoFactorCounts);
    expect(expectProblem(expired, 401).code).toBe('sign-in-challenge-expired');
    expect(expectProblem(await new ApiClient(t.baseUrl).post('/api/auth/second-factor', { code: '123456' }), 401).code).toBe('sign-in-challenge-expired');
  });

  it('regenerating recovery codes needs a current code; the old ones stop working', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret, recoveryCodes } = await enrol(p, -1);
    expectProblem(await expectNothingWritten(t.dataSource, () => p.client.post('/api/me/two-factor/recovery-codes', { code: '12345' }), twoFactorCounts), 400, { fields: ['code'] });
    const fresh = await p.client.post<{ recoveryCodes: string[] }>('/api/me/two-factor/recovery-codes', { code: await totp(secret) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const a = await firstFactor(t.baseUrl, p.email);
    expectProblem(await a.browser.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[0] }), 400, { fields: ['recoveryCode'] });
    expect((await a.browser.post('/api/auth/second-factor', { recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(200);
    expect((await eventsAbout(t.baseUrl, p.id)).find((e) => e.action === 'two-factor.recovery-codes-regenerated')?.change).toEqual({ count: 10 });
  });

  it('turning it off needs a current code or a recovery code; then sign-in is a password again', async () => {
    const p = await newPerson(t.baseUrl);
    const { secret, recoveryCodes } = await enrol(p);
    expectProblem(await expectNothingWritten(t.dataSource, () => p.client.post('/api/me/two-factor/disable', {}), twoFactorCounts), 400, { fields: ['code'] });
    expectProblem(await p.client.post('/api/me/two-factor/disable', { code: otherThan(await totp(secret)) }), 400, { fields: ['code'] });
    expect((await p.client.post('/api/me/two-factor/disable', { recoveryCode: recoveryCodes[3] })).status).toBe(204);
    expect((await p.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body).toMatchObject({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    const login = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password: 'correct horse battery' });
    expect(login.body.token).toEqual(expect.any(String));
    expect((await eventsAbout(t.baseUrl, p.id)).find((e) => e.action === 'two-factor.disabled')?.change).toEqual({ proved: 'recovery-code' });
  });

  it('a steward resets a lost second factor with a reason, audited; nobody else may', async () => {
    const p = await newPerson(t.baseUrl);
    await enrol(p);
    const other = await newPerson(t.baseUrl);
    const denied = await expectNothingWritten(t.dataSource, () => other.client.post(`/api/people/${p.id}/two-factor/reset`, { reason: 'Lost phone.' }), twoFactorCounts);
    expect(expectProblem(denied, 403).code).toBe('stewards-only');
    expectProblem(await steward.client.post(`/api/people/${p.id}/two-factor/reset`, {}), 400, { fields: ['reason'] });
    expect((await steward.client.post(`/api/people/${p.id}/two-factor/reset`, { reason: 'Lost phone; identity checked by video call.' })).status).toBe(204);
    expectProblem(await steward.client.post(`/api/people/${p.id}/two-factor/reset`, { reason: 'Again.' }), 409);
    const login = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password: 'correct horse battery' });
    expect(login.body.token).toEqual(expect.any(String));
    const reset = (await eventsAbout(t.baseUrl, p.id)).find((e) => e.action === 'two-factor.reset-by-steward')!;
    expect(reset.change).toEqual({ name: p.name, reason: 'Lost phone; identity checked by video call.' });
  });

  it("a steward's reset ends every session of the person; a steward may not reset their own second factor", async () => {
    const p = await newPerson(t.baseUrl);
    await enrol(p);
    expect((await p.client.get('/api/me')).status).toBe(200);
    expect((await steward.client.post(`/api/people/${p.id}/two-factor/reset`, { reason: 'Phone stolen.' })).status).toBe(204);
    expectProblem(await p.client.get('/api/me'), 401);
    const [session] = await t.dataSource.query(`SELECT revoked_by, revoked_reason FROM sessions WHERE person_id = $1`, [p.id]);
    expect(session).toEqual({ revoked_by: steward.id, revoked_reason: 'ended-by-steward' });

    await enrol(steward);
    const own = await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/people/${steward.id}/two-factor/reset`, { reason: 'Mine.' }), twoFactorCounts);
    expect(expectProblem(own, 403).code).toBe('two-factor-reset-own');
    expect((await steward.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body).toMatchObject({ enabled: true });
  });


  it('a chair without a second factor, in the grace period, may turn the chairs’ requirement on but not off; with one, they may', async () => {
    const chair = await newDelegate(t.baseUrl);
    const group = await newWorkingGroup(chair.client);
    await insertChairTerm(t.dataSource, group.id, chair.id, (await chair.client.get('/api/me')).body.currentSnapshot);
    const set = (required: boolean) => chair.client.put(`/api/working-groups/${group.id}/chairs-two-factor`, { required });
    expect((await set(true)).status).toBe(200);
    const off = await refusedWithoutWrites(t.dataSource, () => set(false));
    expect(expectProblem(off, 403).code).toBe('two-factor-required');
    expect((await chair.client.get(`/api/working-groups/${group.id}`)).body).toMatchObject({ chairsRequireTwoFactor: true });
    await enrol(chair);
    expect((await set(false)).body).toEqual({ required: false });
  });

  it('a session opened before the release starts the requirement’s clock at its next request, once', async () => {
    const p = await newPerson(t.baseUrl);
    // As if the session had been opened before two-factor authentication was released.
    await t.dataSource.query(`UPDATE people SET two_factor_clock_from = NULL WHERE id = $1`, [p.id]);
    const clock = async () => (await t.dataSource.query(`SELECT two_factor_clock_from AS c FROM people WHERE id = $1`, [p.id]))[0].c as Date | null;
    const before = Date.now();
    expect((await p.client.get('/api/me')).status).toBe(200);
    const started = await clock();
    expect(started!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await p.client.get('/api/me')).status).toBe(200);
    expect(await clock()).toEqual(started);
  });
});

/** A well-formed code that is not this one (nor, with its step's neighbours, likely another valid one). */
const otherThan = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
