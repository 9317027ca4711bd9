import type { DataSource } from 'typeorm';
import type { IdentityProviderResponse, OrganisationResponse } from '@parley/contracts';
import { VouchLapseCheck } from '../../apps/api/src/identity/institutional/vouch-lapse-check';
import { auditEvents, eventsAbout, expectNothingWritten, expectProblem, rowCounts } from '../support/expectations';
import { newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startOidcProvider, startRogueProvider, TestBrowser, type TestOidcProvider } from '../support/oidc-provider';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let steward: SignedIn;
let organisation: OrganisationResponse;
let idp: TestOidcProvider;

/** The identity tables, and those of institutional sign-in: equal before and after means nothing was written. */
async function counts(db: DataSource): Promise<Record<string, number>> {
  const out = await rowCounts(db);
  for (const [k, sql] of Object.entries({
    links: `SELECT count(*) AS n FROM identity_provider_links`,
    attempts: `SELECT count(*) AS n FROM oidc_attempts`,
    confirmed: `SELECT count(*) AS n FROM affiliations WHERE confirmation_status = 'confirmed'`,
    providers: `SELECT count(*) AS n FROM identity_providers`,
  }))
    out[k] = Number((await db.query(sql))[0].n);
  return out;
}
const nothingWritten = <T>(attempt: () => Promise<T>) => expectNothingWritten(t.dataSource, attempt, counts);

const account = (sub: string, email: string, name = sub) => idp.directory.set(sub, { sub, email, emailVerified: true, name });

async function registerProvider(overrides: Record<string, unknown> = {}): Promise<IdentityProviderResponse> {
  const res = await steward.client.post<IdentityProviderResponse>('/api/identity-providers', {
    name: `Ministry SSO ${Math.random().toString(36).slice(2, 8)}`,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: ['ministry.example'],
    organisationId: organisation.id,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`register provider: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Signs in at the provider as `sub` in a fresh (or given) browser: where it lands, and the browser. */
async function signInAs(provider: { id: string }, sub: string, browser = new TestBrowser(t.baseUrl), returnTo = '/groups') {
  idp.loginAs(sub);
  const { landed } = await browser.follow(`/api/auth/oidc/${provider.id}/start?returnTo=${encodeURIComponent(returnTo)}`);
  return { landed, browser, session: browser.cookie(t.baseUrl, 'parley_session') };
}

const isCallback = (u: URL) => u.pathname === '/api/auth/oidc/callback';
/** Goes through the provider and stops at Parley's callback, not taken yet. */
async function upToCallback(provider: { id: string }, sub: string, browser = new TestBrowser(t.baseUrl)) {
  idp.loginAs(sub);
  const { lastUrl } = await browser.follow(`/api/auth/oidc/${provider.id}/start`, isCallback);
  return { browser, callbackUrl: lastUrl };
}

const me = (token: string) => new ApiClient(t.baseUrl).withToken(token).get('/api/me');
const profile = (id: string) => new ApiClient(t.baseUrl).get(`/api/people/${id}`);

beforeAll(async () => {
  t = await startTestApp();
  steward = await newPerson(t.baseUrl, { name: 'Stella Steward' });
  organisation = await newOrganisation(steward.client, { name: 'Ministry of Digital Affairs', stakeholderGroup: 'government', subtype: 'national' });
  idp = await startOidcProvider([`${t.baseUrl}/api/auth/oidc/callback`]);
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('identity providers, registered by stewards', () => {
  it('a steward registers a provider checked by discovery; its secret is in no answer nor audit event', async () => {
    const provider = await registerProvider({ name: 'Ministry SSO', domains: ['@Ministry.Example', 'staff.ministry.example'] });
    expect(provider).toMatchObject({ name: 'Ministry SSO', issuer: idp.issuer, clientId: idp.clientId, domains: ['ministry.example', 'staff.ministry.example'], organisation: { id: organisation.id }, enabled: true, lapseDays: 30 });
    expect(JSON.stringify(provider)).not.toContain(idp.clientSecret);
    const listed = await steward.client.get('/api/identity-providers');
    expect(JSON.stringify(listed.body)).not.toContain(idp.clientSecret);
    const stored = (await t.dataSource.query(`SELECT client_secret_sealed FROM identity_providers WHERE id = $1`, [provider.id]))[0].client_secret_sealed;
    expect(stored).not.toContain(idp.clientSecret);
    const events = await eventsAbout(t.baseUrl, provider.id);
    expect(events.map((e) => e.action)).toEqual(['identity-provider.registered']);
    expect(JSON.stringify(await auditEvents(t.baseUrl))).not.toContain(idp.clientSecret);
    const choices = await new ApiClient(t.baseUrl).get('/api/auth/identity-providers');
    expect(choices.body).toContainEqual({ id: provider.id, name: 'Ministry SSO' });
  });

  it('refuses a delegate, an issuer where no provider answers, and a plain-http issuer elsewhere than this machine, writing nothing', async () => {
    const delegate = await newPerson(t.baseUrl);
    const body = { name: 'Rogue', issuer: idp.issuer, clientId: 'x', clientSecret: 'y', domains: [] };
    await nothingWritten(async () => {
      expectProblem(await delegate.client.post('/api/identity-providers', body), 403);
      expectProblem(await delegate.client.get('/api/identity-providers'), 403);
      expectProblem(await steward.client.post('/api/identity-providers', { ...body, issuer: 'http://127.0.0.1:1' }), 400, { fields: ['issuer'] });
      const plain = expectProblem(await steward.client.post('/api/identity-providers', { ...body, issuer: 'http://sso.example.org' }), 400, { fields: ['issuer'] });
      expect(plain.errors?.[0].code).toBe('issuer-not-https');
      expectProblem(await steward.client.post('/api/identity-providers', { ...body, domains: ['not a domain'] }), 400, { fields: ['domains.0'] });
    });
  });
});

describe('signing in with a provider', () => {
  let provider: IdentityProviderResponse;
  beforeAll(async () => {
    provider = await registerProvider();
  });

  it('creates the account of a verified address nobody has, links it, confirms the affiliation, and signs in; the next sign-in is the same person', async () => {
    account('ana', 'ana.lopez@ministry.example', 'Ana López');
    const first = await signInAs(provider, 'ana');
    expect(first.landed).toBe('/groups');
    expect(first.session).toBeDefined();
    const who = await me(first.session!);
    expect(who.body).toMatchObject({ name: 'Ana López', email: 'ana.lopez@ministry.example', isSteward: false });
    // Nothing of the provider's tokens reached the browser: only Parley's own cookies.
    expect([...['parley_session', 'parley_csrf']].every((c) => first.browser.cookie(t.baseUrl, c))).toBe(true);

    const people = await rowCounts(t.dataSource);
    const again = await signInAs(provider, 'ana');
    expect(again.landed).toBe('/groups');
    expect((await me(again.session!)).body.id).toBe(who.body.id);
    expect((await rowCounts(t.dataSource)).people).toBe(people.people);

    const actions = (await eventsAbout(t.baseUrl, who.body.id)).map((e) => e.action);
    expect(actions).toEqual(['person.registered', 'identity-provider.linked']);
  });

  it("confirms the affiliation by the provider's domain, and a later act carries it in its snapshot", async () => {
    account('bea', 'bea@staff.ministry.example', 'Bea Costa');
    const { session } = await signInAs(provider, 'bea');
    const client = new ApiClient(t.baseUrl).withToken(session!);
    const id = (await client.get('/api/me')).body.id;
    const shown = (await profile(id)).body;
    expect(shown.affiliations).toHaveLength(1);
    expect(shown.affiliations[0]).toMatchObject({ organisation: { id: organisation.id }, title: 'Staff member', primary: true, confirmation: { status: 'confirmed', confirmedAs: 'identity-provider', confirmedBy: { id: provider.id, name: provider.name } } });
    expect(shown.currentSnapshot.confirmation).toMatchObject({ as: 'identity-provider', by: { id: provider.id, name: provider.name } });

    // A later act (creating an organisation) records the confirmed affiliation in its snapshot.
    const org = await newOrganisation(client);
    const [created] = await eventsAbout(t.baseUrl, org.id);
    expect(created.actorSnapshot).toMatchObject({ organisationId: organisation.id, confirmation: { as: 'identity-provider', by: { id: provider.id, name: provider.name } } });

    const confirmed = (await eventsAbout(t.baseUrl, shown.affiliations[0].id)).map((e) => [e.action, e.change.as ?? null, e.actorName]);
    expect(confirmed).toEqual([
      ['affiliation.added', null, provider.name],
      ['affiliation.confirmed', 'identity-provider', provider.name],
    ]);
  });

  it('confirms a pending declared affiliation to the organisation rather than adding one', async () => {
    const dan = await newPerson(t.baseUrl, { email: 'dan@ministry.example' });
    const declared = await dan.client.post('/api/me/affiliations', { organisationId: organisation.id, title: 'Adviser', startDate: '2024-01-01' });
    account('dan', 'dan@ministry.example', 'Dan');
    const linkRes = await new TestBrowser(t.baseUrl);
    const started = await linkRes.fetch(`${t.baseUrl}/api/auth/oidc/${provider.id}/link`, { method: 'POST', headers: { authorization: `Bearer ${dan.session.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(started.status).toBe(200);
    idp.loginAs('dan');
    const { landed } = await linkRes.follow((await started.json()).redirectUrl);
    expect(landed).toBe('/me/security');
    const shown = (await profile(dan.id)).body;
    expect(shown.affiliations).toHaveLength(1);
    expect(shown.affiliations[0]).toMatchObject({ id: declared.body.id, title: 'Adviser', confirmation: { status: 'confirmed', confirmedAs: 'identity-provider' } });
  });

  it('refuses an unlinked identity whose address already has an account, writing nothing; its owner links it from their account', async () => {
    const carol = await newPerson(t.baseUrl, { name: 'Carol', email: 'carol@ministry.example' });
    account('carol', 'carol@ministry.example', 'Carol at the ministry');
    const { callbackUrl, browser } = await upToCallback(provider, 'carol');
    const landed = await nothingWritten(() => browser.follow(callbackUrl));
    expect(landed.landed).toBe('/login?error=account-exists');
    expect(browser.cookie(t.baseUrl, 'parley_session')).toBeUndefined();

    // Carol, signed in with her password, links the provider (a write: with her session's CSRF token in a browser).
    const linking = new TestBrowser(t.baseUrl);
    const login = await linking.fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: carol.email, password: 'correct horse battery' }) });
    const csrf = (await login.json()).csrfToken;
    const noCsrf = await linking.fetch(`${t.baseUrl}/api/auth/oidc/${provider.id}/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noCsrf.status).toBe(403);
    const started = await linking.fetch(`${t.baseUrl}/api/auth/oidc/${provider.id}/link`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ returnTo: '/me/security' }) });
    expect(started.status).toBe(200);
    idp.loginAs('carol');
    expect((await linking.follow((await started.json()).redirectUrl)).landed).toBe('/me/security');
    const linked = await carol.client.get('/api/me/linked-accounts');
    expect(linked.body).toMatchObject({ hasPassword: true, links: [{ providerId: provider.id, providerName: provider.name }] });

    // Now the provider signs her in, as herself.
    const viaProvider = await signInAs(provider, 'carol');
    expect((await me(viaProvider.session!)).body.id).toBe(carol.id);
    // Linking twice is refused.
    expectProblem(await carol.client.post(`/api/auth/oidc/${provider.id}/link`, {}), 409);

    // Unlinking: refused for whoever it would lock out, allowed for Carol who has a password.
    const ana = await signInAs(provider, 'ana');
    const anaClient = new ApiClient(t.baseUrl).withToken(ana.session!);
    await nothingWritten(async () => expectProblem(await anaClient.request('DELETE', `/api/me/linked-accounts/${provider.id}`), 409));
    expect((await carol.client.request('DELETE', `/api/me/linked-accounts/${provider.id}`)).status).toBe(204);
    expect((await carol.client.get('/api/me/linked-accounts')).body.links).toEqual([]);
    expect((await eventsAbout(t.baseUrl, carol.id)).map((e) => e.action)).toEqual(['person.registered', 'identity-provider.linked', 'identity-provider.unlinked']);
  });

  it('refuses an address the provider does not say is verified, writing nothing', async () => {
    idp.directory.set('eve', { sub: 'eve', email: 'eve@ministry.example', emailVerified: false, name: 'Eve' });
    const { callbackUrl, browser } = await upToCallback(provider, 'eve');
    expect((await nothingWritten(() => browser.follow(callbackUrl))).landed).toBe('/login?error=email-unverified');
  });

  it('goes back only to a page of this site', async () => {
    account('fay', 'fay@ministry.example');
    expect((await signInAs(provider, 'fay', undefined, '//evil.example/steal')).landed).toBe('/');
    expect((await signInAs(provider, 'fay', undefined, 'https://evil.example/')).landed).toBe('/');
  });
});

describe('a provider that stops vouching', () => {
  const confirmationOf = async (personId: string) => (await profile(personId)).body.affiliations[0].confirmation;

  it('ends the confirmation at the next sign-in once the address is no longer in a vouched domain', async () => {
    const provider = await registerProvider();
    account('gil', 'gil@ministry.example', 'Gil');
    const { session } = await signInAs(provider, 'gil');
    const id = (await me(session!)).body.id;
    expect((await confirmationOf(id)).status).toBe('confirmed');
    account('gil', 'gil@elsewhere.example', 'Gil');
    const again = await signInAs(provider, 'gil');
    expect((await me(again.session!)).body.id).toBe(id);
    expect(await confirmationOf(id)).toMatchObject({ status: 'ended', closedAs: 'identity-provider', closedBy: { id: provider.id }, closedReason: expect.stringContaining("no longer vouches for this person's e-mail domain") });
    expect((await profile(id)).body.currentSnapshot.confirmation).toBeNull();
  });

  it('ends the confirmations when a steward removes the domain, and all of them when the provider is disabled', async () => {
    const provider = await registerProvider({ domains: ['ministry.example', 'agency.example'] });
    account('hal', 'hal@ministry.example', 'Hal');
    account('ida', 'ida@agency.example', 'Ida');
    const hal = (await me((await signInAs(provider, 'hal')).session!)).body.id;
    const ida = (await me((await signInAs(provider, 'ida')).session!)).body.id;
    const patched = await steward.client.patch(`/api/identity-providers/${provider.id}`, { domains: ['agency.example'] });
    expect(patched.status).toBe(200);
    expect(await confirmationOf(hal)).toMatchObject({ status: 'ended', closedAs: 'identity-provider' });
    expect((await confirmationOf(ida)).status).toBe('confirmed');
    const ended = (await eventsAbout(t.baseUrl, (await profile(hal)).body.affiliations[0].id)).at(-1)!;
    expect(ended).toMatchObject({ action: 'affiliation.confirmation-ended', actorId: steward.id, change: { as: 'identity-provider' } });

    expect((await steward.client.patch(`/api/identity-providers/${provider.id}`, { enabled: false })).status).toBe(200);
    expect((await confirmationOf(ida)).status).toBe('ended');
    expect((await new ApiClient(t.baseUrl).get('/api/auth/identity-providers')).body.map((p: { id: string }) => p.id)).not.toContain(provider.id);
    const browser = new TestBrowser(t.baseUrl);
    expect((await nothingWritten(() => browser.follow(`/api/auth/oidc/${provider.id}/start`))).landed).toBe('/login?error=provider-unavailable');
  });

  it('ends a confirmation whose person has not signed in through the provider for its lapse period (the periodic check)', async () => {
    const provider = await registerProvider({ lapseDays: 7 });
    account('jon', 'jon@ministry.example', 'Jon');
    account('kim', 'kim@ministry.example', 'Kim');
    const jon = (await me((await signInAs(provider, 'jon')).session!)).body.id;
    const kim = (await me((await signInAs(provider, 'kim')).session!)).body.id;
    await t.dataSource.query(`UPDATE identity_provider_links SET last_sign_in_at = now() - interval '7 days 1 minute' WHERE provider_id = $1 AND person_id = $2`, [provider.id, jon]);
    await t.app.get(VouchLapseCheck).tick();
    expect(await confirmationOf(jon)).toMatchObject({ status: 'ended', closedReason: expect.stringContaining('for 7 days') });
    expect((await confirmationOf(kim)).status).toBe('confirmed');
    const ended = (await eventsAbout(t.baseUrl, (await profile(jon)).body.affiliations[0].id)).at(-1)!;
    expect(ended).toMatchObject({ action: 'affiliation.confirmation-ended', actorId: null, actorName: 'Parley (scheduled check)' });
  });
});

describe('what the callback refuses, writing nothing', () => {
  let provider: IdentityProviderResponse;
  beforeAll(async () => {
    provider = await registerProvider();
    account('lea', 'lea@ministry.example', 'Lea');
  });

  it('a forged state', async () => {
    const { callbackUrl, browser } = await upToCallback(provider, 'lea');
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state-value');
    expect((await nothingWritten(() => browser.follow(forged.href))).landed).toBe('/login?error=sign-in-expired');
  });

  it("another browser's callback (a swapped browser binding), while the browser that started it still signs in", async () => {
    const { callbackUrl, browser } = await upToCallback(provider, 'lea');
    const other = new TestBrowser(t.baseUrl);
    // The other browser has its own sign-in in flight, hence its own binding cookie.
    await upToCallback(provider, 'lea', other);
    expect((await nothingWritten(() => other.follow(callbackUrl))).landed).toBe('/login?error=sign-in-expired');
    const noBinding = new TestBrowser(t.baseUrl);
    expect((await nothingWritten(() => noBinding.follow(callbackUrl))).landed).toBe('/login?error=sign-in-expired');
    expect((await browser.follow(callbackUrl)).landed).toBe('/');
  });

  it('a replayed callback, and a replayed code in a new sign-in', async () => {
    const { callbackUrl, browser } = await upToCallback(provider, 'lea');
    const binding = browser.cookie(t.baseUrl, 'parley_oidc')!;
    expect((await browser.follow(callbackUrl)).landed).toBe('/');
    // Even with the binding cookie put back, the attempt was used once.
    browser.setCookie(t.baseUrl, 'parley_oidc', binding);
    expect((await nothingWritten(() => browser.follow(callbackUrl))).landed).toBe('/login?error=sign-in-expired');

    // A new sign-in in the same browser, answered with the old (used) code: the provider refuses the exchange.
    const fresh = await upToCallback(provider, 'lea', browser);
    const replayed = new URL(fresh.callbackUrl);
    replayed.searchParams.set('code', new URL(callbackUrl).searchParams.get('code')!);
    expect((await nothingWritten(() => browser.follow(replayed.href))).landed).toBe('/login?error=provider-answer-invalid');
  });

  it('the provider refusing (access denied) ends at the sign-in page', async () => {
    const { callbackUrl, browser } = await upToCallback(provider, 'lea');
    const denied = new URL(callbackUrl);
    denied.searchParams.delete('code');
    denied.searchParams.set('error', 'access_denied');
    expect((await nothingWritten(() => browser.follow(denied.href))).landed).toBe('/login?error=provider-refused');
  });

  it.each(['expired', 'wrong-key'] as const)('an ID token %s', async (mode) => {
    const rogue = await startRogueProvider(mode, { sub: 'mallory', email: `mallory-${mode}@ministry.example`, emailVerified: true, name: 'Mallory' });
    try {
      const registered = await registerProvider({ issuer: rogue.issuer, clientId: rogue.clientId, clientSecret: rogue.clientSecret });
      const browser = new TestBrowser(t.baseUrl);
      const { lastUrl } = await browser.follow(`/api/auth/oidc/${registered.id}/start`, isCallback);
      expect((await nothingWritten(() => browser.follow(lastUrl))).landed).toBe('/login?error=provider-answer-invalid');
      expect(browser.cookie(t.baseUrl, 'parley_session')).toBeUndefined();
    } finally {
      await rogue.close();
    }
  });
});
