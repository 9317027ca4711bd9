import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BracketView, CommentResponse, DocumentResponse, OpenedBallotResponse } from '@parley/contracts';
import { breakLines, type Line } from '../../apps/api/src/exchange/pdf/line-breaking';
import { PrintLayout } from '../../apps/api/src/exchange/pdf/print-layout';
import { expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, PARIS_CALL_CLAUSES, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { votersOf } from '../support/adoption-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);
const run = promisify(execFile);

/**
 * Print-grade PDF (issue #22, decision 0044): a version and its disposition report, read back with
 * poppler as a reader would see them: the text of every clause, its operative numbers, a number on
 * every line restarting on each page, brackets and their options, a cover saying draft or adopted
 * with the vote record, explanations of position and signatories, in English or French.
 */
describe('exchange: print PDF of a version and of its disposition report', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let dir: string;
  let files = 0;
  const anonymous = () => new ApiClient(t.baseUrl);

  const PASSAGE = 'substantially';
  const OPTION_TEXT = 'significantly and deliberately';
  const COMMENTS = {
    technical: 'The public core should be defined by reference to the GCSC report.',
    editorial: 'Replace “ICT” by “information and communications technologies” at first use.',
  };
  const REASON = 'Agreed: the definition will follow the GCSC wording in the next version.';
  const RESERVATION = 'We join the decision, with a reservation on principle 4 as regards trade secrets.';

  /** The file as the API serves it (bytes, not text), with the client's credentials. */
  async function download(
    client: ApiClient,
    path: string,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> {
    const headers: Record<string, string> = { ...extra };
    if (client.token) headers.authorization = `Bearer ${client.token}`;
    if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(t.baseUrl + path, { headers });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  }

  async function pdfOf(client: ApiClient, path: string, headers: Record<string, string> = {}): Promise<string> {
    const res = await download(client, path, headers);
    expect({ status: res.status, type: res.type }).toEqual({ status: 200, type: 'application/pdf' });
    expect(res.disposition).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, `f${++files}.pdf`);
    await writeFile(file, res.body);
    return file;
  }

  /** `pdftotext -layout`, page by page. */
  const pagesOf = async (file: string): Promise<string[]> =>
    (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout.split('\f').filter((p) => p.trim() !== '');
  const pageCount = async (file: string): Promise<number> => Number(/^Pages:\s+(\d+)$/m.exec((await run('pdfinfo', [file])).stdout)![1]);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

  /** The text blocks poppler finds (`pdftotext -bbox-layout`): each cell of a table is one, its lines joined. */
  async function blocksOf(file: string): Promise<string[]> {
    const html = (await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'])).stdout;
    return [...html.matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)].map((b) =>
      [...b[1].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1].replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e])).join(' '),
    );
  }

  /** A text page's numbered lines: the number in the margin, then (after a paragraph number such as OP3) what the line says. */
  function numberedLines(page: string): { n: number; ref: string | null; text: string }[] {
    return page
      .split('\n')
      .map((l) => /^\s*(\d+)\s{2,}(?:((?:PP|OP|H)\d+)\s+)?(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ n: Number(m[1]), ref: m[2] ?? null, text: m[3] }));
  }

  /** The body's text as one string (every page after the cover, line numbers and paragraph numbers left out). */
  const bodyText = (pages: string[]) =>
    flat(
      pages
        .slice(1)
        .flatMap((p) => numberedLines(p).map((l) => l.text))
        .join(' '),
    );

  beforeAll(async () => {
    t = await startTestApp();
    dir = await mkdtemp(join(tmpdir(), 'parley-pdf-'));
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const op2 = clauseByLabel(doc, '2.');
    const start = op2.text.indexOf(PASSAGE);
    const bracket = await g.ngo.client.post<BracketView>(`/api/documents/${doc.id}/brackets`, {
      version: 1,
      clauseId: op2.id,
      start,
      end: start + PASSAGE.length,
      passage: PASSAGE,
      reason: 'Our capital has not agreed this threshold.',
      options: [{ text: OPTION_TEXT, rationale: 'The wording of our national law.' }],
    });
    expect(bracket.status).toBe(201);
    const technical = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, {
      clauseId: op2.id,
      kind: 'technical',
      body: COMMENTS.technical,
    });
    const editorial = await g.company.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, {
      clauseId: doc.version.clauses[1].id,
      kind: 'editorial',
      body: COMMENTS.editorial,
    });
    expect([technical.status, editorial.status]).toEqual([201, 201]);
    expect((await g.rapporteur.client.post(`/api/comments/${technical.body.id}/disposition`, { disposition: 'accepted', reason: REASON })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a draft: the cover says Draft; every clause is printed, operative numbers, paragraph numbers, a number on every line, the bracket with its option', async () => {
    const file = await pdfOf(anonymous(), `/api/documents/${doc.id}/versions/1/export.pdf`);
    const pages = await pagesOf(file);
    expect(pages.length).toBe(await pageCount(file));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const cover = flat(pages[0]);
    expect(cover).toContain(doc.title);
    expect(cover).toContain('Version 1');
    expect(cover).toContain('Draft');
    expect(cover).not.toContain('Adopted');
    expect(cover).toContain(`Page 1 of ${pages.length}`);

    const body = bodyText(pages);
    const op2 = clauseByLabel(doc, '2.');
    for (const c of doc.version.clauses) {
      const printed = c.id === op2.id ? c.text.replace(PASSAGE, `[${PASSAGE}]`) : c.text;
      expect(body).toContain(flat(c.kind === 'operative' ? `${c.label} ${printed}` : printed));
    }
    expect(body).toContain(`Options for [${PASSAGE}]:`);
    expect(body).toContain(`Option 1: [${OPTION_TEXT}], proposed by`);

    // Every page of text numbers its lines from 1, one by one; paragraph numbers in the margin name each clause once.
    for (const page of pages.slice(1)) {
      const numbers = numberedLines(page).map((l) => l.n);
      expect(numbers.length).toBeGreaterThan(3);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const refs = pages.slice(1).flatMap((p) => numberedLines(p).flatMap((l) => (l.ref ? [l.ref] : [])));
    expect(refs).toEqual(['H1', 'PP1', 'PP2', 'PP3', 'PP4', 'H2', ...PARIS_CALL_CLAUSES.filter((c) => c.kind === 'operative').map((_, i) => `OP${i + 1}`)]);
    // The running header names the group and the document, the footer the page.
    expect(pages[1]).toMatch(/Working group [0-9a-f]+ — Paris Call — draft principles\s+Version 1/);
    expect(flat(pages[1])).toContain(`Page 2 of ${pages.length}`);

    // Rendered to images: one per page, each a real picture.
    await run('pdftoppm', ['-png', '-r', '50', file, join(dir, 'draft')]);
    const images = (await readdir(dir)).filter((f) => f.startsWith('draft') && f.endsWith('.png'));
    expect(images.length).toBe(pages.length);
    for (const image of images) {
      const png = await readFile(join(dir, image));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(2000);
    }
  });

  it('the disposition report: each comment with its clause, kind, author, organisation and stakeholder group, and its disposition and reason', async () => {
    const file = await pdfOf(anonymous(), `/api/documents/${doc.id}/versions/1/dispositions.pdf`);
    const text = flat((await pagesOf(file)).join(' '));
    expect(text).toContain('Disposition of comments');
    expect(text).toContain('Totals: Accepted: 1 · Noted: 0 · Rejected: 0 · Pending: 1');
    // One row per comment, its cells in the columns' order: clause, kind, author (organisation, stakeholder group), comment, disposition and reason.
    const blocks = await blocksOf(file);
    expect(blocks.slice(blocks.indexOf('Clause'), blocks.indexOf('Clause') + 5)).toEqual(['Clause', 'Kind', 'Author', 'Comment', 'Disposition and reason']);
    const rowOf = (comment: string) => blocks.slice(blocks.indexOf(comment) - 3, blocks.indexOf(comment) + 2);
    const author = (d: Delegate, group: string) => expect.stringMatching(new RegExp(`${escape(d.snapshot.organisationName)} ${group}$`));
    const accepted = expect.stringMatching(new RegExp(`^Accepted ${escape(REASON)} .+, \\d{1,2} [A-Z][a-z]+ \\d{4}$`));
    expect(rowOf(COMMENTS.technical)).toEqual(['OP2', 'Technical', author(g.ngo, 'Civil society'), COMMENTS.technical, accepted]);
    expect(rowOf(COMMENTS.editorial)).toEqual(['PP1', 'Editorial', author(g.company, 'Private sector'), COMMENTS.editorial, 'Pending']);

    const fr = flat((await pagesOf(await pdfOf(anonymous(), `/api/documents/${doc.id}/versions/1/dispositions.pdf?lang=fr`))).join(' '));
    expect(fr).toContain('Suite donnée aux commentaires');
    expect(fr).toContain('Retenu');
    expect(fr).toContain('Pas encore de suite');
    expect(fr).toContain('Technique');
  });

  it('adopted: the cover says Adopted with the vote record (secret: breakdowns withheld), then explanations of position and signatories', async () => {
    const opened = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, {
      visibility: 'secret',
      acknowledgedWarnings: ['open-brackets'],
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    const explained = await g.government.client.post(`/api/documents/${doc.id}/versions/1/explanations`, {
      kind: 'reservation',
      clauseIds: [clauseByLabel(doc, '4.').id],
      text: RESERVATION,
    });
    expect(explained.status).toBe(201);
    for (const v of votersOf(g)) expect((await v.client.post(`/api/ballots/${opened.body.ballotId}/votes`, { choice: 'yes' })).status).toBe(200);
    expect((await g.chair.client.post(`/api/ballots/${opened.body.ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
    for (const who of [g.ngo, g.company])
      expect((await who.client.post(`/api/documents/${doc.id}/versions/1/endorsements`, { organisationId: who.organisation.id })).status).toBe(201);

    const file = await pdfOf(anonymous(), `/api/documents/${doc.id}/versions/1/export.pdf`);
    const pages = await pagesOf(file);
    expect(pages.length).toBe(await pageCount(file));
    const cover = flat(pages[0]);
    expect(cover).toMatch(/Adopted on \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(cover).not.toContain('Draft');
    expect(cover).toContain('Adoption vote');
    expect(cover).toContain('a majority in each stakeholder group');
    expect(cover).toContain('secret ballot');
    expect(cover).toContain('Outcome: Passed');
    expect(cover).toMatch(/Total\s+5\s+0\s+0\s+0\s+0/);
    // Everyone voted alike: no stakeholder group's row is published, exactly as the Markdown export withholds them.
    for (const group of ['Government', 'Private sector', 'Civil society'])
      expect(cover).toMatch(new RegExp(`${group}\\s+withheld\\s+withheld\\s+withheld\\s+withheld\\s+withheld`));
    expect(cover).toContain('Rows marked “withheld” are not published');

    const body = bodyText(pages);
    expect(body).toContain(`[${PASSAGE}]`);
    expect(body).toContain('Explanations of position');
    expect(body).toContain(`${g.government.snapshot.organisationName}: Reservation (before the decision)`);
    expect(body).toContain('Reservation on OP4, placed by');
    expect(body).toContain(RESERVATION);
    expect(body).toContain('Signatories');
    expect(body).toContain('2 organisations — Government: 0 · Private sector: 1 · Civil society: 1');
    for (const who of [g.ngo, g.company]) expect(body).toContain(who.snapshot.organisationName.slice(0, 18));

    const fr = await pagesOf(await pdfOf(anonymous(), `/api/documents/${doc.id}/versions/1/export.pdf?lang=fr`));
    const frCover = flat(fr[0]);
    expect(frCover).toMatch(/Adopté le \d{1,2} [a-zéû]+ \d{4}/);
    expect(frCover).toContain('Scrutin d’adoption');
    expect(frCover).toContain('Issue : Adopté');
    expect(frCover).toContain('masqué');
    expect(frCover).toContain(`Page 1 sur ${fr.length}`);
    // Without `lang`, the reader's Accept-Language chooses, as for the CSV exports.
    const byHeader = flat(
      (await pagesOf(await pdfOf(anonymous(), `/api/documents/${doc.id}/versions/1/export.pdf`, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })))[0],
    );
    expect(byHeader).toContain('Scrutin d’adoption');
    const frBody = bodyText(fr);
    expect(frBody).toContain('Explications de position');
    expect(frBody).toContain('Signataires');
    expect(frBody).toContain(RESERVATION);
  });

  it('a long chair’s text kept to members: refused to others (404) as on its page; members get it, lines numbered afresh on every page', async () => {
    const clauses = [
      { kind: 'heading', text: 'Operative part' },
      ...Array.from({ length: 60 }, (_, i) => ({
        kind: 'operative',
        text: `Paragraph ${i + 1} of the long text: delegations agree that each clause wraps across several printed lines so the layout breaks pages, numbers each line and keeps paragraphs together.`,
      })),
    ];
    const issued = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'A long text kept to members', clauses });
    expect(issued.status).toBe(201);
    const rev = await g.chair.client.post<DocumentResponse>(`/api/documents/${issued.body.id}/chairs-texts`, {
      label: 'Rev.1',
      symbol: 'A/AC.292/2026/CRP.1',
      standing: 'draft',
      office: 'chair',
      clauses: issued.body.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
      membersOnlyUntil: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(rev.status).toBe(201);
    const path = `/api/documents/${issued.body.id}/versions/2/export.pdf`;
    for (const who of [anonymous(), g.outsider.client]) {
      const refused = await who.get(path);
      expect(expectProblem(refused, 404).code).toBe('version-members-only');
      expect(expectProblem(await who.get(`/api/documents/${issued.body.id}/versions/2/dispositions.pdf`), 404).code).toBe('version-members-only');
    }

    const file = await pdfOf(g.ngo.client, path);
    const pages = await pagesOf(file);
    const count = await pageCount(file);
    expect(pages.length).toBe(count);
    expect(count).toBeGreaterThanOrEqual(5);
    const cover = flat(pages[0]);
    expect(cover).toContain('Rev.1');
    expect(cover).toContain('Symbol: A/AC.292/2026/CRP.1');
    expect(cover).toContain('Chair’s text (draft)');
    expect(cover).not.toContain('Draft ');
    for (const [i, page] of pages.slice(1).entries()) {
      const numbers = numberedLines(page).map((l) => l.n);
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      expect(flat(page)).toContain(`Page ${i + 2} of ${count}`);
      expect(page).toContain('Version 2 · Rev.1 · A/AC.292/2026/CRP.1');
    }
    const body = bodyText(pages);
    for (const c of rev.body.version.clauses) expect(body).toContain(flat(c.kind === 'operative' ? `${c.label} ${c.text}` : c.text));
    // No page ends or starts with a lone line of a paragraph: every paragraph split across pages leaves two lines on each side.
    for (const page of pages.slice(1, -1)) {
      const lines = numberedLines(page);
      const lastStart = lines.map((l) => l.ref !== null).lastIndexOf(true);
      expect(lines.length - lastStart).toBeGreaterThanOrEqual(2);
    }

    const fr = flat((await pagesOf(await pdfOf(g.ngo.client, `${path}?lang=fr`)))[0]);
    expect(fr).toContain('Texte de la présidence (projet)');
    expect(fr).toContain('Cote : A/AC.292/2026/CRP.1');
  });

  it('refuses bad input with a problem naming it: an unknown language, a bad version number, a version or document that does not exist', async () => {
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/1/export.pdf?lang=de`), 400, { fields: ['lang'] });
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/1/dispositions.pdf?lang=de`), 400, { fields: ['lang'] });
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/0/export.pdf`), 400, { fields: ['n'] });
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/9/export.pdf`), 404);
    expectProblem(await anonymous().get(`/api/documents/00000000-0000-4000-8000-000000000000/versions/1/dispositions.pdf`), 404);
  });
});

describe('exchange: print layout without the app', () => {
  /** One unit per character: widths a test can count. */
  const measure = (_face: string, text: string) => [...text].length;
  const texts = (lines: Line[]) => lines.map((l) => l.runs.map((r) => r.text).join(''));

  it('breaks lines greedily within the width, keeps a bracketed word whole with its faces, obeys new lines and no-break spaces, cuts a word longer than the line', () => {
    const lines = breakLines(
      [
        { text: 'Prevent activity that ' },
        { text: '[', face: 'serifBold' },
        { text: 'substantially' },
        { text: ']', face: 'serifBold' },
        { text: ' damages the core' },
      ],
      20,
      'serif',
      measure,
    );
    expect(texts(lines)).toEqual(['Prevent activity', 'that [substantially]', 'damages the core']);
    expect(lines[1].runs.map((r) => r.face)).toEqual(['serif', 'serifBold', 'serif', 'serifBold']);
    expect(lines.every((l) => l.width <= 20)).toBe(true);
    expect(texts(breakLines([{ text: 'Name\nOrganisation' }], 40, 'sans', measure))).toEqual(['Name', 'Organisation']);
    expect(texts(breakLines([{ text: 'Issue\u202f: Adopté' }], 8, 'sans', measure))).toEqual(['Issue\u202f:', 'Adopté']);
    expect(texts(breakLines([{ text: 'A/AC.292/2026/CRP.1' }], 8, 'sans', measure))).toEqual(['A/AC.292', '/2026/CR', 'P.1']);
  });

  it('cuts a long word once even where the font kerns a pair wider than its letters (as DejaVu does "BO"): the layout ends', () => {
    // Each character is 1 wide alone, but a string measures one more for every "BO" pair in it.
    const kerning = (_face: string, text: string) => [...text].length + (text.match(/BO/g)?.length ?? 0);
    const lines = breakLines([{ text: 'BO'.repeat(400) }], 10, 'serif', kerning);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe('BO'.repeat(400));
    expect(lines).toHaveLength(80);
  });

  it('lets other callbacks run while a long text is laid out (it yields to the event loop)', async () => {
    const layout = new PrintLayout({
      header: { left: 'Group — Title', right: 'Version 1' },
      footer: (n, m) => `Page ${n} of ${m}`,
      cover: false,
      lineNumbers: true,
      info: { title: 'T', subject: 'S', language: 'en-GB' },
    });
    let ticks = 0;
    const tick = () => {
      ticks++;
      if (ticks < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    for (let i = 0; i < 300; i++)
      await layout.paragraph([{ text: `Paragraph ${i + 1} of a long text that wraps over two printed lines at least, as real clauses do.` }], {
        ref: `OP${i + 1}`,
        label: `${i + 1}.`,
        indent: 26,
      });
    const during = ticks;
    const pdf = await layout.finish();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(during).toBeGreaterThanOrEqual(10);
  });
});
