import type { Locator, Page } from 'playwright-core';
import { axe, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newPerson } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

// Four browser contexts and axe on a shared two-core machine: generous time, exact assertions.
jest.setTimeout(180_000);
const password = 'correct horse battery';

/** Waits (bounded) until the locator finds n elements. */
async function countBecomes(locator: Locator, n: number): Promise<void> {
  let count = -1;
  for (let i = 0; i < 100; i++) {
    count = await locator.count();
    if (count === n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} elements, found ${count} after 10 s`);
}

/**
 * Issue #24 (decision 0051): a person signed in from two browsers ends the other one's session from
 * the security page; the other browser is signed out at its next navigation. At phone and desktop
 * widths; screenshots in test-output/sessions-*.png.
 */
describe('where you are signed in', () => {
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

  const sessionsSection = (page: Page) => page.getByRole('region', { name: 'Where you are signed in' });

  it.each([
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const)('at %s width: the person ends the other browser’s session, which is signed out at its next navigation', async (width, viewport) => {
    const p = await newPerson(t.baseUrl);
    const other = await browsers.openLoggedIn(p.email, password, { viewport });
    const here = await browsers.openLoggedIn(p.email, password, { viewport });

    // From the account menu (desktop) or the stacked menu (phone), or straight to the page.
    await here.goto(`${t.baseUrl}/me`);
    await here.getByRole('link', { name: 'Sign-in and security' }).first().click();
    await here.waitForURL((u) => u.pathname === '/me/security');
    const section = sessionsSection(here);
    await section.getByText('This device').waitFor();
    // The registration's sign-in (a script) and the two browsers.
    const cards = section.locator('li');
    await countBecomes(cards, 3);
    expect(await section.getByText('Chrome on Linux').count()).toBe(2);
    expect(await section.getByText('Network: 127.0.0.0/24').count()).toBe(3);
    expect((await axe(here)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(here, `sessions-${width}.png`);

    // End the other browser's session: the card that is not this device and is a browser.
    const otherCard = cards.filter({ hasText: 'Chrome on Linux' }).filter({ hasNotText: 'This device' });
    await otherCard.getByRole('button', { name: 'End the session on Chrome on Linux' }).click();
    await otherCard.getByText('It will be signed out at once').waitFor();
    await screenshot(here, `sessions-${width}-confirm.png`);
    await otherCard.getByRole('button', { name: 'End it' }).click();
    await countBecomes(cards, 2);

    // The other browser, at its next navigation, is signed out.
    await other.goto(`${t.baseUrl}/me`);
    await other.locator('main').getByRole('link', { name: 'Log in' }).waitFor();
    await other.goto(`${t.baseUrl}/me/security`);
    expect(await sessionsSection(other).getByText('This device').count()).toBe(0);

    // End all the others: only this device is left.
    await section.getByRole('button', { name: 'End all other sessions' }).click();
    await section.getByText('End your other session?').waitFor();
    await section.getByRole('button', { name: 'End all other sessions' }).last().click();
    await countBecomes(cards, 1);
    expect((await p.client.get('/api/me')).status).toBe(401);
  });

  it('a steward ends all of a person’s sessions from their page, with a reason (phone width)', async () => {
    const steward = await newPerson(t.baseUrl, { name: 'Stella Steward' });
    await t.dataSource.query(`UPDATE people SET is_steward = true WHERE id = $1`, [steward.id]);
    const target = await newPerson(t.baseUrl, { name: 'Lost Laptop' });
    const page = await browsers.openLoggedIn(steward.email, password, { viewport: { width: 390, height: 844 } });
    await page.goto(`${t.baseUrl}/people/${target.id}`);
    const section = page.getByRole('region', { name: 'Sessions (stewards)' });
    await section.getByRole('button', { name: 'End all sessions' }).click();
    await section.getByText('A script (Node.js, bearer token)').waitFor();
    // No reason: refused in the form, nothing sent.
    await section.getByRole('button', { name: 'End all sessions' }).click();
    await section.getByText('Say why: it is recorded in the public audit log.').waitFor();
    expect((await target.client.get('/api/me')).status).toBe(200);
    await section.getByRole('textbox', { name: /^Reason/ }).fill('He reported his laptop stolen.');
    expect((await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(page, 'sessions-steward-phone.png');
    await section.getByRole('button', { name: 'End all sessions' }).click();
    await page.getByText('1 session of Lost Laptop ended.').waitFor();
    expect((await target.client.get('/api/me')).status).toBe(401);
    // A person who is not a steward sees no such action.
    const other = await browsers.openLoggedIn(target.email, password, { viewport: { width: 390, height: 844 } });
    await other.goto(`${t.baseUrl}/people/${steward.id}`);
    await other.getByRole('heading', { level: 1, name: 'Stella Steward' }).waitFor();
    expect(await other.getByRole('region', { name: 'Sessions (stewards)' }).count()).toBe(0);
  });
});
