import { randomUUID } from 'node:crypto';
import {
  DOCX_MEDIA_TYPE,
  REFUSALS,
  type AmendmentPage,
  type DocumentResponse,
  type DocxImportPreview,
  type ImportedAmendmentsResponse,
  type ImportedDocumentResponse,
  type VersionImportPreview,
} from '@parley/contracts';
import { IMPORTED_RATIONALE } from '../../apps/api/src/exchange/docx-import/docx-import.service';
import { cleanResolutionDocx, DELEGATE, pdfBytes, RESOLUTION, REVIEWER, trackedResolutionDocx } from '../support/docx-files';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { expectProblem } from '../support/expectations';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** The clauses of the resolution file with its tracked changes rejected, as a document would hold them. */
const REJECTED_CLAUSES = [
  { kind: 'heading', text: RESOLUTION.heading },
  ...RESOLUTION.preamble.map((text) => ({ kind: 'preamble', text })),
  ...RESOLUTION.operative.map((text) => ({ kind: 'operative', text })),
] as const;

/**
 * Word import (issue #22, decision 0044): a delegation's Word file with tracked changes becomes a
 * document (its text with the changes rejected) and amendments proposed by the importer, or
 * amendments to an existing document; nothing is created until the importer confirms, all or none.
 */
describe('Word import', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let other: DraftingGroup;
  let tracked: Buffer;
  let clean: Buffer;
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM amendments)::int AS amendments, (SELECT count(*) FROM audit_events)::int AS events`,
      )
    )[0];
  /** Runs a refused request and checks nothing was created. */
  const nothingCreated = async <T>(attempt: () => Promise<T>): Promise<T> => {
    const before = await counts();
    const result = await attempt();
    expect(await counts()).toEqual(before);
    return result;
  };
  const previewNew = (who: Delegate, file: Buffer, groupId = g.id) => who.client.upload<DocxImportPreview>(`/api/working-groups/${groupId}/documents/import-preview`, file, DOCX_MEDIA_TYPE);
  const previewOn = (who: Delegate, documentId: string, file: Buffer) => who.client.upload<VersionImportPreview>(`/api/documents/${documentId}/import-preview`, file, DOCX_MEDIA_TYPE);
  const createDocument = async (clauses: readonly { kind: string; text: string }[], h = g): Promise<DocumentResponse> => {
    const res = await h.chair.client.post<DocumentResponse>(`/api/working-groups/${h.id}/documents`, { title: 'Open water — draft', clauses });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const amendmentsOf = async (documentId: string) => (await g.chair.client.get<AmendmentPage>(`/api/documents/${documentId}/amendments`)).body.items;

  beforeAll(async () => {
    t = await startTestApp();
    [g, other, tracked, clean] = await Promise.all([newDraftingGroup(t), newDraftingGroup(t), trackedResolutionDocx(), cleanResolutionDocx()]);
  });
  afterAll(() => t?.close());

  describe('a new document', () => {
    it('previews the text with tracked changes rejected as clauses, and each tracked change as a proposal, creating nothing', async () => {
      const res = await nothingCreated(() => previewNew(g.chair, tracked));
      expect(res.status).toBe(200);
      expect(res.body.title).toBe(RESOLUTION.title);
      expect(res.body.clauses.map((c) => ({ kind: c.kind, text: c.text }))).toEqual(REJECTED_CLAUSES);
      expect(res.body.clauses.map((c) => c.recognisedBy)).toEqual(['style', 'text', 'text', 'numbering', 'numbering', 'numbering']);
      expect(res.body.proposals).toEqual([
        { kind: 'replace', clauseIndex: 3, text: 'Calls upon States to restore shared rivers;', wordAuthor: DELEGATE },
        { kind: 'delete', clauseIndex: 4, wordAuthor: DELEGATE },
        { kind: 'insert', afterClauseIndex: 5, clauseKind: 'operative', text: 'Invites donors to contribute to the fund.', wordAuthor: REVIEWER },
      ]);
      expect(res.body.warnings).toEqual(['tables-ignored']);
    });

    it('on confirmation creates version 1 and the amendments proposed by the importer with their snapshot, none applied, each an audited act', async () => {
      const preview = (await previewNew(g.rapporteur, tracked)).body;
      const before = await counts();
      const res = await g.rapporteur.client.post<ImportedDocumentResponse>(`/api/working-groups/${g.id}/documents/import`, {
        title: preview.title,
        clauses: preview.clauses.map((c) => ({ kind: c.kind, text: c.text })),
        amendments: preview.proposals.map(({ wordAuthor: _author, ...p }, i) => (i === 0 ? { ...p, rationale: 'Restoration goes further than protection.' } : p)),
      });
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(1);
      expect(res.body.amendmentIds).toHaveLength(3);
      expect(await counts()).toEqual({ documents: before.documents + 1, amendments: before.amendments + 3, events: before.events + 4 });

      const doc = (await g.chair.client.get<DocumentResponse>(`/api/documents/${res.body.documentId}`)).body;
      expect(doc.title).toBe(RESOLUTION.title);
      expect(doc.currentVersion).toBe(1);
      expect(doc.version.clauses.map((c) => ({ kind: c.kind, text: c.text }))).toEqual(REJECTED_CLAUSES);

      const amendments = await amendmentsOf(res.body.documentId);
      expect(amendments.map((a) => a.id).sort()).toEqual([...res.body.amendmentIds].sort());
      const byKind = Object.fromEntries(amendments.map((a) => [a.kind, a]));
      const clauseId = (i: number) => doc.version.clauses[i].id;
      expect(byKind.replace).toMatchObject({ targetClauseId: clauseId(3), text: 'Calls upon States to restore shared rivers;', rationale: 'Restoration goes further than protection.' });
      expect(byKind.delete).toMatchObject({ targetClauseId: clauseId(4), rationale: IMPORTED_RATIONALE });
      expect(byKind.insert).toMatchObject({ targetClauseId: clauseId(5), newClauseKind: 'operative', text: 'Invites donors to contribute to the fund.', rationale: IMPORTED_RATIONALE });
      for (const a of amendments) {
        // The importer is the author, whatever name Word gave the change: Word's authors are never identities.
        expect(a).toMatchObject({ status: 'proposed', baseVersion: 1, appliedInVersion: null, author: { id: g.rapporteur.id, snapshot: g.rapporteur.snapshot } });
      }
      const events = await t.dataSource.query(`SELECT action, actor_id FROM audit_events WHERE scope = $1 AND (subject_id = $2 OR subject_id = ANY($3)) ORDER BY sequence`, [
        `wg:${g.id}`,
        res.body.documentId,
        res.body.amendmentIds,
      ]);
      expect(events).toEqual([
        { action: 'document.created', actor_id: g.rapporteur.id },
        ...res.body.amendmentIds.map(() => ({ action: 'amendment.proposed', actor_id: g.rapporteur.id })),
      ]);
    });

    it('refuses an amendment naming a clause out of range, by its index, creating nothing', async () => {
      const res = await nothingCreated(() =>
        g.chair.client.post(`/api/working-groups/${g.id}/documents/import`, { title: 'Open water', clauses: REJECTED_CLAUSES, amendments: [{ kind: 'delete', clauseIndex: 1 }, { kind: 'delete', clauseIndex: 6 }] }),
      );
      expect(expectProblem(res, 400, { fields: ['amendments.1.clauseIndex'] }).errors?.[0]).toMatchObject({ code: 'clause-index-out-of-range' });
    });

    it('refuses all when one amendment is refused: no document either', async () => {
      const res = await nothingCreated(() =>
        g.chair.client.post(`/api/working-groups/${g.id}/documents/import`, {
          title: 'Open water',
          clauses: REJECTED_CLAUSES,
          amendments: [
            { kind: 'delete', clauseIndex: 4 },
            { kind: 'replace', clauseIndex: 3, text: RESOLUTION.operative[0] },
          ],
        }),
      );
      expectProblem(res, 400, { fields: ['amendments.1.text'] });
    });

    it('takes no author from the request: the importer is the author', async () => {
      const res = await nothingCreated(() =>
        g.chair.client.post(`/api/working-groups/${g.id}/documents/import`, { title: 'Open water', clauses: REJECTED_CLAUSES, amendments: [{ kind: 'delete', clauseIndex: 4, authorId: g.ngo.id }] }),
      );
      expectProblem(res, 400, { fields: ['amendments.0.authorId'] });
    });

    it('refuses those who may not create a document, before reading the file, creating nothing', async () => {
      // A PDF: were the file read first, the answer would be 415.
      for (const who of [g.ngo, g.observer, g.outsider]) {
        const res = await nothingCreated(() => previewNew(who, pdfBytes()));
        expectProblem(res, 403, { type: REFUSALS['editors-only'].type });
        expect(res.body).toMatchObject({ code: 'editors-only' });
        const confirm = await nothingCreated(() => who.client.post(`/api/working-groups/${g.id}/documents/import`, { title: 'Open water', clauses: REJECTED_CLAUSES }));
        expectProblem(confirm, 403);
      }
      // The chair of another group is nobody here.
      expectProblem(await nothingCreated(() => previewNew(other.chair, tracked)), 403);
    });

    it('refuses a group that does not exist', async () => {
      expectProblem(await previewNew(g.chair, tracked, randomUUID()), 404);
    });
  });

  describe('an existing document', () => {
    it('matches the file to the current version and previews its tracked changes as amendments, then proposes them together', async () => {
      const doc = await createDocument(REJECTED_CLAUSES);
      const ids = doc.version.clauses.map((c) => c.id);
      const preview = await nothingCreated(() => previewOn(g.ngo, doc.id, tracked));
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ documentId: doc.id, basedOn: 1, missing: [], warnings: ['tables-ignored'] });
      expect(preview.body.clauses.map((c) => [c.clauseId, c.match])).toEqual(ids.map((id) => [id, 'same']));
      expect(preview.body.proposals).toEqual([
        { kind: 'replace', targetClauseId: ids[3], text: 'Calls upon States to restore shared rivers;', wordAuthor: DELEGATE, tracked: true },
        { kind: 'delete', targetClauseId: ids[4], wordAuthor: DELEGATE, tracked: true },
        { kind: 'insert', afterClauseId: ids[5], clauseKind: 'operative', text: 'Invites donors to contribute to the fund.', wordAuthor: REVIEWER, tracked: true },
      ]);

      const amendments = preview.body.proposals.map(({ wordAuthor: _a, tracked: _t, ...p }) => ({ ...p, baseVersion: 1, rationale: 'Our ministry’s comments.' }));
      const res = await g.ngo.client.post<ImportedAmendmentsResponse>(`/api/documents/${doc.id}/amendments/import`, { amendments });
      expect(res.status).toBe(201);
      const stored = await amendmentsOf(doc.id);
      expect(stored.map((a) => a.id).sort()).toEqual([...res.body.amendmentIds].sort());
      for (const a of stored) expect(a).toMatchObject({ status: 'proposed', author: { id: g.ngo.id, snapshot: g.ngo.snapshot } });
      expect((await g.chair.client.get<DocumentResponse>(`/api/documents/${doc.id}`)).body.currentVersion).toBe(1);
    });

    it('flags differences made without tracking: a changed clause, a clause the file does not have', async () => {
      const doc = await createDocument([...REJECTED_CLAUSES.slice(0, 3), { kind: 'operative', text: 'Calls upon all States to protect rivers;' }, ...REJECTED_CLAUSES.slice(4), { kind: 'operative', text: 'Welcomes the report of the Secretary-General.' }]);
      const ids = doc.version.clauses.map((c) => c.id);
      const preview = (await previewOn(g.government, doc.id, clean)).body;
      expect(preview.clauses.map((c) => c.match)).toEqual(['same', 'same', 'same', 'changed', 'same', 'same']);
      expect(preview.missing).toEqual([ids[6]]);
      expect(preview.proposals).toEqual([
        { kind: 'replace', targetClauseId: ids[3], text: RESOLUTION.operative[0], wordAuthor: null, tracked: false },
        { kind: 'delete', targetClauseId: ids[6], wordAuthor: null, tracked: false },
      ]);
      expect(preview.warnings).toEqual(['untracked-differences']);
    });

    it('proposes all or none: a refused amendment names its index, and none is proposed', async () => {
      const doc = await createDocument(REJECTED_CLAUSES);
      const ids = doc.version.clauses.map((c) => c.id);
      const res = await nothingCreated(() =>
        g.ngo.client.post(`/api/documents/${doc.id}/amendments/import`, {
          amendments: [
            { kind: 'delete', baseVersion: 1, targetClauseId: ids[4], rationale: 'Redundant.' },
            { kind: 'delete', baseVersion: 1, targetClauseId: ids[5], rationale: 'Premature.' },
            { kind: 'delete', baseVersion: 1, targetClauseId: randomUUID(), rationale: 'Not a clause here.' },
          ],
        }),
      );
      expect(expectProblem(res, 400, { fields: ['amendments.2.targetClauseId'] }).errors?.[0]).toMatchObject({ code: 'not-a-clause' });
    });

    it('refuses a clause of another group’s document', async () => {
      const mine = await createDocument(REJECTED_CLAUSES);
      const theirs = await createDocument(REJECTED_CLAUSES, other);
      const res = await nothingCreated(() =>
        g.ngo.client.post(`/api/documents/${mine.id}/amendments/import`, { amendments: [{ kind: 'delete', baseVersion: 1, targetClauseId: theirs.version.clauses[4].id, rationale: 'Not ours.' }] }),
      );
      expectProblem(res, 400, { fields: ['amendments.0.targetClauseId'] });
    });

    it('refuses those who may not amend (an observer, a non-member, a member of another group) before reading the file', async () => {
      const doc = await createDocument(REJECTED_CLAUSES);
      const amendments = [{ kind: 'delete', baseVersion: 1, targetClauseId: doc.version.clauses[4].id, rationale: 'Redundant.' }];
      for (const who of [g.observer, g.outsider, other.ngo, other.chair]) {
        const preview = await nothingCreated(() => previewOn(who, doc.id, pdfBytes()));
        expect(preview.status).toBe(403);
        expectProblem(preview, 403);
        expectProblem(await nothingCreated(() => who.client.post(`/api/documents/${doc.id}/amendments/import`, { amendments })), 403);
      }
      expect((await previewOn(g.observer, doc.id, tracked)).body).toMatchObject({ code: 'members-only-amend' });
      expectProblem(await previewOn(g.ngo, randomUUID(), tracked), 404);
    });
  });
});
