import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser, type Element } from '@xmldom/xmldom';
import {
  DOCX_MEDIA_TYPE,
  type CommentResponse,
  type CommentTemplatePreview,
  type DispositionReport,
  type DocumentResponse,
  type ImportedCommentsResponse,
} from '@parley/contracts';
import { clauseReferences } from '@parley/domain';
import { auditEvents, expectProblem } from '../support/expectations';
import { newOrganisation, newPerson, confirmAffiliation, type SignedIn } from '../support/factories';
import { newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient, type ApiResponse } from '../support/http-client';
import { issueMembersOnlyVersion } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const ISO_TITLES = ['MB/NC1', 'Line number', 'Clause/Subclause', 'Paragraph/Figure/Table', 'Type of comment2', 'Comments', 'Proposed change', 'Observations of the secretariat'];

const childrenNamed = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);

/** The tables of a Word file as rows of cell texts (a cell's paragraphs one line each), read with an unzipper and an XML parser. */
function tablesOf(bytes: Uint8Array): { tables: string[][][]; xml: string } {
  const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const text = (p: Element) => Array.from(p.getElementsByTagNameNS(W, 't')).map((t) => t.textContent ?? '').join('');
  const tables = Array.from(doc.getElementsByTagNameNS(W, 'tbl')).map((tbl) =>
    childrenNamed(tbl as Element, 'tr').map((tr) => childrenNamed(tr, 'tc').map((tc) => childrenNamed(tc, 'p').map(text).join('\n'))),
  );
  return { tables, xml };
}

/** A Word file with these blocks: a paragraph per string, a table per array of rows. */
const docxOf = (...blocks: (string | string[][])[]) =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: blocks.map((b) =>
            typeof b === 'string' ? new Paragraph(b) : new Table({ rows: b.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
          ),
        },
      ],
    }),
  );

describe('exchange: the ISO commenting template, out and in', () => {
  let t: TestApp;
  let steward: SignedIn;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let refs: Map<string, string>;
  const idOf = (ref: string) => [...refs].find(([, r]) => r === ref)![0];
  const base = () => `/api/documents/${doc.id}/versions/1/comment-template`;
  const anonymous = () => new ApiClient(t.baseUrl);
  const report = async () => (await anonymous().get<DispositionReport>(`/api/documents/${doc.id}/versions/1/dispositions`)).body;
  const commentCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM comments`))[0].n);

  const download = async (path: string) => {
    const res = await fetch(t.baseUrl + path);
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const upload = async (who: SignedIn, bytes: Uint8Array, path = base()): Promise<ApiResponse<CommentTemplatePreview>> => {
    const res = await fetch(t.baseUrl + path, { method: 'POST', headers: { authorization: `Bearer ${who.client.token}`, 'content-type': DOCX_MEDIA_TYPE, accept: 'application/json' }, body: new Uint8Array(bytes) });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  const confirm = (who: SignedIn, rows: unknown[]) => who.client.post<ImportedCommentsResponse>(`${base()}/comments`, { rows });
  const appoint = async (organisationId: string, person: SignedIn) =>
    expect((await steward.client.post(`/api/organisations/${organisationId}/focal-points`, { personId: person.id, reason: 'Named by the capital' })).status).toBe(201);

  beforeAll(async () => {
    t = await startTestApp();
    // The first person registered is the platform's steward: they appoint the first focal point of an organisation.
    steward = await newPerson(t.baseUrl, { name: 'Platform Steward' });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    refs = clauseReferences(doc.version.clauses);
    await appoint(g.government.organisation.id, g.government);

    const technical = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, {
      clauseId: idOf('OP4'),
      kind: 'technical',
      body: 'Too broad: theft is already a crime.\n\nProposed change: Prevent ICT-enabled theft of trade secrets',
    });
    expect(technical.status).toBe(201);
    expect((await g.chair.client.post(`/api/comments/${technical.body.id}/disposition`, { disposition: 'accepted', reason: 'Narrower wording agreed in session.' })).status).toBe(200);
    expect((await g.company.client.post(`/api/documents/${doc.id}/comments`, { clauseId: idOf('PP2'), kind: 'editorial', body: 'Capitalise “Charter”.' })).status).toBe(201);
  });
  afterAll(() => t.close());

  describe('GET …/comment-template.docx', () => {
    it('is a landscape Word table in ISO’s columns: each comment with its organisation, clause, type and disposition, then a blank row per clause', async () => {
      const res = await download(`${base()}.docx?lang=en`);
      expect(res.status).toBe(200);
      expect(res.type).toBe(DOCX_MEDIA_TYPE);
      const { tables, xml } = tablesOf(res.bytes);
      expect(xml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
      expect(tables).toHaveLength(1);
      const [header, ...rows] = tables[0];
      expect(header).toEqual(['MB/NC', 'Line number', 'Clause/Subclause', 'Paragraph/Figure/Table', 'Type of comment', 'Comments', 'Proposed change', 'Observations of the secretariat']);
      expect(rows.slice(0, 2)).toEqual([
        [g.company.organisation.name, '', 'PP2', '', 'ed', 'Capitalise “Charter”.', '', ''],
        [g.ngo.organisation.name, '', 'OP4', '', 'te', 'Too broad: theft is already a crime.', 'Prevent ICT-enabled theft of trade secrets', 'Accepted: Narrower wording agreed in session.'],
      ]);
      expect(rows.slice(2).map((r) => r[2])).toEqual([...refs.values()]);
      expect(rows.slice(2).every((r) => r.filter((c) => c !== '').length === 1)).toBe(true);
    });

    it('writes its titles and dispositions in French on request; the comments stay as written', async () => {
      const { tables } = tablesOf((await download(`${base()}.docx?lang=fr`)).bytes);
      expect(tables[0][0]).toEqual(['Organisation', 'Numéro de ligne', 'Article/Paragraphe', 'Paragraphe/Figure/Tableau', 'Type de commentaire', 'Commentaires', 'Changement proposé', 'Observations du secrétariat']);
      expect(tables[0][2].slice(5)).toEqual(['Too broad: theft is already a crime.', 'Prevent ICT-enabled theft of trade secrets', 'Retenu: Narrower wording agreed in session.']);
    });

    it('of a version kept to members is refused to others, as its disposition report is', async () => {
      const other = await newParisCallDocument(t, g);
      await issueMembersOnlyVersion(g, other);
      const path = `/api/documents/${other.id}/versions/2/comment-template.docx`;
      expect((await download(path)).status).toBe(404);
      const outsider = await fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${g.outsider.client.token}` } });
      expect(outsider.status).toBe(404);
      expect(await outsider.json()).toMatchObject({ code: 'version-members-only' });
      const member = await fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${g.ngo.client.token}` } });
      expect(member.status).toBe(200);
    });
  });

  describe('a focal point uploads a completed template', () => {
    const filled = () =>
      docxOf('National comments of the Foreign Office', [
        ISO_TITLES,
        ['Another Ministry', '12', 'OP2', '', 'te', 'Say which activity is meant.', 'Prevent activity that intentionally damages', ''],
        ['', '', 'OP99', '', 'ge', 'A clause the text does not have.', '', ''],
        ['', '', 'PP1', '', 'zz', 'A type nobody knows.', '', ''],
        ['', '', 'OP3', '', 'ed', '', '', ''],
        ['', '', 'OP5', '', '', '', '', ''],
        [g.ngo.organisation.name, '', 'OP4', '', 'te', 'Too broad: theft is already a crime.', 'Prevent ICT-enabled theft of trade secrets', 'Accepted: Narrower wording agreed in session.'],
      ]);

    it('previews the rows it would post for their own organisation, whatever the MB/NC column says, and each bad cell by row and column; nothing is posted', async () => {
      const before = await commentCount();
      const res = await upload(g.government, await filled());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        documentId: doc.id,
        version: 1,
        organisation: { id: g.government.organisation.id, name: g.government.organisation.name },
        rows: [{ row: 1, clauseId: idOf('OP2'), clauseRef: 'OP2', kind: 'technical', comment: 'Say which activity is meant.', proposedChange: 'Prevent activity that intentionally damages' }],
        refused: [
          { row: 2, column: 'clause', problem: 'clause-unknown', value: 'OP99' },
          { row: 3, column: 'type', problem: 'type-unknown', value: 'zz' },
          { row: 4, column: 'comment', problem: 'comment-missing', value: '' },
        ],
      });
      expect(await commentCount()).toBe(before);
    });

    it('posts the confirmed rows as comments of the focal point and their organisation’s snapshot, in the disposition report', async () => {
      const preview = (await upload(g.government, await filled())).body;
      // What the focal point confirms: the rows as read, without the reference the preview shows beside each.
      const res = await confirm(g.government, preview.rows.map(({ clauseRef: _shown, ...row }) => row));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ documentId: doc.id, version: 1, commentIds: [expect.any(String)] });
      const entry = (await report()).entries.find((e) => e.commentId === res.body.commentIds[0]);
      expect(entry).toMatchObject({
        clauseId: idOf('OP2'),
        kind: 'technical',
        body: 'Say which activity is meant.\n\nProposed change: Prevent activity that intentionally damages',
        author: { id: g.government.id, snapshot: g.government.snapshot },
        disposition: null,
      });
      expect((await auditEvents(t.baseUrl, `wg:${g.id}`)).at(-1)).toMatchObject({ action: 'comment.posted', subjectId: res.body.commentIds[0], actorId: g.government.id, actorSnapshot: g.government.snapshot });
      // Uploaded again, the row is already a comment of the version: nothing left to post.
      expect((await upload(g.government, await filled())).body.rows).toEqual([]);
    });

    it('reads the template as Parley wrote it, in either language: its comments are already posted and its blank rows are skipped', async () => {
      for (const lang of ['en', 'fr']) {
        const res = await upload(g.government, (await download(`${base()}.docx?lang=${lang}`)).bytes);
        expect(res.status).toBe(200);
        expect({ rows: res.body.rows, refused: res.body.refused }).toEqual({ rows: [], refused: [] });
      }
    });

    it('posts all rows or none: a row naming a clause of another text is refused by its index', async () => {
      const foreign = (await newParisCallDocument(t, g)).version.clauses[0].id;
      const before = await commentCount();
      const row = { row: 1, clauseId: idOf('OP6'), kind: 'general', comment: 'Fine as it is.', proposedChange: null };
      expectProblem(await confirm(g.government, [row, { ...row, row: 2, clauseId: foreign }]), 400, { fields: ['rows.1.clauseId'] });
      expect(await commentCount()).toBe(before);
    });
  });

  describe('who may post a template, and what is refused', () => {
    let garbage: Uint8Array;
    beforeAll(() => {
      garbage = new TextEncoder().encode('not a Word file at all');
    });
    const refusedWithNothingPosted = async (who: SignedIn, code: string) => {
      const before = await commentCount();
      // The right is checked before the file is read: even bytes that are no Word file get the 403.
      expect((await upload(who, garbage)).body).toMatchObject({ status: 403, code });
      const row = { row: 1, clauseId: idOf('OP1'), kind: 'general', comment: 'On behalf of someone else.', proposedChange: null };
      expect((await confirm(who, [row])).body).toMatchObject({ status: 403, code });
      expect(await commentCount()).toBe(before);
    };

    it('a member who is not a focal point', () => refusedWithNothingPosted(g.ngo, 'template-focal-points-only'));

    it('a focal point of another organisation than that of their current affiliation', async () => {
      const other = await newOrganisation(steward.client, { stakeholderGroup: 'civil-society', subtype: 'ngo' });
      const declared = await g.company.client.post<{ id: string }>('/api/me/affiliations', { organisationId: other.id, title: 'Adviser', startDate: '2010-01-01' });
      expect(declared.status).toBe(201);
      await confirmAffiliation(t.baseUrl, declared.body.id);
      await appoint(other.id, g.company);
      await refusedWithNothingPosted(g.company, 'template-focal-points-only');
    });

    it('a focal point outside the group', async () => {
      await appoint(g.outsider.organisation.id, g.outsider);
      await refusedWithNothingPosted(g.outsider, 'not-in-group');
    });

    it('a file without the template’s table', async () => {
      const before = await commentCount();
      const res = await upload(g.government, await docxOf('Our comments, in prose.', [['Name', 'Country'], ['Ana', 'FR']]));
      expectProblem(res, 400);
      expect(res.body).toMatchObject({ code: 'template-no-table' });
      expect(await commentCount()).toBe(before);
    });

    it('a body that is no Word file, from a focal point', async () => {
      expect((await g.government.client.post(base(), { rows: [] })).body).toMatchObject({ status: 415, code: 'upload-not-docx', errors: [{ field: '(body)' }] });
      expect((await upload(g.government, garbage)).body).toMatchObject({ status: 415, code: 'upload-not-docx' });
    });

    it('a template of a version that is no longer the current one: comments go on the current text', async () => {
      const older = await newParisCallDocument(t, g);
      await issueMembersOnlyVersion(g, older);
      const path = `/api/documents/${older.id}/versions/1/comment-template`;
      const before = await commentCount();
      const table = [ISO_TITLES, ['', '', 'OP1', '', 'ge', 'Late.', '', '']];
      expect((await upload(g.government, await docxOf(table), path)).body).toMatchObject({ status: 409, code: 'not-current-version' });
      const row = { row: 1, clauseId: older.version.clauses[6].id, kind: 'general', comment: 'Late.', proposedChange: null };
      expect((await g.government.client.post(`${path}/comments`, { rows: [row] })).body).toMatchObject({ status: 409, code: 'not-current-version' });
      expect(await commentCount()).toBe(before);
    });

    it('an upload by nobody signed in', async () => {
      const res = await fetch(t.baseUrl + base(), { method: 'POST', headers: { 'content-type': DOCX_MEDIA_TYPE }, body: new Uint8Array(garbage) });
      expect(res.status).toBe(401);
    });
  });
});
