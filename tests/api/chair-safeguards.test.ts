import type {
  AdoptionPreflightResponse,
  AmendmentResponse,
  BallotResponse,
  ConsolidationPreviewResponse,
  DocumentResponse,
  OpenedBallotResponse,
  VersionResponse,
  WorkingGroupResponse,
} from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { newDelegate } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { admit, newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(60_000);

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/**
 * The chair's safeguards (issue #17): every warning before an adoption ballot opens, a reason to close a
 * ballot early, a preview and a note before a consolidation, and what an admission does to the group.
 */
describe('the chair’s safeguards', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let accepted: AmendmentResponse;
  let balloting: AmendmentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const everyone = () => [g.chair, g.rapporteur, g.ngo, g.company, g.government];
  const propose = async (who: Delegate, body: Record<string, unknown>) => {
    const res = await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, rationale: 'Clearer.', ...body });
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ballotOn = async (a: AmendmentResponse) => {
    const res = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, { closesAt: inADay() });
    if (res.status !== 201) throw new Error(`ballot: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.ballotId!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    // One amendment accepted (its ballot closed early, with a reason), one still under an open ballot.
    accepted = await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '4.').id, text: 'Prevent theft of trade secrets, while protecting security researchers.' });
    const acceptedBallot = await ballotOn(accepted);
    for (const v of everyone()) await v.client.post(`/api/ballots/${acceptedBallot}/votes`, { choice: 'yes' });
    const closed = await g.chair.client.post(`/api/ballots/${acceptedBallot}/close`, { reason: 'Every member has voted.' });
    if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
    const proposed = await propose(g.company, { kind: 'delete', targetClauseId: clauseByLabel(doc, '8.').id });
    balloting = { ...proposed, ballotId: await ballotOn(proposed) };
  });
  afterAll(() => t?.close());

  describe('GET /api/documents/:id/versions/:n/adoption-preflight', () => {
    it('lists every warning before anything is opened: the amendment ballot still open, the accepted amendment not in the text; and the group’s terms', async () => {
      const res = await anonymous().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/1/adoption-preflight`);
      expect(res.status).toBe(200);
      expect(res.body.warnings).toEqual(['open-amendment-ballots', 'accepted-unconsolidated']);
      expect(res.body.openAmendmentBallots).toEqual([
        expect.objectContaining({ amendmentId: balloting.id, ballotId: balloting.ballotId, kind: 'delete', clauseLabel: '8.', author: expect.objectContaining({ id: g.company.id }) }),
      ]);
      expect(res.body.acceptedUnconsolidated).toEqual([expect.objectContaining({ amendmentId: accepted.id, kind: 'replace', clauseLabel: '4.', author: expect.objectContaining({ id: g.ngo.id }) })]);
      expect(res.body.unansweredClarifications).toEqual([]);
      expect(res.body.defaults).toMatchObject({ rule: 'chambered', quorum: 0, closesAt: expect.any(String) });
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/9/adoption-preflight`), 404);
    });
  });

  describe('POST /api/documents/:id/versions/:n/adoption-ballot', () => {
    it('refuses (409) to open while a warning is not acknowledged, naming what is left, and writes nothing', async () => {
      const before = (await events()).length;
      const none = await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inADay() });
      expectProblem(none, 409);
      expect(none.body).toMatchObject({ code: 'adoption-warnings-unacknowledged', params: { count: 2 }, unacknowledgedWarnings: ['open-amendment-ballots', 'accepted-unconsolidated'] });
      const one = await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inADay(), acknowledgedWarnings: ['open-amendment-ballots'] });
      expectProblem(one, 409);
      expect(one.body).toMatchObject({ code: 'adoption-warnings-unacknowledged', unacknowledgedWarnings: ['accepted-unconsolidated'] });
      expect((await events()).length).toBe(before);
    });

    it('acknowledged, it opens with the closing time, rule and quorum the chair chose, and records every warning in ballot.opened', async () => {
      const closesAt = new Date(Date.now() + 3 * 86_400_000);
      const res = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, {
        closesAt: closesAt.toISOString(),
        rule: 'supermajority',
        quorum: 0.4,
        acknowledgedWarnings: ['open-amendment-ballots', 'accepted-unconsolidated'],
      });
      expect(res.status).toBe(201);
      const ballot = (await anonymous().get<BallotResponse>(`/api/ballots/${res.body.ballotId}`)).body;
      expect(ballot).toMatchObject({ rule: 'supermajority', quorum: 0.4, closesAt: closesAt.toISOString() });
      const opened = (await events()).find((e) => e.action === 'ballot.opened' && e.subjectId === res.body.ballotId)!;
      expect(opened.change).toMatchObject({
        warnings: {
          confirmedByChair: true,
          unansweredClarifications: [],
          openAmendmentBallots: [{ amendmentId: balloting.id, ballotId: balloting.ballotId, clauseLabel: '8.' }],
          acceptedUnconsolidated: [{ amendmentId: accepted.id, clauseLabel: '4.', kind: 'replace' }],
        },
      });
    });
  });

  describe('POST /api/ballots/:id/close', () => {
    it('before the closing time, a chair must say why (400 naming `reason`); the reason is stored, shown and recorded', async () => {
      const res = await g.chair.client.post(`/api/ballots/${balloting.ballotId}/close`, {});
      expectProblem(res, 400, { fields: ['reason'] });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'reason-for-closing-early' })]);
      expectProblem(await g.chair.client.post(`/api/ballots/${balloting.ballotId}/close`, { reason: '   ' }), 400, { fields: ['reason'] });
      expect((await anonymous().get<BallotResponse>(`/api/ballots/${balloting.ballotId}`)).body.status).toBe('open');

      const closed = await g.chair.client.post<BallotResponse>(`/api/ballots/${balloting.ballotId}/close`, { reason: 'The group agreed to close before the adoption vote.' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedBy: { id: g.chair.id }, closeReason: 'The group agreed to close before the adoption vote.' });
      expect((await anonymous().get<BallotResponse>(`/api/ballots/${balloting.ballotId}`)).body.closeReason).toBe('The group agreed to close before the adoption vote.');
      const event = (await events()).find((e) => e.action === 'ballot.closed' && e.subjectId === balloting.ballotId)!;
      expect(event.change).toMatchObject({ closedBy: 'chair', reason: 'The group agreed to close before the adoption vote.' });
    });
  });

  describe('consolidation: GET /api/documents/:id/consolidation-preview, then POST /api/documents/:id/versions with a note', () => {
    let g2: DraftingGroup;
    let doc2: DocumentResponse;
    let amendment: AmendmentResponse;
    const text = 'Prevent theft of trade secrets, while protecting security researchers.';

    beforeAll(async () => {
      g2 = await newDraftingGroup(t);
      doc2 = await newParisCallDocument(t, g2);
      const res = await g2.ngo.client.post<AmendmentResponse>(`/api/documents/${doc2.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: clauseByLabel(doc2, '4.').id, text, rationale: 'Clearer.' });
      amendment = res.body;
    });

    it('is a 409 while no accepted amendment waits', async () => {
      expectProblem(await anonymous().get(`/api/documents/${doc2.id}/consolidation-preview`), 409);
    });

    it('shows the text consolidation would create, against the current version, with the amendments applied; it creates nothing', async () => {
      const ballot = (await g2.chair.client.post<AmendmentResponse>(`/api/amendments/${amendment.id}/ballot`, { closesAt: inADay() })).body.ballotId!;
      for (const v of [g2.chair, g2.rapporteur, g2.ngo, g2.company, g2.government]) await v.client.post(`/api/ballots/${ballot}/votes`, { choice: 'yes' });
      await g2.chair.client.post(`/api/ballots/${ballot}/close`, { reason: 'Every member has voted.' });
      const before = (await auditEvents(t.baseUrl, `wg:${g2.id}`)).length;

      const res = await anonymous().get<ConsolidationPreviewResponse>(`/api/documents/${doc2.id}/consolidation-preview`);
      expect(res.status).toBe(200);
      expect(res.body.comparison).toMatchObject({ from: 1, to: 2, summary: { changed: 1, inserted: 0, deleted: 0 } });
      const changed = res.body.comparison.clauses.find((c) => c.status === 'changed')!;
      expect(changed).toMatchObject({ beforeLabel: '4.', afterLabel: '4.', after: { text } });
      expect(res.body.applied).toEqual([expect.objectContaining({ amendmentId: amendment.id, kind: 'replace', clauseLabel: '4.', author: expect.objectContaining({ id: g2.ngo.id }) })]);
      expect((await auditEvents(t.baseUrl, `wg:${g2.id}`)).length).toBe(before);
      expect((await anonymous().get<DocumentResponse>(`/api/documents/${doc2.id}`)).body.currentVersion).toBe(1);

      // The version then created is exactly the text previewed.
      const created = await g2.chair.client.post<DocumentResponse>(`/api/documents/${doc2.id}/versions`, { note: 'Principle 4 now protects security researchers.' });
      expect(created.status).toBe(201);
      expect(created.body.version.clauses.map((c) => c.text)).toEqual(res.body.comparison.clauses.filter((c) => c.after).map((c) => c.after!.text));
    });

    it('stores the note with the version, shows it, and records it in version.created', async () => {
      const version = (await anonymous().get<VersionResponse>(`/api/documents/${doc2.id}/versions/2`)).body;
      expect(version.note).toBe('Principle 4 now protects security researchers.');
      const read = (await anonymous().get<DocumentResponse>(`/api/documents/${doc2.id}`)).body;
      expect(read.versions.map((v) => v.note)).toEqual([null, 'Principle 4 now protects security researchers.']);
      const event = (await auditEvents(t.baseUrl, `wg:${g2.id}`)).find((e) => e.action === 'version.created')!;
      expect(event.change).toMatchObject({ number: 2, note: 'Principle 4 now protects security researchers.' });
    });

    it('refuses a note that is not text (400 naming `note`)', async () => {
      expectProblem(await g2.chair.client.post(`/api/documents/${doc2.id}/versions`, { note: 'x'.repeat(2001) }), 400, { fields: ['note'] });
    });
  });

  describe('admission: GET /api/working-groups/:id shows, on each pending request, what admitting it would do', () => {
    it('names an unverified organisation and the stakeholder-group cap the admission breaks, as the alarm will once admitted', async () => {
      const steward = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'technical-community' });
      // Made a steward as `npm run steward:grant` does, to verify organisations through the API.
      await t.dataSource.query(`UPDATE people SET is_steward = true WHERE id = $1`, [steward.id]);
      const gov = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national' });
      const company = await newDelegate(t.baseUrl, { stakeholderGroup: 'private-sector', subtype: 'company' });
      const shell = await newDelegate(t.baseUrl, { name: 'Shell Holdings', stakeholderGroup: 'private-sector', subtype: 'company' });
      const ngo = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'ngo' });
      for (const d of [gov, company, ngo]) expect((await steward.client.post(`/api/organisations/${d.organisation.id}/verify`)).status).toBe(200);
      const group = await newWorkingGroup(gov.client);
      await admit(group.id, company, gov);
      const shellRequest = await admit(group.id, shell, null);
      const ngoRequest = await admit(group.id, ngo, null);

      const seen = (await gov.client.get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
      const shellEffect = seen.pendingRequests!.find((r) => r.id === shellRequest.id)!.ifAdmitted!;
      expect(shellEffect.organisationUnverified).toBe(true);
      expect(shellEffect.caps).toEqual([
        {
          alreadyAbove: false,
          alarm: expect.objectContaining({ code: 'stakeholder-group-above-cap', params: { stakeholderGroup: 'private-sector', count: 2, votingMembers: 3, share: 2 / 3, capShare: 0.5 } }),
        },
      ]);
      expect(seen.pendingRequests!.find((r) => r.id === ngoRequest.id)!.ifAdmitted).toEqual({ organisationUnverified: false, caps: [] });
      // Only those who decide requests see them.
      expect((await anonymous().get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.pendingRequests).toBeNull();

      // Admitted, the group page raises exactly the alarm the request announced.
      expect((await gov.client.post(`/api/working-groups/${group.id}/join-requests/${shellRequest.id}/decision`, { decision: 'admit' })).status).toBe(200);
      const after = (await anonymous().get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
      expect(after.alarms.find((a) => a.code === 'stakeholder-group-above-cap')?.params).toEqual(shellEffect.caps[0].alarm.params);
    });
  });
});
