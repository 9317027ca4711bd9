import type { AmendmentResponse, DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 800 };

/**
 * Clause status, ad ref and the compilation text, walked as a chair and delegates would (issue #18):
 * the counts line and each paragraph's badge; the chair moves a paragraph with a note and sees its
 * history; a delegate agrees a paragraph ad ref for their delegation; the compilation text filtered
 * by stakeholder group, in French, on a phone.
 */
describe('clause status and the compilation in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let paragraphs: number;

  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const row = (page: Page, label: string) => page.locator(`li.clause-row[data-label="${label}"]`);
  const openStatus = async (page: Page, label: string, tab = 'Status and ad ref') => {
    await row(page, label).locator('.clause-open').click();
    const panel = page.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: tab }).click();
    return panel;
  };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    paragraphs = doc.version.clauses.filter((c) => c.kind !== 'heading').length;
    // Principle 1 was agreed at the first reading.
    const agreed = await g.chair.client.post(`/api/documents/${doc.id}/clauses/${clauseByLabel(doc, '1.').id}/status`, { status: 'agreed', note: 'Agreed at the first reading.' });
    if (agreed.status !== 201) throw new Error(`status: ${agreed.status}`);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the document says where the text stands and badges each paragraph; the chair moves one with a note and reads its history', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByTestId('negotiation-counts-line').getByText(`1 of ${paragraphs} paragraphs agreed, 0 ad ref, 0 bracketed`).waitFor();
    await chair.getByText('Provisional until the text is adopted: nothing is agreed until everything is agreed.').waitFor();
    expect(await row(chair, '1.').getByTestId('clause-status').textContent()).toBe('Agreed · provisional');
    // Not yet read: no badge until a paragraph moves.
    expect(await row(chair, '2.').getByTestId('clause-status').count()).toBe(0);

    const panel = await openStatus(chair, '2.');
    const form = panel.getByRole('form', { name: 'Change status' });
    await form.getByRole('textbox', { name: 'Status' }).click();
    await chair.getByRole('option', { name: 'Referred to an informal group' }).click();
    await form.getByRole('textbox', { name: 'Note' }).fill('Sent to the informal group on definitions.');
    await form.getByRole('button', { name: 'Record the status' }).click();
    const history = panel.getByTestId('clause-status-history');
    await history.getByText('Sent to the informal group on definitions.').waitFor();
    await history.getByText('Referred to an informal group').waitFor();
    await row(chair, '2.').getByTestId('clause-status').getByText('Referred to an informal group').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
  });

  it('a delegate agrees a paragraph ad ref for their delegation; the badge and the counts say so; another delegation is not offered to lift it', async () => {
    const ngo = await openAs(g.ngo);
    await ngo.goto(`${t.baseUrl}/documents/${doc.id}`);
    const panel = await openStatus(ngo, '3.');
    // A delegate does not move the status: no status form for them.
    expect(await panel.getByRole('button', { name: 'Record the status' }).count()).toBe(0);
    await panel.getByText(`Agree ad ref for ${g.ngo.snapshot.organisationName}`).first().waitFor();
    await panel.getByRole('button', { name: 'Agree ad ref' }).click();
    await row(ngo, '3.').getByTestId('ad-ref-badge').getByText(g.ngo.snapshot.organisationName, { exact: false }).waitFor();
    await ngo.getByTestId('negotiation-counts-line').getByText(`1 of ${paragraphs} paragraphs agreed, 1 ad ref, 0 bracketed`).waitFor();
    await panel.getByRole('button', { name: 'Lift (capital confirmed)' }).waitFor();

    const company = await openAs(g.company);
    await company.goto(`${t.baseUrl}/documents/${doc.id}`);
    const other = await openStatus(company, '3.');
    await other.getByTestId('ad-ref-item').waitFor();
    expect(await other.getByRole('button', { name: 'Lift (capital confirmed)' }).count()).toBe(0);
    expect(await other.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
  });

  it('the compilation text, in French on a phone, filtered by stakeholder group: each proposal with its organisation and group', async () => {
    const four = clauseByLabel(doc, '4.');
    const propose = async (who: Delegate, text: string) =>
      (await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: four.id, text, rationale: 'Clearer.' })).body;
    await propose(g.ngo, 'Protect security researchers.');
    await propose(g.company, 'Protect trade secrets first.');

    const reader = await openAs(g.observer, 'fr', PHONE);
    await reader.goto(`${t.baseUrl}/documents/${doc.id}`);
    await reader.getByTestId('negotiation-counts-line').getByText(`1 sur ${paragraphs} paragraphes convenus, 1 ad referendum, 0 entre crochets`).waitFor();
    await row(reader, '1.').getByTestId('clause-status').getByText('Convenu · provisoire').waitFor();
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await reader.getByRole('navigation').getByRole('link', { name: 'Texte compilé' }).click();
    await reader.waitForURL((u) => u.pathname === `/documents/${doc.id}/compilation`);
    const list = reader.getByTestId('compilation');
    await list.getByText('“Protect security researchers.”', { exact: false }).waitFor();
    await list.getByText('“Protect trade secrets first.”', { exact: false }).waitFor();
    await reader.getByTestId('compilation-totals').getByText('2 amendements en cours, 0 crochet, 0 variante').waitFor();

    await reader.getByRole('textbox', { name: 'Groupe de parties prenantes' }).click();
    await reader.getByRole('option', { name: 'Société civile' }).click();
    await reader.waitForURL((u) => u.searchParams.get('group') === 'civil-society');
    await reader.getByTestId('compilation-totals').getByText('1 amendement en cours, 0 crochet, 0 variante').waitFor();
    await list.getByText('“Protect security researchers.”', { exact: false }).waitFor();
    expect(await list.getByText('“Protect trade secrets first.”', { exact: false }).count()).toBe(0);
    await list.getByText(`${g.ngo.snapshot.organisationName} · Société civile`, { exact: false }).first().waitFor();
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(reader)).toEqual([]);
  });
});
