import type { DataSource } from 'typeorm';
import type { IdentityProviderResponse, OrganisationResponse } from '@parley/contracts';
import { withoutOidcSecrets } from '../../apps/api/src/identity/institutional/oidc-log';
import { VouchLapseCheck } from '../../apps/api/src/identity/institutional/vouch-lapse-check';
import { auditEvents, eventsAbout, expectNothingWritten, expectProblem, rowCounts } from '../support/expectations';
import { newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { ApiClient, type ApiResponse } from '../support/http-client';
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

const PASSWORD = 'correct horse battery';
/** Signs `person` in with their password in a fresh browser (cookies, CSRF token), as the security page is used. */
async function browserSignedIn(person: { email: string }, browser = new TestBrowser(t.baseUrl)) {
  const login = await browser.fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  return { browser, csrf: (await login.json()).csrfToken as string };
}
/** Starts linking `provider` from a signed-in browser, with the password typed again (or not). */
const startLink = (b: { browser: TestBrowser; csrf: string }, provider: { id: string }, body: Record<string, unknown> = { password: PASSWORD }) =>
  b.browser.fetch(`${t.baseUrl}/api/auth/oidc/${provider.id}/link`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': b.csrf }, body: JSON.stringify(body) });

const asApi = async (res: Promise<Response>): Promise<ApiResponse> => {
  const r = await res;
  return { status: r.status, body: await r.json(), headers: r.headers };
};
const problemCode = (p: { code?: string; errors?: { code?: string }[] }) => p.errors?.[0]?.code ?? p.code;

const me = (token: string) => new ApiClient(t.baseUrl).withToken(token).get('/api/me');
const profile = (id: string) => new ApiClient(t.baseUrl).get(`/api/people/${id}`);

beforeAll(async () => {
  t = await startTestApp({ ownPublicUrl: true });
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

  it('H2: leaves a pending declared affiliation pending for a focal point: the provider confirms only an affiliation it adds itself', async () => {
    const dan = await newPerson(t.baseUrl, { email: 'dan@ministry.example' });
    const declared = await dan.client.post('/api/me/affiliations', { organisationId: organisation.id, title: 'Minister', startDate: '2024-01-01' });
    account('dan', 'dan@ministry.example', 'Dan');
    const signedIn = await browserSignedIn(dan);
    const started = await startLink(signedIn, provider);
    expect(started.status).toBe(200);
    idp.loginAs('dan');
    expect((await signedIn.browser.follow((await started.json()).redirectUrl)).landed).toBe('/me/security');
    expect((await dan.client.get('/api/me/linked-accounts')).body.links).toHaveLength(1);
    const shown = (await profile(dan.id)).body;
    expect(shown.affiliations).toHaveLength(1);
    expect(shown.affiliations[0]).toMatchObject({ id: declared.body.id, title: 'Minister', confirmation: { status: 'pending' } });
    expect(shown.currentSnapshot.confirmation).toBeNull();
    const events = await eventsAbout(t.baseUrl, declared.body.id);
    expect(events.map((e) => e.action)).not.toContain('affiliation.confirmed');
  });

  it('refuses an unlinked identity whose address already has an account, writing nothing (M1: the same answer as an address it may not open); its owner links it from their account', async () => {
    const carol = await newPerson(t.baseUrl, { name: 'Carol', email: 'carol@ministry.example' });
    account('carol', 'carol@ministry.example', 'Carol at the ministry');
    const { callbackUrl, browser } = await upToCallback(provider, 'carol');
    const landed = await nothingWritten(() => browser.follow(callbackUrl));
    expect(landed.landed).toBe('/login?error=no-account-for-identity');
    expect(browser.cookie(t.baseUrl, 'parley_session')).toBeUndefined();

    // Carol, signed in with her password, links the provider (a write: with her session's CSRF token in a browser, and her password again).
    const signedIn = await browserSignedIn(carol);
    const linking = signedIn.browser;
    const noCsrf = await linking.fetch(`${t.baseUrl}/api/auth/oidc/${provider.id}/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
    expect(noCsrf.status).toBe(403);
    const started = await startLink(signedIn, provider, { returnTo: '/me/security', password: PASSWORD });
    expect(started.status).toBe(200);
    idp.loginAs('carol');
    expect((await linking.follow((await started.json()).redirectUrl)).landed).toBe('/me/security');
    const linked = await carol.client.get('/api/me/linked-accounts');
    expect(linked.body).toMatchObject({ hasPassword: true, links: [{ providerId: provider.id, providerName: provider.name }] });

    // Now the provider signs her in, as herself.
    const viaProvider = await signInAs(provider, 'carol');
    expect((await me(viaProvider.session!)).body.id).toBe(carol.id);
    // Her sessions list says which institution signed her in, by its name.
    const sessions = (await carol.client.get('/api/me/sessions')).body as { signedInVia: { method: string; providerName: string | null } }[];
    const via = sessions.map((x) => x.signedInVia);
    expect(via.filter((v) => v.method === 'identity-provider')).toEqual([{ method: 'identity-provider', providerId: provider.id, providerName: provider.name }]);
    expect(via.filter((v) => v.method === 'password')).toContainEqual({ method: 'password', providerId: null, providerName: null });
    // Linking twice is refused.
    expectProblem(await asApi(startLink(await browserSignedIn(carol), provider)), 409);

    // Unlinking: refused for whoever it would lock out, allowed for Carol who has a password.
    const ana = await signInAs(provider, 'ana');
    const anaClient = new ApiClient(t.baseUrl).withToken(ana.session!);
    await nothingWritten(async () => expectProblem(await anaClient.request('DELETE', `/api/me/linked-accounts/${provider.id}`), 409));
    expect((await carol.client.request('DELETE', `/api/me/linked-accounts/${provider.id}`)).status).toBe(204);
    // M4: the sessions she opened through the provider end with the link; her password session goes on.
    expect((await me(viaProvider.session!)).status).toBe(401);
    expect((await carol.client.get('/api/me')).status).toBe(200);
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

describe('security review of #24', () => {
  it('H1: an issuer or client ID does not change while people are linked through the provider, and a link answers only to the issuer that stated its subject', async () => {
    const other = await startOidcProvider([`${t.baseUrl}/api/auth/oidc/callback`]);
    try {
      const provider = await registerProvider();
      account('h1-sam', 'sam@ministry.example', 'Sam');
      const sam = (await me((await signInAs(provider, 'h1-sam')).session!)).body.id;
      // The other issuer knows someone else under the same subject.
      other.directory.set('h1-sam', { sub: 'h1-sam', email: 'mallory@ministry.example', emailVerified: true, name: 'Mallory' });
      await nothingWritten(async () => {
        const refused = expectProblem(await steward.client.patch(`/api/identity-providers/${provider.id}`, { issuer: other.issuer, clientId: other.clientId, clientSecret: other.clientSecret }), 409);
        expect(problemCode(refused as never)).toBe('identity-provider-has-links');
        expectProblem(await steward.client.patch(`/api/identity-providers/${provider.id}`, { clientId: other.clientId, clientSecret: other.clientSecret }), 409);
      });
      expect((await steward.client.get('/api/identity-providers')).body.find((p: IdentityProviderResponse) => p.id === provider.id).issuer).toBe(idp.issuer);
      // Even a provider re-pointed while a link was missed (links set aside, re-pointed, put back as they were)
      // finds no person for another issuer's subject.
      const [links] = await t.dataSource.query(`DELETE FROM identity_provider_links WHERE provider_id = $1 RETURNING provider_id, issuer, subject, person_id, email, linked_at`, [provider.id]);
      expect((await steward.client.patch(`/api/identity-providers/${provider.id}`, { issuer: other.issuer, clientId: other.clientId, clientSecret: other.clientSecret })).status).toBe(200);
      for (const l of links as Record<string, unknown>[]) await t.dataSource.query(`INSERT INTO identity_provider_links (provider_id, issuer, subject, person_id, email, linked_at) VALUES ($1, $2, $3, $4, $5, $6)`, [l.provider_id, l.issuer, l.subject, l.person_id, l.email, l.linked_at]);
      other.loginAs('h1-sam');
      const browser = new TestBrowser(t.baseUrl);
      const { lastUrl } = await browser.follow(`/api/auth/oidc/${provider.id}/start`, isCallback);
      const { landed } = await nothingWritten(() => browser.follow(lastUrl));
      expect(landed).toBe('/login?error=provider-answer-invalid');
      expect(browser.cookie(t.baseUrl, 'parley_session')).toBeUndefined();
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM sessions WHERE person_id = $1 AND revoked_at IS NULL`, [sam]))[0].n).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('M2: a new issuer or client ID needs its client secret in the same request (400 naming clientSecret), writing nothing', async () => {
    const other = await startOidcProvider([`${t.baseUrl}/api/auth/oidc/callback`]);
    try {
      const provider = await registerProvider();
      await nothingWritten(async () => {
        const p = expectProblem(await steward.client.patch(`/api/identity-providers/${provider.id}`, { issuer: other.issuer }), 400, { fields: ['clientSecret'] });
        expect(p.errors?.[0].code).toBe('client-secret-required');
        expectProblem(await steward.client.patch(`/api/identity-providers/${provider.id}`, { clientId: 'another-client' }), 400, { fields: ['clientSecret'] });
      });
      // With its secret, and nobody linked yet, the provider is re-pointed.
      const moved = await steward.client.patch(`/api/identity-providers/${provider.id}`, { issuer: other.issuer, clientId: other.clientId, clientSecret: other.clientSecret });
      expect(moved.status).toBe(200);
      expect(moved.body.issuer).toBe(other.issuer);
    } finally {
      await other.close();
    }
  });

  it('H3: linking needs the password again and the browser\'s own session; bearer tokens are refused; nothing is written', async () => {
    const provider = await registerProvider();
    const nia = await newPerson(t.baseUrl, { email: 'nia@ministry.example' });
    const signedIn = await browserSignedIn(nia);
    await nothingWritten(async () => {
      expectProblem(await asApi(startLink(signedIn, provider, {})), 400, { fields: ['password'] });
      const wrong = expectProblem(await asApi(startLink(signedIn, provider, { password: 'not her password' })), 400, { fields: ['password'] });
      expect(wrong.errors?.[0].code).toBe('password-incorrect');
      expectProblem(await nia.client.post(`/api/auth/oidc/${provider.id}/link`, { password: PASSWORD }), 403);
    });
  });

  it('H3: a link started before signing out is not finished by the browser afterwards, nor for whoever signs in next on it; signing out clears the binding cookie', async () => {
    const provider = await registerProvider();
    const ola = await newPerson(t.baseUrl, { email: 'ola@ministry.example' });
    const next = await newPerson(t.baseUrl, { email: 'next-user@example.org' });
    account('ola-idp', 'next-user@ministry.example', 'The next user');
    const signedIn = await browserSignedIn(ola);
    const started = await startLink(signedIn, provider);
    expect(started.status).toBe(200);
    idp.loginAs('ola-idp');
    const { lastUrl } = await signedIn.browser.follow((await started.json()).redirectUrl, isCallback);
    const binding = signedIn.browser.cookie(t.baseUrl, 'parley_oidc')!;
    const out = await signedIn.browser.fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': signedIn.csrf } });
    expect(out.status).toBe(204);
    expect(signedIn.browser.cookie(t.baseUrl, 'parley_oidc')).toBeUndefined();
    // Signed out: even with the binding put back, the link is not made.
    signedIn.browser.setCookie(t.baseUrl, 'parley_oidc', binding);
    expect((await nothingWritten(() => signedIn.browser.follow(lastUrl))).landed).toBe('/login?error=link-session-ended');

    // The next person on that computer signs in; the link Ola started is not finished for them either.
    const again = await browserSignedIn(ola, new TestBrowser(t.baseUrl));
    const second = await startLink(again, provider);
    const { lastUrl: secondCallback } = await again.browser.follow((await second.json()).redirectUrl, isCallback);
    const secondBinding = again.browser.cookie(t.baseUrl, 'parley_oidc')!;
    await again.browser.fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': again.csrf } });
    await browserSignedIn(next, again.browser);
    again.browser.setCookie(t.baseUrl, 'parley_oidc', secondBinding);
    expect((await nothingWritten(() => again.browser.follow(secondCallback))).landed).toBe('/login?error=link-session-ended');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM identity_provider_links WHERE person_id IN ($1, $2)`, [ola.id, next.id]))[0].n).toBe(0);
  });

  it('M1: a provider opens accounts only for addresses in its vouched domains (none when it has none), writing nothing', async () => {
    const provider = await registerProvider({ domains: ['ministry.example'] });
    account('m1-out', 'outsider@elsewhere.example', 'Outsider');
    const { callbackUrl, browser } = await upToCallback(provider, 'm1-out');
    expect((await nothingWritten(() => browser.follow(callbackUrl))).landed).toBe('/login?error=no-account-for-identity');
    const bare = await registerProvider({ domains: [], organisationId: null });
    account('m1-in', 'insider@ministry.example', 'Insider');
    const viaBare = await upToCallback(bare, 'm1-in');
    expect((await nothingWritten(() => viaBare.browser.follow(viaBare.callbackUrl))).landed).toBe('/login?error=no-account-for-identity');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE email IN ('outsider@elsewhere.example', 'insider@ministry.example')`))[0].n).toBe(0);
  });

  it('L2: a name the registration would refuse (a bidirectional control character) opens no account, writing nothing', async () => {
    const provider = await registerProvider();
    account('l2-bidi', 'bidi@ministry.example', 'Eve\u202Egnp.exe');
    const { callbackUrl, browser } = await upToCallback(provider, 'l2-bidi');
    expect((await nothingWritten(() => browser.follow(callbackUrl))).landed).toBe('/login?error=identity-invalid');
  });

  it('M4: when a steward disables a provider, the sessions opened through it end; password sessions go on', async () => {
    const provider = await registerProvider();
    account('m4-pat', 'pat@ministry.example', 'Pat');
    const { session } = await signInAs(provider, 'm4-pat');
    expect((await me(session!)).status).toBe(200);
    expect((await steward.client.patch(`/api/identity-providers/${provider.id}`, { enabled: false })).status).toBe(200);
    expect((await me(session!)).status).toBe(401);
    expect((await steward.client.get('/api/me')).status).toBe(200);
    const ended = (await t.dataSource.query(`SELECT revoked_reason AS reason, revoked_by AS by FROM sessions WHERE identity_provider_id = $1`, [provider.id]))[0];
    expect(ended).toEqual({ reason: 'provider-ended', by: steward.id });
  });

  it('M4: when the lapse check ends a vouch, the sessions the person opened through the provider end', async () => {
    const provider = await registerProvider({ lapseDays: 7 });
    account('m4-quinn', 'quinn@ministry.example', 'Quinn');
    const { session } = await signInAs(provider, 'm4-quinn');
    const quinn = (await me(session!)).body.id;
    await t.dataSource.query(`UPDATE identity_provider_links SET last_sign_in_at = now() - interval '8 days' WHERE provider_id = $1 AND person_id = $2`, [provider.id, quinn]);
    await t.app.get(VouchLapseCheck).tick();
    expect((await me(session!)).status).toBe(401);
  });

  it('L6: a link to a disabled provider is no way in: unlinking the last enabled one is refused, writing nothing', async () => {
    const enabled = await registerProvider();
    const disabled = await registerProvider();
    account('l6-rue', 'rue@ministry.example', 'Rue');
    const { session } = await signInAs(enabled, 'l6-rue');
    const rue = (await me(session!)).body.id;
    await t.dataSource.query(`INSERT INTO identity_provider_links (provider_id, issuer, subject, person_id, email, linked_at) VALUES ($1, $2, 'l6-rue', $3, 'rue@ministry.example', now())`, [disabled.id, idp.issuer, rue]);
    expect((await steward.client.patch(`/api/identity-providers/${disabled.id}`, { enabled: false })).status).toBe(200);
    const client = new ApiClient(t.baseUrl).withToken(session!);
    await nothingWritten(async () => expectProblem(await client.request('DELETE', `/api/me/linked-accounts/${enabled.id}`), 409));
  });

  it('M3: with the default configuration, issuers on this machine or a private network are refused (400 naming issuer), writing nothing', async () => {
    const strict = await startTestApp({ env: { PARLEY_OIDC_ALLOW_LOOPBACK_ISSUERS: 'false' } });
    try {
      // The first person registered is the steward.
      const root = await newPerson(strict.baseUrl, { name: 'Strict Steward' });
      const body = { name: 'Local', clientId: 'x', clientSecret: 'y', domains: [] };
      for (const issuer of [idp.issuer, 'http://127.0.0.1:1/', 'https://10.0.0.1/', 'https://169.254.169.254/', 'https://[::1]/', 'https://localhost/']) {
        const p = expectProblem(await root.client.post('/api/identity-providers', { ...body, issuer }), 400, { fields: ['issuer'] });
        expect(p.errors?.[0].code).toBe('issuer-not-allowed');
      }
      expect((await strict.dataSource.query(`SELECT count(*)::int AS n FROM identity_providers`))[0].n).toBe(0);
    } finally {
      await strict.close();
    }
  }, 60_000);
});

it('L4: a logged callback URL carries neither its code nor its state', () => {
  expect(withoutOidcSecrets('/api/auth/oidc/callback?code=abc&state=def&iss=x')).toBe('/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=x');
  expect(withoutOidcSecrets('/api/groups?code=1')).toBe('/api/groups?code=1');
});
