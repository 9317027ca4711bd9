import { DOCX_MEDIA_TYPE, type AmendmentResponse, type CommentResponse, type CommentThreadPage, type DocumentResponse, type VersionImportPreview } from '@parley/contracts';
import { cleanResolutionDocx, RESOLUTION, trackedResolutionDocx } from '../support/docx-files';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { expectProblem } from '../support/expectations';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** The resolution file's text with its tracked changes rejected, as version 1 of a document holds it. */
const VERSION_ONE = [
  { kind: 'heading', text: RESOLUTION.heading },
  ...RESOLUTION.preamble.map((text) => ({ kind: 'preamble', text })),
  ...RESOLUTION.operative.map((text) => ({ kind: 'operative', text })),
] as const;
const RESTORED_OP1 = 'Calls upon States to restore shared rivers;';
const INSERTED = 'Invites donors to contribute to the fund.';

/**
 * A chair's text from Word (issue #22, decision 0044): the chair prepares the next text in Word; the
 * import preview gives the file's text with its tracked changes accepted, matched to the current
 * version's clauses, and the chair issues it as a chair's text: clause ids kept where matched, so
 * comments and amendments follow them; the usual chair's text rules apply.
 */
describe('a chair’s text from a Word file', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let tracked: Buffer;
  let clean: Buffer;
  const createDocument = async (clauses: readonly { kind: string; text: string }[], h = g): Promise<DocumentResponse> => {
    const res = await h.chair.client.post<DocumentResponse>(`/api/working-groups/${h.id}/documents`, { title: 'Open water — draft', clauses });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const previewOn = async (who: Delegate, documentId: string, file: Buffer) => {
    const res = await who.client.upload<VersionImportPreview>(`/api/documents/${documentId}/import-preview`, file, DOCX_MEDIA_TYPE);
    if (res.status !== 200) throw new Error(`preview: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const asChairsText = (preview: VersionImportPreview, label = 'Rev.1') => ({
    label,
    standing: 'draft',
    office: 'chair',
    clauses: preview.draft.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })),
  });
  const versionsOf = async (id: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM document_versions WHERE document_id = $1`, [id]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    [g, tracked, clean] = await Promise.all([newDraftingGroup(t), trackedResolutionDocx(), cleanResolutionDocx()]);
  });
  afterAll(() => t?.close());

  it('previews the file with its tracked changes accepted, matched to the clauses; issued as a chair’s text it keeps the matched ids, and comments and amendments follow them', async () => {
    const doc = await createDocument(VERSION_ONE);
    const ids = doc.version.clauses.map((c) => c.id);
    const comment = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: ids[1], body: 'Which earlier resolutions?' });
    expect(comment.status).toBe(201);
    const onKept = await g.government.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: ids[5], text: 'Decides to remain actively seized of the matter.', rationale: 'Stronger.' });
    const onDeleted = await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: ids[4], text: 'Requests the Secretariat to report.', rationale: 'Shorter.' });
    expect([onKept.status, onDeleted.status]).toEqual([201, 201]);

    const preview = await previewOn(g.chair, doc.id, tracked);
    expect(preview.draft).toEqual([
      { clauseId: ids[0], kind: 'heading', text: RESOLUTION.heading, match: 'same' },
      { clauseId: ids[1], kind: 'preamble', text: RESOLUTION.preamble[0], match: 'same' },
      { clauseId: ids[2], kind: 'preamble', text: RESOLUTION.preamble[1], match: 'same' },
      { clauseId: ids[3], kind: 'operative', text: RESTORED_OP1, match: 'changed' },
      { clauseId: ids[5], kind: 'operative', text: RESOLUTION.operative[2], match: 'same' },
      { clauseId: null, kind: 'operative', text: INSERTED, match: 'new' },
    ]);
    expect(await versionsOf(doc.id)).toBe(1);

    const issued = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, asChairsText(preview));
    expect(issued.status).toBe(201);
    const v2 = issued.body.version;
    expect(v2).toMatchObject({ number: 2, chairsText: { label: 'Rev.1', penHolder: { id: g.chair.id } } });
    expect(v2.clauses.map((c) => c.id).slice(0, 5)).toEqual([ids[0], ids[1], ids[2], ids[3], ids[5]]);
    expect(ids).not.toContain(v2.clauses[5].id);
    expect(v2.clauses.map((c) => c.text)).toEqual([RESOLUTION.heading, ...RESOLUTION.preamble, RESTORED_OP1, RESOLUTION.operative[2], INSERTED]);

    const thread = await g.chair.client.get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${ids[1]}`);
    expect(thread.body.items.map((c) => c.id)).toEqual([comment.body.id]);
    expect((await g.chair.client.get<AmendmentResponse>(`/api/amendments/${onKept.body.id}`)).body).toMatchObject({ status: 'proposed' });
    expect((await g.chair.client.get<AmendmentResponse>(`/api/amendments/${onDeleted.body.id}`)).body).toMatchObject({ status: 'outdated', statusReason: { code: 'target-deleted' } });
  });

  it('matches a file edited without tracking by word similarity', async () => {
    const doc = await createDocument([...VERSION_ONE.slice(0, 3), { kind: 'operative', text: 'Calls upon all States to protect rivers;' }, ...VERSION_ONE.slice(4)]);
    const ids = doc.version.clauses.map((c) => c.id);
    const preview = await previewOn(g.rapporteur, doc.id, clean);
    expect(preview.draft.map((c) => [c.clauseId, c.match])).toEqual(ids.map((id, i) => [id, i === 3 ? 'changed' : 'same']));
    expect(preview.warnings).toEqual(['untracked-differences']);
    const issued = await g.rapporteur.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, asChairsText(preview, 'Zero draft'));
    expect(issued.status).toBe(201);
    expect(issued.body.version.clauses.map((c) => [c.id, c.text])).toEqual(ids.map((id, i) => [id, i === 3 ? RESOLUTION.operative[0] : VERSION_ONE[i].text]));
  });

  it('lets a member who may amend read the draft, but only the chair or rapporteur issue it; nothing changes', async () => {
    const doc = await createDocument(VERSION_ONE);
    const preview = await previewOn(g.ngo, doc.id, tracked);
    expect(preview.draft).toHaveLength(6);
    expect(expectProblem(await g.ngo.client.post(`/api/documents/${doc.id}/chairs-texts`, asChairsText(preview)), 403)).toMatchObject({ code: 'editors-only' });
    expect(await versionsOf(doc.id)).toBe(1);
  });

  it('is refused (409 consolidate-first) while an accepted amendment waits for consolidation; nothing changes', async () => {
    const doc = await createDocument(VERSION_ONE);
    const a = await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'delete', baseVersion: 1, targetClauseId: doc.version.clauses[4].id, rationale: 'Redundant.' });
    const ballot = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.body.id}/ballot`, { closesAt: inADay() });
    for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) await v.client.post(`/api/ballots/${ballot.body.ballotId}/votes`, { choice: 'yes' });
    expect((await g.chair.client.post(`/api/ballots/${ballot.body.ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
    const preview = await previewOn(g.chair, doc.id, tracked);
    const res = await g.chair.client.post(`/api/documents/${doc.id}/chairs-texts`, asChairsText(preview));
    expect(expectProblem(res, 409)).toMatchObject({ code: 'consolidate-first', params: { accepted: 1 } });
    expect(await versionsOf(doc.id)).toBe(1);
  });
});
