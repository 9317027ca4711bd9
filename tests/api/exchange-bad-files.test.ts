import { DOCX_MEDIA_TYPE, REFUSALS, type DocumentResponse, type RefusalCode } from '@parley/contracts';
import {
  brokenXmlDocx,
  emptyDocx,
  encryptedDocx,
  entityDocx,
  fiftyMegabytes,
  hugeTextDocx,
  lyingSizeDocx,
  macroContentTypeDocx,
  macroDocx,
  manyPartsDocx,
  manyParagraphsDocx,
  oldWordDoc,
  pdfBytes,
  zipBombDocx,
  zipWithoutDocument,
} from '../support/docx-files';
import { newDraftingGroup, PARIS_CALL_CLAUSES, type DraftingGroup } from '../support/drafting-fixtures';
import { expectProblem } from '../support/expectations';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

interface BadFile {
  name: string;
  bytes: () => Buffer;
  status: number;
  code: RefusalCode;
  params: Record<string, unknown>;
}

const BAD_FILES: BadFile[] = [
  { name: 'a PDF', bytes: pdfBytes, status: 415, code: 'upload-not-docx', params: { found: 'pdf' } },
  { name: 'an old .doc', bytes: oldWordDoc, status: 415, code: 'upload-not-docx', params: { found: 'doc' } },
  { name: 'a zip without a Word document', bytes: zipWithoutDocument, status: 415, code: 'upload-not-docx', params: { found: 'zip' } },
  { name: 'a password-protected file', bytes: encryptedDocx, status: 400, code: 'docx-encrypted', params: {} },
  { name: 'a zip bomb (100 MB of zeros)', bytes: zipBombDocx, status: 400, code: 'docx-expands-too-much', params: { limitMegabytes: 60 } },
  { name: 'a zip bomb whose directory lies about its size', bytes: lyingSizeDocx, status: 400, code: 'docx-expands-too-much', params: { limitMegabytes: 60 } },
  { name: 'a zip of too many parts', bytes: () => manyPartsDocx(2001), status: 400, code: 'docx-expands-too-much', params: { limitMegabytes: 60 } },
  { name: 'macros (vbaProject.bin)', bytes: macroDocx, status: 400, code: 'docx-has-macros', params: {} },
  { name: 'a macro-enabled content type', bytes: macroContentTypeDocx, status: 400, code: 'docx-has-macros', params: {} },
  { name: 'a DTD with an entity', bytes: entityDocx, status: 400, code: 'docx-unreadable', params: { part: 'word/document.xml' } },
  { name: 'damaged XML', bytes: brokenXmlDocx, status: 400, code: 'docx-unreadable', params: { part: 'word/document.xml' } },
  { name: 'no text', bytes: emptyDocx, status: 400, code: 'docx-no-text', params: {} },
  { name: 'a document part larger than Parley parses', bytes: hugeTextDocx, status: 400, code: 'docx-text-too-large', params: { limitMegabytes: 5 } },
  { name: 'more paragraphs than a document may have clauses', bytes: () => manyParagraphsDocx(2001), status: 400, code: 'docx-too-many-paragraphs', params: { limit: 2000 } },
];

/**
 * Bad Word files (decision 0044): each refused with problem+json naming the problem and the body as
 * the field at fault, before anything is created, on both import routes.
 */
describe('Word import: bad files', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let documentId: string;
  const counts = async () =>
    (await t.dataSource.query(`SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM amendments)::int AS amendments, (SELECT count(*) FROM audit_events)::int AS events`))[0];
  const routes = () => [
    { route: 'new document', path: `/api/working-groups/${g.id}/documents/import-preview`, client: g.chair.client },
    { route: 'existing document', path: `/api/documents/${documentId}/import-preview`, client: g.ngo.client },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    const doc = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Paris Call — draft principles', clauses: PARIS_CALL_CLAUSES });
    documentId = doc.body.id;
  });
  afterAll(() => t?.close());

  it.each(BAD_FILES)('refuses $name: status, problem type, code, the body as the field, nothing created', async (bad) => {
    const bytes = bad.bytes();
    for (const { route, path, client } of routes()) {
      const before = await counts();
      const res = await client.upload(path, bytes, DOCX_MEDIA_TYPE);
      const problem = expectProblem(res, bad.status, { type: REFUSALS[bad.code].type, fields: ['(body)'] });
      expect({ route, code: problem.code, params: problem.params }).toEqual({ route, code: bad.code, params: bad.params });
      expect(await counts()).toEqual(before);
    }
  });

  it('refuses a file over the upload limit with 413 before reading it', async () => {
    for (const { path, client } of routes()) {
      const before = await counts();
      const res = await client.upload(path, fiftyMegabytes(), DOCX_MEDIA_TYPE);
      const problem = expectProblem(res, 413, { type: REFUSALS['upload-too-large'].type, fields: ['(body)'] });
      expect(problem).toMatchObject({ code: 'upload-too-large', params: { limitMegabytes: 10 } });
      expect(await counts()).toEqual(before);
    }
  });

  it('refuses a body that is not sent as a Word document', async () => {
    for (const { path, client } of routes()) {
      const res = await client.post(path, { file: 'not a file' });
      expect(expectProblem(res, 415, { fields: ['(body)'] })).toMatchObject({ code: 'upload-not-docx', params: { found: 'other' } });
    }
  });
});
