import type { Page } from 'playwright-core';
import type { SessionResponse } from '@parley/contracts';
import { DEMO_PASSWORD, demoEmail } from '../../apps/api/src/demo/demo-people';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { Browsers, type Language, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const READER = 'Emily Chen';

/** The header a delegate sees on every page: one line at desktop widths in both languages, their account in a menu, a menu button on narrow screens. */
describe('the header', () => {
  let t: TestApp;
  let browsers: Browsers;
  let session: SessionResponse;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    session = (await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: demoEmail(READER), password: DEMO_PASSWORD })).body;
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** Whether everything in the header sits on one line inside it: no wrapped link, nothing cut off. */
  const headerFits = (page: Page) =>
    page.evaluate(() => {
      const header = document.querySelector('header')!;
      const box = header.getBoundingClientRect();
      const overflowing = [...header.querySelectorAll('a, button, [role="radiogroup"]')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.height > 48))
        .map(({ el }) => (el.textContent ?? '').trim());
      return { overflowing, scroll: header.scrollWidth <= header.clientWidth };
    });

  const open = async (language: Language, width: number) => {
    const page = await browsers.open({ language, viewport: { width, height: 800 } });
    await browsers.signInWith(page, session);
    await page.goto(`${t.baseUrl}/working-groups`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };

  it.each([
    ['en', 1200],
    ['fr', 1200],
    ['fr', 1440],
  ] as const)('signed in, in %s at %i px: every link on one line, the audit log reachable, the account in a menu', async (language, width) => {
    const page = await open(language, width);
    const fr = language === 'fr';
    const account = page.getByRole('button', { name: fr ? /^Compte de Emily Chen/ : /^Account of Emily Chen/ });
    await account.waitFor();
    expect(await headerFits(page)).toEqual({ overflowing: [], scroll: true });

    await account.click();
    const menu = page.getByRole('menu');
    await menu.getByText('Center for Democracy and Technology').waitFor();
    await menu.getByRole('menuitem', { name: fr ? 'Mon profil' : 'My profile' }).click();
    await page.waitForURL((u) => u.pathname === '/me');

    await page.getByRole('navigation').getByRole('link', { name: fr ? 'Journal d’audit' : 'Audit log' }).click();
    await page.waitForURL((u) => u.pathname === '/audit');
    await page.getByRole('heading', { level: 1, name: fr ? 'Journal d’audit' : 'Audit log' }).waitFor();
  });

  it('log out from the account menu: the header offers log in again', async () => {
    const other = (await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: demoEmail(READER), password: DEMO_PASSWORD })).body;
    const page = await browsers.open({ viewport: { width: 1280, height: 800 } });
    await browsers.signInWith(page, other);
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('button', { name: /^Account of Emily Chen/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.locator('header').getByRole('link', { name: 'Log in' }).waitFor();
    expect((await new ApiClient(t.baseUrl).withToken(other.token).get('/api/me')).status).toBe(401);
  });

  it('a French reader’s first page is French from its first paint, fetching French texts alone; choosing Arabic fetches Arabic', async () => {
    const page = await browsers.open({ language: 'fr', viewport: { width: 1280, height: 800 } });
    const catalogues = new Set<string>();
    page.on('request', (r) => {
      const m = /\/assets\/(ar|zh|fr|ru|es)-[\w-]+\.js$/.exec(new URL(r.url()).pathname);
      if (m) catalogues.add(m[1]);
    });
    await page.goto(`${t.baseUrl}/working-groups`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    // The first heading rendered is already French: the page waits for its texts instead of flashing English.
    expect(await heading.textContent()).toBe('Groupes de travail');
    expect([...catalogues]).toEqual(['fr']);

    await page.getByRole('button', { name: 'Langue : Français' }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'الأفرقة العاملة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect([...catalogues].sort()).toEqual(['ar', 'fr']);
  });

  it('on a narrow screen the links, the account and the language are behind the menu button', async () => {
    const page = await open('fr', 1000);
    expect(await page.locator('header').getByRole('navigation').count()).toBe(0);
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    const nav = page.locator('#mobile-menu').getByRole('navigation');
    for (const name of ['Groupes de travail', 'Présidences', 'Organisations', 'Journal d’audit']) expect(await nav.getByRole('link', { name }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Mon profil' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).isVisible()).toBe(true);
  });
});
