import type { AmendmentResponse, AmendmentVotingPlace, BallotResponse, ConsolidationPreviewResponse, DivisionList, DocumentResponse, Problem, VotingOrderView } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * Division of the question and order of voting (issue #19, decision record 0038): a voting member
 * asks for a separate vote on paragraphs; the chair puts it to a ballot or declines it; a failed
 * separate vote deletes the paragraphs in the next consolidation, credited to the ballot; the
 * adoption waits for it. Competing amendments are voted in the order the chair sets.
 */
describe('division of the question', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const clause = (label: string) => clauseByLabel(doc, label).id;
  const divisions = () => `/api/documents/${doc.id}/divisions`;
  const rows = async () => {
    const [r] = await t.dataSource.query(`SELECT (SELECT count(*) FROM division_requests)::int AS d, (SELECT count(*) FROM voting_orders)::int AS o, (SELECT count(*) FROM ballots)::int AS b`);
    return { ...r, events: (await events()).length };
  };
  const code = (p: Problem) => p.code;
  const voters = () => [g.chair, g.rapporteur, g.ngo, g.company, g.government];
  const voteAll = async (ballotId: string, choices: ('yes' | 'no')[]) => {
    for (const [i, who] of voters().entries()) expect((await who.client.post(`/api/ballots/${ballotId}/votes`, { choice: choices[i] })).status).toBe(200);
  };
  const close = async (ballotId: string) => expect((await g.chair.client.post<BallotResponse>(`/api/ballots/${ballotId}/close`, { reason: 'All have voted.' })).status).toBe(200);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(() => t?.close());

  let retainedId: string;
  let deletedId: string;

  it('a voting member asks for a separate vote on paragraphs 5. and 6., with a reason; everyone reads it with their affiliation then', async () => {
    const res = await g.ngo.client.post<DivisionList>(divisions(), { clauseIds: [clause('5.'), clause('6.')], reason: 'Our delegation cannot accept the obligations in 5 and 6.' });
    expect(res.status).toBe(201);
    const [d] = res.body.divisions;
    deletedId = d.id;
    expect(d).toMatchObject({
      version: 1,
      status: 'pending',
      clauses: [expect.objectContaining({ label: '5.' }), expect.objectContaining({ label: '6.' })],
      requestedBy: { id: g.ngo.id, snapshot: expect.objectContaining({ organisationName: g.ngo.snapshot.organisationName }) },
      result: null,
    });
    const pub = (await anonymous().get<DivisionList>(divisions())).body;
    expect(pub.divisions).toHaveLength(1);
    expect(pub.can).toEqual({ request: false, decide: false });
    const e = (await events()).find((x) => x.action === 'division.requested')!;
    expect(e).toMatchObject({ actorId: g.ngo.id, change: { clauseLabels: ['5.', '6.'], reason: 'Our delegation cannot accept the obligations in 5 and 6.' } });
  });

  it('refuses observers, outsiders and anonymous readers, bad clauses (a heading, one named twice, every paragraph, another id) and bad input, writing nothing', async () => {
    const before = await rows();
    const body = { clauseIds: [clause('2.')], reason: 'Why not.' };
    expect(expectProblem(await g.observer.client.post(divisions(), body), 403).code).toBe('division-members-only');
    expectProblem(await g.outsider.client.post(divisions(), body), 403);
    expectProblem(await anonymous().post(divisions(), body), 401);
    const heading = doc.version.clauses.find((c) => c.kind === 'heading')!;
    const invalid = async (clauseIds: string[], why: string) => {
      const p = expectProblem(await g.ngo.client.post(divisions(), { clauseIds, reason: 'x' }), 409, { fields: ['clauseIds'] });
      expect(p).toMatchObject({ code: 'division-clause-invalid', params: { why } });
    };
    await invalid([heading.id], 'heading');
    await invalid([clause('2.'), clause('2.')], 'duplicate');
    await invalid([doc.id], 'not-in-version');
    await invalid(doc.version.clauses.filter((c) => c.kind !== 'heading').map((c) => c.id), 'whole-text');
    expectProblem(await g.ngo.client.post(divisions(), { clauseIds: [], reason: 'x' }), 400, { fields: ['clauseIds'] });
    expectProblem(await g.ngo.client.post(divisions(), { clauseIds: [clause('2.')], reason: '' }), 400, { fields: ['reason'] });
    expectProblem(await g.ngo.client.post(divisions(), { clauseIds: ['nope'], reason: 'x' }), 400);
    expect(await rows()).toEqual(before);
  });

  it('only a chair decides a request; a member cannot put it to a ballot or decline it', async () => {
    const before = await rows();
    expectProblem(await g.ngo.client.post(`/api/divisions/${deletedId}/ballot`, { closesAt: inAnHour() }), 403);
    expectProblem(await g.rapporteur.client.post(`/api/divisions/${deletedId}/decline`, { reason: 'No.' }), 403);
    expectProblem(await g.chair.client.post(`/api/divisions/${doc.id}/ballot`, {}), 404);
    expect(await rows()).toEqual(before);
  });

  it('while a request is pending the adoption is refused, naming the pending separate vote', async () => {
    const res = await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inAnHour() });
    expect(expectProblem(res, 409)).toMatchObject({ code: 'division-pending', params: { count: 1 } });
  });

  it('the chair declines another request with a public reason; it cannot be decided twice', async () => {
    const asked = await g.company.client.post<DivisionList>(divisions(), { clauseIds: [clause('1.')], reason: 'We would rather vote on 1 apart.' });
    const id = asked.body.divisions.find((d) => d.status === 'pending' && d.id !== deletedId)!.id;
    const res = await g.chair.client.post<DivisionList>(`/api/divisions/${id}/decline`, { reason: 'Paragraph 1 is the heart of the text.' });
    expect(res.status).toBe(200);
    expect(res.body.divisions.find((d) => d.id === id)).toMatchObject({ status: 'declined', declineReason: 'Paragraph 1 is the heart of the text.', decidedBy: { id: g.chair.id } });
    expect(code(expectProblem(await g.chair.client.post(`/api/divisions/${id}/ballot`, {}), 409))).toBe('division-not-pending');
  });

  it('the chair puts the request to a separate ballot ("retain?"); it fails; the paragraphs are to be deleted, credited to the ballot', async () => {
    const put = await g.chair.client.post<DivisionList>(`/api/divisions/${deletedId}/ballot`, { closesAt: inAnHour() });
    expect(put.status).toBe(201);
    const d = put.body.divisions.find((x) => x.id === deletedId)!;
    expect(d.status).toBe('balloting');
    const ballot = (await anonymous().get<BallotResponse>(`/api/ballots/${d.ballotId}`)).body;
    expect(ballot.subject).toMatchObject({ type: 'division', id: deletedId, details: { type: 'division', clauseLabels: ['5.', '6.'], version: 1 } });
    expect(ballot.subjectView).toMatchObject({ type: 'division', divisionId: deletedId, clauses: [expect.objectContaining({ label: '5.' }), expect.objectContaining({ label: '6.' })], result: null });
    await voteAll(d.ballotId!, ['no', 'no', 'no', 'yes', 'no']);
    await close(d.ballotId!);
    const after = (await anonymous().get<DivisionList>(divisions())).body.divisions.find((x) => x.id === deletedId)!;
    expect(after).toMatchObject({ status: 'deleted', result: { outcome: 'failed', yes: 1, no: 4 }, consolidatedInVersion: null });
    const decided = (await events()).find((e) => e.action === 'division.decided')!;
    expect(decided).toMatchObject({ actorId: null, change: { result: 'deleted', outcome: 'failed', ballotId: d.ballotId } });
    // Still blocks the adoption: the deletion waits for its consolidation.
    expect(code(expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inAnHour() }), 409))).toBe('division-pending');
  });

  it('a second request on paragraph 2. is retained by its separate vote: the paragraph stays', async () => {
    const asked = await g.government.client.post<DivisionList>(divisions(), { clauseIds: [clause('2.')], reason: 'A separate vote on 2.' });
    retainedId = asked.body.divisions.find((d) => d.status === 'pending')!.id;
    const put = await g.chair.client.post<DivisionList>(`/api/divisions/${retainedId}/ballot`, { closesAt: inAnHour() });
    const ballotId = put.body.divisions.find((d) => d.id === retainedId)!.ballotId!;
    await voteAll(ballotId, ['yes', 'yes', 'yes', 'no', 'yes']);
    await close(ballotId);
    expect((await anonymous().get<DivisionList>(divisions())).body.divisions.find((d) => d.id === retainedId)).toMatchObject({ status: 'retained', result: { yes: 4, no: 1 } });
  });

  it('the consolidation preview shows the deletion credited to the failed ballot; the next version deletes 5. and 6. and the adoption may start', async () => {
    const preview = (await g.chair.client.get<ConsolidationPreviewResponse>(`/api/documents/${doc.id}/consolidation-preview`)).body;
    const failed = (await anonymous().get<DivisionList>(divisions())).body.divisions.find((d) => d.id === deletedId)!;
    expect(preview.report.divisionDeletions).toEqual([{ divisionId: deletedId, ballotId: failed.ballotId, clauseIds: [clause('5.'), clause('6.')] }]);
    const next = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`, { note: 'Deletes 5 and 6 as voted separately.' });
    expect(next.status).toBe(201);
    const ids = next.body.version.clauses.map((c) => c.id);
    expect(ids).not.toContain(clause('5.'));
    expect(ids).not.toContain(clause('6.'));
    expect(ids).toContain(clause('2.'));
    expect((await anonymous().get<DivisionList>(divisions())).body.divisions.find((d) => d.id === deletedId)).toMatchObject({ consolidatedInVersion: 2 });
    const applied = (await events()).find((e) => e.action === 'division.applied')!;
    expect(applied.change).toMatchObject({ version: 2, ballotId: failed.ballotId, clauseIds: [clause('5.'), clause('6.')] });
    const opened = await g.chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { closesAt: inAnHour() });
    expect(opened.status).toBe(201);
    // A separate vote comes before the vote on the whole.
    const late = await g.ngo.client.post(divisions(), { clauseIds: [clause('2.')], reason: 'Too late?' });
    expect(code(expectProblem(late, 409))).toBe('division-too-late');
  });

  it('the table refuses to move a request backwards or to delete it', async () => {
    await expect(t.dataSource.query(`UPDATE division_requests SET status = 'pending' WHERE id = $1`, [retainedId])).rejects.toThrow(/cannot go from|only moves forward|check/);
    await expect(t.dataSource.query(`DELETE FROM division_requests`)).rejects.toThrow(/never deleted/);
  });
});

describe('order of voting on competing amendments', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  let a: string[] = [];
  let path: string;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const target = clauseByLabel(doc, '4.');
    path = `/api/documents/${doc.id}/clauses/${target.id}/voting-order`;
    a = [];
    for (const [who, text] of [
      [g.ngo, 'A text close to the original.'],
      [g.company, 'A text far from the original.'],
      [g.government, 'A text further still.'],
    ] as const) {
      const res = await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: target.id, text, rationale: 'Better.' });
      expect(res.status).toBe(201);
      a.push(res.body.id);
    }
  });
  afterAll(() => t?.close());

  it('with no order set, the clause lists its competitors and says none is set', async () => {
    const v = (await anonymous().get<VotingOrderView>(path)).body;
    expect(v.order).toBeNull();
    expect(v.competitors.map((c) => c.amendmentId)).toEqual(a);
    expect(v.can.set).toBe(false);
  });

  it('only a chair sets an order; it must name every undecided competitor once (typed refusals naming the field)', async () => {
    expectProblem(await g.ngo.client.post(path, { amendmentIds: [a[2], a[1], a[0]], reason: 'Mine.' }), 403);
    expect(expectProblem(await g.chair.client.post(path, { amendmentIds: [a[2], a[1]], reason: 'x' }), 409, { fields: ['amendmentIds'] })).toMatchObject({ code: 'voting-order-invalid', params: { why: 'missing', amendmentId: a[0] } });
    expect(expectProblem(await g.chair.client.post(path, { amendmentIds: [a[2], a[2], a[1], a[0]], reason: 'x' }), 409)).toMatchObject({ params: { why: 'duplicate' } });
    expect(expectProblem(await g.chair.client.post(path, { amendmentIds: [a[2], a[1], a[0], doc.id], reason: 'x' }), 409)).toMatchObject({ params: { why: 'not-competing' } });
    expectProblem(await g.chair.client.post(path, { amendmentIds: [a[2], a[1], a[0]], reason: '' }), 400, { fields: ['reason'] });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM voting_orders`))[0].n).toBe(0);
  });

  it('the chair sets the order, furthest from the text first, with a reason; everyone reads it, and each ballot page says "2nd of 3"', async () => {
    const res = await g.chair.client.post<VotingOrderView>(path, { amendmentIds: [a[2], a[1], a[0]], reason: 'Furthest in substance from the original first (rule 90).' });
    expect(res.status).toBe(201);
    const v = (await anonymous().get<VotingOrderView>(path)).body;
    expect(v.order).toMatchObject({ reason: 'Furthest in substance from the original first (rule 90).', setBy: { id: g.chair.id } });
    expect(v.order!.items.map((i) => i.amendmentId)).toEqual([a[2], a[1], a[0]]);
    expect((await anonymous().get<AmendmentVotingPlace>(`/api/amendments/${a[1]}/voting-place`)).body).toMatchObject({ position: 2, of: 3, clauseLabel: '4.' });
    const set = (await auditEvents(t.baseUrl, `wg:${g.id}`)).find((e) => e.action === 'voting-order.set')!;
    expect(set).toMatchObject({ actorId: g.chair.id, change: { amendmentIds: [a[2], a[1], a[0]], previous: null } });
  });

  it('opening the ballot of an amendment while one ahead is undecided is refused, naming the one ahead; once it is decided, the next opens', async () => {
    const refused = expectProblem(await g.chair.client.post(`/api/amendments/${a[1]}/ballot`, { closesAt: inAnHour() }), 409);
    expect(refused).toMatchObject({ code: 'voting-order-ahead', params: { amendmentId: a[2], position: 1, of: 3 } });
    expect(expectProblem(await g.chair.client.post(`/api/amendments/${a[0]}/ballot`, { closesAt: inAnHour() }), 409)).toMatchObject({ params: { amendmentId: a[2] } });
    const first = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a[2]}/ballot`, { closesAt: inAnHour() });
    expect(first.status).toBe(201);
    // Under ballot is still undecided.
    expect(expectProblem(await g.chair.client.post(`/api/amendments/${a[1]}/ballot`, { closesAt: inAnHour() }), 409)).toMatchObject({ params: { amendmentId: a[2] } });
    const ballotId = first.body.ballotId!;
    for (const who of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) await who.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'no' });
    expect((await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'All voted.' })).status).toBe(200);
    const second = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a[1]}/ballot`, { closesAt: inAnHour() });
    expect(second.status).toBe(201);
  });
});
