import { PROBLEM_TYPES, type CompareResponse, type DocumentResponse, type DocumentListResponse, type VersionResponse } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, DraftingGroup, newDraftingGroup, newParisCallDocument, PARIS_CALL_CLAUSES } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('drafting: documents and versions', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let anonymous: ApiClient;
  const scope = () => `wg:${g.id}`;
  const lastEvent = async () => (await auditEvents(t.baseUrl, scope())).at(-1);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    anonymous = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  describe('POST /api/working-groups/:id/documents', () => {
    it('the chair creates a document from clauses: version 1, stable clause ids, operative clauses numbered, document.created with the chair’s snapshot', async () => {
      const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: '  Paris Call — draft principles ', clauses: PARIS_CALL_CLAUSES });
      expect(res.status).toBe(201);
      const doc = res.body;
      expect(doc).toMatchObject({
        workingGroupId: g.id,
        title: 'Paris Call — draft principles',
        status: 'drafting',
        currentVersion: 1,
        adoptedVersion: null,
        clauseCount: 15,
        createdBy: { id: g.chair.id, name: g.chair.name, snapshot: g.chair.snapshot },
        versions: [{ number: 1, frozen: false, adoptedAt: null }],
        version: { number: 1, isCurrent: true, consolidation: null, openAdoptionBallotId: null },
        can: { comment: true, amend: true, dispose: true, consolidate: true, openAmendmentBallot: true, openAdoptionBallot: true, reason: null },
      });
      expect(doc.version.clauses.map((c) => [c.kind, c.text, c.position])).toEqual(PARIS_CALL_CLAUSES.map((c, i) => [c.kind, c.text, i]));
      expect(doc.version.clauses.filter((c) => c.label !== null).map((c) => c.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
      expect(doc.version.clauses.filter((c) => c.kind !== 'operative').every((c) => c.label === null)).toBe(true);
      expect(clauseByLabel(doc, '4.').text).toMatch(/^Prevent ICT-enabled theft of intellectual property/);
      expect(new Set(doc.version.clauses.map((c) => c.id)).size).toBe(15);
      expect(doc.version.clauses[0]).toMatchObject({ counts: { comments: 0, earlierComments: 0, unansweredClarifications: 0 }, amendments: { open: 0, balloting: 0, accepted: 0 } });

      expect(await lastEvent()).toMatchObject({
        action: 'document.created',
        subjectType: 'document',
        subjectId: doc.id,
        actorId: g.chair.id,
        actorSnapshot: g.chair.snapshot,
        change: { documentId: doc.id, title: 'Paris Call — draft principles', version: 1, from: 'clauses', clauses: 15, textDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
    });

    it('the rapporteur creates one from pasted text, one clause per paragraph, numbered paragraphs read as operative', async () => {
      const pastedText = 'Preamble\n\nRecognising that cyberspace is shared,\n\n1. Prevent malicious activity.\n\n2. Protect the public core\nof the Internet.\n';
      const res = await g.rapporteur.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Pasted draft', pastedText });
      expect(res.status).toBe(201);
      expect(res.body.version.clauses.map((c) => [c.kind, c.label, c.text])).toEqual([
        ['heading', null, 'Preamble'],
        ['preamble', null, 'Recognising that cyberspace is shared,'],
        ['operative', '1.', 'Prevent malicious activity.'],
        ['operative', '2.', 'Protect the public core of the Internet.'],
      ]);
      expect(await lastEvent()).toMatchObject({ action: 'document.created', actorId: g.rapporteur.id, change: { from: 'pasted-text', clauses: 4 } });
    });

    it.each([
      ['a voting member', (gr: DraftingGroup) => gr.ngo],
      ['an observer', (gr: DraftingGroup) => gr.observer],
      ['someone outside the group', (gr: DraftingGroup) => gr.outsider],
    ])('refuses %s: 403, nothing written', async (_who, pick) => {
      const before = (await auditEvents(t.baseUrl, scope())).length;
      const res = await pick(g).client.post(`/api/working-groups/${g.id}/documents`, { title: 'Not mine to create', clauses: [{ kind: 'operative', text: 'Text.' }] });
      expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden });
      expect(res.body.detail).toBe('Only a chair or rapporteur of this working group can do this');
      expect((await auditEvents(t.baseUrl, scope())).length).toBe(before);
    });

    it('refuses without a session (401) and for an unknown group (404)', async () => {
      expectProblem(await anonymous.post(`/api/working-groups/${g.id}/documents`, { title: 'Anon', clauses: [{ kind: 'operative', text: 'x' }] }), 401);
      expectProblem(await g.chair.client.post(`/api/working-groups/00000000-0000-4000-8000-000000000000/documents`, { title: 'Nowhere', clauses: [{ kind: 'operative', text: 'x' }] }), 404);
      expectProblem(await g.chair.client.post(`/api/working-groups/not-a-uuid/documents`, { title: 'Nowhere', clauses: [{ kind: 'operative', text: 'x' }] }), 400, { fields: ['id'] });
    });

    it.each([
      ['both clauses and pasted text', { title: 'Both', clauses: [{ kind: 'operative', text: 'x' }], pastedText: 'y' }, 'pastedText'],
      ['neither', { title: 'Neither' }, 'clauses'],
      ['an unknown clause kind', { title: 'Kinds', clauses: [{ kind: 'annex', text: 'x' }] }, 'clauses.0.kind'],
      ['an empty clause', { title: 'Empty', clauses: [{ kind: 'operative', text: '   ' }] }, 'clauses.0.text'],
      ['no clauses', { title: 'None', clauses: [] }, 'clauses'],
      ['pasted text with no paragraph', { title: 'Blank', pastedText: ' \n\n ' }, 'pastedText'],
      ['a short title', { title: 'ab', clauses: [{ kind: 'operative', text: 'x' }] }, 'title'],
      ['an unknown field', { title: 'Extra', clauses: [{ kind: 'operative', text: 'x' }], status: 'adopted' }, 'status'],
    ])('refuses %s: 400 naming the field', async (_what, body, field) => {
      expectProblem(await g.chair.client.post(`/api/working-groups/${g.id}/documents`, body), 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('refuses 1 MB of pasted text: 413 problem+json, nothing written', async () => {
      const before = (await auditEvents(t.baseUrl, scope())).length;
      const paragraph = 'Prevent activity that intentionally and substantially damages the general availability of the Internet. ';
      const pastedText = Array.from({ length: Math.ceil((1024 * 1024) / paragraph.length) }, () => paragraph).join('\n\n');
      expect(pastedText.length).toBeGreaterThanOrEqual(1024 * 1024);
      const res = await g.chair.client.post(`/api/working-groups/${g.id}/documents`, { title: 'Far too long', pastedText });
      expectProblem(res, 413, { type: PROBLEM_TYPES.payloadTooLarge });
      expect((await auditEvents(t.baseUrl, scope())).length).toBe(before);
    });
  });

  describe('reading', () => {
    let doc: DocumentResponse;
    beforeAll(async () => {
      doc = await newParisCallDocument(t, g);
    });

    it('GET /api/working-groups/:id/documents lists the group’s documents to anyone', async () => {
      const res = await anonymous.get<DocumentListResponse>(`/api/working-groups/${g.id}/documents`);
      expect(res.status).toBe(200);
      expect(res.body.can).toEqual({ create: false });
      expect((await g.rapporteur.client.get<DocumentListResponse>(`/api/working-groups/${g.id}/documents`)).body.can).toEqual({ create: true });
      expect((await g.ngo.client.get<DocumentListResponse>(`/api/working-groups/${g.id}/documents`)).body.can).toEqual({ create: false });
      expect(res.body.items.map((d) => d.id)).toContain(doc.id);
      expect(res.body.items.find((d) => d.id === doc.id)).toEqual({
        id: doc.id,
        workingGroupId: g.id,
        title: doc.title,
        status: 'drafting',
        currentVersion: 1,
        adoptedVersion: null,
        clauseCount: 15,
        createdAt: doc.createdAt,
        createdBy: doc.createdBy,
      });
      expectProblem(await anonymous.get(`/api/working-groups/00000000-0000-4000-8000-000000000000/documents`), 404);
    });

    it('GET /api/documents/:id is public; a reader who is not signed in may do nothing and is told why', async () => {
      const res = await anonymous.get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(res.status).toBe(200);
      expect(res.body.version.clauses).toEqual(doc.version.clauses);
      expect(res.body.can).toEqual({
        comment: false,
        amend: false,
        dispose: false,
        consolidate: false,
        openAmendmentBallot: false,
        openAdoptionBallot: false,
        reason: 'Sign in to take part',
        reasonCode: { code: 'sign-in', params: {} },
        negotiation: { setStatus: false, agreeAdRef: false, delegation: null },
      });
    });

    it.each([
      ['an observer comments but does not amend', (gr: DraftingGroup) => gr.observer, { comment: true, amend: false, dispose: false, consolidate: false, openAdoptionBallot: false, reason: 'Only members of this working group can propose amendments; observers comment', reasonCode: { code: 'members-only-amend', params: {} } }],
      ['a member comments and amends', (gr: DraftingGroup) => gr.ngo, { comment: true, amend: true, dispose: false, consolidate: false, openAdoptionBallot: false, reason: null, reasonCode: null }],
      ['the rapporteur disposes and consolidates but opens no ballot', (gr: DraftingGroup) => gr.rapporteur, { comment: true, amend: true, dispose: true, consolidate: true, openAdoptionBallot: false, reason: null }],
      ['an outsider may do nothing', (gr: DraftingGroup) => gr.outsider, { comment: false, amend: false, dispose: false, consolidate: false, openAdoptionBallot: false, reason: 'Only members and observers of this working group can comment', reasonCode: { code: 'not-in-group', params: {} } }],
    ])('the response carries what the reader may do: %s', async (_what, pick, can) => {
      const res = await pick(g).client.get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(res.body.can).toMatchObject(can);
    });

    it('GET /api/documents/:id/versions/:n returns one version; unknown versions and bad numbers are refused', async () => {
      const res = await anonymous.get<VersionResponse>(`/api/documents/${doc.id}/versions/1`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ documentId: doc.id, workingGroupId: g.id, number: 1, isCurrent: true, frozen: false });
      expect(res.body.clauses).toEqual(doc.version.clauses);
      expectProblem(await anonymous.get(`/api/documents/${doc.id}/versions/2`), 404);
      expectProblem(await anonymous.get(`/api/documents/${doc.id}/versions/zero`), 400, { fields: ['n'] });
      expectProblem(await anonymous.get(`/api/documents/${doc.id}/versions/0`), 400, { fields: ['n'] });
      expectProblem(await anonymous.get(`/api/documents/00000000-0000-4000-8000-000000000000`), 404);
      expectProblem(await anonymous.get(`/api/documents/${doc.id}?version=7`), 404);
    });

    it('GET /api/documents/:id/compare compares a version with itself as unchanged and refuses unknown versions', async () => {
      const res = await anonymous.get<CompareResponse>(`/api/documents/${doc.id}/compare?from=1&to=1`);
      expect(res.status).toBe(200);
      expect(res.body.summary).toEqual({ unchanged: 15, changed: 0, moved: 0, inserted: 0, deleted: 0 });
      expectProblem(await anonymous.get(`/api/documents/${doc.id}/compare?from=1&to=3`), 400, { fields: ['to'] });
      expectProblem(await anonymous.get(`/api/documents/${doc.id}/compare?from=1`), 400, { fields: ['to'] });
    });

    it('POST /api/documents/:id/versions with nothing accepted is refused: 409, any change must be an amendment', async () => {
      const res = await g.chair.client.post(`/api/documents/${doc.id}/versions`);
      expectProblem(res, 409, { type: PROBLEM_TYPES.conflict });
      expect(res.body.detail).toMatch(/No accepted amendment/);
      expectProblem(await g.ngo.client.post(`/api/documents/${doc.id}/versions`), 403);
    });

    it('the database refuses to edit or delete a version, its clauses or a document’s title', async () => {
      await expect(t.dataSource.query(`UPDATE version_clauses SET text = 'rewritten' WHERE clause_id = $1`, [doc.version.clauses[0].id])).rejects.toThrow(/never change/);
      await expect(t.dataSource.query(`DELETE FROM version_clauses WHERE clause_id = $1`, [doc.version.clauses[0].id])).rejects.toThrow(/never change/);
      await expect(t.dataSource.query(`UPDATE document_versions SET created_at = now() WHERE document_id = $1`, [doc.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query(`DELETE FROM document_versions WHERE document_id = $1`, [doc.id])).rejects.toThrow(/never deleted/);
      await expect(t.dataSource.query(`UPDATE documents SET title = 'Other' WHERE id = $1`, [doc.id])).rejects.toThrow(/only moves/);
      await expect(t.dataSource.query(`DELETE FROM documents WHERE id = $1`, [doc.id])).rejects.toThrow(/never deleted/);
    });
  });
});
