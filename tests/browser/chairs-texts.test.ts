import type { DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const REV1_4 = 'Prevent ICT-enabled theft of intellectual property, for commercial advantage, while protecting good-faith security research.';
const NEW_PARAGRAPH = 'Share information on threats among all stakeholders without delay.';

/**
 * Chair's texts in the browser (issue #18): the chair (a company delegate) issues Rev.1 through the
 * editor (rewording, adding, removing and reordering paragraphs, then reviewing the changes); the
 * version's heading shows its label, standing and pen holder; provenance names the office and the
 * pen holder's stakeholder group. In French, on a phone, the rapporteur issues the next one.
 */
describe('chair’s texts in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const api = () => new ApiClient(t.baseUrl);
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    // The Zero draft was issued before (through the API): the editor then suggests Rev.1.
    const zero = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, {
      label: 'Zero draft',
      standing: 'non-paper',
      office: 'chair',
      clauses: doc.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
    });
    if (zero.status !== 201) throw new Error(`zero draft: ${zero.status} ${JSON.stringify(zero.body)}`);
    doc = zero.body;
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair issues Rev.1 through the editor: reworded, added, removed and reordered paragraphs, reviewed before it is issued', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByTestId('chairs-text-heading').getByRole('heading', { name: "Zero draft — Chair's text (non-paper)" }).waitFor();
    await chair.getByRole('button', { name: "Issue a chair's text" }).click();
    const dialog = chair.getByRole('dialog', { name: "Issue a chair's text as version 3" });
    const label = dialog.getByRole('textbox', { name: /^Label/ });
    await dialog.getByText('Suggested: Rev.1.', { exact: false }).waitFor();
    expect(await label.inputValue()).toBe('Rev.1');
    await dialog.getByRole('textbox', { name: /^Document symbol/ }).fill('PC/WG.2/2026/L.1/Rev.1');
    await dialog.getByRole('combobox', { name: 'Standing' }).selectOption('draft');
    await dialog.getByRole('combobox', { name: 'Issued by' }).selectOption('chair');

    // Paragraph 10 is principle 4.; 14 is principle 8.; 15 is principle 9.
    await dialog.getByRole('textbox', { name: 'Text of paragraph 10' }).fill(REV1_4);
    await dialog.getByRole('button', { name: 'Remove paragraph 14' }).click();
    // By keyboard: move the last paragraph (now 14) up, then add one after it.
    await dialog.getByRole('button', { name: 'Move paragraph 14 up' }).focus();
    await chair.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Add a paragraph after paragraph 13' }).focus();
    await chair.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Text of paragraph 14' }).fill(NEW_PARAGRAPH);
    expect(await dialog.getByTestId('chairs-text-paragraph').count()).toBe(15);
    expect(await axeViolations(chair)).toEqual([]);

    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    await dialog.getByText('What Rev.1 changes against version 2').waitFor();
    await dialog.getByText("Rev.1 — Chair's text (draft)").waitFor();
    await dialog.locator('li[data-status="changed"]').getByText('good-faith security research', { exact: false }).first().waitFor();
    await dialog.locator('li[data-status="inserted"]').getByText(NEW_PARAGRAPH).waitFor();
    await dialog.locator('li[data-status="deleted"]').first().waitFor();
    // Nothing is issued before the chair confirms.
    expect((await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.currentVersion).toBe(2);
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'chairs-texts-review.png', { fullPage: false });

    await dialog.getByRole('button', { name: 'Issue Rev.1 as version 3' }).click();
    const heading = chair.getByTestId('chairs-text-heading');
    await heading.getByRole('heading', { name: "Rev.1 — Chair's text (draft)" }).waitFor();
    await heading.getByText('Symbol: PC/WG.2/2026/L.1/Rev.1').waitFor();
    await heading.getByRole('link', { name: g.chair.name }).waitFor();
    const after = (await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
    expect(after.version).toMatchObject({ number: 3, chairsText: { label: 'Rev.1', standing: 'draft', office: 'chair', penHolder: { id: g.chair.id } } });
    expect(after.version.clauses.find((c) => c.id === clauseByLabel(doc, '4.').id)?.text).toBe(REV1_4);
    expect(after.version.clauses.some((c) => c.id === clauseByLabel(doc, '8.').id)).toBe(false);
    expect(after.version.clauses.at(-2)?.text).toBe(NEW_PARAGRAPH);
    expect(await axeViolations(chair)).toEqual([]);
  });

  it('provenance names the office and the pen holder’s organisation and stakeholder group', async () => {
    const reader = await browsers.open({ language: 'en' });
    await reader.goto(`${t.baseUrl}/documents/${doc.id}/versions/3/provenance`);
    await reader.getByTestId('chairs-text-heading').getByRole('heading', { name: "Rev.1 — Chair's text (draft)" }).waitFor();
    const written = reader.locator('.prov-segment[data-origin="chairs-text"]').first();
    await written.waitFor();
    expect(await written.getAttribute('data-group')).toBe('private-sector');
    expect(await written.getAttribute('title')).toBe(`Written in the Chair's text Rev.1 (pen: ${g.chair.name} (${g.chair.organisation.name}, Private sector))`);
    await reader.getByTestId('provenance-chairs-text').getByText(/words written in chair's texts, counted under the pen holder's stakeholder group/).waitFor();
    await reader.getByText(`Rev.1, Chair's text, pen held by`).first().waitFor();
    expect(await axeViolations(reader)).toEqual([]);
  });

  it('en français, sur un téléphone : le rapporteur publie Rev.2 au clavier, et l’en-tête de la version le dit', async () => {
    const phone = await openAs(g.rapporteur, 'fr', { width: 375, height: 812 });
    await phone.goto(`${t.baseUrl}/documents/${doc.id}`);
    await phone.getByTestId('chairs-text-heading').getByRole('heading', { name: 'Rev.1 — Texte de la présidence (statut : projet)' }).waitFor();
    await phone.getByRole('button', { name: 'Publier un texte de la présidence' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Publier un texte de la présidence comme version 4' });
    await dialog.getByText('Suggestion : Rev.2.', { exact: false }).waitFor();
    await dialog.getByRole('combobox', { name: 'Statut' }).selectOption('final');
    await dialog.getByRole('combobox', { name: 'Publié par' }).selectOption('co-facilitators');
    await dialog.getByRole('textbox', { name: 'Texte du paragraphe 2' }).fill('Le cyberespace joue désormais un rôle essentiel dans tous les aspects de nos vies.');
    // Nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(phone)).toEqual([]);
    await dialog.getByRole('button', { name: 'Vérifier les changements' }).focus();
    await phone.keyboard.press('Enter');
    await dialog.getByText('Ce que Rev.2 change par rapport à la version 3').waitFor();
    await dialog.locator('li[data-status="changed"]').first().waitFor();
    await screenshot(phone, 'chairs-texts-review-fr-phone.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Publier Rev.2 comme version 4' }).focus();
    await phone.keyboard.press('Enter');
    await phone.getByTestId('chairs-text-heading').getByRole('heading', { name: 'Rev.2 — Texte des cofacilitateurs (statut : définitif)' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(phone)).toEqual([]);
    expect((await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version.chairsText).toMatchObject({ label: 'Rev.2', standing: 'final', office: 'co-facilitators', penHolder: { id: g.rapporteur.id } });
  });
});
