import type { CommentThreadPage, DocumentListResponse, DocumentResponse, WorkingGroupListResponse } from '@parley/contracts';
import { demoDraft } from '../support/demo-draft';
import type { Page } from 'playwright-core';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const NORMS = 'Working group on international norms';
const NGO = 'Emily Chen'; // a member of the norms group: may comment
const PHONE = { width: 390, height: 844 };

/** What has the focus: its tag, its accessible-ish name, and where it sits. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      inPanel: !!el?.closest('#clause-panel'),
      clauseButtonOf: el?.classList.contains('clause-open') ? (el.closest('li[data-label]')?.getAttribute('data-label') ?? null) : null,
      label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? null) : null,
    };
  });

/** Presses Tab until `done` holds of the focused element; returns how many presses it took (fails past `max`). */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max: number): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return n;
  }
  throw new Error(`not reached in ${max} Tab presses; focus is on ${JSON.stringify(await focused(page))}`);
}

/** The top of an element in the viewport (negative above it, beyond the height below it). */
const topInViewport = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top);

/**
 * Phone and keyboard (issue 17): on a 390×844 phone the clause panel opens under its clause, where
 * the reader is; by keyboard alone the panel takes the focus, quoting works without a mouse, and
 * Escape closes it and gives the focus back to the clause; "who chaired what" folds its filters on
 * a phone so the answer is on the first screen.
 */
describe('phone and keyboard: the clause panel where the reader is, quoting by keyboard, filters folded', () => {
  let t: TestApp;
  let browsers: Browsers;
  let documentId: string;
  let doc: DocumentResponse;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    const anonymous = new ApiClient(t.baseUrl);
    const groupId = (await anonymous.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === NORMS)!.id;
    documentId = demoDraft((await anonymous.get<DocumentListResponse>(`/api/working-groups/${groupId}/documents`)).body.items).id;
    doc = (await anonymous.get<DocumentResponse>(`/api/documents/${documentId}`)).body;
    browsers = new Browsers(t.baseUrl);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('on a phone, "Comments and amendments" opens the panel right under the clause, on screen', async () => {
    const page = await browsers.logInAs(NGO, 'en', { viewport: PHONE });
    await page.goto(`${t.baseUrl}/documents/${documentId}`);
    const row = page.locator('li[data-label="5."]');
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('button', { name: /Comments and amendments/ }).click();
    await page.getByTestId('clause-panel').waitFor();
    const top = await topInViewport(page, '#clause-panel-title');
    expect({ top, onScreen: top >= 0 && top < PHONE.height }).toEqual({ top, onScreen: true });
    // Inside the clause's own row, just after its text.
    expect(await row.locator('#clause-panel').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'phone-clause-panel.png', { fullPage: false });
  });

  it('by keyboard alone: the panel takes the focus, a passage is quoted, the comment posted, and Escape gives the focus back to the clause', async () => {
    const clause2 = doc.version.clauses.find((c) => c.label === '2.')!;
    const page = await browsers.logInAs(NGO, 'en');
    await page.goto(`${t.baseUrl}/documents/${documentId}`);
    await page.locator('li[data-label="2."]').waitFor();
    await tabUntil(page, (f) => f.clauseButtonOf === '2.', 120);
    await page.keyboard.press('Enter');
    await page.getByTestId('clause-panel').waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('#clause-panel'));
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Clause 2.' });

    // "Quote a passage" is the panel's second stop; its sentences are buttons.
    expect(await tabUntil(page, (f) => f.text === 'Quote a passage', 3)).toBeLessThanOrEqual(2);
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.text.startsWith('Quote: '), 2);
    await page.keyboard.press('Enter');
    const firstSentence = clause2.text.split(/(?<=[.;!?])\s/)[0].trim();
    await page.getByTestId('quote').getByText(firstSentence).waitFor();

    // Or words picked in the clause's text with Shift and the arrow keys.
    expect(await focused(page)).toMatchObject({ text: 'Quote a passage' });
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.tag === 'textarea' && (f.label ?? '').startsWith('The clause’s text'), 40);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 16; i++) await page.keyboard.press('Shift+ArrowRight');
    await tabUntil(page, (f) => f.text === 'Quote the selected words', 2);
    await page.keyboard.press('Enter');
    const words = clause2.text.slice(0, 16).trim();
    await page.waitForFunction((w) => document.querySelector('[data-testid="quote"] blockquote')?.textContent === `On this passage:${w}`, words);

    // The comment, typed and posted without a mouse, carries the quote.
    await tabUntil(page, (f) => f.tag === 'textarea' && (f.label ?? '').startsWith('Your comment'), 12);
    await page.keyboard.type('Which activities count as preparation?');
    await tabUntil(page, (f) => f.text === 'Post the comment', 3);
    await page.keyboard.press('Enter');
    await page.getByTestId('thread').filter({ hasText: 'Which activities count as preparation?' }).waitFor();
    const threads = (await new ApiClient(t.baseUrl).get<CommentThreadPage>(`/api/documents/${documentId}/comments?clauseId=${clause2.id}`)).body;
    expect(threads.items.find((c) => c.body === 'Which activities count as preparation?')?.quote).toMatchObject({ text: words, start: 0, end: words.length });
    expect(await axeViolations(page)).toEqual([]);

    // Escape closes the panel and the focus is back on clause 2's button.
    await page.keyboard.press('Escape');
    await page.getByTestId('clause-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('clause-open') ?? false);
    expect(await focused(page)).toMatchObject({ clauseButtonOf: '2.' });
  });

  it('on a phone, "who chaired what" folds its filters behind a button that counts them, and the first answer is on the first screen', async () => {
    const page = await browsers.open({ viewport: PHONE });
    await page.goto(`${t.baseUrl}/chair-terms?group=private-sector`);
    await page.getByTestId('timeline-term').first().waitFor();
    const top = await topInViewport(page, '[data-testid="timeline-term"]');
    expect({ top, onScreen: top >= 0 && top < PHONE.height - 40 }).toEqual({ top, onScreen: true });
    const toggle = page.getByRole('button', { name: 'Filters (1 active)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('textbox', { name: 'Working group' }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'phone-chair-terms.png', { fullPage: false });

    await toggle.click();
    await page.getByRole('textbox', { name: 'Working group' }).waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'phone-chair-terms-filters-open.png', { fullPage: false });
  });
});
