import type { BracketListResponse, DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';

/**
 * Brackets in the browser (issue #18, decision 0031): a delegation brackets a passage with an option,
 * another proposes a competing one, the text reads `[significant][substantial][serious]` with each
 * alternative's attribution a tap away; the chair removes the brackets by choosing an option with a
 * reason; the ledger tells the bracket's life. In French, and on a phone.
 */
describe('brackets and options in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const row = (page: Page, label: string) => page.locator(`li.clause-row[data-label="${label}"]`);
  const brackets = async () => (await new ApiClient(t.baseUrl).get<BracketListResponse>(`/api/documents/${doc.id}/brackets`)).body.brackets;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a delegation brackets a passage with an option; another proposes a competing one; the text reads [..][..][..] with the attribution a tap away', async () => {
    const ngo = await openAs(g.ngo);
    await ngo.goto(`${t.baseUrl}/documents/${doc.id}`);
    await row(ngo, '1.').locator('button.clause-open').click();
    const panel = ngo.getByTestId('clause-panel');
    await panel.getByRole('button', { name: 'Quote a passage' }).click();
    const text = clauseByLabel(doc, '1.').text;
    const start = text.indexOf('significant');
    await panel
      .getByRole('textbox', { name: /^The clause’s text/ })
      .evaluate((el, [s, e]) => (el as HTMLTextAreaElement).setSelectionRange(s, e), [start, start + 'significant'.length]);
    await panel.getByRole('button', { name: 'Quote the selected words' }).click();
    await panel.getByRole('tab', { name: 'Brackets' }).click();
    const form = panel.getByRole('form', { name: 'Bracket a passage' });
    await form.getByTestId('bracket-passage').getByText('[significant]').waitFor();
    await form.getByRole('textbox', { name: /^Why it is not agreed/ }).fill('Our capital has not agreed this threshold.');
    await form.getByRole('button', { name: 'Add an option' }).click();
    await form.getByRole('textbox', { name: /^Option 1 wording/ }).fill('substantial');
    await form.getByRole('textbox', { name: /^Rationale/ }).fill('The threshold in our national law.');
    await form.getByRole('button', { name: 'Put in brackets' }).click();
    await row(ngo, '1.').getByTestId('bracket').waitFor();
    expect(await row(ngo, '1.').locator('.clause-text').innerText()).toContain('[significant][substantial]');

    const company = await openAs(g.company);
    await company.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseByLabel(doc, '1.').id}&panel=brackets`);
    const card = company.getByTestId('clause-panel').getByTestId('clause-bracket');
    await card.getByRole('button', { name: 'Propose an option' }).click();
    await card.getByRole('textbox', { name: /^Your wording/ }).fill('serious');
    await card.getByRole('button', { name: 'Propose this option' }).click();
    // The first delegation's page shows the competing option arrive, live.
    await row(ngo, '1.').getByText('serious').waitFor({ timeout: 20_000 });
    await row(company, '1.').locator('.clause-text', { hasText: '[significant][substantial][serious]' }).waitFor({ timeout: 20_000 });

    // Tap an alternative: who proposed it, their organisation and stakeholder group, when and why.
    const reader = await browsers.open({ language: 'en', reportPageErrorsAs: 'reader' });
    await reader.goto(`${t.baseUrl}/documents/${doc.id}`);
    await row(reader, '1.')
      .getByRole('button', { name: /substantial/ })
      .click();
    const pop = reader.getByRole('dialog');
    await pop.getByText(g.ngo.organisation.name).waitFor();
    await pop.getByText('The threshold in our national law.').waitFor();
    await pop.getByText('Civil society').waitFor();
    await reader.keyboard.press('Escape');
    await row(reader, '1.')
      .getByRole('button', { name: /serious/ })
      .focus();
    await reader.keyboard.press('Enter');
    await reader.getByRole('dialog').getByText(g.company.organisation.name).waitFor();
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'brackets-attribution.png', { fullPage: false });
  });

  it('a member who is not a chair is not offered the removal; the chair removes the brackets by choosing an option with a reason; the ledger tells it', async () => {
    const company = await openAs(g.company);
    await company.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseByLabel(doc, '1.').id}&panel=brackets`);
    await company.getByTestId('clause-bracket').getByRole('button', { name: 'Propose an option' }).waitFor();
    expect(await company.getByRole('button', { name: 'Remove the brackets' }).count()).toBe(0);

    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseByLabel(doc, '1.').id}&panel=brackets`);
    const card = chair.getByTestId('clause-panel').getByTestId('clause-bracket');
    await card.getByRole('button', { name: 'Remove the brackets' }).click();
    await card.getByRole('radio', { name: 'Choose option 2: “serious”' }).check();
    await card.getByRole('textbox', { name: /^Reason/ }).fill('Agreed in informal consultations.');
    expect(await axeViolations(chair)).toEqual([]);
    await card.getByRole('button', { name: 'Remove the brackets' }).last().click();
    await chair.getByTestId('bracket-summary').getByText('1 chosen option waiting for the next version').waitFor();
    expect(await row(chair, '1.').getByTestId('bracket').count()).toBe(0);
    expect((await brackets())[0]).toMatchObject({ status: 'removed', removal: { resolution: 'option-chosen', reason: 'Agreed in informal consultations.' } });

    await chair.getByTestId('bracket-summary').getByRole('link', { name: 'Bracket ledger' }).click();
    const entry = chair.getByTestId('ledger-entry');
    await entry.getByText('[significant][substantial][serious]').waitFor();
    await entry.getByText('Our capital has not agreed this threshold.').waitFor();
    await entry.getByText(g.company.organisation.name).first().waitFor();
    await entry.getByTestId('ledger-removal').getByText('Removed by choosing “serious”').waitFor();
    await entry.getByTestId('ledger-removal').getByText('Agreed in informal consultations.').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
  });

  it('in French, on a phone: the alternatives stack and the ledger speaks French', async () => {
    const text = clauseByLabel(doc, '2.').text;
    const passage = 'intentionally and substantially';
    const start = text.indexOf(passage);
    const res = await g.government.client.post(`/api/documents/${doc.id}/brackets`, {
      version: 1,
      clauseId: clauseByLabel(doc, '2.').id,
      start,
      end: start + passage.length,
      passage,
      reason: 'Recklessness matters too.',
      options: [{ text: 'intentionally or recklessly' }],
    });
    expect(res.status).toBe(201);

    const phone = await openAs(g.government, 'fr', { width: 375, height: 800 });
    await phone.goto(`${t.baseUrl}/documents/${doc.id}`);
    const group = row(phone, '2.').getByTestId('bracket');
    await group.waitFor();
    expect(await group.evaluate((el) => getComputedStyle(el).flexDirection)).toBe('column');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.getByTestId('bracket-summary').getByText('1 passage entre crochets').waitFor();
    await row(phone, '2.')
      .getByRole('button', { name: /or recklessly/ })
      .click();
    await phone.getByRole('dialog').getByText('Option proposée par', { exact: false }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'brackets-phone-fr.png', { fullPage: false });
    await phone.keyboard.press('Escape');
    await phone.goto(`${t.baseUrl}/documents/${doc.id}/brackets`);
    await phone.getByRole('heading', { level: 1, name: /Registre des crochets/ }).waitFor();
    await phone.getByText('Levés en retenant « serious »').waitFor();
    expect(await axeViolations(phone)).toEqual([]);
  });
});
