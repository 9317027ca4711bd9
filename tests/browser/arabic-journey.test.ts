import type { Locator, Page } from 'playwright-core';
import type { AmendmentPage, BallotListResponse, DocumentListResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { demoDraft } from '../support/demo-draft';
import { Browsers, screenshot, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const NORMS = 'Working group on international norms';
const READER = 'Emily Chen'; // Center for Democracy and Technology: a voting member of the norms group
const ORGANISATION = 'Center for Democracy and Technology';
const WIDTH = 1280;

/**
 * The whole journey with the interface in Arabic, right to left: a delegate signs in through the
 * form, finds the groups and her group, reads the draft, comments on a clause, proposes an
 * amendment, votes on a ballot and reads the audit log. Every main page is screenshot into
 * test-output/arabic-*.png (looked at for mirroring). The things a reader would notice are asserted
 * on the page itself: `<html dir="rtl" lang="ar">`, the navigation and each page's title starting on
 * the right, a composition bar drawn from the right, pointing arrows turned, and a Latin
 * organisation's name laid out left to right in its own isolated element inside the Arabic page.
 *
 * Locators do not depend on the Arabic words (the Arabic catalogue is filled by its translator in
 * parallel; until it merges, English texts show through a right-to-left page).
 */
describe('the whole journey in Arabic, right to left', () => {
  let t: TestApp;
  let browsers: Browsers;
  let page: Page;
  const ids = { group: '', document: '', ballot: '', clause: '' };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    const api = new ApiClient(t.baseUrl);
    ids.group = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === NORMS)!.id;
    ids.document = demoDraft((await api.get<DocumentListResponse>(`/api/working-groups/${ids.group}/documents`)).body.items).id;
    const ballots = (await api.get<BallotListResponse>(`/api/working-groups/${ids.group}/ballots`)).body.items;
    ids.ballot = (ballots.find((b) => b.status === 'open') ?? ballots[0]).id;
    browsers = new Browsers(t.baseUrl, { viewport: { width: WIDTH, height: 1000 } });
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  const box = async (l: Locator) => (await l.boundingBox())!;
  /** Where the text of an element starts and ends on screen (not its block, which spans the line). */
  const textBox = (l: Locator) =>
    l.evaluate((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      const b = r.getBoundingClientRect();
      return { left: b.left, right: b.right };
    });
  const settle = async () => {
    await page.locator('main h1').first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
  };

  /** The page's title starts at the right edge of the content, as Arabic text does. */
  async function titleStartsOnTheRight(): Promise<void> {
    const h1 = page.locator('main h1').first();
    const text = await textBox(h1);
    const main = await box(page.locator('main .mantine-Container-root').first());
    expect(Math.abs(main.x + main.width - text.right)).toBeLessThan(24);
    // A title shorter than the line leaves the space on the left (one that wraps fills the line).
    if (text.right - text.left < main.width - 48) expect(text.left).toBeGreaterThan(main.x + 24);
  }

  it('signs in through the form in Arabic: the page is right to left from the first screen', async () => {
    page = await browsers.logInAs(READER, 'ar', { reportPageErrorsAs: READER });
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The language switch says Arabic in Arabic.
    expect(await page.getByTestId('language-switch').innerText()).toBe('العربية');
    await screenshot(page, 'arabic-home.png');
  });

  it('lists the groups with the navigation starting on the right', async () => {
    await page.goto(`${t.baseUrl}/working-groups`);
    await settle();
    // The product's name (the link home) is at the right end of the header, the navigation to its left.
    const home = await box(page.locator('header a[href="/"]').first());
    const nav = await box(page.locator('header nav'));
    expect(home.x + home.width).toBeGreaterThan(WIDTH - 120);
    expect(nav.x + nav.width).toBeLessThanOrEqual(home.x + 1);
    // The first link of the navigation is its rightmost.
    const links = page.locator('header nav a');
    expect((await box(links.first())).x).toBeGreaterThan((await box(links.last())).x);
    await titleStartsOnTheRight();
    await screenshot(page, 'arabic-working-groups.png');
  });

  it('draws the group’s composition bar from the right: its first stakeholder group on the right', async () => {
    await page.goto(`${t.baseUrl}/working-groups/${ids.group}`);
    await settle();
    const segments = page.getByTestId('composition-bar').locator('[data-group]');
    await segments.first().waitFor();
    expect(await segments.count()).toBeGreaterThan(1);
    const first = await box(segments.first());
    const last = await box(segments.last());
    expect(first.x).toBeGreaterThan(last.x);
    await titleStartsOnTheRight();
    await screenshot(page, 'arabic-working-group.png');
  });

  it('reads the draft, comments on a clause and proposes an amendment', async () => {
    await page.goto(`${t.baseUrl}/documents/${ids.document}`);
    await settle();
    await titleStartsOnTheRight();
    // The clause numbers stand at the start of each line: on the right of the clause's text.
    const row = page.locator('li.clause-row[data-label="1."]');
    const label = await box(row.locator('span').first());
    const text = await box(row.locator('.clause-text'));
    expect(label.x).toBeGreaterThan(text.x);
    await screenshot(page, 'arabic-document.png');

    await row.locator('button.clause-open').click();
    const panel = page.getByTestId('clause-panel');
    await panel.waitFor();
    ids.clause = (await row.getAttribute('data-clause-id'))!;
    const comment = `تعليق من ${READER} على الفقرة 1 (${Date.now()})`;
    const form = panel.locator('form').first();
    await form.locator('textarea').first().fill(comment);
    await form.locator('button[type="submit"]').click();
    await panel.getByTestId('thread').filter({ hasText: comment }).waitFor();
    // The comment written in Arabic (the writer's interface language) reads right to left.
    expect(await panel.getByTestId('thread').getByText(comment).first().evaluate((e) => e.matches(':dir(rtl)') && e.closest('[lang]')?.getAttribute('lang') === 'ar')).toBe(true);
    await screenshot(page, 'arabic-document-comment.png');

    await panel.getByRole('tab').nth(1).click();
    const amendments = panel.getByRole('tabpanel');
    await amendments.locator('button').first().click();
    const amendmentForm = amendments.locator('form').first();
    const newText = `Calls on all stakeholders, in every language of the United Nations (${Date.now()}), to refrain from damaging the public core of the internet.`;
    await amendmentForm.locator('textarea').nth(0).fill(newText);
    await amendmentForm.locator('textarea').nth(1).fill('ليشمل جميع اللغات الرسمية الست');
    await amendmentForm.locator('button[type="submit"]').click();
    const card = amendments.getByTestId('amendment').filter({ hasText: 'ليشمل جميع اللغات الرسمية الست' });
    await card.waitFor();
    await screenshot(page, 'arabic-document-amendment.png');

    // What the delegate did is recorded, as written.
    const api = new ApiClient(t.baseUrl);
    const recorded = (await api.get<AmendmentPage>(`/api/documents/${ids.document}/amendments`)).body.items;
    expect(recorded.some((a) => a.text === newText && a.author.name === READER)).toBe(true);

    // The Latin name of her organisation, inside the Arabic page, is isolated and laid out left to right.
    const organisation = card.locator('bdi', { hasText: ORGANISATION }).first();
    await organisation.waitFor();
    expect(await organisation.evaluate((e) => e.matches(':dir(ltr)'))).toBe(true);
    expect(await organisation.evaluate((e) => e.parentElement!.matches(':dir(rtl)'))).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('votes on a ballot, the page and its tally bars right to left', async () => {
    await page.goto(`${t.baseUrl}/ballots/${ids.ballot}`);
    await settle();
    await titleStartsOnTheRight();
    // The demo amendment's English text keeps its own direction inside the Arabic page (its full stop
    // at the end, on the right), though the spoken "inserted" label before it is Arabic.
    const subjectDiff = page.getByTestId('ballot-subject-diff').getByTestId('diff');
    expect(await subjectDiff.evaluate((e) => e.matches(':dir(ltr)'))).toBe(true);
    const form = page.locator('main form').filter({ has: page.locator('input[type="radio"]') }).first();
    // The choices run from the right: the first (yes) is the rightmost.
    const choices = form.locator('input[type="radio"]');
    expect((await box(choices.first())).x).toBeGreaterThan((await box(choices.last())).x);
    const row = page.locator('main tr', { hasText: READER });
    const before = await row.innerText();
    await choices.first().check();
    const cast = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/ballots\/[^/]+\/votes$/.test(new URL(r.url()).pathname));
    await form.locator('button[type="submit"]').click();
    expect((await cast).status()).toBeLessThan(300);
    // Her vote is in the roll call, on her row, which no longer says she has not voted.
    for (let i = 0; i < 50 && (await row.innerText()) === before; i++) await page.waitForTimeout(100);
    expect(await row.innerText()).not.toBe(before);
    // The tally bar of her group fills from the right: its yes segment first, at the right end, "not voted" to its left.
    const yes = page.locator('main [data-segment="yes"]').first();
    await yes.waitFor();
    const bar = await box(yes.locator('xpath=..'));
    const yesBox = await box(yes);
    expect(Math.abs(yesBox.x + yesBox.width - (bar.x + bar.width))).toBeLessThan(4);
    expect((await box(yes.locator('xpath=../*[@data-segment="notVoted"]'))).x).toBeLessThan(yesBox.x);
    await screenshot(page, 'arabic-ballot.png');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('reads the audit log, its “next” arrows pointing left', async () => {
    await page.goto(`${t.baseUrl}/working-groups/${ids.group}/audit`);
    await settle();
    await titleStartsOnTheRight();
    // Her vote, first in the log: her Latin name and organisation isolated inside the sentence (FSI … PDI).
    expect(await page.locator('main').innerText()).toContain(`\u2068${READER}\u2069 (\u2068${ORGANISATION}\u2069`);
    await screenshot(page, 'arabic-audit-log.png');
    // An event's page: "previous" and "next" arrows point along the reading direction (mirrored).
    await page.locator('main a[href^="/audit/events/"]').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/audit/events/'));
    await settle();
    const arrow = page.locator('main svg.icon-directional').first();
    await arrow.waitFor();
    expect(await arrow.evaluate((e) => getComputedStyle(e).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await screenshot(page, 'arabic-audit-event.png');
  });

  it('shows the other main pages right to left (screenshots)', async () => {
    for (const [name, path] of [
      ['organisations', '/organisations'],
      ['profile', '/me'],
      ['provenance', `/documents/${ids.document}/versions/2/provenance`],
      ['compare', `/documents/${ids.document}/compare?from=1&to=2`],
      ['public-record', `/working-groups/${ids.group}/record`],
      ['chair-terms', '/chair-terms'],
      ['notifications', '/notifications'],
    ] as const) {
      await page.goto(`${t.baseUrl}${path}`);
      await settle();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await titleStartsOnTheRight();
      await screenshot(page, `arabic-${name}.png`);
    }
  });

  it('on a phone: the menu opens from the right, and the language menu is opened and changed by keyboard', async () => {
    const phone = await browsers.open({ language: 'ar', viewport: { width: 390, height: 844 } });
    await phone.goto(`${t.baseUrl}/working-groups`);
    await phone.locator('main h1').first().waitFor();
    const burger = phone.locator('header button[aria-controls="mobile-menu"]');
    // The menu button stands at the start of the header: on the right.
    expect((await box(burger)).x).toBeGreaterThan(390 / 2);
    await burger.click();
    const menu = phone.locator('#mobile-menu');
    await menu.getByTestId('language-switch').waitFor();
    const panel = await box(menu);
    expect(Math.round(panel.x + panel.width)).toBeGreaterThanOrEqual(388);
    await screenshot(phone, 'arabic-phone-menu.png', { fullPage: false });

    // Keyboard only: focus the language button, open its menu, move to English, choose it; the page turns left to right.
    const button = menu.getByTestId('language-switch');
    await button.focus();
    await phone.keyboard.press('Enter');
    const languages = phone.getByRole('menu');
    await languages.waitFor();
    // The six, each in itself, Arabic first (on the right edge of the screen, like the menu).
    expect(await languages.getByRole('menuitem').allInnerTexts()).toEqual(['العربية', '中文', 'English', 'Français', 'Русский', 'Español']);
    await screenshot(phone, 'arabic-phone-languages.png', { fullPage: false });
    for (let i = 0; i < 10 && (await phone.evaluate(() => document.activeElement?.textContent)) !== 'English'; i++) await phone.keyboard.press('ArrowDown');
    expect(await phone.evaluate(() => document.activeElement?.getAttribute('lang'))).toBe('en');
    await phone.keyboard.press('Enter');
    await phone.waitForFunction(() => document.documentElement.dir === 'ltr' && document.documentElement.lang === 'en');
    expect(await phone.evaluate(() => localStorage.getItem('parley.language'))).toBe('en');
  });
});
