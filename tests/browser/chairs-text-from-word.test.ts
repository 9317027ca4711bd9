import { DOCX_MEDIA_TYPE, type CommentResponse, type CommentThreadPage, type DocumentResponse } from '@parley/contracts';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { pdfBytes, RESOLUTION, trackedResolutionDocx } from '../support/docx-files';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const RESTORED_OP1 = 'Calls upon States to restore shared rivers;';
const INSERTED = 'Invites donors to contribute to the fund.';

/**
 * A chair's text from Word in the browser (issue #22, decision 0044): the chair opens the editor,
 * starts from the Word file they prepared (tracked changes: OP1 reworded, OP2 deleted, a paragraph
 * inserted), sees its paragraphs, issues it; the new version keeps the other paragraphs' ids, so the
 * comment on a preambular paragraph is still there.
 */
describe('a chair’s text from a Word file, in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let comment: CommentResponse;
  const api = () => new ApiClient(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    const created = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, {
      title: 'Open water — draft',
      clauses: [
        { kind: 'heading', text: RESOLUTION.heading },
        ...RESOLUTION.preamble.map((text) => ({ kind: 'preamble', text })),
        ...RESOLUTION.operative.map((text) => ({ kind: 'operative', text })),
      ],
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    doc = created.body;
    const posted = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: doc.version.clauses[1].id, body: 'Which earlier resolutions?' });
    if (posted.status !== 201) throw new Error(`comment: ${posted.status} ${JSON.stringify(posted.body)}`);
    comment = posted.body;
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair starts from a Word file, sees its paragraphs, and issues them as the Zero draft keeping the matched paragraphs', async () => {
    const chair = await browsers.openLoggedIn(g.chair.email, PASSWORD, { language: 'en', reportPageErrorsAs: g.chair.name });
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByRole('button', { name: "Issue a chair's text" }).click();
    const dialog = chair.getByRole('dialog', { name: "Issue a chair's text as version 2" });
    const file = dialog.getByLabel('Start from a Word file…');

    // A file that is no Word document is refused in words, and the paragraphs stay as they were.
    await file.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await dialog.getByRole('alert').getByText('Send a Word document (.docx)', { exact: false }).waitFor();
    expect(await dialog.getByTestId('chairs-text-paragraph').count()).toBe(6);

    await file.setInputFiles({ name: 'open-water-rev.docx', mimeType: DOCX_MEDIA_TYPE, buffer: await trackedResolutionDocx() });
    const notice = dialog.getByTestId('chairs-text-from-word-notice');
    await notice.getByText('6 paragraphs read from the file: 5 matched to the current version, 1 new.', { exact: false }).waitFor();
    await notice.getByText('Tables are not imported.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Text of paragraph 4' }).inputValue()).toBe(RESTORED_OP1);
    expect(await dialog.getByRole('textbox', { name: 'Text of paragraph 5' }).inputValue()).toBe(RESOLUTION.operative[2]);
    expect(await dialog.getByRole('textbox', { name: 'Text of paragraph 6' }).inputValue()).toBe(INSERTED);
    expect(await dialog.getByTestId('chairs-text-paragraph').count()).toBe(6);
    expect(await dialog.getByTestId('chairs-text-paragraph').nth(5).getByText('new').count()).toBe(1);
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'chairs-text-from-word.png', { fullPage: false });

    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    await dialog.locator('li[data-status="changed"]').getByText('restore', { exact: false }).first().waitFor();
    await dialog.locator('li[data-status="inserted"]').getByText(INSERTED).waitFor();
    await dialog.locator('li[data-status="deleted"]').first().waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await dialog.getByRole('button', { name: 'Issue Zero draft as version 2' }).click();
    await chair.getByTestId('chairs-text-heading').getByRole('heading', { name: "Zero draft — Chair's text (draft)" }).waitFor();
    await chair.getByText(RESTORED_OP1).first().waitFor();
    expect(await axeViolations(chair)).toEqual([]);

    const after = (await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
    const ids = doc.version.clauses.map((c) => c.id);
    expect(after.version.number).toBe(2);
    expect(after.version.clauses.map((c) => c.id).slice(0, 5)).toEqual([ids[0], ids[1], ids[2], ids[3], ids[5]]);
    expect(after.version.clauses.map((c) => c.text)).toEqual([RESOLUTION.heading, ...RESOLUTION.preamble, RESTORED_OP1, RESOLUTION.operative[2], INSERTED]);
    const thread = await api().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${ids[1]}`);
    expect(thread.body.items.map((c) => c.id)).toEqual([comment.id]);
  });

  it('en français, sur un téléphone : le rapporteur choisit le fichier au clavier ; ses paragraphes retrouvent tous ceux de la version 2', async () => {
    const phone = await browsers.openLoggedIn(g.rapporteur.email, PASSWORD, { language: 'fr', reportPageErrorsAs: g.rapporteur.name, viewport: { width: 375, height: 812 } });
    await phone.goto(`${t.baseUrl}/documents/${doc.id}`);
    await phone.getByRole('button', { name: 'Publier un texte de la présidence' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Publier un texte de la présidence comme version 3' });
    // The file still shows version 1 → 2 as tracked changes: accepted, it is version 2, every paragraph kept.
    const chooser = phone.waitForEvent('filechooser');
    await dialog.getByLabel('Partir d’un fichier Word…').focus();
    await phone.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'eaux-ouvertes.docx', mimeType: DOCX_MEDIA_TYPE, buffer: await trackedResolutionDocx() });
    const notice = dialog.getByTestId('chairs-text-from-word-notice');
    await notice.getByText('6 paragraphes lus dans le fichier : 6 retrouvé(s) dans la version actuelle, 0 nouveau(x).', { exact: false }).waitFor();
    await notice.getByText('Les tableaux ne sont pas importés.').waitFor();
    expect(await dialog.getByTestId('chairs-text-paragraph').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-clause-id')))).toEqual(
      (await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version.clauses.map((c) => c.id),
    );
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'chairs-text-from-word-fr-phone.png', { fullPage: false });
  });
});
