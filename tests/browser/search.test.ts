import type { Page } from 'playwright-core';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };

/** Issue #25: the search field in the header of every page, `/` to reach it, a results page with a stable address. */
describe('search in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  const searchField = (page: Page) => page.getByRole('search').getByRole('searchbox');

  it('a visitor presses "/", types, presses Enter, sees the clause with the words marked, and follows it to the clause', async () => {
    const page = await browsers.open({ reportPageErrorsAs: 'visitor' });
    await page.goto(`${t.baseUrl}/working-groups`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('/');
    expect(await searchField(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('hacking back');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'hacking back');
    await page.getByRole('heading', { level: 1, name: 'Results for “hacking back”' }).waitFor();
    const first = page.locator('li.search-result').first();
    await first.waitFor();
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['hacking-back']));
    expect(await first.getByText('Clause', { exact: true }).count()).toBe(1);
    await screenshot(page, 'search-results.png');
    expect(await axeViolations(page)).toEqual([]);

    // The address is the search: opened afresh it shows the same results.
    const again = await browsers.open();
    await again.goto(page.url());
    await again.locator('li.search-result mark').first().waitFor();

    const link = first.getByRole('heading', { level: 2 }).getByRole('link');
    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/documents/') && !!u.searchParams.get('clause'));
    await page.getByText(/hacking-back/).first().waitFor();
  });

  it('"/" typed in another field is a character, not the shortcut', async () => {
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/search?q=diligence`);
    const kind = page.getByRole('textbox', { name: 'From' });
    await kind.click();
    await page.keyboard.type('1/2');
    expect(await searchField(page).evaluate((el) => el === document.activeElement)).toBe(false);
  });

  it('filters narrow the results and stay in the address; on a phone the field fits the header and the filters fold', async () => {
    const page = await browsers.open({ viewport: PHONE });
    await page.goto(`${t.baseUrl}/`);
    await searchField(page).waitFor();
    const box = await searchField(page).boundingBox();
    expect(box!.width).toBeGreaterThan(90);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await searchField(page).fill('principle');
    await searchField(page).press('Enter');
    await page.locator('li.search-result').first().waitFor();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('textbox', { name: 'What' }).click();
    await page.getByRole('option', { name: 'Working group' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'working-group');
    await page.waitForFunction(() => [...document.querySelectorAll('li.search-result .mantine-Badge-label')].every((b, i) => i > 0 || b.textContent === 'Working group'));
    await screenshot(page, 'search-phone.png', { fullPage: false });
    const kinds = await page.locator('li.search-result').evaluateAll((items) => items.map((li) => li.querySelector('.mantine-Badge-label')?.textContent));
    expect(new Set(kinds)).toEqual(new Set(['Working group']));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
