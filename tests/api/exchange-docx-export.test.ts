import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { acceptedText, recogniseClauses, rejectedText, type WordParagraph } from '@parley/domain';
import { DOCX_MEDIA_TYPE, type AmendmentResponse, type BracketView, type DocumentResponse } from '@parley/contracts';
import { openDocx } from '../../apps/api/src/exchange/docx-file';
import { docxDisposition } from '../../apps/api/src/exchange/docx-export/docx-export.controller';
import { expectProblem } from '../support/expectations';
import { clauseByLabel, type Delegate, type DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion, MEMBERS_ONLY_TEXT } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CLAUSE_STYLES = new Set(['Heading1', 'ParleyPreamble', 'ParleyOperative']);

/** One paragraph of word/document.xml as Word would read it: its style, numbering, mark revision and runs. */
interface ReadParagraph {
  style: string | null;
  numbered: boolean;
  mark: { kind: 'insert' | 'delete'; author: string } | null;
  runs: { text: string; revision: { kind: 'insert' | 'delete'; author: string; date: string } | null; style: string | null }[];
}

const children = (e: Element, name: string): Element[] => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const child = (e: Element | undefined, name: string): Element | undefined => (e ? children(e, name)[0] : undefined);
const attr = (e: Element | undefined, name: string) => e?.getAttributeNS(W, name) ?? null;

function runOf(r: Element, revision: ReadParagraph['runs'][number]['revision']): ReadParagraph['runs'][number] {
  const text = Array.from(r.childNodes)
    .filter((n): n is Element => n.nodeType === 1 && ['t', 'delText', 'tab'].includes((n as Element).localName ?? ''))
    .map((n) => (n.localName === 'tab' ? '\t' : (n.textContent ?? '')))
    .join('');
  return { text, revision, style: attr(child(child(r, 'rPr'), 'rStyle'), 'val') };
}

/** The parts of a Word file (unzipped) and its body's paragraphs. */
function readDocx(bytes: Uint8Array) {
  const parts = unzipSync(bytes);
  const xml = (path: string) => new DOMParser().parseFromString(strFromU8(parts[path]), 'text/xml');
  const body = xml('word/document.xml').getElementsByTagNameNS(W, 'body')[0];
  const paragraphs: ReadParagraph[] = children(body, 'p').map((p) => {
    const pPr = child(p, 'pPr');
    const markIns = child(child(pPr, 'rPr'), 'ins');
    const markDel = child(child(pPr, 'rPr'), 'del');
    const mark = markIns ? { kind: 'insert' as const, author: attr(markIns, 'author')! } : markDel ? { kind: 'delete' as const, author: attr(markDel, 'author')! } : null;
    const runs = Array.from(p.childNodes)
      .filter((n): n is Element => n.nodeType === 1)
      .flatMap((n) => {
        if (n.localName === 'r') return [runOf(n, null)];
        if (n.localName !== 'ins' && n.localName !== 'del') return [];
        const revision = { kind: n.localName === 'ins' ? ('insert' as const) : ('delete' as const), author: attr(n, 'author')!, date: attr(n, 'date')! };
        return children(n, 'r').map((r) => runOf(r, revision));
      });
    return { style: attr(child(pPr, 'pStyle'), 'val'), numbered: child(pPr, 'numPr') !== undefined, mark, runs };
  });
  return { parts, xml, paragraphs, text: (path: string) => strFromU8(parts[path]) };
}

const joined = (p: ReadParagraph, keep: (r: ReadParagraph['runs'][number]) => boolean) => p.runs.filter(keep).map((r) => r.text).join('');
const clauseParagraphs = (ps: ReadParagraph[]) => ps.filter((p) => p.style !== null && CLAUSE_STYLES.has(p.style));
/** Word's "Accept all": inserted text kept, deleted text and paragraphs gone. */
const acceptAll = (ps: ReadParagraph[]) => clauseParagraphs(ps).filter((p) => p.mark?.kind !== 'delete').map((p) => joined(p, (r) => r.revision?.kind !== 'delete'));
/** Word's "Reject all": deleted text kept, inserted text and paragraphs gone. */
const rejectAll = (ps: ReadParagraph[]) => clauseParagraphs(ps).filter((p) => p.mark?.kind !== 'insert').map((p) => joined(p, (r) => r.revision?.kind !== 'insert'));

describe('GET /api/documents/:id/versions/:n/export.docx (decision 0044)', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let v1: DocumentResponse;
  let v3: DocumentResponse;
  let changes: { replaced4: AmendmentResponse; deleted8: AmendmentResponse; inserted: AmendmentResponse; reworded: AmendmentResponse; replaced1: AmendmentResponse };
  const anonymous = () => new ApiClient(t.baseUrl);
  const author = (d: Delegate) => `${d.name} (${d.snapshot.organisationName})`;

  /** The file as a browser downloads it, with the client's session. */
  const download = async (client: ApiClient, path: string) => {
    const headers: Record<string, string> = {};
    if (client.token) headers.authorization = `Bearer ${client.token}`;
    if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(t.baseUrl + path, { headers });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  const propose = async (who: Delegate, baseVersion: number, body: Record<string, unknown>) => {
    const res = await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion, rationale: 'For the export test.', ...body });
    if (res.status !== 201) throw new Error(`propose failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** The chair balloting the amendment, every member voting yes, the chair closing: accepted. */
  const accept = async (a: AmendmentResponse) => {
    const opened = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, {});
    if (opened.status !== 201) throw new Error(`ballot failed ${opened.status} ${JSON.stringify(opened.body)}`);
    for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) await v.client.post(`/api/ballots/${opened.body.ballotId}/votes`, { choice: 'yes' });
    const closed = await g.chair.client.post(`/api/ballots/${opened.body.ballotId}/close`, { reason: 'Closed early in a test.' });
    if (closed.status !== 200) throw new Error(`close failed ${closed.status} ${JSON.stringify(closed.body)}`);
  };
  const consolidate = async () => {
    const res = await g.rapporteur.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`, { note: 'Consolidated for the export test.' });
    if (res.status !== 201) throw new Error(`consolidate failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    v1 = doc;
    const p4 = clauseByLabel(v1, '4.');
    // v2: the NGO rewrites principle 4, the company deletes principle 8, the government inserts a principle after 2.
    const replaced4 = await propose(g.ngo, 1, { kind: 'replace', targetClauseId: p4.id, text: p4.text.replace('commercial sector.', 'commercial sector, while protecting the work of journalists and security researchers.') });
    const deleted8 = await propose(g.company, 1, { kind: 'delete', targetClauseId: clauseByLabel(v1, '8.').id });
    const inserted = await propose(g.government, 1, { kind: 'insert', afterClauseId: clauseByLabel(v1, '2.').id, clauseKind: 'operative', text: 'Protect the electoral infrastructure of all States from interference.' });
    for (const a of [replaced4, deleted8, inserted]) await accept(a);
    const v2 = await consolidate();
    // v3: the company rewords the government's new principle (words inserted in v2 and removed in v3 vanish), the NGO principle 1.
    const newPrinciple = v2.version.clauses.find((c) => c.text.startsWith('Protect the electoral'))!;
    const reworded = await propose(g.company, 2, { kind: 'replace', targetClauseId: newPrinciple.id, text: 'Protect the electoral processes of all States from foreign interference.' });
    const p1 = clauseByLabel(v2, '1.');
    const replaced1 = await propose(g.ngo, 2, { kind: 'replace', targetClauseId: p1.id, text: p1.text.replace('significant, indiscriminate or systemic', 'indiscriminate') });
    for (const a of [reworded, replaced1]) await accept(a);
    v3 = await consolidate();
    changes = { replaced4, deleted8, inserted, reworded, replaced1 };
  }, 120_000);
  afterAll(() => t?.stop());

  describe('v3 against v1, with tracked changes', () => {
    let file: ReturnType<typeof readDocx>;
    let res: Awaited<ReturnType<typeof download>>;
    beforeAll(async () => {
      res = await download(anonymous(), `/api/documents/${doc.id}/versions/3/export.docx?against=1`);
      file = readDocx(res.bytes);
    });

    it('is a Word document to download, named after the document and the versions', () => {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="paris-call-draft-principles-v3-changes-since-v1\.docx"; filename\*=UTF-8''Paris%20Call/);
    });

    it('accepting every revision gives v3 exactly; rejecting every one gives v1 exactly', () => {
      expect(acceptAll(file.paragraphs)).toEqual(v3.version.clauses.map((c) => c.text));
      expect(rejectAll(file.paragraphs)).toEqual(v1.version.clauses.map((c) => c.text));
    });

    it("every revision's author is the author of the amendment that made it, as “Name (Organisation)”, dated when it was proposed", () => {
      const revisions = file.paragraphs.flatMap((p) => p.runs.flatMap((r) => (r.revision ? [{ ...r.revision, text: r.text }] : [])));
      const marks = file.paragraphs.flatMap((p) => (p.mark ? [p.mark] : []));
      expect(new Set([...revisions, ...marks].map((r) => r.author))).toEqual(new Set([author(g.ngo), author(g.company), author(g.government)]));
      const by = (text: string) => revisions.filter((r) => r.text.includes(text));
      expect(by('journalists')).toEqual([expect.objectContaining({ kind: 'insert', author: author(g.ngo), date: changes.replaced4.createdAt.replace(/\.\d{3}Z$/, 'Z') })]);
      expect(by('significant, ')).toEqual([expect.objectContaining({ kind: 'delete', author: author(g.ngo) })]);
      expect(by('foreign')).toEqual([expect.objectContaining({ kind: 'insert', author: author(g.company) })]);
      // "infrastructure" was inserted by the government in v2 and removed in v3: Word never sees it.
      expect(file.paragraphs.some((p) => p.runs.some((r) => r.text.includes('infrastructure of all States')))).toBe(false);
      expect(by('Protect the electoral')).toEqual([expect.objectContaining({ kind: 'insert', author: author(g.government) })]);
    });

    it("reads the same through the Word reader: accepting gives v3, rejecting gives v1, every revision by an amendment's author", () => {
      const content = openDocx(Buffer.from(res.bytes));
      const clauses = content.blocks.filter((b): b is WordParagraph => b.type === 'paragraph' && b.styleId !== null && CLAUSE_STYLES.has(b.styleId));
      expect(clauses.filter((p) => p.markRevision?.kind !== 'delete').map(acceptedText)).toEqual(v3.version.clauses.map((c) => c.text));
      expect(clauses.filter((p) => p.markRevision?.kind !== 'insert').map(rejectedText)).toEqual(v1.version.clauses.map((c) => c.text));
      const authors = clauses.flatMap((p) => [p.markRevision, ...p.runs.map((r) => r.revision)]).flatMap((r) => (r ? [r.author] : []));
      expect(new Set(authors)).toEqual(new Set([author(g.ngo), author(g.company), author(g.government)]));
    });

    it('marks the deleted principle and the inserted one as whole paragraphs, by their authors', () => {
      const p8 = clauseByLabel(v1, '8.').text;
      const deleted = file.paragraphs.find((p) => joined(p, () => true) === p8)!;
      expect(deleted.mark).toEqual({ kind: 'delete', author: author(g.company) });
      const inserted = file.paragraphs.find((p) => joined(p, () => true).startsWith('Protect the electoral'))!;
      expect(inserted.mark).toEqual({ kind: 'insert', author: author(g.government) });
      expect(inserted).toMatchObject({ style: 'ParleyOperative', numbered: true });
    });

    it('says in its header what it shows: group, title, version and the version it is compared with', () => {
      const header = file.text('word/header1.xml');
      expect(header).toContain('Paris Call — draft principles');
      expect(header).toContain('Version 3');
      expect(header).toContain('Changes against version 1 are shown as tracked changes.');
    });

    it('writes what Parley says in French with lang=fr', async () => {
      const fr = readDocx((await download(anonymous(), `/api/documents/${doc.id}/versions/3/export.docx?against=1&lang=fr`)).bytes);
      expect(fr.text('word/header1.xml')).toContain('Les modifications par rapport à la version 1 apparaissent en suivi des modifications.');
      expect(fr.text('word/document.xml')).toContain('Annexe : passages entre crochets');
      const browser = await fetch(`${t.baseUrl}/api/documents/${doc.id}/versions/3/export.docx?against=1`, { headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' } });
      // Without `lang`, the browser's preference of French over English.
      expect(readDocx(new Uint8Array(await browser.arrayBuffer())).text('word/header1.xml')).toContain('Les modifications par rapport à la version 1');
    });
  });

  describe('the clean file', () => {
    let bracket: BracketView;
    beforeAll(async () => {
      const passage = 'malign interference';
      const clause = v3.version.clauses.find((c) => c.text.includes(passage))!;
      const start = clause.text.indexOf(passage);
      const opened = await g.company.client.post<BracketView>(`/api/documents/${doc.id}/brackets`, { version: 3, clauseId: clause.id, start, end: start + passage.length, passage, reason: 'Our capital has not agreed this wording.' });
      if (opened.status !== 201) throw new Error(`bracket failed ${opened.status} ${JSON.stringify(opened.body)}`);
      const option = await g.ngo.client.post<BracketView>(`/api/brackets/${opened.body.id}/options`, { text: 'interference' });
      if (option.status !== 201) throw new Error(`option failed ${option.status} ${JSON.stringify(option.body)}`);
      bracket = option.body;
    });

    it("holds v3's clauses: headings bold, operative paragraphs numbered by Word with “%1.”, brackets in their style and options after the clause", async () => {
      const res = await download(anonymous(), `/api/documents/${doc.id}/versions/3/export.docx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/filename="paris-call-draft-principles-v3\.docx"/);
      const file = readDocx(res.bytes);
      expect(file.paragraphs.every((p) => p.mark === null && p.runs.every((r) => r.revision === null))).toBe(true);
      const clauses = clauseParagraphs(file.paragraphs);
      // Dropping the bracket marks gives the clause texts exactly.
      expect(clauses.map((p) => joined(p, (r) => r.style !== 'ParleyBracket'))).toEqual(v3.version.clauses.map((c) => c.text));
      expect(clauses.map((p) => (p.style === 'ParleyOperative' && p.numbered ? 'operative' : p.style === 'Heading1' ? 'heading' : 'preamble'))).toEqual(v3.version.clauses.map((c) => c.kind));
      expect(file.text('word/numbering.xml')).toMatch(/<w:lvlText w:val="%1\."\/>/);
      const bracketed = clauses.find((p) => p.runs.some((r) => r.style === 'ParleyBracket'))!;
      expect(joined(bracketed, () => true)).toContain('[malign interference]');
      expect(bracketed.runs.filter((r) => r.style === 'ParleyBracket').map((r) => r.text)).toEqual(['[', ']']);
      const option = file.paragraphs[file.paragraphs.indexOf(bracketed) + 1];
      expect(option).toMatchObject({ style: 'ParleyOption' });
      expect(joined(option, () => true)).toBe(`Option 1: [${bracket.options[0].text}]`);
      // The title travels in the file's properties, not as a paragraph that would read back as a clause.
      expect(file.text('docProps/core.xml')).toContain('<dc:title>Paris Call — draft principles</dc:title>');
    });

    it("imports back, through the Word reader, as v3's clauses: brackets and options dropped, kinds recognised", async () => {
      const res = await download(anonymous(), `/api/documents/${doc.id}/versions/3/export.docx`);
      const content = openDocx(Buffer.from(res.bytes));
      expect(content.title).toBe('Paris Call — draft principles');
      expect(recogniseClauses(content).map((c) => ({ kind: c.kind, text: c.text }))).toEqual(v3.version.clauses.map((c) => ({ kind: c.kind, text: c.text })));
    });

    it('lists the brackets in an annex of the tracked file instead of inline', async () => {
      const file = readDocx((await download(anonymous(), `/api/documents/${doc.id}/versions/3/export.docx?against=2`)).bytes);
      expect(clauseParagraphs(file.paragraphs).some((p) => p.runs.some((r) => r.style === 'ParleyBracket'))).toBe(false);
      const annex = file.paragraphs.filter((p) => p.style === 'ParleyAnnex').map((p) => joined(p, () => true));
      expect(annex).toEqual([
        'Annex: passages in square brackets',
        `OP4 [malign interference], asked for by ${author(g.company)}`,
        `Option 1: [interference], proposed by ${author(g.ngo)}`,
      ]);
      expect(acceptAll(file.paragraphs)).toEqual(v3.version.clauses.map((c) => c.text));
    });
  });

  describe('who may read what (decision 0041)', () => {
    let restricted: DocumentResponse;
    beforeAll(async () => {
      restricted = await newParisCallDocument(t, g);
      await issueMembersOnlyVersion(g, restricted);
    });

    it('refuses a members-only version to an outsider and to the public as its page does (404 version-members-only), and gives it to members', async () => {
      for (const client of [anonymous(), g.outsider.client]) {
        const res = await client.get(`/api/documents/${restricted.id}/versions/2/export.docx`);
        expect(expectProblem(res, 404)).toMatchObject({ code: 'version-members-only', params: { version: 2 } });
        expect(JSON.stringify(res.body)).not.toContain(MEMBERS_ONLY_TEXT);
      }
      const member = await download(g.ngo.client, `/api/documents/${restricted.id}/versions/2/export.docx?against=1`);
      expect(member.status).toBe(200);
      expect(acceptAll(readDocx(member.bytes).paragraphs)).toContain(MEMBERS_ONLY_TEXT);
    });

    it("refuses a public version's changes against a members-only one to outsiders (it would show the withheld text), and labels a chair's text by its label and symbol", async () => {
      const v2 = (await g.ngo.client.get<DocumentResponse>(`/api/documents/${restricted.id}`)).body;
      const issued = await g.chair.client.post<DocumentResponse>(`/api/documents/${restricted.id}/chairs-texts`, {
        label: 'Rev.1',
        symbol: 'PC/2026/CRP.1',
        standing: 'draft',
        office: 'chair',
        clauses: v2.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
      });
      expect(issued.status).toBe(201);
      const refused = await g.outsider.client.get(`/api/documents/${restricted.id}/versions/3/export.docx?against=2`);
      expect(expectProblem(refused, 404)).toMatchObject({ code: 'version-members-only', params: { version: 2 } });
      const member = await download(g.ngo.client, `/api/documents/${restricted.id}/versions/3/export.docx?against=2`);
      expect(member.status).toBe(200);
      const header = readDocx(member.bytes).text('word/header1.xml');
      expect(header).toContain('Rev.1 · Symbol PC/2026/CRP.1');
    });

    it('gives the public its versions that are not withheld', async () => {
      const res = await download(anonymous(), `/api/documents/${restricted.id}/versions/1/export.docx`);
      expect(res.status).toBe(200);
      expect(clauseParagraphs(readDocx(res.bytes).paragraphs)).toHaveLength(restricted.version.clauses.length);
    });
  });

  describe('bad requests', () => {
    it('refuses an `against` that is not an earlier existing version (400 naming `against`)', async () => {
      for (const against of ['3', '4', '99', 'one', '0']) {
        const res = await anonymous().get(`/api/documents/${doc.id}/versions/3/export.docx?against=${against}`);
        expectProblem(res, 400, { fields: ['against'] });
      }
    });

    it('refuses an unknown language and an unknown parameter (400), an unknown version or document (404)', async () => {
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/3/export.docx?lang=de`), 400, { fields: ['lang'] });
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/3/export.docx?track=1`), 400);
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/9/export.docx`), 404);
      expectProblem(await anonymous().get(`/api/documents/00000000-0000-4000-8000-000000000000/versions/1/export.docx`), 404);
    });
  });
});

describe('the Word file’s name', () => {
  it('keeps a title with an emoji at its cut and an apostrophe as a valid header (never a 500)', () => {
    const header = docxDisposition(`${'a'.repeat(119)}😀 States' view`, 3, 1);
    expect(header).toContain(`filename*=UTF-8''${'a'.repeat(119)}%F0%9F%98%80-v3-changes-since-v1.docx`);
    expect(docxDisposition("States' view (draft)", 2, undefined)).toContain("filename*=UTF-8''States%27%20view%20%28draft%29-v2.docx");
  });
});
