import type { Page } from 'playwright-core';
import type { DocumentResponse } from '@parley/contracts';
import { axeViolations, Browsers, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup, type Delegate } from '../support/drafting-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';

/**
 * Two delegates read the same draft in two browsers, on the same clause. Each sees the other in the
 * presence bar with their affiliation. A comment posted in one browser appears in the other's
 * thread list and clause count without a reload.
 */
describe('a document open in two browsers is live', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let clauseId: string;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 900 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    clauseId = clauseByLabel(doc, '4.').id;
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  async function open(who: Delegate): Promise<Page> {
    const page = await browsers.openLoggedIn(who.email, PASSWORD, { reportPageErrorsAs: who.name });
    await page.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseId}`);
    await page.getByTestId('clause-panel').getByRole('heading', { name: 'Clause 4.' }).waitFor();
    return page;
  }

  const presence = (page: Page) => page.getByRole('region', { name: 'Who is viewing this page' });

  it('shows who else is reading, and a comment posted in one browser appears in the other without a reload', async () => {
    const writer = await open(g.ngo);
    const reader = await open(g.company);

    for (const page of [writer, reader]) {
      await presence(page).getByRole('link', { name: g.ngo.name }).waitFor({ timeout: 10_000 });
      await presence(page).getByRole('link', { name: g.company.name }).waitFor({ timeout: 10_000 });
    }
    await presence(reader).getByText(g.ngo.organisation.name).waitFor();
    await presence(reader).getByText('Civil society').waitFor();

    await reader.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
    const body = 'Does “private sector” here include the operators of submarine cables?';
    const panel = writer.getByTestId('clause-panel');
    await panel.getByRole('textbox', { name: /^Your comment/ }).fill(body);
    const posted = Date.now();
    await panel.getByRole('button', { name: 'Post the comment' }).click();
    await panel.getByTestId('thread').filter({ hasText: 'submarine cables' }).waitFor();

    // The other browser: the thread in its open panel, with the author's affiliation, and the clause's count.
    const thread = reader.getByTestId('clause-panel').getByTestId('thread').filter({ hasText: 'submarine cables' });
    await thread.waitFor({ timeout: 5000 });
    expect(Date.now() - posted).toBeLessThan(5000);
    await thread.getByText(g.ngo.name).waitFor();
    await reader.locator('li[data-label="4."]').getByText('1 comment').waitFor();
    expect(await reader.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

    expect(await axeViolations(reader)).toEqual([]);
  });
});
