import {
  PROBLEM_TYPES,
  UNANSWERED_CLARIFICATIONS_PROBLEM,
  type AmendmentResponse,
  type CommentResponse,
  type CommentThreadPage,
  type CompareResponse,
  type DocumentResponse,
  type OpenedBallotResponse,
  type ProvenanceResponse,
} from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, Delegate, DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const NEW_PRINCIPLE_4 =
  'Prevent ICT-enabled theft of intellectual property, including trade secrets or other confidential business information, with the intent of providing competitive advantages to companies or commercial sector, while protecting the work of journalists and security researchers.';

/**
 * The life of a text: amendments balloted (accepted, rejected, outdated by a competitor), a version
 * consolidated (carry-forward and outdating), compared, attributed word by word, and adopted.
 */
describe('drafting: ballots, consolidation, provenance and adoption', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let v1: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const amendment = async (id: string) => (await anonymous().get<AmendmentResponse>(`/api/amendments/${id}`)).body;
  const propose = async (who: Delegate, body: Record<string, unknown>) => {
    const res = await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, rationale: 'Because it matters.', ...body });
    if (res.status !== 201) throw new Error(`propose failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const vote = async (ballotId: string, voters: Delegate[], choice: 'yes' | 'no' | 'abstain') => {
    for (const v of voters) {
      const res = await v.client.post(`/api/ballots/${ballotId}/votes`, { choice });
      if (res.status !== 200) throw new Error(`vote failed ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  const close = async (ballotId: string) => {
    const res = await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Closed early in a test.' });
    if (res.status !== 200) throw new Error(`close failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const everyone = () => [g.chair, g.rapporteur, g.ngo, g.company, g.government];

  let question: CommentResponse;
  let mainAmendment: AmendmentResponse; // NGO: replace principle 4, co-sponsored by the company
  let competitor: AmendmentResponse; // company: delete principle 4
  let rejected: AmendmentResponse; // company: replace principle 2
  let deletion: AmendmentResponse; // company: delete principle 8
  let insertAfterDeleted: AmendmentResponse; // government: insert after principle 8
  let untouched: AmendmentResponse; // government: replace principle 1, never balloted

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    v1 = doc;
    const p4 = clauseByLabel(doc, '4.');
    const start = p4.text.indexOf('commercial sector');
    question = (
      await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, {
        clauseId: p4.id,
        kind: 'clarification',
        body: 'Does “commercial sector” cover state-owned enterprises?',
        quote: { text: 'commercial sector', start, end: start + 17 },
      })
    ).body;
    mainAmendment = await propose(g.ngo, { kind: 'replace', targetClauseId: p4.id, text: NEW_PRINCIPLE_4, rationale: 'Researchers must not be treated as thieves.' });
    await g.company.client.post(`/api/amendments/${mainAmendment.id}/cosponsors`);
    competitor = await propose(g.company, { kind: 'delete', targetClauseId: p4.id, rationale: 'Out of scope for a security text.' });
    rejected = await propose(g.company, { kind: 'replace', targetClauseId: clauseByLabel(doc, '2.').id, text: 'Prevent activity that damages the Internet.' });
    deletion = await propose(g.company, { kind: 'delete', targetClauseId: clauseByLabel(doc, '8.').id, rationale: 'Hacking back is a matter for national law.' });
    insertAfterDeleted = await propose(g.government, { kind: 'insert', afterClauseId: clauseByLabel(doc, '8.').id, clauseKind: 'operative', text: 'Define hacking back in national law.' });
    untouched = await propose(g.government, { kind: 'replace', targetClauseId: clauseByLabel(doc, '1.').id, text: 'Prevent and recover from malicious cyber activities that cause significant harm.' });
  });
  afterAll(() => t.close());

  describe('POST /api/amendments/:id/ballot', () => {
    it('refuses the rapporteur and members (403): only a chair opens a ballot', async () => {
      const res = await g.rapporteur.client.post(`/api/amendments/${mainAmendment.id}/ballot`, {});
      expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden });
      expect(res.body).toMatchObject({ detail: 'Only a chair of this working group can open a ballot', code: 'chairs-only' });
      expectProblem(await g.ngo.client.post(`/api/amendments/${mainAmendment.id}/ballot`, {}), 403);
    });

    it('the chair opens the ballot: the amendment is balloting, ballot.opened names it; it can no longer be withdrawn or co-sponsored', async () => {
      const res = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${mainAmendment.id}/ballot`, { closesAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'balloting', ballotId: expect.any(String), can: { withdraw: false, openBallot: false } });
      mainAmendment = res.body;
      const opened = (await events()).find((e) => e.action === 'ballot.opened' && e.subjectId === res.body.ballotId);
      expect(opened).toMatchObject({ actorId: g.chair.id, change: { subject: { type: 'amendment', id: mainAmendment.id }, rule: 'majority', electorate: { size: 5 } } });
      expect((opened!.change as { title: string }).title).toBe('Amendment: Replace clause 4. of “Paris Call — draft principles” (version 1)');

      const withdraw = await g.ngo.client.post(`/api/amendments/${mainAmendment.id}/withdraw`);
      expectProblem(withdraw, 409, { type: PROBLEM_TYPES.conflict });
      expect(withdraw.body).toMatchObject({ detail: 'This amendment is under ballot and can no longer be withdrawn', code: 'under-ballot' });
      expectProblem(await g.government.client.post(`/api/amendments/${mainAmendment.id}/cosponsors`), 409);
      expectProblem(await g.chair.client.post(`/api/amendments/${mainAmendment.id}/ballot`, {}), 409);
      const marked = await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(clauseByLabel(marked.body, '4.').amendments).toEqual({ open: 2, balloting: 1, accepted: 0 });
    });

    it('refuses a closing time in the past (400)', async () => {
      expectProblem(await g.chair.client.post(`/api/amendments/${rejected.id}/ballot`, { closesAt: '2001-01-01T00:00:00Z' }), 400, { fields: ['closesAt'] });
      expect((await amendment(rejected.id)).status).toBe('proposed');
    });

    it('a passed ballot accepts the amendment and outdates its competitor with a note; both audited', async () => {
      await vote(mainAmendment.ballotId!, [g.ngo, g.company, g.government], 'yes');
      await vote(mainAmendment.ballotId!, [g.rapporteur], 'no');
      await close(mainAmendment.ballotId!);
      const accepted = await amendment(mainAmendment.id);
      expect(accepted).toMatchObject({ status: 'accepted', decidedAt: expect.any(String), appliedInVersion: null });
      const gone = await amendment(competitor.id);
      expect(gone.status).toBe('outdated');
      expect(gone.statusNote).toBe(`A competing amendment to clause 4. of version 1, by ${g.ngo.name} (${g.ngo.snapshot.organisationName}), was accepted.`);
      expect(gone.statusReason).toEqual({
        code: 'competing-amendment-accepted',
        params: { acceptedAmendmentId: mainAmendment.id, clauseLabel: '4.', version: 1, authorName: g.ngo.name, organisationName: g.ngo.snapshot.organisationName },
      });
      const log = await events();
      expect(log.find((e) => e.action === 'amendment.accepted' && e.subjectId === mainAmendment.id)).toMatchObject({ actorId: null, change: { documentId: doc.id, ballotId: mainAmendment.ballotId, outcome: 'passed' } });
      expect(log.find((e) => e.action === 'amendment.outdated' && e.subjectId === competitor.id)).toMatchObject({ change: { reason: 'competing-amendment-accepted', acceptedAmendmentId: mainAmendment.id } });
      expectProblem(await g.chair.client.post(`/api/amendments/${competitor.id}/ballot`, {}), 409);
    });

    it('a failed ballot rejects the amendment with the ballot’s explanation', async () => {
      const opened = (await g.chair.client.post<AmendmentResponse>(`/api/amendments/${rejected.id}/ballot`, {})).body;
      await vote(opened.ballotId!, [g.ngo, g.government, g.rapporteur], 'no');
      await close(opened.ballotId!);
      const after = await amendment(rejected.id);
      expect(after).toMatchObject({ status: 'rejected', statusNote: expect.stringMatching(/fail|no/i), statusReason: { code: 'ballot-failed', params: { ballotId: after.ballotId, outcome: expect.stringMatching(/^(failed|no-quorum)$/), explanationParts: expect.any(Array) } } });
      expect((await events()).find((e) => e.action === 'amendment.rejected' && e.subjectId === rejected.id)).toMatchObject({ change: { outcome: 'failed' } });
    });

    it('the deletion of principle 8 passes', async () => {
      const opened = (await g.chair.client.post<AmendmentResponse>(`/api/amendments/${deletion.id}/ballot`, {})).body;
      await vote(opened.ballotId!, everyone(), 'yes');
      await close(opened.ballotId!);
      expect((await amendment(deletion.id)).status).toBe('accepted');
      expect((await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version.acceptedWaiting).toBe(2);
    });
  });

  describe('POST /api/documents/:id/versions (consolidation)', () => {
    it('refuses a member who is neither chair nor rapporteur (403)', async () => {
      expectProblem(await g.ngo.client.post(`/api/documents/${doc.id}/versions`), 403);
    });

    it('the rapporteur consolidates version 2: accepted amendments applied, the insertion after a deleted clause outdated, the untouched amendment carried forward; version.created', async () => {
      const res = await g.rapporteur.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`);
      expect(res.status).toBe(201);
      doc = res.body;
      expect(doc).toMatchObject({ currentVersion: 2, versions: [{ number: 1 }, { number: 2 }], version: { number: 2, isCurrent: true, acceptedWaiting: 0 } });
      expect(doc.version.clauses).toHaveLength(14);
      expect(clauseByLabel(doc, '4.')).toMatchObject({ id: clauseByLabel(v1, '4.').id, text: NEW_PRINCIPLE_4, counts: { comments: 0, earlierComments: 1, unansweredClarifications: 1 } });
      expect(doc.version.clauses.map((c) => c.id)).not.toContain(clauseByLabel(v1, '8.').id);
      expect(doc.version.clauses.filter((c) => c.label).map((c) => c.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
      expect(doc.version.consolidation).toEqual({
        applied: [
          { amendmentId: mainAmendment.id, kind: 'replace', clauseId: clauseByLabel(v1, '4.').id },
          { amendmentId: deletion.id, kind: 'delete', clauseId: clauseByLabel(v1, '8.').id },
        ],
        notApplied: [],
        outdated: [{ amendmentId: insertAfterDeleted.id, reason: 'target-deleted', note: 'The clause it follows was deleted after version 1.' }],
        carriedForward: [untouched.id],
      });
      expect(await amendment(mainAmendment.id)).toMatchObject({ status: 'accepted', appliedInVersion: 2 });
      expect(await amendment(insertAfterDeleted.id)).toMatchObject({
        status: 'outdated',
        statusNote: 'The clause it follows was deleted after version 1.',
        statusReason: { code: 'target-deleted', params: { since: 1, kind: 'insert' } },
      });
      expect(await amendment(untouched.id)).toMatchObject({ status: 'proposed', baseVersion: 1, appliesToVersion: 2, targetLabel: '1.' });

      const log = await events();
      expect(log.find((e) => e.action === 'version.created')).toMatchObject({ actorId: g.rapporteur.id, actorSnapshot: g.rapporteur.snapshot, change: { documentId: doc.id, number: 2, previous: 1, carriedForward: [untouched.id], textDigest: expect.any(String) } });
      expect(log.find((e) => e.action === 'amendment.outdated' && e.subjectId === insertAfterDeleted.id)).toMatchObject({ change: { reason: 'target-deleted', version: 2 } });
    });

    it('nothing more to apply: 409; amending the superseded version 1: 409', async () => {
      expect(expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions`), 409).code).toBe('nothing-to-consolidate');
      const stale = await g.ngo.client.post(`/api/documents/${doc.id}/amendments`, { kind: 'delete', baseVersion: 1, targetClauseId: clauseByLabel(doc, '1.').id, rationale: 'x' });
      expectProblem(stale, 409, { type: PROBLEM_TYPES.conflict, fields: ['baseVersion'] });
      expect(stale.body).toMatchObject({ detail: 'Amendments are made against the current version (2); version 1 is no longer current', code: 'not-current-version', params: { version: 1, current: 2 } });
      expectProblem(await g.ngo.client.post(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '1.').id, version: 1, body: 'On the old text.' }), 409);
    });

    it('GET compare 1→2 shows the changed principle 4 as a word diff and the deleted principle 8', async () => {
      const res = await anonymous().get<CompareResponse>(`/api/documents/${doc.id}/compare?from=1&to=2`);
      expect(res.status).toBe(200);
      expect(res.body.summary).toEqual({ unchanged: 13, changed: 1, moved: 0, inserted: 0, deleted: 1 });
      const changed = res.body.clauses.find((c) => c.status === 'changed')!;
      expect(changed).toMatchObject({ clauseId: clauseByLabel(v1, '4.').id, beforeLabel: '4.', afterLabel: '4.' });
      expect(changed.diff.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual([', while protecting the work of journalists and security researchers']);
      expect(res.body.clauses.find((c) => c.status === 'deleted')).toMatchObject({ clauseId: clauseByLabel(v1, '8.').id, beforeLabel: '8.' });
    });

    it('comments made on version 1 stay attached to it, shown as on an earlier text when read at version 2', async () => {
      const p4 = clauseByLabel(doc, '4.');
      const at2 = await anonymous().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${p4.id}`);
      expect(at2.body.items.map((c) => [c.id, c.version, c.onEarlierText])).toEqual([[question.id, 1, true]]);
      const at1 = await anonymous().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${p4.id}&version=1`);
      expect(at1.body.items.map((c) => [c.id, c.onEarlierText])).toEqual([[question.id, false]]);
      const p1 = await anonymous().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${clauseByLabel(doc, '1.').id}`);
      expect(p1.body.items).toEqual([]);
    });
  });

  describe('GET /api/documents/:id/versions/:n/provenance', () => {
    it('version 1 is all the original draft, written by the chair', async () => {
      const res = await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/1/provenance`);
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ original: res.body.totals.words, amended: 0 });
      expect(res.body.headline).toBeNull();
      expect(res.body.clauses[0].segments[0].origin).toEqual({ kind: 'original', version: 1, author: { id: g.chair.id, name: g.chair.name, snapshot: g.chair.snapshot } });
    });

    it('version 2 attributes the new words of principle 4 to the NGO delegate’s amendment (civil society), with totals, a headline and the clause’s history', async () => {
      const res = await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`);
      expect(res.status).toBe(200);
      const p4 = res.body.clauses.find((c) => c.label === '4.')!;
      const byNgo = p4.segments.filter((s) => s.origin.kind === 'amendment');
      expect(byNgo.map((s) => s.text).join('')).toBe(', while protecting the work of journalists and security researchers');
      expect(byNgo[0].origin).toEqual({ kind: 'amendment', amendmentId: mainAmendment.id, version: 2, author: { id: g.ngo.id, name: g.ngo.name, snapshot: g.ngo.snapshot } });
      expect(p4.segments.map((s) => s.text).join('')).toBe(NEW_PRINCIPLE_4);
      expect(p4.history).toEqual([
        { amendmentId: mainAmendment.id, kind: 'replace', status: 'accepted', author: { id: g.ngo.id, name: g.ngo.name, snapshot: g.ngo.snapshot }, baseVersion: 1, ballotId: mainAmendment.ballotId, decidedAt: expect.any(String), appliedInVersion: 2 },
      ]);
      const civil = res.body.totals.byGroup.find((x) => x.key === 'civil-society')!;
      expect(civil.words).toBe(9);
      expect(res.body.totals.amended).toBe(9);
      // The headline leads with the largest share: the chair's original draft, not the 9 words civil society introduced.
      expect(res.body.headline).toMatchObject({ source: 'original', group: 'private-sector', words: res.body.totals.original, text: expect.stringMatching(/^\d+% of the text is from the original draft by /) });
      expect(res.body.totals.byOrganisation.find((o) => o.key === g.ngo.organisation.id)).toMatchObject({ words: 9, stakeholderGroup: 'civil-society' });
      const p2 = res.body.clauses.find((c) => c.label === '2.')!;
      expect(p2.history.map((h) => [h.amendmentId, h.status])).toEqual([[rejected.id, 'rejected']]);
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/3/provenance`), 404);
    });
  });

  describe('POST /api/documents/:id/versions/:n/adoption-ballot', () => {
    let ballot: OpenedBallotResponse;

    it('refuses anyone but a chair (403), and any version but the current one (409)', async () => {
      expectProblem(await g.rapporteur.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, {}), 403);
      expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, {}), 409);
    });

    it('warns the chair with the unanswered clarification questions and opens nothing until confirmed', async () => {
      const before = (await events()).length;
      const res = await g.chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, {});
      expectProblem(res, 409, { type: UNANSWERED_CLARIFICATIONS_PROBLEM });
      expect(res.body.detail).toMatch(/^1 clarification question has no answer yet/);
      expect(res.body.unansweredClarifications).toEqual([
        { commentId: question.id, clauseId: clauseByLabel(doc, '4.').id, clauseLabel: '4.', version: 1, body: question.body, author: { id: g.ngo.id, name: g.ngo.name, snapshot: g.ngo.snapshot }, createdAt: question.createdAt },
      ]);
      expect((await events()).length).toBe(before);
    });

    it('confirmed, it opens the ballot and the warning goes into the audit event', async () => {
      const res = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { confirmUnanswered: true });
      expect(res.status).toBe(201);
      ballot = res.body;
      expect(ballot.warnings.map((w) => w.commentId)).toEqual([question.id]);
      const opened = (await events()).find((e) => e.action === 'ballot.opened' && e.subjectId === ballot.ballotId);
      expect(opened).toMatchObject({
        actorId: g.chair.id,
        change: { subject: { type: 'adoption' }, rule: 'chambered', warnings: { confirmedByChair: true, unansweredClarifications: [{ commentId: question.id, clauseLabel: '4.', version: 1, authorId: g.ngo.id }] } },
      });
      const read = await g.chair.client.get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(read.body.version.openAdoptionBallotId).toBe(ballot.ballotId);
      expect(read.body.can).toMatchObject({ openAdoptionBallot: false, consolidate: false });
      expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { confirmUnanswered: true }), 409);
    });

    it('while it is open, no new version can be consolidated', async () => {
      const res = await g.chair.client.post(`/api/documents/${doc.id}/versions`);
      expectProblem(res, 409);
      expect(res.body.detail).toBe('An adoption ballot is open on version 2; a new version can be made once it closes');
    });

    it('passed in every stakeholder group, it adopts and freezes version 2: version.adopted; proposed amendments outdated; no more amendments or comments', async () => {
      await vote(ballot.ballotId, everyone(), 'yes');
      await close(ballot.ballotId);
      const read = await g.ngo.client.get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(read.body).toMatchObject({ status: 'adopted', adoptedVersion: 2, version: { number: 2, frozen: true, adoptionBallotId: ballot.ballotId, adoptedAt: expect.any(String) } });
      expect(read.body.can).toMatchObject({ comment: false, amend: false, consolidate: false, openAdoptionBallot: false, reason: 'Version 2 was adopted; its text is frozen' });
      const log = await events();
      expect(log.find((e) => e.action === 'version.adopted')).toMatchObject({ subjectType: 'version', actorId: null, change: { documentId: doc.id, number: 2, ballotId: ballot.ballotId, outcome: 'passed' } });
      expect(await amendment(untouched.id)).toMatchObject({ status: 'outdated', statusNote: 'Version 2 was adopted; its text is frozen.', statusReason: { code: 'version-adopted', params: { version: 2 } } });
      expect(log.find((e) => e.action === 'amendment.outdated' && e.subjectId === untouched.id)).toMatchObject({ change: { reason: 'version-adopted' } });

      const amend = await g.ngo.client.post(`/api/documents/${doc.id}/amendments`, { kind: 'delete', baseVersion: 2, targetClauseId: clauseByLabel(doc, '1.').id, rationale: 'Too late.' });
      expectProblem(amend, 409, { type: PROBLEM_TYPES.conflict });
      expect(amend.body).toMatchObject({ detail: 'Version 2 was adopted; its text is frozen', code: 'version-frozen', params: { version: 2 } });
      expectProblem(await g.ngo.client.post(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '1.').id, body: 'Too late.' }), 409);
      expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions`), 409);
      expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { confirmUnanswered: true }), 409);
      await expect(t.dataSource.query(`UPDATE document_versions SET adopted_at = now() WHERE document_id = $1 AND number = 2`, [doc.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query(`UPDATE documents SET current_version = 3 WHERE id = $1`, [doc.id])).rejects.toThrow(/frozen/);
    });

    it('the disposition report of version 1 still lists the unanswered question; a late answer is still possible', async () => {
      const report = await anonymous().get(`/api/documents/${doc.id}/versions/1/dispositions`);
      expect(report.body.unansweredClarifications.map((e: { commentId: string }) => e.commentId)).toEqual([question.id]);
      const answered = await g.chair.client.post<CommentResponse>(`/api/comments/${question.id}/disposition`, { disposition: 'accepted', reason: 'State-owned enterprises are covered; see the commentary.' });
      expect(answered.status).toBe(200);
    });
  });
});
