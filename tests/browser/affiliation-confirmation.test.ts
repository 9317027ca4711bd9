import type { AffiliationResponse, OrganisationResponse } from '@parley/contracts';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery';

/**
 * The whole path of a declared affiliation, in chromium: a person declares Arcadia on their profile
 * and is told it awaits confirmation (their badge says "Unconfirmed", beside the organisation's own
 * "Verified"); Arcadia's focal point (appointed by the steward) finds it in their queue and confirms
 * it; the person's badge then says "Confirmed", and the organisation page lists them. In English and
 * French, axe clean on each page.
 */
describe('affiliation confirmation in the browser: declare, await, confirmed by the focal point', () => {
  let t: TestApp;
  let browsers: Browsers;
  let steward: SignedIn;
  let focal: SignedIn;
  let person: SignedIn;
  let arcadia: OrganisationResponse;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    steward = await newPerson(t.baseUrl, { name: 'Sam Steward' });
    arcadia = await newOrganisation(steward.client, { name: 'Republic of Arcadia', stakeholderGroup: 'government', subtype: 'national', country: 'FR' });
    expect((await steward.client.post(`/api/organisations/${arcadia.id}/verify`, {})).status).toBe(200);
    focal = await newPerson(t.baseUrl, { name: 'Fiona Focal' });
    const declared = await focal.client.post<AffiliationResponse>('/api/me/affiliations', { organisationId: arcadia.id, title: 'Head of protocol', startDate: '2022-01-01' });
    expect((await steward.client.post(`/api/organisations/${arcadia.id}/focal-points`, { personId: focal.id, reason: 'Named by the ministry in writing' })).status).toBe(201);
    expect(declared.status).toBe(201);
    person = await newPerson(t.baseUrl, { name: 'Paul Pending' });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the person declares Arcadia and sees it awaiting confirmation: "Unconfirmed", not just Arcadia’s "Verified"', async () => {
    const page = await browsers.openLoggedIn(person.email, PASSWORD, { reportPageErrorsAs: person.name });
    await page.goto(`${t.baseUrl}/me`);
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    const form = page.getByRole('region', { name: 'Add an affiliation' });
    // Type the name as a person would; the list shows once the directory has answered. On a busy
    // machine the field can lose its search before that (the page settling around it): type again.
    await page.waitForLoadState('networkidle');
    const field = form.getByLabel('Organisation');
    const arcadia = page.getByRole('option', { name: /Republic of Arcadia/ });
    for (let i = 0; i < 3; i++) {
      await field.click();
      await field.fill('');
      await field.pressSequentially('Arcadia');
      if (await arcadia.waitFor({ timeout: 8_000 }).then(() => true, () => false)) break;
    }
    await arcadia.click();
    await form.getByRole('textbox', { name: 'Title' }).fill('Cyber envoy');
    await form.getByLabel('Start date').fill('2024-01-01');
    await form.getByRole('button', { name: 'Add the affiliation' }).click();
    await page.getByTestId('awaiting-confirmation').waitFor();
    expect(await page.getByTestId('awaiting-confirmation').textContent()).toContain('until a focal point of Republic of Arcadia confirms your affiliation');
    await page.getByText('Awaiting confirmation by Republic of Arcadia').waitFor();
    const badge = page.getByTestId('affiliation-badge').first();
    expect(await badge.locator('[data-verified="true"]').count()).toBe(1);
    expect(await badge.locator('[data-confirmed="false"]').textContent()).toBe('Unconfirmed');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'affiliation-awaiting-confirmation.png');
  });

  it('the focal point confirms it in their queue (in French), and the organisation page lists the person', async () => {
    const page = await browsers.openLoggedIn(focal.email, PASSWORD, { language: 'fr', reportPageErrorsAs: focal.name });
    await page.goto(`${t.baseUrl}/me`);
    await page.getByRole('link', { name: 'Affiliations en attente de votre confirmation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Affiliations en attente de confirmation' }).waitFor();
    const item = page.locator('[data-affiliation-request]').filter({ hasText: 'Paul Pending' });
    await item.getByText('Cyber envoy, Republic of Arcadia').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Keyboard: the confirm button is reached and pressed without a mouse.
    await item.getByRole('button', { name: 'Confirmer l’affiliation de Paul Pending à Republic of Arcadia' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Personne n’attend votre confirmation.').waitFor();

    await page.goto(`${t.baseUrl}/organisations/${arcadia.id}`);
    await page.getByRole('heading', { level: 2, name: 'Points focaux' }).waitFor();
    await page.getByRole('region', { name: 'Points focaux' }).getByRole('link', { name: 'Fiona Focal' }).waitFor();
    await page.getByRole('region', { name: 'Délégués confirmés' }).getByRole('link', { name: 'Paul Pending' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the person’s badge now shows "Confirmed", with who confirmed it', async () => {
    const page = await browsers.openLoggedIn(person.email, PASSWORD, { reportPageErrorsAs: person.name });
    await page.goto(`${t.baseUrl}/me`);
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    const mark = page.getByTestId('affiliation-badge').first().locator('[data-confirmed="true"]');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('Confirmed');
    expect(await mark.getAttribute('title')).toMatch(/^Affiliation confirmed by Fiona Focal \(focal point\)/);
    await page.getByText(/^Confirmed by Fiona Focal \(focal point\)/).waitFor();
    expect(await page.getByTestId('awaiting-confirmation').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the steward sees the organisation page with its focal point, and no form to appoint another (focal points do)', async () => {
    const page = await browsers.openLoggedIn(steward.email, PASSWORD, { reportPageErrorsAs: steward.name });
    await page.goto(`${t.baseUrl}/organisations/${arcadia.id}`);
    await page.getByRole('heading', { level: 2, name: 'Focal points' }).waitFor();
    await page.getByText(/appointed by Sam Steward \(steward\)/).waitFor();
    expect(await page.getByRole('heading', { name: 'Appoint a focal point' }).count()).toBe(0);
    // A new organisation: the steward appoints its first focal point, with a reason.
    const other = await newOrganisation(steward.client, { name: 'Lumeria Ministry', stakeholderGroup: 'government', subtype: 'national' });
    const candidate = await newPerson(t.baseUrl, { name: 'Carla Candidate' });
    await candidate.client.post('/api/me/affiliations', { organisationId: other.id, title: 'Attaché', startDate: '2023-01-01' });
    await page.goto(`${t.baseUrl}/organisations/${other.id}`);
    await page.getByRole('heading', { name: 'Appoint a focal point' }).waitFor();
    await page.getByRole('textbox', { name: 'Reason' }).fill('Named by the ministry in writing');
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page.getByRole('link', { name: 'Carla Candidate' }).first().waitFor();
    await page.getByText(/appointed by Sam Steward \(steward\)/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
