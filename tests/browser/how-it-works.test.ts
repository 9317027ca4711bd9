import type { Page } from 'playwright-core';
import { axeViolations, Browsers, type Language, screenshot, webBuildSnapshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const PAGE = {
  en: {
    link: 'How Parley works',
    sections: [
      'On this page',
      'Nobody acts anonymously',
      'Three stakeholder groups',
      'Working groups and roles',
      'Chairs are confirmed, not named',
      'How ballots decide',
      'Drafting a text',
      'Capture alarms',
      'Endorsements',
      'What is public',
      'For operators and developers',
    ],
    rules: 'The four decision rules',
    ballots: 'How ballots decide',
    chambered: /^Majority in every stakeholder group — passes only with more yes than no votes in each stakeholder group that has voters/,
    hidden: /^Tallies hidden until close — You see who voted, not how, until the ballot closes\.$/,
  },
  fr: {
    link: 'Comment fonctionne Parley',
    sections: [
      'Sur cette page',
      'Personne n’agit anonymement',
      'Trois groupes de parties prenantes',
      'Groupes de travail et rôles',
      'Les présidents sont confirmés, pas nommés',
      'Comment les scrutins décident',
      'Rédiger un texte',
      'Alertes de captation',
      'Soutiens',
      'Ce qui est public',
      'Pour les exploitants et les développeurs',
    ],
    rules: 'Les quatre règles de décision',
    ballots: 'Comment les scrutins décident',
    chambered:
      /^Majorité dans chaque groupe de parties prenantes — adopté seulement s’il y a plus de oui que de non dans chaque groupe de parties prenantes qui compte des votants/,
    hidden: /^Décompte caché jusqu’à la clôture — On voit qui a voté, pas comment, jusqu’à la clôture\.$/,
  },
} as const;

const PHONE = { width: 390, height: 844 };

/** The rules of Parley for its users, one click from the foot of every page, in English and French. */
describe('how Parley works', () => {
  let t: TestApp;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { reportPageErrorsAs: 'reader' });
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  const footerLink = (page: Page, language: Language) => page.locator('footer').getByRole('link', { name: PAGE[language].link, exact: true });

  it.each(['en', 'fr'] as const)('in %s: the home page footer leads to the page, with its sections as headings, axe clean', async (language) => {
    const page = await browsers.open({ language });
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await footerLink(page, language).click();
    await page.waitForURL((u) => u.pathname === '/how-it-works');

    await page.getByRole('heading', { level: 1, name: PAGE[language].link }).waitFor();
    expect(await page.title()).toBe(`${PAGE[language].link} · Parley`);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(PAGE[language].sections);
    expect(await page.getByRole('heading', { level: 3, name: PAGE[language].rules }).isVisible()).toBe(true);
    for (const item of [PAGE[language].chambered, PAGE[language].hidden]) expect(await page.getByRole('listitem').filter({ hasText: item }).count()).toBe(1);
    // The three stakeholder groups are named, not only coloured.
    const badges = page.locator('[data-group]');
    expect(await badges.allInnerTexts()).toEqual(
      language === 'fr' ? ['Gouvernement', 'Secteur privé', 'Société civile'] : ['Government', 'Private sector', 'Civil society'],
    );

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `how-it-works-${language}-desktop.png`);
  });

  it('the link is at the foot of other pages too, and of a page that does not exist', async () => {
    const page = await browsers.open({ language: 'fr' });
    for (const path of ['/working-groups', '/audit', '/chair-terms', '/no-such-page']) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await footerLink(page, 'fr').getAttribute('href')).toBe('/how-it-works');
    }
  });

  it('on a phone, by keyboard: nothing wider than the screen, the contents lead to a section below the header', async () => {
    const page = await browsers.open({ language: 'en', viewport: PHONE });
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const link = footerLink(page, 'en');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: PAGE.en.link }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'how-it-works-en-phone.png');

    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: PAGE.en.ballots }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#how-ballots');
    const heading = page.getByRole('heading', { level: 2, name: PAGE.en.ballots });
    await page.waitForFunction(() => {
      const h = document.getElementById('how-ballots')!.getBoundingClientRect();
      const header = document.querySelector('header')!.getBoundingClientRect();
      return h.top >= header.bottom && h.bottom <= window.innerHeight;
    });
    expect(await heading.isVisible()).toBe(true);
    await screenshot(page, 'how-it-works-en-phone-ballots.png', { fullPage: false });
  });
});
