import { parseAuditEvent, type AmendmentResponse, type BallotResponse, type DispositionReport, type DocumentResponse, type RecommendationsBallotResponse } from '@parley/contracts';
import type { AuditEvent } from '@parley/domain';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(90_000);

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** The chair's recommendations (decision 0034): recorded apart from the decision, adopted as a set by one ballot, followed or not. */
describe('recommendations', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let other: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const everyone = () => [g.chair, g.rapporteur, g.ngo, g.company, g.government];
  const propose = async (who: Delegate, label: string, text: string, on = doc) => {
    const res = await who.client.post<AmendmentResponse>(`/api/documents/${on.id}/amendments`, { baseVersion: 1, rationale: 'Clearer.', kind: 'replace', targetClauseId: clauseByLabel(on, label).id, text });
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const recommend = (who: Delegate, a: { id: string }, body: Record<string, unknown>) => who.client.post<AmendmentResponse>(`/api/amendments/${a.id}/recommendation`, body);
  const read = async (a: { id: string }) => (await anonymous().get<AmendmentResponse>(`/api/amendments/${a.id}`)).body;
  const openSet = (who: Delegate, amendmentIds: string[], on = doc) => who.client.post<RecommendationsBallotResponse>(`/api/documents/${on.id}/recommendations-ballot`, { amendmentIds, closesAt: inADay() });
  const closeWith = async (ballotId: string, choice: 'yes' | 'no') => {
    for (const v of everyone()) await v.client.post(`/api/ballots/${ballotId}/votes`, { choice, ...(choice === 'no' ? { reason: 'Not convinced.' } : {}) });
    const closed = await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Every member has voted.' });
    if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  };
  const statuses = async () => (await t.dataSource.query(`SELECT id, status, merged_into, recommendations_ballot_id FROM amendments ORDER BY id`)) as unknown[];
  const recCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM amendment_recommendations`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    other = await newParisCallDocument(t, g);
  });
  afterAll(() => t?.close());

  it('the chair recommends; changing it keeps history; members see it on the amendment and on its own ballot page, apart from the decision', async () => {
    const a = await propose(g.ngo, '2.', 'Principle two, clearer.');
    const first = await recommend(g.chair, a, { recommendation: 'reject', reason: 'Out of scope.' });
    expect(first.status).toBe(201);
    const second = await recommend(g.chair, a, { recommendation: 'accept', reason: 'On reflection, it is clearer.' });
    expect(second.body.negotiation.recommendation).toMatchObject({ recommendation: 'accept', reason: 'On reflection, it is clearer.', targetAmendmentId: null, givenBy: { id: g.chair.id } });
    expect(second.body.negotiation.recommendationHistory.map((r) => r.recommendation)).toEqual(['accept', 'reject']);
    expect(second.body.status).toBe('proposed');
    const asMember = (await g.company.client.get<AmendmentResponse>(`/api/amendments/${a.id}`)).body;
    expect(asMember.negotiation.recommendation?.recommendation).toBe('accept');
    expect(asMember.can.recommend).toBe(false);
    expect((await g.chair.client.get<AmendmentResponse>(`/api/amendments/${a.id}`)).body.can.recommend).toBe(true);
    // Its own ballot: the page shows the recommendation before anyone votes; decided, it is compared.
    const opened = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, { closesAt: inADay() });
    const ballot = (await anonymous().get<BallotResponse>(`/api/ballots/${opened.body.ballotId}`)).body;
    expect(ballot.subjectView).toMatchObject({ type: 'amendment', recommendation: { recommendation: 'accept', reason: 'On reflection, it is clearer.' } });
    await closeWith(opened.body.ballotId!, 'no');
    expect((await read(a)).negotiation).toMatchObject({ followedRecommendation: false });
    const given = (await events()).filter((e) => e.action === 'amendment.recommendation-given' && e.subjectId === a.id);
    expect(given.map((e) => e.change)).toEqual([expect.objectContaining({ recommendation: 'reject', previous: null }), expect.objectContaining({ recommendation: 'accept', previous: 'reject' })]);
    for (const e of given) expect(parseAuditEvent(e as unknown as AuditEvent)).toMatchObject({ typed: true });
  });

  describe('refusals change nothing', () => {
    let a: AmendmentResponse;
    let b: AmendmentResponse;
    beforeAll(async () => {
      a = await propose(g.ngo, '3.', 'Principle three, clearer.');
      b = await propose(g.company, '3.', 'Principle three, otherwise.');
    });
    const unchanged = async (attempt: () => Promise<unknown>) => {
      const [rows, n, recs] = [await statuses(), (await events()).length, await recCount()];
      await attempt();
      expect(await statuses()).toEqual(rows);
      expect((await events()).length).toBe(n);
      expect(await recCount()).toBe(recs);
    };

    it('only a chair recommends or opens a recommendations ballot (rapporteur, members, observer, outsider refused; anonymous 401)', async () => {
      await unchanged(async () => {
        for (const who of [g.rapporteur, g.ngo, g.company, g.observer, g.outsider]) {
          expect(expectProblem(await recommend(who, a, { recommendation: 'accept', reason: 'Fine.' }), 403).code).toBeDefined();
          expectProblem(await openSet(who, [a.id]), 403);
        }
        expectProblem(await anonymous().post(`/api/amendments/${a.id}/recommendation`, { recommendation: 'accept', reason: 'Fine.' }), 401);
      });
    });

    it('400 naming the field: no reason, an unknown recommendation, merged-into without a target, a target on accept, an empty set', async () => {
      await unchanged(async () => {
        expectProblem(await recommend(g.chair, a, { recommendation: 'accept', reason: ' ' }), 400, { fields: ['reason'] });
        expectProblem(await recommend(g.chair, a, { recommendation: 'maybe', reason: 'Hm.' }), 400, { fields: ['recommendation'] });
        expectProblem(await recommend(g.chair, a, { recommendation: 'merged-into', reason: 'Same.' }), 400, { fields: ['targetAmendmentId'] });
        expectProblem(await recommend(g.chair, a, { recommendation: 'accept', reason: 'Same.', targetAmendmentId: b.id }), 400, { fields: ['targetAmendmentId'] });
        expectProblem(await openSet(g.chair, []), 400, { fields: ['amendmentIds'] });
      });
    });

    it('409 naming the field: a target of another document, itself, accept-as-modified not pointing at a streamlined proposal; a set with another document’s amendment, one without a recommendation, one under ballot', async () => {
      const elsewhere = await propose(g.ngo, '3.', 'Elsewhere three.', other);
      const underBallot = await propose(g.government, '6.', 'Six, under ballot.');
      await recommend(g.chair, underBallot, { recommendation: 'accept', reason: 'Good.' });
      await g.chair.client.post(`/api/amendments/${underBallot.id}/ballot`, { closesAt: inADay() });
      await unchanged(async () => {
        const bad = async (body: Record<string, unknown>, why: string) =>
          expect(expectProblem(await recommend(g.chair, a, body), 409, { fields: ['targetAmendmentId'] })).toMatchObject({ code: 'recommendation-target-invalid', params: { why } });
        await bad({ recommendation: 'merged-into', reason: 'Same.', targetAmendmentId: elsewhere.id }, 'other-document');
        await bad({ recommendation: 'merged-into', reason: 'Same.', targetAmendmentId: a.id }, 'self');
        await bad({ recommendation: 'accept-as-modified', reason: 'Same.', targetAmendmentId: b.id }, 'not-streamlined');
        expect(expectProblem(await recommend(g.chair, underBallot, { recommendation: 'reject', reason: 'No.' }), 409).code).toBe('recommendation-not-open');
        expect(expectProblem(await openSet(g.chair, [elsewhere.id]), 409, { fields: ['amendmentIds'] }).code).toBe('not-of-document');
        expect(expectProblem(await openSet(g.chair, [a.id]), 409, { fields: ['amendmentIds'] }).code).toBe('no-recommendation');
        expect(expectProblem(await openSet(g.chair, [underBallot.id]), 409, { fields: ['amendmentIds'] }).code).toBe('not-proposed');
      });
    });
  });

  it('one ballot adopting a set: balloting while it runs, shown with each recommendation before voting; passed → each follows its recommendation, followed flags on record, live', async () => {
    const acc = await propose(g.ngo, '7.', 'Seven, accepted.');
    const rej = await propose(g.company, '8.', 'Eight, rejected.');
    const target = await propose(g.government, '9.', 'Nine, the better one.');
    const merged = await propose(g.ngo, '9.', 'Nine, the same idea.');
    await recommend(g.chair, acc, { recommendation: 'accept', reason: 'Improves the text.' });
    await recommend(g.chair, rej, { recommendation: 'reject', reason: 'Weakens the principle.' });
    await recommend(g.chair, target, { recommendation: 'accept', reason: 'Clear and agreed.' });
    await recommend(g.chair, merged, { recommendation: 'merged-into', reason: 'Same substance as the government’s proposal.', targetAmendmentId: target.id });
    const live = await LiveClient.connect(t.baseUrl);
    await live.join(`doc:${doc.id}`);

    const opened = await openSet(g.chair, [acc.id, rej.id, target.id, merged.id]);
    expect(opened.status).toBe(201);
    const ballotId = opened.body.ballotId;
    for (const a of [acc, rej, target, merged]) expect((await read(a)).status).toBe('balloting');
    expectProblem(await openSet(g.chair, [acc.id]), 409);
    // A member reads the set with each recommendation before voting.
    const before = (await g.company.client.get<BallotResponse>(`/api/ballots/${ballotId}`)).body;
    expect(before).toMatchObject({ subject: { type: 'recommendations', details: { type: 'recommendations', count: 4 } } });
    expect(before.subjectView).toMatchObject({
      type: 'recommendations',
      items: [
        { amendmentId: acc.id, clauseLabel: '7.', recommendation: { recommendation: 'accept', reason: 'Improves the text.' }, status: 'balloting', followedRecommendation: null },
        { amendmentId: rej.id, recommendation: { recommendation: 'reject' } },
        { amendmentId: target.id, recommendation: { recommendation: 'accept' } },
        { amendmentId: merged.id, recommendation: { recommendation: 'merged-into', targetAmendmentId: target.id } },
      ],
    });
    // The adoption preflight lists them as under an open ballot.
    const preflight = (await anonymous().get<{ openAmendmentBallots: { amendmentId: string; ballotId: string }[] }>(`/api/documents/${doc.id}/versions/1/adoption-preflight`)).body;
    expect(preflight.openAmendmentBallots).toEqual(expect.arrayContaining([expect.objectContaining({ amendmentId: acc.id, ballotId })]));

    await closeWith(ballotId, 'yes');
    expect(await read(acc)).toMatchObject({ status: 'accepted', negotiation: { followedRecommendation: true, recommendationsBallotId: ballotId } });
    expect(await read(rej)).toMatchObject({ status: 'rejected', statusReason: { code: 'recommendation-adopted', params: { ballotId, recommendation: 'reject' } }, negotiation: { followedRecommendation: true } });
    expect(await read(target)).toMatchObject({ status: 'accepted', negotiation: { followedRecommendation: true } });
    expect(await read(merged)).toMatchObject({ status: 'merged', statusReason: { code: 'merged-into', params: { amendmentId: target.id, ballotId } }, negotiation: { mergedInto: { id: target.id }, followedRecommendation: true } });
    const after = (await anonymous().get<BallotResponse>(`/api/ballots/${ballotId}`)).body;
    expect(after.subjectView).toMatchObject({ type: 'recommendations', items: [{ status: 'accepted', followedRecommendation: true }, { status: 'rejected' }, { status: 'accepted' }, { status: 'merged', mergedInto: target.id }] });

    const decided = (await events()).filter((e) => e.action === 'recommendations.decided');
    expect(decided).toHaveLength(1);
    expect(decided[0].change).toMatchObject({ ballotId, outcome: 'passed', items: expect.arrayContaining([expect.objectContaining({ amendmentId: merged.id, status: 'merged', mergedInto: target.id, followed: true })]) });
    for (const e of (await events()).filter((x) => ['recommendations.put-to-ballot', 'recommendations.decided', 'amendment.merged'].includes(x.action))) {
      expect(parseAuditEvent(e as unknown as AuditEvent)).toMatchObject({ typed: true });
    }
    // The disposition report records each recommendation, the outcome, and whether it was followed.
    const report = (await anonymous().get<DispositionReport>(`/api/documents/${doc.id}/versions/1/dispositions`)).body;
    expect(report.recommendations.filter((r) => [acc.id, rej.id, target.id, merged.id].includes(r.amendmentId))).toEqual([
      expect.objectContaining({ amendmentId: acc.id, clauseLabel: '7.', status: 'accepted', recommendation: expect.objectContaining({ recommendation: 'accept' }), followedRecommendation: true }),
      expect.objectContaining({ amendmentId: rej.id, status: 'rejected', followedRecommendation: true }),
      expect.objectContaining({ amendmentId: target.id, status: 'accepted', followedRecommendation: true }),
      expect.objectContaining({ amendmentId: merged.id, status: 'merged', mergedInto: target.id, followedRecommendation: true }),
    ]);
    const seen = await live.waitForCount(`doc:${doc.id}`, 1);
    await live.waitFor('recommendations.decided live', () => live.in(`doc:${doc.id}`).some((e) => e.action === 'recommendations.decided'));
    expect(seen.map((e) => e.action)).toEqual(expect.arrayContaining(['recommendations.put-to-ballot']));
    live.close();
  });

  it('a failed recommendations ballot returns every amendment of its set to proposed, recommendations kept', async () => {
    const x = await propose(g.ngo, '1.', 'One, once more.');
    await recommend(g.chair, x, { recommendation: 'accept', reason: 'Better.' });
    const { ballotId } = (await openSet(g.chair, [x.id])).body;
    await closeWith(ballotId, 'no');
    expect(await read(x)).toMatchObject({ status: 'proposed', negotiation: { recommendation: { recommendation: 'accept' }, followedRecommendation: null } });
    expect((await events()).filter((e) => e.action === 'recommendations.decided').at(-1)!.change).toMatchObject({ ballotId, outcome: 'failed', items: [{ amendmentId: x.id, status: 'proposed', followed: null }] });
    // Open again: it can go to its own ballot, or another set.
    expect((await openSet(g.chair, [x.id])).status).toBe(201);
  });
});
