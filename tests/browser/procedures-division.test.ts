import type { AmendmentResponse, DivisionList, DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 800 };
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * Division of the question and order of voting, walked as members and the chair would (issue #19):
 * the chair sets the order of voting on competing amendments with the keyboard and everyone reads it
 * before voting; a member asks for a separate vote on paragraph 5.; the chair puts it to a ballot;
 * members vote; it closes and the result is shown; the vote on the whole follows on the text without
 * the paragraph; a member reads it all in French on a phone.
 */
describe('a divided vote in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const amendments: string[] = [];

  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const row = (page: Page, label: string) => page.locator(`li.clause-row[data-label="${label}"]`);

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const target = clauseByLabel(doc, '4.');
    for (const [who, text] of [
      [g.ngo, 'A wording close to the original.'],
      [g.company, 'A wording far from the original.'],
    ] as const) {
      const res = await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: target.id, text, rationale: 'Better.' });
      if (res.status !== 201) throw new Error(`amendment: ${res.status}`);
      amendments.push(res.body.id);
    }
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair sets the order of voting on paragraph 4. by keyboard, with a reason; it is shown before voting and on the amendment’s ballot page', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await row(chair, '4.').locator('.clause-open').click();
    const panel = chair.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    const order = panel.getByTestId('voting-order');
    await order.getByText('No order of voting is set: competing amendments may be put to the vote in any order.').waitFor();
    // The company's wording is furthest from the text: move it up, by keyboard.
    const up = order.getByRole('button', { name: 'Move up: replace with “A wording far from the original.”' });
    await up.focus();
    await chair.keyboard.press('Enter');
    const editor = order.getByTestId('voting-order-editor');
    expect((await editor.locator('li p').allTextContents()).map((s) => s.trim())).toEqual(['No. 1: replace with “A wording far from the original.”', 'No. 2: replace with “A wording close to the original.”']);
    await order.getByRole('textbox', { name: 'Reason for this order (public)' }).fill('Furthest in substance from the original first.');
    await order.getByRole('button', { name: 'Save the order of voting' }).click();
    await order.getByTestId('voting-order-list').getByText('replace with “A wording far from the original.”').waitFor();
    await order.getByText('Reason: Furthest in substance from the original first.').waitFor();
    expect(await axeViolations(chair)).toEqual([]);

    // The member reads the order before voting.
    const ngo = await openAs(g.ngo);
    await ngo.goto(`${t.baseUrl}/documents/${doc.id}`);
    await row(ngo, '4.').locator('.clause-open').click();
    await ngo.getByTestId('clause-panel').getByRole('tab', { name: /^Amendments/ }).click();
    const list = ngo.getByTestId('voting-order-list');
    await list.locator('li').nth(1).waitFor();
    expect((await list.locator('li').allTextContents()).map((s) => s.trim())).toEqual(['replace with “A wording far from the original.”', 'replace with “A wording close to the original.”']);

    const opened = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${amendments[1]}/ballot`, { closesAt: inAnHour() });
    expect(opened.status).toBe(201);
    await ngo.goto(`${t.baseUrl}/ballots/${opened.body.ballotId}`);
    await ngo.getByTestId('voting-place').getByText('Voted 1st of 2 on paragraph 4.').waitFor();
  });

  it('a member requests a separate vote on paragraph 5.; the chair puts it to a ballot; members vote; it closes; the result is shown and the vote on the whole follows', async () => {
    const ngo = await openAs(g.ngo);
    await ngo.goto(`${t.baseUrl}/documents/${doc.id}`);
    const panel = ngo.getByTestId('division-panel');
    await panel.getByText('No separate vote has been asked for.').waitFor();
    const form = panel.getByRole('form', { name: 'Request a separate vote' });
    await form.getByRole('textbox', { name: 'Paragraphs to vote on separately' }).click();
    await ngo.getByRole('option', { name: 'paragraph 5.' }).click();
    await ngo.keyboard.press('Escape');
    await form.getByRole('textbox', { name: 'Reason' }).fill('Our delegation cannot accept paragraph 5.');
    await form.getByRole('button', { name: 'Request the separate vote' }).click();
    const item = panel.getByTestId('division-item');
    await item.getByText('Awaiting the chair').waitFor();
    await item.getByText('Our delegation cannot accept paragraph 5.').waitFor();
    await panel.getByText(/the text cannot be put to adoption/).waitFor();
    expect(await axeViolations(ngo)).toEqual([]);

    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    const chairPanel = chair.getByTestId('division-panel');
    await chairPanel.getByRole('button', { name: 'Put to a separate ballot' }).click();
    await chairPanel.getByText('Under ballot').waitFor();
    await chairPanel.getByRole('link', { name: 'See the separate ballot' }).click();
    await chair.getByTestId('division-subject').getByText('Retain these paragraphs of version 1 of “Paris Call — draft principles”?').waitFor();

    // The member votes in the browser; the others by the API; the chair closes.
    const ballotId = (await g.chair.client.get<DivisionList>(`/api/documents/${doc.id}/divisions`)).body.divisions[0].ballotId!;
    await ngo.goto(`${t.baseUrl}/ballots/${ballotId}`);
    await ngo.getByRole('radiogroup', { name: 'Choose your vote' }).getByRole('radio', { name: 'No', exact: true }).check();
    await ngo.getByRole('button', { name: 'Cast my vote' }).click();
    await ngo.getByTestId('my-vote').waitFor();
    for (const [who, choice] of [
      [g.chair, 'no'],
      [g.rapporteur, 'no'],
      [g.company, 'yes'],
      [g.government, 'no'],
    ] as const) {
      const v = await who.client.post(`/api/ballots/${ballotId}/votes`, { choice });
      expect(v.status).toBe(200);
    }
    expect((await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'All have voted.' })).status).toBe(200);
    await ngo.goto(`${t.baseUrl}/ballots/${ballotId}`);
    await ngo.getByTestId('ballot-next-steps').getByText('The paragraphs are deleted by the next consolidation, before the vote on the whole.').waitFor();

    await ngo.goto(`${t.baseUrl}/documents/${doc.id}`);
    await ngo.getByTestId('division-result').getByText('paragraph 5. not retained 1–4 by separate vote: deleted by the next consolidation').waitFor();
  });

  it('in French on a phone, the separate votes and their results read in the glossary’s words', async () => {
    const gov = await openAs(g.government, 'fr', PHONE);
    await gov.goto(`${t.baseUrl}/documents/${doc.id}`);
    const panel = gov.getByTestId('division-panel');
    await panel.getByRole('heading', { name: 'Scrutins séparés (division)' }).waitFor();
    await panel.getByTestId('division-result').getByText('le paragraphe 5. non maintenu (1 voix contre 4) lors d’un scrutin séparé : supprimé par la prochaine consolidation').waitFor();
    expect(await gov.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(gov)).toEqual([]);
    await screenshot(gov, 'procedures-division-fr-phone.png', { fullPage: true });
  });

  it('the chair consolidates without paragraph 5.; the vote on the whole follows and its page shows the separate vote', async () => {
    const ngo = await openAs(g.ngo);
    const next = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`, { note: 'Paragraph 5 deleted as voted separately.' });
    expect(next.status).toBe(201);
    expect(next.body.version.clauses.some((c) => c.id === clauseByLabel(doc, '5.').id)).toBe(false);
    const adoption = await g.chair.client.post<{ ballotId: string }>(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { closesAt: inAnHour(), acknowledgedWarnings: ['open-amendment-ballots'] });
    expect(adoption.status).toBe(201);
    await ngo.goto(`${t.baseUrl}/ballots/${adoption.body.ballotId}`);
    await ngo.getByTestId('division-results').getByText('paragraph 5. not retained 1–4 by separate vote: deleted in version 2').waitFor();
    expect(await axeViolations(ngo)).toEqual([]);
    // The vote on the whole: every member votes yes, and the text without paragraph 5. is adopted.
    for (const who of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) expect((await who.client.post(`/api/ballots/${adoption.body.ballotId}/votes`, { choice: 'yes' })).status).toBe(200);
    expect((await g.chair.client.post(`/api/ballots/${adoption.body.ballotId}/close`, { reason: 'All have voted.' })).status).toBe(200);
  });
});
