import type { IdentityProviderResponse, OrganisationResponse } from '@parley/contracts';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Institutional sign-in in chromium: on /login a person clicks "Sign in with Ministry SSO", signs in
 * at the institution's provider (an oidc-provider inside the test), comes back signed in on their
 * profile, and sees their affiliation to the ministry confirmed by the provider. Axe clean.
 */
describe('institutional sign-in in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let steward: SignedIn;
  let ministry: OrganisationResponse;
  let idp: TestOidcProvider;
  let provider: IdentityProviderResponse;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, ownPublicUrl: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    steward = await newPerson(t.baseUrl, { name: 'Sam Steward' });
    ministry = await newOrganisation(steward.client, { name: 'Ministry of Digital Affairs', stakeholderGroup: 'government', subtype: 'national', country: 'FR' });
    idp = await startOidcProvider([`${t.baseUrl}/api/auth/oidc/callback`]);
    idp.directory.set('ines', { sub: 'ines', email: 'ines.moreau@ministry.example', emailVerified: true, name: 'Inès Moreau' });
    const res = await steward.client.post<IdentityProviderResponse>('/api/identity-providers', {
      name: 'Ministry SSO',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: ['ministry.example'],
      organisationId: ministry.id,
    });
    expect(res.status).toBe(201);
    provider = res.body;
  });

  afterAll(async () => {
    await browsers?.close();
    await idp?.close();
    await t?.close();
  });

  it('a person signs in with their institution and sees their affiliation confirmed by it', async () => {
    const page = await browsers.open({ reportPageErrorsAs: 'Inès' });
    await page.goto(`${t.baseUrl}/login`);
    const button = page.getByRole('link', { name: 'Sign in with Ministry SSO' });
    await button.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    idp.loginAs('ines');
    await button.click();
    await page.waitForURL(`${t.baseUrl}/me`);
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.getByText('Inès Moreau').first().waitFor();
    const confirmed = page.locator('[data-confirmation-status="confirmed"]').first();
    await confirmed.waitFor();
    expect(await confirmed.textContent()).toContain(`Confirmed by ${provider.name} (identity provider)`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'institutional-sign-in-profile.png');
    // No token of the provider in the page's storage; the session cookie is httpOnly.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toMatch(/eyJ|parley_session/);

    // Her security page lists the provider; without a password it is her only way in, so it cannot be unlinked.
    await page.goto(`${t.baseUrl}/me/security`);
    const linked = page.getByRole('region', { name: 'Institutional accounts' });
    await linked.getByText('Ministry SSO').waitFor();
    expect(await linked.getByRole('button', { name: 'Unlink Ministry SSO' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the steward finds the provider on their identity providers page, from their menu", async () => {
    const page = await browsers.openLoggedIn(steward.email, 'correct horse battery', { reportPageErrorsAs: steward.name });
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('button', { name: /Account of Sam Steward/ }).click();
    await page.getByRole('menuitem', { name: 'Identity providers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Identity providers' }).waitFor();
    await page.getByText('Ministry of Digital Affairs · ministry.example').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a failed institutional sign-in comes back to /login saying why', async () => {
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/login?error=no-account-for-identity`);
    await page.getByRole('alert').filter({ hasText: 'If you already have an account, sign in with your password' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
