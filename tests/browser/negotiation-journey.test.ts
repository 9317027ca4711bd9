import type { BallotResponse, BracketListResponse, DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 812 };
const PASSAGE = 'intentionally and substantially';
const GOVERNMENT_OPTION = 'intentionally or recklessly';
const COMPANY_OPTION = 'intentionally';
const STREAMLINED = 'intentionally or through gross negligence';
const REV1_4 = 'Prevent ICT-enabled theft of intellectual property, for commercial advantage, while protecting good-faith security research.';

/**
 * Issue #18's "Done when", walked in chromium through the UI only (the API arranges the group and
 * its document): a government delegation brackets a passage and proposes an option, a company
 * delegation proposes a competing one, the chair streamlines the two into one, issues Rev.1 as a
 * chair's text keeping the bracketed passage, the NGO delegation agrees a paragraph ad ref until a
 * day, the chair cleans the last bracket (choosing the streamlined option, then consolidating) and
 * opens adoption acknowledging the open ad ref; an anonymous reader then finds in the public record,
 * the audit log and the bracket ledger who asked for what, and in the provenance which stakeholder
 * group held the pen. One reading in French on a phone.
 */
describe('issue #18 journey: brackets, streamlining, Rev.1, ad ref, a clean text put to adoption', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let chair: Page;
  let adoptionBallotId: string;
  const api = () => new ApiClient(t.baseUrl);
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const row = (page: Page, label: string) => page.locator(`li.clause-row[data-label="${label}"]`);
  const clause2 = () => clauseByLabel(doc, '2.');
  const brackets = async () => (await api().get<BracketListResponse>(`/api/documents/${doc.id}/brackets`)).body.brackets;
  const noWiderThanThePhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  /** "Name (Organisation, Stakeholder group)", as the audit log names an actor. */
  const who = (d: Delegate, group: string) => `${d.name} (${d.organisation.name}, ${group})`;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    chair = await openAs(g.chair);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a government delegation brackets a passage and proposes an option', async () => {
    const government = await openAs(g.government);
    await government.goto(`${t.baseUrl}/documents/${doc.id}`);
    await row(government, '2.').locator('button.clause-open').click();
    const panel = government.getByTestId('clause-panel');
    await panel.getByRole('button', { name: 'Quote a passage' }).click();
    const start = clause2().text.indexOf(PASSAGE);
    await panel
      .getByRole('textbox', { name: /^The clause’s text/ })
      .evaluate((el, [s, e]) => (el as HTMLTextAreaElement).setSelectionRange(s, e), [start, start + PASSAGE.length]);
    await panel.getByRole('button', { name: 'Quote the selected words' }).click();
    await panel.getByRole('tab', { name: 'Brackets' }).click();
    const form = panel.getByRole('form', { name: 'Bracket a passage' });
    await form.getByTestId('bracket-passage').getByText(`[${PASSAGE}]`).waitFor();
    await form.getByRole('textbox', { name: /^Why it is not agreed/ }).fill('Recklessness must be covered too.');
    await form.getByRole('button', { name: 'Add an option' }).click();
    await form.getByRole('textbox', { name: /^Option 1 wording/ }).fill(GOVERNMENT_OPTION);
    await form.getByRole('textbox', { name: /^Rationale/ }).fill('As in our criminal code.');
    await form.getByRole('button', { name: 'Put in brackets' }).click();
    await row(government, '2.').getByTestId('bracket').waitFor();
    expect(await row(government, '2.').locator('.clause-text').innerText()).toContain(`[${PASSAGE}][${GOVERNMENT_OPTION}]`);
    await government
      .getByTestId('negotiation-counts-line')
      .getByText(/, 1 bracketed$/)
      .waitFor();
  });

  it('a company delegation proposes a competing option', async () => {
    const company = await openAs(g.company);
    await company.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clause2().id}&panel=brackets`);
    const card = company.getByTestId('clause-panel').getByTestId('clause-bracket');
    await card.getByRole('button', { name: 'Propose an option' }).click();
    await card.getByRole('textbox', { name: /^Your wording/ }).fill(COMPANY_OPTION);
    await card.getByRole('textbox', { name: /^Rationale/ }).fill('Negligence is for national law.');
    await card.getByRole('button', { name: 'Propose this option' }).click();
    await row(company, '2.').getByText(`[${PASSAGE}][${GOVERNMENT_OPTION}][${COMPANY_OPTION}]`, { exact: false }).waitFor();
    // A delegation does not streamline: the pen is the chair's.
    expect(await card.getByRole('button', { name: 'Streamline options' }).count()).toBe(0);
  });

  it('the chair streamlines the two options into one, with a rationale (the options picked by keyboard); the merged ones say where they went', async () => {
    await chair.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clause2().id}&panel=brackets`);
    const card = chair.getByTestId('clause-panel').getByTestId('clause-bracket');
    await card.getByRole('button', { name: 'Streamline options' }).click();
    const form = card.getByRole('region', { name: 'Streamline options into one' });
    // Nothing is merged without two options, a wording and a rationale.
    await form.getByRole('button', { name: 'Merge into one option' }).click();
    await form.getByText('Pick at least two options.').waitFor();
    for (const text of [GOVERNMENT_OPTION, COMPANY_OPTION]) {
      await form.getByRole('checkbox', { name: new RegExp(`“${text}”`) }).focus();
      await chair.keyboard.press('Space');
    }
    expect(await form.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await form.getByRole('textbox', { name: /^Merged wording/ }).fill(STREAMLINED);
    await form.getByRole('textbox', { name: /^Rationale/ }).fill('Keeps the government’s concern and the company’s limit.');
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'journey-streamline-form.png', { fullPage: false });
    await form.getByRole('button', { name: 'Merge into one option' }).click();

    // Inline, only the live alternatives: the passage and the streamlined option.
    await row(chair, '2.').getByText(`[${PASSAGE}][${STREAMLINED}]`, { exact: false }).waitFor();
    expect(await row(chair, '2.').getByTestId('bracket').getByRole('button').count()).toBe(2);
    const options = card.getByTestId('bracket-option');
    expect(await options.count()).toBe(3);
    expect(await options.nth(0).getByTestId('option-merged-into').innerText()).toBe('Merged into option 3: no longer an alternative on its own.');
    expect(await options.nth(1).getByTestId('option-merged-into').innerText()).toBe('Merged into option 3: no longer an alternative on its own.');
    expect(await options.nth(2).getByTestId('option-sources').innerText()).toBe('Streamlines options 1 and 2');
    await options.nth(2).getByText('Streamlined option written by', { exact: false }).waitFor();
    await options.nth(2).getByText(g.chair.organisation.name).waitFor();
    // Only the live option can be chosen at removal.
    await card.getByRole('button', { name: 'Remove the brackets' }).click();
    expect(await card.getByRole('radio').count()).toBe(2);
    await card.getByRole('radio', { name: `Choose option 3: “${STREAMLINED}”` }).waitFor();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(chair, 'journey-streamlined.png', { fullPage: false });
  });

  it('anyone reads the compilation text: the merged options attributed and marked, only the live ones inline (axe clean)', async () => {
    const reader = await browsers.open({ language: 'en', reportPageErrorsAs: 'reader' });
    await reader.goto(`${t.baseUrl}/documents/${doc.id}/compilation`);
    const item = reader.getByTestId('compilation-bracket');
    await item.getByText(`[${PASSAGE}][${STREAMLINED}]`).waitFor();
    await item.getByText(`${g.government.organisation.name} · Government`, { exact: false }).first().waitFor();
    const merged = item.locator('li[data-merged="true"]');
    expect(await merged.count()).toBe(2);
    expect(await merged.first().innerText()).toContain('merged into Alt 4');
    expect(await axeViolations(reader)).toEqual([]);
    await item.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(reader, 'journey-compilation.png', { fullPage: false });
  });

  it('en français, sur un téléphone : le passage entre crochets se lit, avec l’option de synthèse seulement, et le panneau du paragraphe tient dans l’écran', async () => {
    const phone = await openAs(g.observer, 'fr', PHONE);
    await phone.goto(`${t.baseUrl}/documents/${doc.id}`);
    const group = row(phone, '2.').getByTestId('bracket');
    await group.waitFor();
    expect(await group.evaluate((el) => getComputedStyle(el).flexDirection)).toBe('column');
    expect(await group.innerText()).not.toContain(COMPANY_OPTION + ']');
    await noWiderThanThePhone(phone);
    await row(phone, '2.').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await row(phone, '2.')
      .getByRole('button', { name: new RegExp(STREAMLINED) })
      .click();
    await phone.getByRole('dialog').getByText('Option de synthèse rédigée par', { exact: false }).waitFor();
    await phone.getByRole('dialog').getByText('Keeps the government’s concern and the company’s limit.').waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'journey-phone-fr-bracket.png', { fullPage: false });
    await phone.keyboard.press('Escape');

    await phone.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clause2().id}&panel=brackets`);
    const panel = phone.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: 'Crochets' }).waitFor();
    await panel.getByTestId('option-sources').getByText('Fusionne les options 1 et 2').waitFor();
    expect(await panel.getByTestId('option-merged-into').first().innerText()).toBe('Fusionnée dans l’option 3 : n’est plus une variante à elle seule.');
    // Every tab of the clause panel is reachable on the phone, none cut off.
    const tabs = panel.getByRole('tab');
    expect(await tabs.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const box = (await tabs.nth(i).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await noWiderThanThePhone(phone);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'journey-phone-fr-panel.png', { fullPage: false });
  });

  it('the chair issues Rev.1 as a chair’s text (draft, the chair’s office), keeping the bracketed passage', async () => {
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByRole('button', { name: "Issue a chair's text" }).click();
    const dialog = chair.getByRole('dialog', { name: "Issue a chair's text as version 2" });
    const label = dialog.getByRole('textbox', { name: /^Label/ });
    await dialog.getByText('Suggested: Zero draft.', { exact: false }).waitFor();
    await label.fill('Rev.1');
    await dialog.getByRole('combobox', { name: 'Standing' }).selectOption('draft');
    await dialog.getByRole('combobox', { name: 'Issued by' }).selectOption('chair');
    // Paragraph 10 is principle 4.: the chair rewords it; principle 2. (the bracketed passage) is kept as it reads.
    await dialog.getByRole('textbox', { name: 'Text of paragraph 10' }).fill(REV1_4);
    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    await dialog.getByText('What Rev.1 changes against version 1').waitFor();
    await dialog.getByRole('button', { name: 'Issue Rev.1 as version 2' }).click();
    const heading = chair.getByTestId('chairs-text-heading');
    await heading.getByRole('heading', { name: "Rev.1 — Chair's text (draft)" }).waitFor();
    await heading.getByRole('link', { name: g.chair.name }).waitFor();
    // The bracket is still there, in the new version's text.
    await row(chair, '2.').getByText(`[${PASSAGE}][${STREAMLINED}]`, { exact: false }).waitFor();
    const now = (await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
    expect(now.version).toMatchObject({ number: 2, chairsText: { label: 'Rev.1', standing: 'draft', office: 'chair', penHolder: { id: g.chair.id } } });
    expect((await brackets())[0]).toMatchObject({ status: 'open', start: expect.any(Number) });
    await screenshot(chair, 'journey-rev1.png', { fullPage: false });
  });

  it('the NGO delegation agrees a paragraph ad ref until a day; the badge and the counts say so', async () => {
    const ngo = await openAs(g.ngo);
    await ngo.goto(`${t.baseUrl}/documents/${doc.id}`);
    await row(ngo, '3.').locator('.clause-open').click();
    const panel = ngo.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: 'Status and ad ref' }).click();
    const form = panel.getByRole('form', { name: `Agree ad ref for ${g.ngo.snapshot.organisationName}` });
    const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await form.getByRole('textbox', { name: /^Until \(last day\)/ }).fill(until);
    await form.getByRole('textbox', { name: /^Note/ }).fill('Pending instructions from our board.');
    await form.getByRole('button', { name: 'Agree ad ref' }).click();
    await row(ngo, '3.').getByTestId('ad-ref-badge').getByText(g.ngo.snapshot.organisationName, { exact: false }).waitFor();
    await ngo
      .getByTestId('negotiation-counts-line')
      .getByText(/ 1 ad ref, 1 bracketed$/)
      .waitFor();
    const item = panel.getByTestId('ad-ref-item').first();
    await item.waitFor();
    expect(await item.innerText()).toContain(`Ad ref: ${g.ngo.snapshot.organisationName} (until`);
  });

  it('the chair cleans the last bracket by choosing the streamlined option, consolidates, and opens adoption acknowledging the open ad ref', async () => {
    await chair.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clause2().id}&panel=brackets`);
    const card = chair.getByTestId('clause-panel').getByTestId('clause-bracket');
    await card.getByRole('button', { name: 'Remove the brackets' }).click();
    await card.getByRole('radio', { name: `Choose option 3: “${STREAMLINED}”` }).check();
    await card.getByRole('textbox', { name: /^Reason/ }).fill('Agreed in informal consultations on the streamlined wording.');
    await card.getByRole('button', { name: 'Remove the brackets' }).last().click();
    const summary = chair.getByTestId('bracket-summary');
    await summary.getByText('1 chosen option waiting for the next version', { exact: false }).waitFor();
    expect(await row(chair, '2.').getByTestId('bracket').count()).toBe(0);

    // The chosen option goes into the text by a consolidation, read before it is made.
    await summary.getByRole('button', { name: /^Consolidate/ }).click();
    const consolidate = chair.getByRole('dialog', { name: /^Consolidate version 3/ });
    await consolidate.getByText(`“${PASSAGE}” becomes “${STREAMLINED}”`).waitFor();
    await consolidate.getByRole('textbox', { name: /^Note on the new version/ }).fill('The streamlined wording agreed for principle 2.');
    await screenshot(chair, 'journey-consolidate.png', { fullPage: false });
    await consolidate.getByRole('button', { name: 'Create version 3' }).click();
    await row(chair, '2.').locator('.clause-text').getByText(STREAMLINED, { exact: false }).waitFor();
    const v3 = (await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
    expect(v3.currentVersion).toBe(3);
    expect(clauseByLabel(v3, '2.').text).toContain(STREAMLINED);
    expect(clauseByLabel(v3, '2.').text).not.toContain(PASSAGE);
    await chair
      .getByTestId('negotiation-counts-line')
      .getByText(/ 1 ad ref, 0 bracketed$/)
      .waitFor();

    await chair.getByRole('button', { name: 'Open the adoption ballot' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Adopt version 3' });
    const adRef = dialog.getByTestId('adoption-warning-open-ad-ref');
    await adRef.getByText(g.ngo.snapshot.organisationName, { exact: false }).first().waitFor();
    // No bracket is left open and no chosen option waits: those warnings are not there.
    expect(await dialog.getByTestId('adoption-warning-open-brackets').count()).toBe(0);
    expect(await dialog.getByTestId('adoption-warning-unapplied-bracket-choices').count()).toBe(0);
    const submit = dialog.getByRole('button', { name: 'Open it anyway' });
    expect(await submit.isDisabled()).toBe(true);
    await adRef.getByRole('checkbox').check();
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'journey-adoption-warning.png', { fullPage: false });
    await submit.click();
    await chair.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
    adoptionBallotId = new URL(chair.url()).pathname.split('/').pop()!;
    const ballot = (await api().get<BallotResponse>(`/api/ballots/${adoptionBallotId}`)).body;
    expect(ballot).toMatchObject({ subject: { type: 'adoption' }, status: 'open' });
    // The acknowledgement is on record with the ballot.
    expect(ballot.warnings).toMatchObject({
      confirmedByChair: true,
      openAdRefs: [expect.objectContaining({ clauseLabel: '3.', organisationName: g.ngo.snapshot.organisationName })],
    });
  });

  it('an anonymous reader finds who asked for what: the public record, the audit log and the bracket ledger (axe clean)', async () => {
    const reader = await browsers.open({ language: 'en', reportPageErrorsAs: 'anonymous reader' });
    await reader.goto(`${t.baseUrl}/working-groups/${g.id}/record`);
    const documents = reader.getByTestId('record-documents');
    await documents.getByText("Rev.1 — Chair's text (draft)", { exact: false }).first().waitFor();
    await reader.getByTestId('record-ballots').locator(`a[href="/ballots/${adoptionBallotId}"]`).waitFor();
    await screenshot(reader, 'journey-public-record.png');
    await reader.getByTestId('record-audit-link').click();
    await reader.waitForURL((u) => u.pathname === `/working-groups/${g.id}/audit`);

    await reader.goto(`${t.baseUrl}/working-groups/${g.id}/audit?action=bracket&order=asc`);
    const sentences = reader.getByTestId('audit-sentence');
    await sentences.first().waitFor();
    await reader.getByTestId('audit-event').filter({ hasText: 'merged 2 options into one' }).waitFor();
    const read = await sentences.allInnerTexts();
    expect(read).toEqual([
      `${who(g.government, 'government')} bracketed “${PASSAGE}” with one option: “Recklessness must be covered too.”`,
      `${who(g.company, 'private sector')} proposed the option “${COMPANY_OPTION}”`,
      `${who(g.chair, 'private sector')} merged 2 options into one: “${STREAMLINED}”`,
      `${who(g.chair, 'private sector')} removed the brackets around “${PASSAGE}”, choosing “${STREAMLINED}”: “Agreed in informal consultations on the streamlined wording.”`,
      'The chosen option was applied in version 3',
    ]);
    await reader.goto(`${t.baseUrl}/working-groups/${g.id}/audit?action=clause&order=asc`);
    await reader
      .getByTestId('audit-sentence')
      .filter({ hasText: `${who(g.ngo, 'civil society')} agreed a paragraph ad referendum for ${g.ngo.snapshot.organisationName}, until` })
      .first()
      .waitFor();

    await reader.goto(`${t.baseUrl}/documents/${doc.id}/brackets`);
    const entry = reader.getByTestId('ledger-entry');
    await entry.getByText('Recklessness must be covered too.').waitFor();
    await entry.getByText(g.government.organisation.name).first().waitFor();
    await entry.getByText('Government').first().waitFor();
    await entry.getByText(g.company.organisation.name).first().waitFor();
    await entry.getByText('Negligence is for national law.').waitFor();
    expect(await entry.getByTestId('option-merged-into').count()).toBe(2);
    await entry.getByTestId('option-sources').getByText('Streamlines options 1 and 2').waitFor();
    const removal = entry.getByTestId('ledger-removal');
    await removal.getByText(`Removed by choosing “${STREAMLINED}”`).waitFor();
    await removal.getByText('Applied in version 3').waitFor();
    await removal.getByText(g.chair.organisation.name).waitFor();
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'journey-ledger.png');
  });

  it('the provenance of Rev.1 credits the words the chair wrote to the chair’s office and to the pen holder’s stakeholder group', async () => {
    const reader = await browsers.open({ language: 'en', reportPageErrorsAs: 'anonymous reader' });
    await reader.goto(`${t.baseUrl}/documents/${doc.id}/versions/2/provenance`);
    await reader.getByTestId('chairs-text-heading').getByRole('heading', { name: "Rev.1 — Chair's text (draft)" }).waitFor();
    const written = reader.locator('.prov-segment[data-origin="chairs-text"]').first();
    await written.waitFor();
    expect(await written.getAttribute('data-group')).toBe('private-sector');
    expect(await written.getAttribute('title')).toBe(`Written in the Chair's text Rev.1 (pen: ${g.chair.name} (${g.chair.organisation.name}, Private sector))`);
    await reader
      .getByTestId('provenance-chairs-text')
      .getByText(/counted under the pen holder's stakeholder group/)
      .waitFor();
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'journey-provenance.png', { fullPage: false });
  });
});
