import type { MeResponse, OrganisationResponse, PersonProfileResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, type Language, screenshot, webBuildSnapshot } from '../support/browser';
import { confirmAffiliation, newDelegate, newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery';

const TEXT = {
  en: {
    profile: 'My profile',
    addRegion: 'Add an affiliation',
    organisation: 'Organisation',
    title: 'Title',
    startDate: 'Start date',
    addAffiliation: 'Add the affiliation',
    noneFound: 'No organisation found',
    addOrganisation: 'Add an organisation to the directory',
    name: 'Name',
    group: 'Stakeholder group',
    government: 'Government',
    subtype: 'Sub-type',
    national: 'National government',
    create: 'Add to the directory',
    signUp: 'Create my account',
    fullName: /^Full name/,
    email: /^E-mail address/,
    password: /^Password/,
    welcome: (name: string) => `Welcome, ${name}: three steps to take part`,
    stepsTitle: 'Taking part, in three steps',
    states: { done: 'Done', next: 'Next', waiting: 'Waiting', later: 'Later' },
    fillForm: 'Fill in the form “Add an affiliation” below',
    whoAnswers: (o: string) => `Who answers for ${o}`,
    chooseGroup: 'Choose a working group',
    needsYou: 'What needs you',
    requests: 'Requests to join for you to decide',
  },
  fr: {
    profile: 'Mon profil',
    addRegion: 'Ajouter une affiliation',
    organisation: 'Organisation',
    title: 'Fonction',
    startDate: 'Date de début',
    addAffiliation: 'Ajouter l’affiliation',
    noneFound: 'Aucune organisation trouvée',
    addOrganisation: 'Ajouter une organisation à l’annuaire',
    name: 'Nom',
    group: 'Groupe de parties prenantes',
    government: 'Gouvernement',
    subtype: 'Sous-type',
    national: 'Gouvernement national',
    create: 'Ajouter à l’annuaire',
    signUp: 'Créer mon compte',
    fullName: /^Nom complet/,
    email: /^Adresse e-mail/,
    password: /^Mot de passe/,
    welcome: (name: string) => `Bienvenue, ${name} : trois étapes pour participer`,
    stepsTitle: 'Participer, en trois étapes',
    states: { done: 'Fait', next: 'À faire', waiting: 'En attente', later: 'Plus tard' },
    fillForm: 'Remplissez le formulaire « Ajouter une affiliation » ci-dessous',
    whoAnswers: (o: string) => `Qui répond de ${o}`,
    chooseGroup: 'Choisir un groupe de travail',
    needsYou: 'Ce qui vous attend',
    requests: 'Demandes d’adhésion à trancher',
  },
} as const;

/** The state each step of "taking part" shows (data-state), by step. */
async function stepStates(page: Page): Promise<Record<string, string | null>> {
  const steps = page.getByTestId('me-steps').locator('li[data-step]');
  const out: Record<string, string | null> = {};
  for (const li of await steps.all()) out[(await li.getAttribute('data-step'))!] = await li.getByTestId('step-state').textContent();
  return out;
}

/** Whether two boxes overlap. */
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Joining (issue 17): a delegate whose organisation the directory lacks adds it in a dialog over
 * the affiliation form and comes back to the form with it chosen and what they typed kept; a
 * newcomer is welcomed in the page (no toast over the form) and led through the three steps
 * (affiliation, its confirmation by the focal point, a group), and once all are done sees what
 * needs them instead. English and French.
 */
describe('joining: an organisation added in place, the steps of taking part, then what needs you', () => {
  let t: TestApp;
  let browsers: Browsers;
  let arcadia: OrganisationResponse;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    // The first person registered is the steward: the newcomers below are not.
    const steward = await newPerson(t.baseUrl, { name: 'Sam Steward' });
    arcadia = await newOrganisation(steward.client, { name: 'Republic of Arcadia', stakeholderGroup: 'government', subtype: 'national', country: 'FR' });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it.each(['en', 'fr'] as const)('adds a missing organisation in a dialog and returns to the half-filled affiliation with it selected (%s)', async (language: Language) => {
    const x = TEXT[language];
    const missing = language === 'en' ? 'Germany' : 'Allemagne';
    const person = await newPerson(t.baseUrl, { name: `Greta ${language}` });
    const page = await browsers.openLoggedIn(person.email, PASSWORD, { language, reportPageErrorsAs: person.name });
    await page.goto(`${t.baseUrl}/me`);
    await page.getByRole('heading', { level: 1, name: x.profile }).waitFor();
    const form = page.getByRole('region', { name: x.addRegion });
    await form.getByRole('textbox', { name: x.title }).fill('Cyber ambassador');
    await form.getByLabel(x.startDate).fill('2024-03-01');
    await form.getByLabel(x.organisation).fill(missing);
    await page.getByText(x.noneFound).waitFor();

    await form.getByRole('button', { name: x.addOrganisation }).click();
    const dialog = page.getByRole('dialog', { name: x.addOrganisation });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: x.name }).inputValue()).toBe(missing); // what they searched for
    await dialog.getByRole('textbox', { name: x.group }).click();
    await page.getByRole('option', { name: x.government, exact: true }).click();
    await dialog.getByRole('textbox', { name: x.subtype }).click();
    await page.getByRole('option', { name: x.national, exact: true }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `joining-add-organisation-dialog-${language}.png`, { fullPage: false });
    await dialog.getByRole('button', { name: x.create }).click();
    await dialog.waitFor({ state: 'detached' });

    // Still on the profile, the new organisation chosen, the title and date as typed.
    expect(new URL(page.url()).pathname).toBe('/me');
    expect(await form.getByLabel(x.organisation).inputValue()).toBe(missing);
    expect(await form.getByRole('textbox', { name: x.title }).inputValue()).toBe('Cyber ambassador');
    expect(await form.getByLabel(x.startDate).inputValue()).toBe('2024-03-01');
    await form.getByRole('button', { name: x.addAffiliation }).click();
    await page.getByTestId('awaiting-confirmation').waitFor();
    const profile = (await new ApiClient(t.baseUrl).get<PersonProfileResponse>(`/api/people/${person.id}`)).body;
    expect(profile.affiliations.map((a) => [a.organisation.name, a.title, a.startDate])).toEqual([[missing, 'Cyber ambassador', '2024-03-01']]);
  });

  it.each(['en', 'fr'] as const)('a newcomer is welcomed without a toast over the form and led through the steps until what needs them shows (%s)', async (language: Language) => {
    const x = TEXT[language];
    const name = `Nora Newcomer ${language}`;
    const email = `nora.newcomer.${language}@example.org`;
    const page = await browsers.open({ language, reportPageErrorsAs: name });
    await page.goto(`${t.baseUrl}/signup`);
    await page.getByRole('textbox', { name: x.fullName }).fill(name);
    await page.getByRole('textbox', { name: x.email }).fill(email);
    await page.getByLabel(x.password, { exact: false }).first().fill('correct horse battery in Geneva');
    await page.getByRole('button', { name: x.signUp }).click();
    await page.waitForURL((u) => u.pathname === '/me');
    const form = page.getByRole('region', { name: x.addRegion });
    await form.getByRole('textbox', { name: x.title }).waitFor();

    // Nothing floats over a field of the page as it opens: each notification shown leaves every field uncovered.
    const fields = await page.locator('main').locator('input:visible, textarea:visible, button:visible').all();
    for (const notice of await page.locator('.mantine-Notification-root:visible').all()) {
      const box = await notice.boundingBox();
      for (const field of fields) {
        const f = await field.boundingBox();
        const label = (await field.getAttribute('aria-label')) ?? (await field.getAttribute('name')) ?? (await field.textContent());
        if (box && f) expect({ label, covered: overlaps(box, f) }).toEqual({ label, covered: false });
      }
    }

    // Welcomed in the page instead, with the three steps; the first is theirs to take.
    const steps = page.getByRole('region', { name: x.welcome(name) });
    await steps.waitFor();
    await page.getByTestId('me-steps').locator('li[data-step]').nth(2).waitFor();
    expect(await stepStates(page)).toEqual({ affiliation: x.states.next, confirmation: x.states.later, group: x.states.later });
    expect(await steps.getByRole('link', { name: x.fillForm }).getAttribute('href')).toBe('#me-add-affiliation');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `joining-newcomer-first-screen-${language}-phone.png`, { fullPage: false });

    // Step 1: the affiliation. Step 2 then waits on Arcadia's focal point; step 3 is next.
    await form.getByLabel(x.organisation).fill('Arcadia');
    await page.getByRole('option', { name: /Republic of Arcadia/ }).click();
    await form.getByRole('textbox', { name: x.title }).fill('Delegate');
    await form.getByLabel(x.startDate).fill('2024-01-01');
    await form.getByRole('button', { name: x.addAffiliation }).click();
    await page.getByTestId('awaiting-confirmation').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-step="affiliation"]')?.getAttribute('data-state') === 'done');
    expect(await stepStates(page)).toEqual({ affiliation: x.states.done, confirmation: x.states.waiting, group: x.states.next });
    expect(await steps.getByRole('link', { name: x.whoAnswers('Republic of Arcadia') }).getAttribute('href')).toBe(`/organisations/${arcadia.id}`);
    expect(await steps.getByRole('link', { name: x.chooseGroup }).getAttribute('href')).toBe('/working-groups');
    expect(await axeViolations(page)).toEqual([]);

    // Step 2 (the focal point confirms) and step 3 (a group): with all done, what needs them shows instead.
    const me = (await page.context().cookies()).find((c) => c.name === 'parley_session')!;
    const client = new ApiClient(t.baseUrl).withToken(me.value);
    const mine = (await client.get<MeResponse>('/api/me')).body;
    await confirmAffiliation(t.baseUrl, mine.currentSnapshot!.affiliationId);
    const group = await newWorkingGroup(client, { name: `Norms ${language}` });
    const applicant = await newDelegate(t.baseUrl);
    expect((await applicant.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'I follow the norms work.' })).status).toBe(201);
    await page.reload();
    await page.getByRole('region', { name: x.needsYou }).waitFor();
    expect(await page.getByTestId('me-steps').count()).toBe(0);
    await page.getByRole('region', { name: x.requests }).getByRole('link', { name: `Norms ${language}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `joining-returning-needs-you-${language}-phone.png`, { fullPage: false });
  });

  it('a returning person with every step done sees what needs them on their profile, not the steps', async () => {
    const returning: SignedIn = await newDelegate(t.baseUrl, { name: 'Ministry of Returning' });
    const group = await newWorkingGroup(returning.client, { name: 'Group of returning delegates' });
    const applicant = await newDelegate(t.baseUrl);
    expect((await applicant.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'Please admit me.' })).status).toBe(201);
    const page = await browsers.openLoggedIn(returning.email, PASSWORD, { reportPageErrorsAs: returning.name });
    await page.goto(`${t.baseUrl}/me`);
    const needs = page.getByRole('region', { name: TEXT.en.needsYou });
    await needs.waitFor();
    await needs.getByRole('region', { name: TEXT.en.requests }).getByText(applicant.name).waitFor();
    expect(await page.getByRole('region', { name: TEXT.en.stepsTitle }).count()).toBe(0);
  });
});
