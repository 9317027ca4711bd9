import type { AmendmentResponse, DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { acceptAndConsolidate, ARABIC, FRENCH, newShortDocument, translateAll } from '../support/language-versions-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const AMENDED = 'Critical infrastructure and its supply chains shall be protected.';
const FRENCH_UPDATED = 'Les infrastructures critiques et leurs chaînes d’approvisionnement sont protégées.';

/**
 * Language versions in the browser (issue #23, decision 0045): a reader reads the text in English and
 * Arabic side by side (Arabic right to left in its own column on an English page; stacked on a
 * phone); a member sees what changed in the original since an outdated translation and updates it;
 * the chair cannot open the adoption ballot while an authentic language is outdated, until the
 * warning is confirmed, and the ballot page then says so.
 */
describe('language versions in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let changedId: string;
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language: 'en', reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newShortDocument(g);
    await translateAll(g.government, doc, 'fr', FRENCH);
    await translateAll(g.government, doc, 'ar', ARABIC);
    const set = await g.chair.client.put(`/api/working-groups/${g.id}/authentic-languages`, { languages: ['fr', 'ar'] });
    if (set.status !== 200) throw new Error(`authentic languages: ${set.status}`);
    changedId = doc.version.clauses[1].id;
    const a = await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: changedId, text: AMENDED, rationale: 'Supply chains.' });
    doc = await acceptAndConsolidate(g, doc, a.body);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('reads English and Arabic side by side, Arabic right to left, each clause marked; stacked on a phone', async () => {
    const reader = await openAs(g.company);
    await reader.goto(`${t.baseUrl}/documents/${doc.id}?beside=ar`);
    const aligned = reader.getByTestId('aligned-text');
    await aligned.waitFor();
    const english = aligned.getByTestId('column-en');
    const arabic = aligned.getByTestId('column-ar');
    expect(await english.count()).toBe(3);
    expect(await arabic.count()).toBe(3);
    const arabicText = arabic.first().locator('p[lang="ar"]');
    expect(await arabicText.getAttribute('dir')).toBe('rtl');
    expect(await arabicText.textContent()).toBe(ARABIC[0]);
    expect(await english.first().locator('p[lang="en"]').getAttribute('dir')).toBe('ltr');
    expect(await reader.locator('html').getAttribute('dir')).toBe('ltr');
    // Side by side: the Arabic column starts to the right of the English one, on the same line.
    const [en0, ar0] = [await english.first().boundingBox(), await arabic.first().boundingBox()];
    expect(ar0!.x).toBeGreaterThan(en0!.x + en0!.width - 1);
    expect(Math.abs(ar0!.y - en0!.y)).toBeLessThan(5);
    // Each clause says what it is: the original, a translation by whom, outdated where the original changed.
    expect(await english.first().getByText('Original', { exact: true }).count()).toBe(1);
    await arabic.first().getByTestId('translation-by').getByText(g.government.name, { exact: false }).waitFor();
    expect(await arabic.nth(1).getByTestId('translation-outdated').count()).toBe(1);
    expect(await arabic.nth(0).getByTestId('translation-outdated').count()).toBe(0);
    await reader.getByTestId('language-counts').getByText('Arabic: translated 2 · outdated 1 · missing 0').waitFor();
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'language-versions-side-by-side.png', { fullPage: true });

    // The address remembers the languages: reading French alone, then French beside Arabic.
    await reader.getByRole('textbox', { name: 'Text in' }).click();
    await reader.getByRole('option', { name: /^Français/ }).click();
    await reader.waitForURL(/text=fr/);
    expect(new URL(reader.url()).searchParams.get('beside')).toBe('ar');
    await aligned.getByTestId('column-fr').first().locator('p[lang="fr"]').getByText(FRENCH[0]).waitFor();

    const phone = await openAs(g.company, { width: 390, height: 844 });
    await phone.goto(`${t.baseUrl}/documents/${doc.id}?beside=ar`);
    const phoneEnglish = phone.getByTestId('column-en').first();
    const phoneArabic = phone.getByTestId('column-ar').first();
    await phoneArabic.waitFor();
    const [pe, pa] = [await phoneEnglish.boundingBox(), await phoneArabic.boundingBox()];
    expect(pa!.y).toBeGreaterThanOrEqual(pe!.y + pe!.height - 1);
    expect(await phoneArabic.locator('p[lang="ar"]').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'language-versions-phone.png', { fullPage: true });
  });

  it('an outdated translation holds adoption back until updated; the chair may go ahead by confirming the recorded warning', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByRole('button', { name: 'Open the adoption ballot' }).click();
    let dialog = chair.getByRole('dialog', { name: 'Adopt version 2' });
    let warning = dialog.getByTestId('adoption-warning-translations');
    await warning.getByText('Arabic: 1 outdated, 0 missing').waitFor();
    await warning.getByText('French: 1 outdated, 0 missing').waitFor();
    expect(await dialog.getByRole('button', { name: 'Open it anyway' }).isDisabled()).toBe(true);
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'language-versions-adoption-held.png');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A member reads what changed in the original since the French translation, and updates it.
    const member = await openAs(g.ngo);
    await member.goto(`${t.baseUrl}/documents/${doc.id}?text=fr`);
    const row = member.locator(`li[data-clause-id="${changedId}"]`);
    await row.getByTestId('translation-outdated').waitFor();
    await row.getByRole('button', { name: 'What changed in the original' }).click();
    const change = row.getByTestId('original-change');
    await change.getByText('Critical infrastructure shall be protected.', { exact: true }).waitFor();
    await change.locator('ins').getByText('and its supply chains', { exact: false }).waitFor();
    await screenshot(member, 'language-versions-what-changed.png');
    await row.getByRole('button', { name: /^Update translation into French of clause/ }).click();
    await row.getByRole('textbox', { name: /^Translation into French of clause/ }).fill(FRENCH_UPDATED);
    expect(await row.getByRole('textbox', { name: /^Translation into French of clause/ }).getAttribute('lang')).toBe('fr');
    await row.getByRole('button', { name: 'Save translation' }).click();
    await row.locator('p[lang="fr"]').getByText(FRENCH_UPDATED).waitFor();
    await row.getByTestId('translation-outdated').waitFor({ state: 'detached' });
    expect(await axeViolations(member)).toEqual([]);

    // French is up to date now; Arabic still holds adoption back until the chair confirms the warning.
    await chair.getByRole('button', { name: 'Open the adoption ballot' }).click();
    dialog = chair.getByRole('dialog', { name: 'Adopt version 2' });
    warning = dialog.getByTestId('adoption-warning-translations');
    await warning.getByText('Arabic: 1 outdated, 0 missing').waitFor();
    // The dialog reads the warnings afresh each time it opens: French is no longer listed.
    await warning.getByText('French: 1 outdated, 0 missing').waitFor({ state: 'detached' });
    expect(await warning.getByText('French', { exact: false }).count()).toBe(0);
    const submit = dialog.getByRole('button', { name: 'Open it anyway' });
    expect(await submit.isDisabled()).toBe(true);
    await warning.getByRole('checkbox', { name: 'I confirm this warning and go ahead: record it' }).check();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await chair.waitForURL(/\/ballots\//);
    const record = chair.getByTestId('translations-warning-record');
    await record.getByText('Arabic: 1 outdated, 0 missing').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'language-versions-ballot-warning.png', { fullPage: true });
  });
});
