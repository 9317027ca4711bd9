import type { IdentityProviderResponse, RecoveryCodesResponse, SessionResponse, TwoFactorSetupResponse } from '@parley/contracts';
import { newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startOidcProvider, TestBrowser, type TestOidcProvider } from '../support/oidc-provider';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshStep, totp } from '../support/two-factor';

/**
 * The way in through an identity provider asks for the second factor too (decisions 0049, 0050): the
 * callback issues no session to a person with TOTP on, only the second step's challenge.
 */
jest.setTimeout(60_000);

let t: TestApp;
let steward: SignedIn;
let idp: TestOidcProvider;
let provider: IdentityProviderResponse;

beforeAll(async () => {
  // The redirect address comes from PUBLIC_URL: the app's own, so the provider sends the browser back to it.
  t = await startTestApp({ ownPublicUrl: true });
  steward = await newPerson(t.baseUrl, { name: 'Stella Steward' });
  const organisation = await newOrganisation(steward.client, { name: 'Ministry of Digital Affairs', stakeholderGroup: 'government', subtype: 'national' });
  idp = await startOidcProvider([`${t.baseUrl}/api/auth/oidc/callback`]);
  const res = await steward.client.post<IdentityProviderResponse>('/api/identity-providers', {
    name: 'Ministry SSO',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: ['ministry.example'],
    organisationId: organisation.id,
  });
  if (res.status !== 201) throw new Error(`register provider: ${res.status} ${JSON.stringify(res.body)}`);
  provider = res.body;
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

beforeEach(() => freshStep());

async function signInThroughProvider(sub: string) {
  const browser = new TestBrowser(t.baseUrl);
  idp.loginAs(sub);
  const { landed } = await browser.follow(`/api/auth/oidc/${provider.id}/start?returnTo=${encodeURIComponent('/groups')}`);
  return { browser, landed };
}

it('a person with TOTP on who signs in through their provider is asked for the code, gets no session until then, and a session after', async () => {
  idp.directory.set('ana', { sub: 'ana', email: 'ana.lopez@ministry.example', emailVerified: true, name: 'Ana López' });
  // The first sign-in through the provider creates the account; with it, Ana turns two-factor authentication on.
  const first = await signInThroughProvider('ana');
  const token = first.browser.cookie(t.baseUrl, 'parley_session');
  expect(token).toBeDefined();
  const ana = new ApiClient(t.baseUrl).withToken(token!);
  const start = await ana.post<TwoFactorSetupResponse>('/api/me/two-factor/start');
  expect((await ana.post<RecoveryCodesResponse>('/api/me/two-factor/confirm', { code: await totp(start.body.secret, -1) })).status).toBe(200);

  const { browser, landed } = await signInThroughProvider('ana');
  expect(landed).toBe('/login/second-factor');
  expect(browser.cookie(t.baseUrl, 'parley_2fa')).toEqual(expect.any(String));
  expect(browser.cookie(t.baseUrl, 'parley_session')).toBeUndefined();
  expect((await browser.fetch(`${t.baseUrl}/api/me`)).status).toBe(401);

  const answer = await browser.fetch(`${t.baseUrl}/api/auth/second-factor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code: await totp(start.body.secret) }),
  });
  expect(answer.status).toBe(200);
  const session = (await answer.json()) as SessionResponse;
  expect(session.me).toMatchObject({ email: 'ana.lopez@ministry.example' });
  expect(browser.cookie(t.baseUrl, 'parley_session')).toEqual(expect.any(String));
  expect(browser.cookie(t.baseUrl, 'parley_2fa')).toBeUndefined();
  expect((await new ApiClient(t.baseUrl).withToken(session.token).get('/api/me')).status).toBe(200);
  // The session records how the person came in.
  const [row] = await t.dataSource.query(`SELECT signed_in_via, identity_provider_id FROM sessions WHERE person_id = $1 ORDER BY created_at DESC LIMIT 1`, [session.me.id]);
  expect(row).toEqual({ signed_in_via: 'identity-provider', identity_provider_id: provider.id });
});
