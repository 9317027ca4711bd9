import type { Page } from 'playwright-core';
import type { DocumentResponse } from '@parley/contracts';
import { axeViolations, Browsers, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(150_000);

const PASSWORD = 'correct horse battery';

/**
 * Issue #20, from the delegates' side: one mentions another in a comment by picking them from the
 * autocomplete with the keyboard; the comment shows the mention as a name with its affiliation,
 * never the markup; the other's bell counts it without a reload, and its item opens the document
 * on that comment, highlighted.
 */
describe('a mention reaches the person mentioned, live', () => {
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

  const open = (who: Delegate): Promise<Page> => browsers.openLoggedIn(who.email, PASSWORD, { reportPageErrorsAs: who.name });
  const bell = (page: Page) => page.getByTestId('notification-bell');

  it('the autocomplete inserts the mention, the bell counts it live, and its link opens the comment', async () => {
    // The one mentioned waits on the group's page, signed in: nothing unread yet.
    const mentioned = await open(g.company);
    await mentioned.goto(`${t.baseUrl}/working-groups/${g.id}`);
    await bell(mentioned).waitFor();
    expect(await bell(mentioned).getAttribute('aria-label')).toBe('Notifications, none unread');
    await mentioned.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));

    // The writer opens clause 4 and types "@" and the start of the name.
    const writer = await open(g.ngo);
    await writer.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseId}`);
    const panel = writer.getByTestId('clause-panel');
    const field = panel.getByRole('textbox', { name: /^Your comment/ });
    await field.click();
    await field.pressSequentially('Could @Delegate', { delay: 20 });
    const list = writer.getByRole('listbox', { name: 'Members to mention' });
    await list.waitFor({ timeout: 10_000 });
    const target = list.getByRole('option').filter({ hasText: g.company.name });
    await target.waitFor();
    // Each option names the member's organisation and stakeholder group.
    expect(await target.textContent()).toContain(`${g.company.organisation.name}, private sector`);
    // Down the list with the keyboard to them, and Enter.
    const names = await list.getByRole('option').allTextContents();
    const index = names.findIndex((n) => n.includes(g.company.name));
    for (let i = 0; i < index; i++) await field.press('ArrowDown');
    expect(await target.getAttribute('aria-selected')).toBe('true');
    await field.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe(`Could @[${g.company.name}](${g.company.id}) `);
    await field.pressSequentially('say what “private sector” covers here?', { delay: 5 });
    await panel.getByRole('button', { name: 'Post the comment' }).click();

    // The comment shows the mention as a name with the affiliation it recorded, never the markup.
    const thread = panel.getByTestId('thread').filter({ hasText: 'covers here' });
    await thread.waitFor();
    const chip = thread.getByTestId('mention');
    // "@Name", and to a screen reader their affiliation when mentioned (visually hidden, and in the tooltip).
    expect(await chip.textContent()).toBe(`@${g.company.name} (${g.company.organisation.name}, private sector)`);
    expect((await chip.innerText()).split('\n')[0].trim()).toBe(`@${g.company.name}`);
    expect(await chip.getAttribute('title')).toBe(`${g.company.organisation.name}, private sector`);
    expect(await thread.textContent()).not.toContain('](');

    // The bell of the one mentioned counts it, without a reload.
    await mentioned.waitForFunction(
      () => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === 'Notifications, 1 unread',
      undefined,
      { timeout: 20_000 },
    );
    expect(await mentioned.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

    // Its item says who mentioned them, and opens the document on the comment, highlighted.
    await bell(mentioned).click();
    const item = mentioned.getByRole('dialog').getByRole('link', { name: /mentioned you/ });
    await item.waitFor();
    expect(await item.textContent()).toContain(`${g.ngo.name} (${g.ngo.organisation.name}, civil society) mentioned you on`);
    expect(await axeViolations(mentioned)).toEqual([]);
    await item.click();
    await mentioned.waitForURL((u) => u.pathname === `/documents/${doc.id}` && u.searchParams.has('comment'));
    const linked = mentioned.locator('[data-linked]');
    await linked.waitFor({ timeout: 15_000 });
    expect(await linked.textContent()).toContain('covers here');
    expect(await linked.evaluate((el) => el.classList.contains('comment-highlight'))).toBe(true);
    // Opening it read it.
    await mentioned.waitForFunction(
      () => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === 'Notifications, none unread',
      undefined,
      {
        timeout: 10_000,
      },
    );
  });
});
