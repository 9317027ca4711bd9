import type { AmendmentPage, DocumentListResponse, DocumentResponse, WorkingGroupListResponse } from '@parley/contracts';
import { demoDraft } from '../support/demo-draft';
import type { Page } from 'playwright-core';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { axeViolations, Browsers, demoApiAs, screenshot, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const NORMS = 'Working group on international norms';
const NGO = 'Emily Chen'; // Center for Democracy and Technology: civil society (NGO), member of the group
const COMPANY = 'Priya Nair'; // Google: private sector (company), member of the group
const CHAIR = 'Jonathan Reed'; // Microsoft: a chair of the group
const ADDED = ' and without weakening encryption';

/**
 * The drafting journey: an NGO delegate asks a clarification question on principle 4 and proposes
 * a replacement, a company delegate co-sponsors it, the chair puts it to a vote, the members vote,
 * the chair closes the ballot and consolidates the next version, and "who wrote this" attributes
 * the new words to civil society.
 */
describe('drafting in the browser: comment, amend, co-sponsor, vote, consolidate, provenance', () => {
  let t: TestApp;
  let groupId: string;
  let documentId: string;
  let principle4Id: string;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    const groups = (await new ApiClient(t.baseUrl).get<WorkingGroupListResponse>('/api/working-groups')).body;
    groupId = groups.items.find((g) => g.name === NORMS)!.id;
    documentId = demoDraft((await new ApiClient(t.baseUrl).get<DocumentListResponse>(`/api/working-groups/${groupId}/documents`)).body.items).id;
    const doc = (await new ApiClient(t.baseUrl).get<DocumentResponse>(`/api/documents/${documentId}`)).body;
    principle4Id = doc.version.clauses.find((c) => c.label === '4.')!.id;
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1360, height: 1000 } });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** Selects a passage of a clause's text the way a mouse drag does, and lets the page read the selection. */
  async function selectInClause(page: Page, label: string, passage: string): Promise<void> {
    const paragraph = page.locator(`li[data-label="${label}"] p.clause-text`);
    await paragraph.evaluate((p, words) => {
      const node = p.firstChild as Text;
      const start = node.data.indexOf(words);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, passage);
  }

  /** Brings a clause near the top of the window (below the header) and dismisses the notifications, for a screenshot. */
  async function showClause(page: Page, label: string): Promise<void> {
    for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
    await page.locator(`li[data-label="${label}"]`).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 360));
    await page.locator('#clause-panel').evaluate((el) => el.scrollTo(0, 0)).catch(() => undefined);
    await page.waitForTimeout(300);
  }

  it('an NGO delegate finds the document from the group page and asks a clarification question on a passage of principle 4', async () => {
    const page = await browsers.logInAs(NGO);
    await page.goto(`${t.baseUrl}/working-groups/${groupId}`);
    await page.getByTestId('group-documents').getByRole('link', { name: /Paris Call/ }).click();
    await page.getByRole('heading', { level: 1, name: /Paris Call for Trust and Security in Cyberspace/ }).waitFor();
    expect(await page.locator('li.clause-row').count()).toBe(16);
    expect(await page.locator('li.clause-row[data-label="10."]').count()).toBe(1);

    await selectInClause(page, '4.', 'commercial sector');
    const panel = page.getByTestId('clause-panel');
    await panel.getByRole('heading', { name: 'Clause 4.' }).waitFor();
    await panel.getByTestId('quote').getByText('commercial sector').waitFor();
    await panel.getByRole('textbox', { name: 'Kind of comment' }).click();
    await page.getByRole('option', { name: 'Clarification question' }).click();
    await panel.getByRole('textbox', { name: /^Your comment/ }).fill('Would “commercial sector” cover the providers of end-to-end encrypted messaging?');
    await panel.getByRole('button', { name: 'Post the comment' }).click();
    const thread = panel.getByTestId('thread').filter({ hasText: 'end-to-end encrypted messaging' });
    await thread.waitFor();
    await thread.getByText('Awaiting an answer').waitFor();
    await thread.getByText(NGO).waitFor();
    await page.locator('li[data-label="4."]').getByText('2 questions unanswered').waitFor();
    await showClause(page, '4.');
    await screenshot(page, 'drafting-document.png', { fullPage: false });

    // The replacement: the current text with words added at the end.
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    await panel.getByRole('button', { name: 'Propose an amendment…' }).click();
    const form = panel.getByRole('form', { name: 'Propose an amendment' });
    const text = form.getByRole('textbox', { name: /^New text of the clause/ });
    const current = await text.inputValue();
    await text.fill(current.replace(/\.$/, `${ADDED}.`));
    await form.getByRole('textbox', { name: /^Rationale/ }).fill('Encryption protects journalists, researchers and everyone else; the principle must not be read against it.');
    await form.getByRole('button', { name: 'Propose the amendment' }).click();
    const card = panel.getByTestId('amendment').filter({ hasText: 'must not be read against it' });
    await card.waitFor();
    await card.locator('ins').filter({ hasText: 'and without weakening encryption' }).waitFor();
    expect(await card.getAttribute('data-status')).toBe('proposed');
    await showClause(page, '4.');
    await screenshot(page, 'drafting-amendment.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a company delegate co-sponsors it: support across stakeholder groups is shown, the proposer’s own group included', async () => {
    const page = await browsers.logInAs(COMPANY);
    await page.goto(`${t.baseUrl}/documents/${documentId}?clause=${principle4Id}`);
    const panel = page.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    const card = panel.getByTestId('amendment').filter({ hasText: 'must not be read against it' });
    await card.getByRole('button', { name: 'Co-sponsor', exact: true }).click();
    await card.getByTestId('cross-group').getByText('Private sector').waitFor();
    await card.getByTestId('cross-group').getByText('Civil society').waitFor(); // the NGO proposer's group
    await card.getByText('1 co-sponsor').waitFor();
    expect(await card.getByRole('button', { name: 'Co-sponsor', exact: true }).count()).toBe(0);
  });

  it('the chair opens the ballot; members vote on the ballot page; the chair closes it and consolidates version 4', async () => {
    const chair = await browsers.logInAs(CHAIR);
    await chair.goto(`${t.baseUrl}/documents/${documentId}?clause=${principle4Id}`);
    const panel = chair.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    const card = panel.getByTestId('amendment').filter({ hasText: 'must not be read against it' });
    await card.getByRole('button', { name: 'Put to a vote' }).click();
    await card.getByRole('textbox', { name: 'The ballot closes in' }).click();
    await chair.getByRole('option', { name: 'one hour' }).click();
    await card.getByRole('button', { name: 'Open the ballot' }).click();
    await card.getByText('Under ballot').waitFor();
    const ballotHref = (await card.getByRole('link', { name: 'Vote on this amendment' }).getAttribute('href'))!;
    expect(ballotHref).toMatch(/^\/ballots\/[0-9a-f-]{36}$/);

    // The NGO and company delegates vote in the browser; other members by API.
    for (const name of [NGO, COMPANY]) {
      const voter = await browsers.logInAs(name);
      await voter.goto(`${t.baseUrl}${ballotHref}`);
      await voter.getByRole('heading', { level: 1, name: /^Amendment: Replace clause 4\./ }).waitFor();
      const yes = voter.getByRole('radio', { name: 'Yes' });
      await yes.waitFor({ timeout: 15_000 }).catch(async () => {
        throw new Error(`no vote form for ${name}: ${await voter.locator('main').innerText()}`);
      });
      await yes.check();
      await voter.getByRole('button', { name: 'Cast my vote' }).click();
      await voter.getByText('You voted: Yes').waitFor();
    }
    const ballotId = ballotHref.split('/').pop()!;
    for (const name of ['Claire Dubois', 'Eleanor Hughes', 'Haruka Sato', 'Aminata Diop', 'Marcus Johnson']) {
      const res = await (await demoApiAs(t.baseUrl, name)).post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' });
      expect([name, res.status]).toEqual([name, 200]);
    }
    expect((await (await demoApiAs(t.baseUrl, 'Olivia Bennett')).post(`/api/ballots/${ballotId}/votes`, { choice: 'no', reason: null })).status).toBe(200);

    await chair.goto(`${t.baseUrl}${ballotHref}`);
    await chair.getByRole('button', { name: 'Close the ballot now…' }).click();
    await chair.getByLabel('Reason for closing early').fill('Every member has voted.');
    await chair.getByRole('button', { name: 'Close the ballot', exact: true }).click();
    await chair.getByText('The ballot is closed.').first().waitFor();

    await chair.goto(`${t.baseUrl}/documents/${documentId}`);
    await chair.getByText('1 accepted amendment waits to be applied.').waitFor();
    await chair.getByRole('button', { name: 'Consolidate version 4' }).click();
    const consolidating = chair.getByRole('dialog', { name: 'Consolidate version 4' });
    await consolidating.getByRole('textbox', { name: /^Note on the new version/ }).fill('Principle 4 now protects encryption.');
    await consolidating.getByRole('button', { name: 'Create version 4' }).click();
    const p4 = chair.locator('li.clause-row[data-label="4."] p.clause-text');
    await p4.filter({ hasText: `${ADDED}.` }).waitFor();

    const amendments = (await new ApiClient(t.baseUrl).get<AmendmentPage>(`/api/documents/${documentId}/amendments?clauseId=${principle4Id}`)).body.items;
    expect(amendments.find((a) => a.author.name === NGO && a.appliedInVersion === 4)).toBeDefined();
  });

  it('the provenance view attributes the new words to civil society, with the legend and totals', async () => {
    const page = await browsers.logInAs(NGO);
    await page.goto(`${t.baseUrl}/documents/${documentId}`);
    await page.getByRole('link', { name: 'Who wrote this' }).click();
    await page.waitForURL(new RegExp(`/documents/${documentId}/versions/4/provenance$`));
    await page.getByRole('heading', { level: 1, name: 'Who wrote this' }).waitFor();
    const p4 = page.locator('li[data-label="4."]');
    const added = p4.locator('span.prov-segment[data-origin="amendment"][data-group="civil-society"]').filter({ hasText: 'without weakening encryption' });
    await added.waitFor();
    expect(await added.getAttribute('title')).toBe(`Introduced by ${NGO} (Center for Democracy and Technology, Civil society), in version 4`);
    await p4.getByRole('list', { name: 'Who wrote this clause' }).getByText(NGO).waitFor();
    await page.getByTestId('legend').getByText('Civil society').waitFor();
    expect(await page.getByTestId('share-civil-society').textContent()).toMatch(/^\d+%$/);
    await page.getByTestId('provenance-headline').waitFor();
    await screenshot(page, 'drafting-provenance-top.png', { fullPage: false });
    await showClause(page, '4.');
    await screenshot(page, 'drafting-provenance.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);

    // The same view in French.
    const fr = await browsers.logInAs(NGO, 'fr');
    await fr.goto(`${t.baseUrl}/documents/${documentId}/versions/4/provenance`);
    await fr.getByRole('heading', { level: 1, name: 'Qui a écrit quoi' }).waitFor();
    await fr.getByTestId('legend').getByText('Société civile').waitFor();
    await screenshot(fr, 'drafting-provenance-fr.png', { fullPage: false });
  });

  it('compare and the disposition report show the change and the unanswered questions', async () => {
    const page = await browsers.logInAs(NGO);
    await page.goto(`${t.baseUrl}/documents/${documentId}/compare?from=3&to=4`);
    await page.getByTestId('compare-summary').getByText('1 changed').waitFor();
    await page.locator('li[data-status="changed"] ins').filter({ hasText: 'and without weakening encryption' }).waitFor();
    await screenshot(page, 'drafting-compare.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${t.baseUrl}/documents/${documentId}/versions/3/dispositions`);
    await page.getByRole('heading', { level: 2, name: /clarification questions? unanswered/ }).waitFor();
    await page.getByText(/end-to-end encrypted messaging/).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the chair opens the adoption ballot: the unanswered clarification questions, open brackets, ad refs and outdated French are listed and must be confirmed', async () => {
    const chair = await browsers.logInAs(CHAIR);
    await chair.goto(`${t.baseUrl}/documents/${documentId}`);
    await chair.getByRole('button', { name: 'Open the adoption ballot' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Adopt version 4' });
    const warning = dialog.getByTestId('adoption-warning-unanswered-clarifications');
    await warning.getByText('2 clarification questions have no answer yet').waitFor();
    await warning.getByText(/end-to-end encrypted messaging/).waitFor();
    await warning.getByText(/state-owned enterprises/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Open it anyway' }).isDisabled()).toBe(true);
    await screenshot(chair, 'drafting-adoption-warning.png', { fullPage: false });
    await dialog.getByRole('checkbox', { name: /^I have read these questions/ }).check();
    // The demo's amendment ballot on the insertion after principle 10 is still open: that is warned of too.
    const openBallots = dialog.getByTestId('adoption-warning-open-amendment-ballots');
    await openBallots.getByText('1 amendment ballot on this version is still open').waitFor();
    expect(await dialog.getByRole('button', { name: 'Open it anyway' }).isDisabled()).toBe(true);
    await openBallots.getByRole('checkbox').check();
    // The demo's negotiation is not over either: two passages are still in brackets, two paragraphs only ad referendum.
    const brackets = dialog.getByTestId('adoption-warning-open-brackets');
    await brackets.getByText('2 passages are still in brackets').waitFor();
    await brackets.getByText('[significant]').waitFor();
    const adRef = dialog.getByTestId('adoption-warning-open-ad-ref');
    await adRef.getByText('2 paragraphs are agreed only ad referendum').waitFor();
    await adRef.getByText(/^France, until/).waitFor();
    // The demo's group declares French authentic (decision 0045): principle 5's French lags since Rev.1, principle 4's since this version's amendment.
    const translations = dialog.getByTestId('adoption-warning-translations');
    await translations.getByText('French: 2 outdated, 0 missing').waitFor();
    expect(await dialog.getByRole('button', { name: 'Open it anyway' }).isDisabled()).toBe(true);
    await brackets.getByRole('checkbox').check();
    await adRef.getByRole('checkbox').check();
    expect(await dialog.getByRole('button', { name: 'Open it anyway' }).isDisabled()).toBe(true);
    await translations.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Open it anyway' }).click();
    await chair.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
    await chair.getByRole('heading', { level: 1, name: /^Adopt version 4 of “Paris Call/ }).waitFor();
    await chair.getByTestId('translations-warning-record').getByText('French: 2 outdated, 0 missing').waitFor();
  });

  it('a chair starts a new document from pasted text, checks the reading and corrects a kind', async () => {
    const chair = await browsers.logInAs(CHAIR);
    await chair.goto(`${t.baseUrl}/working-groups/${groupId}`);
    await chair.getByTestId('group-documents').getByRole('link', { name: 'New document' }).click();
    await chair.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await chair.getByRole('textbox', { name: /^Title/ }).fill('Commentary on principle 4');
    await chair.getByRole('textbox', { name: /^Text/ }).fill('Commentary\n\nThe principle concerns theft for commercial advantage.\n\n1. States should not conduct it.\n\n2. States should not support it.');
    await chair.getByText('4 clauses').waitFor();
    await chair.getByRole('textbox', { name: 'Kind of clause 2' }).click();
    await chair.getByRole('option', { name: 'Operative clause' }).click();
    await chair.getByRole('button', { name: 'Create the document' }).click();
    await chair.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await chair.getByRole('heading', { level: 1, name: 'Commentary on principle 4' }).waitFor();
    expect(await chair.locator('li.clause-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-label')))).toEqual(['', '1.', '2.', '3.']);
    expect(await axeViolations(chair)).toEqual([]);
  });
});
