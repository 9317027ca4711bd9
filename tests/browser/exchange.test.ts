import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Locator, Page } from 'playwright-core';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE, type DocumentResponse } from '@parley/contracts';
import { axeViolations, Browsers, OUTPUT, screenshot, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { oldWordDoc, RESOLUTION, trackedResolutionDocx } from '../support/docx-files';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 390, height: 844 };

/** A file for a file input, as the browser would send it. */
const wordFile = (name: string, buffer: Buffer, mimeType = DOCX_MEDIA_TYPE) => ({ name, mimeType, buffer });

/** The resolution's clauses as the tracked file reads with its changes rejected. */
const RESOLUTION_CLAUSES = [
  { kind: 'heading', text: RESOLUTION.heading },
  ...RESOLUTION.preamble.map((text) => ({ kind: 'preamble', text })),
  ...RESOLUTION.operative.map((text) => ({ kind: 'operative', text })),
];

/** A completed commenting template: ISO column titles, a good row on OP1, and a row naming a clause the version does not have. */
async function completedTemplate(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
  const table = new Table({
    rows: [
      row([
        'MB/NC',
        'Line number',
        'Clause/Subclause',
        'Paragraph/Figure/Table',
        'Type of comment',
        'Comments',
        'Proposed change',
        'Observations of the secretariat',
      ]),
      row(['', '', 'OP1', '', 'te', 'Protection is not enough: rivers need restoring.', 'Calls upon States to restore rivers;', '']),
      row(['', '', 'OP9', '', 'ed', 'A typo in the ninth paragraph.', '', '']),
    ],
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Comments on the draft'), table] }] }));
}

/**
 * Word and PDF in the browser (issue #22): a chair imports a Word file with tracked changes, corrects
 * a clause's kind and drops one change before creating the document; a bad file is refused in words;
 * the version page's Download menu gives real Word and PDF files; a delegate proposes amendments from
 * a Word file; a focal point's commenting template shows its refused cell by row and column; and the
 * same in French on a phone.
 */
describe('Word and PDF in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;

  const openAs = (
    who: Pick<Delegate, 'email' | 'name'>,
    options: { language?: 'en' | 'fr'; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> => browsers.openLoggedIn(who.email, PASSWORD, { reportPageErrorsAs: who.name, ...options });
  const noOverflow = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  /** Downloads what a link gives, as the browser saves it, and the content type the server answered it with. */
  const download = async (page: Page, link: Locator) => {
    const href = (await link.getAttribute('href')) ?? '';
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = readFileSync((await file.path()) ?? '');
    const res = await page.request.get(`${t.baseUrl}${href}`);
    return { href, name: file.suggestedFilename(), bytes, type: res.headers()['content-type'] ?? '' };
  };
  const newDocument = async (title: string): Promise<DocumentResponse> => {
    const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title, clauses: RESOLUTION_CLAUSES });
    if (res.status !== 201) throw new Error(`create: ${res.status}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a chair imports a Word file: a bad file is refused in words, the clauses are corrected, one tracked change dropped, and the document shows the rest as amendments', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/working-groups/${g.id}`);
    await chair.getByTestId('import-word').click();
    await chair.getByRole('heading', { name: 'New document from a Word file', level: 1 }).waitFor();

    // An old .doc renamed or not: refused with the reason, nothing shown to create.
    await chair.getByLabel('Word file (.docx)').setInputFiles(wordFile('minutes.doc', oldWordDoc(), 'application/msword'));
    await chair.getByRole('alert').getByText('Send a Word document (.docx); this file is an old Word document (.doc).').waitFor();
    expect(await chair.getByTestId('import-preview').count()).toBe(0);

    await chair.getByLabel('Word file (.docx)').setInputFiles(wordFile('open-water.docx', await trackedResolutionDocx()));
    const preview = chair.getByTestId('import-preview');
    await preview.waitFor();
    expect(await chair.getByText(/^Send a Word document/).count()).toBe(0);
    expect(await preview.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(RESOLUTION.title);
    const clauses = preview.getByTestId('imported-clauses').locator('li');
    expect(await clauses.count()).toBe(RESOLUTION_CLAUSES.length);
    expect(await preview.getByLabel('Text of clause 4').inputValue()).toBe('Calls upon States to protect rivers;');
    expect(await preview.getByLabel('Kind of clause 1').inputValue()).toBe('heading');
    await preview
      .getByText(/^Recognised by its Word style/)
      .first()
      .waitFor();
    // The table of the file is left out, and said so.
    await preview.getByTestId('import-warnings').getByText('Tables are not imported.').waitFor();

    // The tracked changes, as amendments to propose: the reviewer's insertion is dropped.
    const proposals = preview.getByTestId('imported-proposals').locator(':scope > li');
    const proposed = await proposals.count();
    expect(proposed).toBeGreaterThanOrEqual(3);
    await preview.getByTestId('imported-proposals').getByText('Made in Word by “B. Reviewer (Freedonia)” (as the file says)').waitFor();
    const reviewers = proposals.filter({ hasText: 'B. Reviewer (Freedonia)' });
    const dropped = await reviewers.count();
    await reviewers
      .first()
      .getByRole('button', { name: /^Remove: / })
      .click();
    expect(await proposals.count()).toBe(proposed - 1);

    // The second preambular paragraph is really an operative one: corrected before creating.
    await preview.getByLabel('Kind of clause 3').selectOption('operative');
    expect(await clauses.nth(2).getAttribute('data-reference')).toBe('OP1');
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'exchange-import-1280.png');
    await chair.setViewportSize(PHONE);
    await screenshot(chair, 'exchange-import-390.png');
    await noOverflow(chair);
    await chair.setViewportSize({ width: 1280, height: 1000 });

    await preview.getByRole('button', { name: 'Create the document' }).click();
    await chair.waitForURL(/\/documents\/[0-9a-f-]+$/);
    await chair.getByRole('heading', { name: RESOLUTION.title, level: 1 }).waitFor();
    const rows = chair.getByTestId('clauses').locator(':scope > li');
    expect(await rows.count()).toBe(RESOLUTION_CLAUSES.length);
    expect(await chair.locator('li[data-label="1."]').textContent()).toContain('Noting with concern the state of wetlands,');
    await chair.locator('li[data-label="2."]').getByTestId('amendment-marker').waitFor();
    const markers = await chair.getByTestId('amendment-marker').allTextContents();
    const total = markers.reduce((n, m) => n + Number(/^(\d+)/.exec(m)?.[1] ?? 0), 0);
    expect(total).toBe(proposed - 1);
    expect(dropped).toBe(1);
  });

  it('the Download menu gives the version as Word, as Word with tracked changes and as PDF, and the disposition report as PDF', async () => {
    const doc = await newDocument('Open water — for download');
    const rev = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, {
      label: 'Rev.1',
      standing: 'draft',
      office: 'chair',
      clauses: doc.version.clauses.map((c, i) => ({ id: c.id, kind: c.kind, text: i === 3 ? 'Calls upon States to restore shared rivers;' : c.text })),
    });
    expect(rev.status).toBe(201);

    const reader = await openAs(g.government);
    await reader.goto(`${t.baseUrl}/documents/${doc.id}`);
    // By keyboard: the menu opens on Enter and takes the focus; Escape gives it back.
    await reader.getByTestId('export-menu').focus();
    await reader.keyboard.press('Enter');
    const links = reader.getByTestId('export-links');
    await links.waitFor();
    await reader.waitForFunction(() => document.activeElement?.closest('[data-testid="export-links"]') !== null);
    await reader.keyboard.press('Escape');
    await links.waitFor({ state: 'hidden' });
    expect(await reader.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-menu');
    await reader.keyboard.press('Enter');
    await links.waitFor();
    expect(await reader.getByLabel('Tracked changes since').inputValue()).toBe('1');
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'exchange-download-1280.png', { fullPage: false });

    const docx = await download(reader, links.getByRole('link', { name: 'Word document (.docx)' }));
    expect(docx.href).toBe(`/api/documents/${doc.id}/versions/2/export.docx?lang=en`);
    expect(docx.type).toContain(DOCX_MEDIA_TYPE);
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');

    const tracked = await download(reader, links.getByRole('link', { name: 'Word with tracked changes since version 1' }));
    expect(tracked.href).toBe(`/api/documents/${doc.id}/versions/2/export.docx?against=1&lang=en`);
    expect(tracked.type).toContain(DOCX_MEDIA_TYPE);
    expect(tracked.bytes.length).toBeGreaterThan(1000);

    const pdf = await download(reader, links.getByRole('link', { name: /^PDF to print/ }));
    expect(pdf.href).toBe(`/api/documents/${doc.id}/versions/2/export.pdf?lang=en`);
    expect(pdf.type).toContain(PDF_MEDIA_TYPE);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await reader.keyboard.press('Escape');
    await reader.goto(`${t.baseUrl}/documents/${doc.id}/versions/2/dispositions`);
    const report = await download(reader, reader.getByTestId('dispositions-pdf'));
    expect(report.type).toContain(PDF_MEDIA_TYPE);
    expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a delegate proposes amendments from a Word file of the current version, and the document shows them', async () => {
    const doc = await newDocument('Open water — amendments from Word');
    const delegate = await openAs(g.ngo);
    await delegate.goto(`${t.baseUrl}/documents/${doc.id}`);
    await delegate.getByTestId('propose-from-word').click();
    await delegate.getByRole('heading', { name: 'Amendments from a Word file', level: 1 }).waitFor();
    await delegate.getByLabel('Word file (.docx)').setInputFiles(wordFile('open-water-ngo.docx', await trackedResolutionDocx()));
    const preview = delegate.getByTestId('version-import-preview');
    await preview.waitFor();
    const boxes = preview.getByRole('checkbox');
    const found = await boxes.count();
    expect(found).toBeGreaterThanOrEqual(3);
    await preview.getByRole('checkbox', { name: /^Insert after OP3/ }).uncheck();
    expect(await axeViolations(delegate)).toEqual([]);
    await screenshot(delegate, 'exchange-amendments-1280.png');
    await delegate.setViewportSize(PHONE);
    await screenshot(delegate, 'exchange-amendments-390.png');
    await noOverflow(delegate);
    await delegate.setViewportSize({ width: 1280, height: 1000 });

    await preview.getByRole('button', { name: `Propose ${found - 1} amendments` }).click();
    await delegate.waitForURL(new RegExp(`/documents/${doc.id}$`));
    await delegate.locator('li[data-label="1."]').getByTestId('amendment-marker').waitFor();
    const markers = await delegate.getByTestId('amendment-marker').allTextContents();
    expect(markers.reduce((n, m) => n + Number(/^(\d+)/.exec(m)?.[1] ?? 0), 0)).toBe(found - 1);
  });

  it('a focal point uploads a completed commenting template: the refused cell is shown by row and column, the good row posted; others are told why not', async () => {
    const doc = await newDocument('Open water — commenting template');
    await t.dataSource.query(
      `INSERT INTO focal_points (organisation_id, person_id, appointed_by, appointed_as, appointed_at) VALUES ($1, $2, $3, 'steward', now())`,
      [g.government.organisation.id, g.government.id, g.chair.id],
    );
    const template = await completedTemplate();

    const focal = await openAs(g.government);
    await focal.goto(`${t.baseUrl}/documents/${doc.id}/versions/1/dispositions`);
    const section = focal.getByTestId('comment-template');
    const blank = await download(focal, section.getByRole('link', { name: 'Download the commenting template' }));
    expect(blank.type).toContain(DOCX_MEDIA_TYPE);
    expect(blank.bytes.subarray(0, 2).toString()).toBe('PK');

    await section.getByLabel('Upload a completed template').setInputFiles(wordFile('comments.docx', template));
    const preview = section.getByTestId('template-preview');
    await preview.waitFor();
    await preview.getByText(`The comments will be posted in the name of ${g.government.organisation.name}.`).waitFor();
    const good = preview.getByTestId('template-rows').locator('tbody tr');
    expect(await good.count()).toBe(1);
    expect(await good.first().textContent()).toContain('OP1');
    expect(await good.first().textContent()).toContain('Technical');
    const refused = preview.getByTestId('template-refused').locator('tbody tr');
    expect(await refused.count()).toBe(1);
    expect(await refused.first().locator('td').allTextContents()).toEqual([
      '2',
      'Clause',
      'No clause of this version has this name (write PP2, OP3 or H1).',
      'OP9',
    ]);
    expect(await axeViolations(focal)).toEqual([]);
    await screenshot(focal, 'exchange-template-1280.png');
    await focal.setViewportSize(PHONE);
    await screenshot(focal, 'exchange-template-390.png');
    await noOverflow(focal);
    await focal.setViewportSize({ width: 1280, height: 1000 });

    await preview.getByRole('button', { name: 'Post 1 comment' }).click();
    await section
      .getByTestId('template-posted')
      .getByText(/^1 comment posted/)
      .waitFor();
    await focal.getByTestId('made-on-version').getByText('Protection is not enough: rivers need restoring.', { exact: false }).waitFor();

    // A member who is not a focal point is told why, in words.
    const company = await openAs(g.company);
    await company.goto(`${t.baseUrl}/documents/${doc.id}/versions/1/dispositions`);
    await company.getByTestId('comment-template').getByLabel('Upload a completed template').setInputFiles(wordFile('comments.docx', template));
    await company.getByRole('alert').getByText('Only a focal point of an organisation posts comments on its behalf from a template.').waitFor();
  });

  it('in French, on a phone: the refusal, the import and the Download menu speak French', async () => {
    const doc = await newDocument('Eaux libres');
    const rapporteur = await openAs(g.rapporteur, { language: 'fr', viewport: PHONE });
    await rapporteur.goto(`${t.baseUrl}/working-groups/${g.id}`);
    const documents = rapporteur.getByTestId('group-documents');
    await documents.getByRole('link', { name: 'Importer un fichier Word' }).waitFor();
    await documents.screenshot({ path: `${OUTPUT}/exchange-group-fr-390.png` });
    await noOverflow(rapporteur);
    await documents.getByRole('link', { name: 'Importer un fichier Word' }).click();
    await rapporteur.getByRole('heading', { name: 'Nouveau document à partir d’un fichier Word', level: 1 }).waitFor();
    await rapporteur.getByLabel('Fichier Word (.docx)').setInputFiles(wordFile('compte-rendu.doc', oldWordDoc(), 'application/msword'));
    await rapporteur.getByRole('alert').getByText('Envoyez un document Word (.docx) ; ce fichier est un ancien document Word (.doc).').waitFor();
    // Dropped on the box rather than chosen.
    const dropped = await rapporteur.evaluateHandle(
      ({ bytes, type }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'eaux.docx', { type }));
        return data;
      },
      { bytes: [...(await trackedResolutionDocx())], type: DOCX_MEDIA_TYPE },
    );
    await rapporteur.getByTestId('import-file').locator('.word-drop').dispatchEvent('drop', { dataTransfer: dropped });
    const preview = rapporteur.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByLabel('Nature du paragraphe 2').inputValue()).toBe('preamble');
    await preview.getByText(/modifications? suivies? à proposer comme amendements?/).waitFor();
    expect(await axeViolations(rapporteur)).toEqual([]);
    await screenshot(rapporteur, 'exchange-import-fr-390.png');
    await noOverflow(rapporteur);

    await rapporteur.goto(`${t.baseUrl}/documents/${doc.id}`);
    await rapporteur.getByRole('link', { name: 'Proposer des amendements depuis un fichier Word' }).waitFor();
    await screenshot(rapporteur, 'exchange-document-fr-390.png', { fullPage: false });
    await noOverflow(rapporteur);
    await rapporteur.getByRole('button', { name: 'Télécharger' }).click();
    const links = rapporteur.getByTestId('export-links');
    expect(await links.getByRole('link', { name: 'Document Word (.docx)' }).getAttribute('href')).toBe(
      `/api/documents/${doc.id}/versions/1/export.docx?lang=fr`,
    );
    expect(await links.getByRole('link', { name: 'Télécharger le modèle de commentaires' }).getAttribute('href')).toBe(
      `/api/documents/${doc.id}/versions/1/comment-template.docx?lang=fr`,
    );
    const pdf = await download(rapporteur, links.getByRole('link', { name: /^PDF à imprimer/ }));
    expect(pdf.type).toContain(PDF_MEDIA_TYPE);
    expect(await axeViolations(rapporteur)).toEqual([]);
    await screenshot(rapporteur, 'exchange-download-fr-390.png', { fullPage: false });
    await noOverflow(rapporteur);
  });
});
