import type { DocumentResponse, OpenedBallotResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 800 };

/**
 * Explanations of position on a consensus adoption (issue #19, decision record 0037): a delegate
 * explains their delegation's position while the ballot is open; after adoption another delegation
 * disassociates from OP7; a visitor who is not signed in reads both on the document page and the
 * signatories page, in French on a phone.
 */
describe('explanations of position in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let ballotId: string;

  const openAs = (who: Pick<Delegate, 'email' | 'name'>): Promise<Page> => browsers.openLoggedIn(who.email, PASSWORD, { language: 'en', reportPageErrorsAs: who.name });
  const form = (page: Page) => page.getByRole('form', { name: 'Place an explanation of position' });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const opened = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { rule: 'consensus' });
    if (opened.status !== 201) throw new Error(`adoption ballot: ${opened.status}`);
    ballotId = opened.body.ballotId;
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('while the consensus ballot is open, a delegate places a position before the decision, by keyboard', async () => {
    const page = await openAs(g.government);
    await page.goto(`${t.baseUrl}/documents/${doc.id}`);
    const f = form(page);
    await f.getByText('The decision is under way', { exact: false }).waitFor();
    await f.getByRole('radio', { name: 'Position' }).check();
    await f.getByRole('textbox', { name: 'Statement' }).fill('We join consensus and read principle 4 as covering researchers.');
    await f.getByRole('textbox', { name: 'Statement' }).press('Tab');
    await f.getByRole('button', { name: 'Place on the record' }).focus();
    await page.keyboard.press('Enter');
    const item = page.getByTestId('explanation').filter({ hasText: 'We join consensus' });
    await item.getByText('Before the decision').waitFor();
    await item.getByText(g.government.snapshot.organisationName).first().waitFor();
    await item.getByText('On the text as a whole').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('after adoption by consensus, another delegation disassociates from OP7', async () => {
    for (const m of [g.chair, g.rapporteur, g.company, g.government]) await m.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' });
    await g.ngo.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'abstain' });
    const closed = await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Everyone has spoken.' });
    expect(closed.status).toBe(200);

    const page = await openAs(g.ngo);
    await page.goto(`${t.baseUrl}/documents/${doc.id}`);
    const f = form(page);
    await f.getByText('this statement will read “after the decision”', { exact: false }).waitFor();
    await f.getByRole('radio', { name: 'Disassociation' }).check();
    await f.getByRole('textbox', { name: 'Paragraphs' }).click();
    await page.getByRole('option', { name: /^OP7 —/ }).click();
    await page.keyboard.press('Escape');
    await f.getByRole('textbox', { name: 'Statement' }).fill('We disassociate from principle 7.');
    await f.getByRole('button', { name: 'Place on the record' }).click();
    await page.getByTestId('disassociations').getByText(`${g.ngo.snapshot.organisationName} disassociated from OP7`).waitFor();
    const item = page.getByTestId('explanation').filter({ hasText: 'We disassociate from principle 7.' });
    await item.getByText('After the decision').waitFor();
    await item.getByText('On OP7').waitFor();
    await page.getByTestId('explanations').scrollIntoViewIfNeeded();
    await screenshot(page, 'explanations-document-after.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a visitor who is not signed in reads both on the document page and the signatories page, and provenance says who disassociated', async () => {
    const page = await browsers.open({ language: 'en' });
    await page.goto(`${t.baseUrl}/documents/${doc.id}`);
    const section = page.getByTestId('explanations');
    await section.getByText('We join consensus', { exact: false }).waitFor();
    await section.getByText('We disassociate from principle 7.').waitFor();
    expect(await form(page).count()).toBe(0);
    await page.goto(`${t.baseUrl}/documents/${doc.id}/versions/1/signatories`);
    await page.getByTestId('signatories-explanations').getByText(`${g.ngo.snapshot.organisationName} disassociated from OP7`).waitFor();
    await screenshot(page, 'explanations-signatories.png');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${t.baseUrl}/documents/${doc.id}/versions/1/provenance`);
    await page.getByTestId('provenance-disassociation').getByText(`${g.ngo.snapshot.organisationName} disassociated from OP7`).waitFor();
    await screenshot(page, 'explanations-provenance.png');
  });

  it('in French on a phone, without signing in', async () => {
    const page = await browsers.open({ language: 'fr', viewport: PHONE });
    await page.goto(`${t.baseUrl}/documents/${doc.id}`);
    const section = page.getByTestId('explanations');
    await section.getByRole('heading', { name: 'Explications de position' }).waitFor();
    await section.getByText(`${g.ngo.snapshot.organisationName} se dissocie de OP7`).waitFor();
    await section.getByText('Avant la décision').first().waitFor();
    await section.getByText('Après la décision').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'explanations-document-fr-phone.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });
});
