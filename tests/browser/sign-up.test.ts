import type { Page } from 'playwright-core';
import { Browsers, type Language, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { newPerson } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const TEXT = {
  en: {
    name: /^Full name/,
    email: /^E-mail address/,
    password: /^Password/,
    submit: 'Create my account',
    strength: 'Password strength',
    weak: 'very easy to guess',
    strong: /strong enough|very strong/,
    taken: /This address may already have an account/,
  },
  fr: {
    name: /^Nom complet/,
    email: /^Adresse e-mail/,
    password: /^Mot de passe/,
    submit: 'Créer mon compte',
    strength: 'Solidité du mot de passe',
    weak: 'très facile à deviner',
    strong: /assez solide|très solide/,
    taken: /Cette adresse a peut-être déjà un compte/,
  },
} as const;

/**
 * Signing up (issue 15): the form judges the password as it is typed, with the server's estimator
 * loaded only then, in the reader's language; a new address is signed in; an address that already
 * has an account is told so by the sign-in that follows, never by the registration.
 */
describe('signing up', () => {
  let t: TestApp;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  const fill = async (page: Page, language: Language, v: { name: string; email: string; password: string }) => {
    const x = TEXT[language];
    await page.getByRole('textbox', { name: x.name }).fill(v.name);
    await page.getByRole('textbox', { name: x.email }).fill(v.email);
    await page.getByLabel(x.password, { exact: false }).first().fill(v.password);
  };

  it.each(['en', 'fr'] as const)('shows the password’s strength as it is typed, loading the word lists only then (%s), axe clean', async (language) => {
    const x = TEXT[language];
    const page = await browsers.open({ language });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${t.baseUrl}/signup`);
    await page.getByRole('button', { name: x.submit }).waitFor();
    const scriptsBefore = requested.filter((u) => u.endsWith('.js')).length;

    await fill(page, language, { name: 'Ana Ruiz', email: 'ana.ruiz@example.org', password: 'aaaaaaaaaa' });
    await page.getByText(`${x.strength}: ${x.weak}`).waitFor();
    expect(requested.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(scriptsBefore); // the estimator's chunks, fetched on demand
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel(x.password, { exact: false }).first().fill('ana.ruiz@example.org');
    await page.getByText(new RegExp(`${x.strength}: ${x.weak}`)).waitFor();
    await page.getByLabel(x.password, { exact: false }).first().fill('correct horse battery in Geneva');
    await page.getByText(new RegExp(`${x.strength}: (${x.strong.source})`)).waitFor();
  });

  it('a new address is signed in and lands on its profile', async () => {
    const page = await browsers.open({ language: 'en' });
    await page.goto(`${t.baseUrl}/signup`);
    await fill(page, 'en', { name: 'Bea Newcomer', email: 'bea.newcomer@example.org', password: 'correct horse battery in Geneva' });
    await page.getByRole('button', { name: TEXT.en.submit }).click();
    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
  });

  it('an address that already has an account is not signed in: the page says so and offers to log in (French), and the account is untouched', async () => {
    const owner = await newPerson(t.baseUrl, { name: 'Chloé Titulaire', email: 'chloe.titulaire@example.org' });
    const page = await browsers.open({ language: 'fr' });
    await page.goto(`${t.baseUrl}/signup`);
    await fill(page, 'fr', { name: 'Quelqu’un d’autre', email: owner.email, password: 'un autre mot de passe solide' });
    await page.getByRole('button', { name: TEXT.fr.submit }).click();
    await page.getByText(TEXT.fr.taken).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signup');
    expect(await page.getByRole('status').getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/login');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await owner.client.get('/api/me')).body.name).toBe('Chloé Titulaire');
  });
});
