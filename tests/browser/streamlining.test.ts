import type { AmendmentResponse, BallotResponse, DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const MERGED = 'Prevent theft of trade secrets by any means, while protecting security researchers.';

/**
 * Streamlining and recommendations in the browser (decision 0034): the chair merges two competing
 * proposals into one (the sources say "merged into"), recommends it, and opens one ballot adopting
 * the recommendations; a member reads each recommendation on the ballot page before voting, in
 * French, on a phone.
 */
describe('streamlining and the chair’s recommendations in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let ngoProposal: AmendmentResponse;
  let other: AmendmentResponse;
  let chair: Page;
  let ballotId: string;
  const api = () => new ApiClient(t.baseUrl);
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const propose = async (who: Delegate, label: string, text: string) =>
    (await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, kind: 'replace', targetClauseId: clauseByLabel(doc, label).id, text, rationale: 'Clearer.' })).body;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    ngoProposal = await propose(g.ngo, '4.', 'Prevent theft of trade secrets, while protecting security researchers.');
    await propose(g.company, '4.', 'Prevent theft of trade secrets by any means.');
    other = await propose(g.government, '7.', 'Principle seven, otherwise.');
    chair = await openAs(g.chair);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair streamlines two competing proposals into one; the sources say they were merged into it', async () => {
    await chair.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseByLabel(doc, '4.').id}`);
    const panel = chair.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    await panel.getByRole('button', { name: 'Streamline proposals' }).click();
    const form = panel.getByRole('region', { name: 'Streamline competing proposals' });
    await form.getByRole('checkbox', { name: new RegExp(g.ngo.name) }).check();
    await form.getByRole('checkbox', { name: new RegExp(g.company.name) }).check();
    await form.getByRole('textbox', { name: /^Streamlined text/ }).fill(MERGED);
    await form.getByRole('textbox', { name: /^Rationale/ }).fill('Both proposals keep their substance.');
    expect(await axeViolations(chair)).toEqual([]);
    await form.getByRole('button', { name: 'Merge into one proposal' }).click();

    const proposal = panel.getByTestId('amendment').filter({ has: chair.getByTestId('streamlined-badge') });
    await proposal.waitFor();
    await proposal.getByTestId('streamlined-sources').getByText(g.ngo.name).waitFor();
    await proposal.getByTestId('streamlined-sources').getByText(g.company.name).waitFor();
    const source = panel.locator(`[data-amendment-id="${ngoProposal.id}"]`);
    expect(await source.getAttribute('data-status')).toBe('merged');
    await source.getByTestId('merged-into').getByText(/^Merged into the chair’s streamlined proposal A-/).waitFor();
    await screenshot(chair, 'streamlining-merged.png', { fullPage: false });
  });

  it('the chair records a recommendation, shown apart from the decision', async () => {
    const panel = chair.getByTestId('clause-panel');
    const proposal = panel.getByTestId('amendment').filter({ has: chair.getByTestId('streamlined-badge') });
    await proposal.getByRole('button', { name: 'Give a recommendation' }).click();
    await proposal.getByRole('textbox', { name: /^Reasons/ }).fill('It carries the substance of both proposals.');
    await proposal.getByRole('button', { name: 'Record the recommendation' }).click();
    const note = proposal.getByTestId('recommendation');
    await note.getByText('Chair’s recommendation: accept').waitFor();
    await note.getByText('A recommendation, not the decision: members decide by ballot.').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
  });

  it('the chair opens one ballot adopting two recommendations, picking them on the document page by keyboard', async () => {
    expect((await g.chair.client.post(`/api/amendments/${other.id}/recommendation`, { recommendation: 'reject', reason: 'It weakens the principle.' })).status).toBe(201);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByRole('button', { name: 'Ballot on recommendations' }).click();
    const launcher = chair.getByRole('region', { name: 'One ballot adopting the chair’s recommendations' });
    const items = launcher.getByTestId('recommendations-ballot-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    // By keyboard alone: Tab to each amendment, Space to pick it, Enter on the confirming button.
    await launcher.getByRole('checkbox').first().focus();
    await chair.keyboard.press('Space');
    await chair.keyboard.press('Tab');
    await chair.keyboard.press('Space');
    expect(await launcher.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await launcher.getByRole('button', { name: 'Open the ballot on 2 recommendations' }).focus();
    await chair.keyboard.press('Enter');
    await chair.waitForURL(/\/ballots\/[0-9a-f-]+$/);
    ballotId = chair.url().split('/ballots/')[1];
    await chair.getByTestId('recommendations-set').waitFor();
    expect((await api().get<BallotResponse>(`/api/ballots/${ballotId}`)).body.subject.type).toBe('recommendations');
  });

  it('en français, sur un téléphone : un membre lit chaque recommandation sur la page du scrutin avant de voter', async () => {
    const page = await openAs(g.ngo, 'fr', { width: 375, height: 812 });
    await page.goto(`${t.baseUrl}/ballots/${ballotId}`);
    const set = page.getByTestId('recommendations-set');
    await set.waitFor();
    const items = set.getByTestId('recommendations-item');
    expect(await items.count()).toBe(2);
    await set.getByText('Recommandation de la présidence : adopter').waitFor();
    await set.getByText('Recommandation de la présidence : rejeter').waitFor();
    await set.getByText('It weakens the principle.').waitFor();
    // Not yet voted: the recommendation is read before the vote.
    expect((await api().get<BallotResponse>(`/api/ballots/${ballotId}`)).body.votesCast).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'streamlining-recommendations-ballot-fr-phone.png', { fullPage: false });
  });
});
