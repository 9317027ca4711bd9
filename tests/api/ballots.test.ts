import { createHash } from 'node:crypto';
import type { BallotListResponse, BallotResponse, Problem, RollCallPage, VoteResponse } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { ApiClient } from '../support/http-client';
import { confirmAffiliation, newDelegate } from '../support/factories';
import { admit, newWorkingGroup } from '../support/governance-fixtures';
import { ballotEvents, Chamber, chainEvents, inAnHour, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** An RFC 9457 answer with this status, naming these fields. */
function expectProblem(res: { status: number; body: unknown; headers: Headers }, status: number, fields: string[] = []): Problem {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = res.body as Problem;
  for (const f of fields) expect((body.errors ?? []).map((e) => e.field)).toContain(f);
  return body;
}

describe('ballots', () => {
  let t: TestApp;
  let c: Chamber;
  let anon: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    anon = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  const ballotCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ballots`))[0].n);
  const vote = (who: { client: ApiClient }, id: string, body: unknown) => who.client.post<VoteResponse>(`/api/ballots/${id}/votes`, body);
  const get = (client: ApiClient, id: string) => client.get<BallotResponse>(`/api/ballots/${id}`);

  describe('POST /api/ballots', () => {
    it('a chair opens a motion: the electorate is frozen with snapshots, and ballot.opened is recorded', async () => {
      const res = await c.chair.client.post<BallotResponse>('/api/ballots', {
        workingGroupId: c.group.id,
        subjectType: 'motion',
        title: 'That the group publishes its minutes',
        description: 'Minutes within a week of each meeting.',
        rule: 'supermajority',
        quorum: 0.25,
        requireReasonForNo: true,
        closesAt: inAnHour(),
      });
      expect(res.status).toBe(201);
      const b = res.body;
      expect(b).toMatchObject({
        workingGroupId: c.group.id,
        workingGroup: { id: c.group.id, name: c.group.name },
        subject: { type: 'motion', id: null },
        title: 'That the group publishes its minutes',
        description: 'Minutes within a week of each meeting.',
        status: 'open',
        rule: 'supermajority',
        countingUnit: 'person',
        quorum: 0.25,
        visibility: 'roll-call',
        tallies: 'live',
        requireReasonForNo: true,
        electorateSize: 4,
        votesCast: 0,
        outcome: null,
        result: null,
        openedBy: {
          id: c.chair.id,
          name: c.chair.name,
          snapshot: expect.objectContaining({ organisationId: c.chair.organisation.id, stakeholderGroup: 'government' }),
        },
        can: { vote: true, close: true },
      });
      expect(b.rollCall?.items.map((i) => i.voter.id).sort()).toEqual([c.chair.id, c.government.id, c.company.id, c.civil.id].sort());
      expect(b.rollCall?.items.find((i) => i.voter.id === c.company.id)?.snapshot).toMatchObject({
        organisationName: c.company.organisation.name,
        stakeholderGroup: 'private-sector',
        title: 'Director of public policy',
      });

      const [opened] = await ballotEvents(anon, c.group, b.id);
      expect(opened).toMatchObject({
        action: 'ballot.opened',
        subjectType: 'ballot',
        actorId: c.chair.id,
        actorSnapshot: expect.objectContaining({ organisationId: c.chair.organisation.id }),
        change: expect.objectContaining({
          rule: 'supermajority',
          quorum: 0.25,
          electorate: expect.objectContaining({ size: 4, byStakeholderGroup: { government: 2, 'private-sector': 1, 'civil-society': 1 } }),
        }),
      });
      expect((opened.change.electorate as { voterIds: string[] }).voterIds).toHaveLength(4);
    });

    it('takes the group’s rule and quorum when none is given', async () => {
      const g = await newWorkingGroup(t.dataSource, c.chair, { quorum: 0.4, decisionRules: { motion: 'consensus' } });
      await admit(t.dataSource, g, c.chair);
      await t.dataSource.query(
        `INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) SELECT $1, $2, admission_snapshot, now() - interval '1 minute' FROM memberships WHERE working_group_id = $1 AND person_id = $2`,
        [g.id, c.chair.id],
      );
      const b = await openMotion(c.chair, g);
      expect(b).toMatchObject({ rule: 'consensus', quorum: 0.4, electorateSize: 1 });
    });

    it('refuses anyone but a chair of the group, with nothing written', async () => {
      const before = await ballotCount();
      const member = await c.government.client.post('/api/ballots', {
        workingGroupId: c.group.id,
        subjectType: 'motion',
        title: 'A motion',
        closesAt: inAnHour(),
      });
      expect(expectProblem(member, 403).detail).toMatch(/chair/);
      const outsider = await newDelegate(t.baseUrl);
      expectProblem(
        await outsider.client.post('/api/ballots', { workingGroupId: c.group.id, subjectType: 'motion', title: 'A motion', closesAt: inAnHour() }),
        403,
      );
      expectProblem(await anon.post('/api/ballots', { workingGroupId: c.group.id, subjectType: 'motion', title: 'A motion', closesAt: inAnHour() }), 401);
      expect(await ballotCount()).toBe(before);
    });

    it.each([
      ['closesAt', { closesAt: new Date(Date.now() - 60_000).toISOString() }],
      ['closesAt', { closesAt: 'tomorrow' }],
      ['rule', { rule: 'plurality' }],
      ['countingUnit', { countingUnit: 'country' }],
      ['quorum', { quorum: 1.5 }],
      ['visibility', { visibility: 'public' }],
      ['tallies', { tallies: 'sometimes' }],
      ['subjectType', { subjectType: 'amendment' }],
      ['title', { title: '' }],
      ['workingGroupId', { workingGroupId: 'nope' }],
    ])('answers 400 naming %s', async (field, override) => {
      const before = await ballotCount();
      const res = await c.chair.client.post('/api/ballots', {
        workingGroupId: c.group.id,
        subjectType: 'motion',
        title: 'A motion',
        closesAt: inAnHour(),
        ...override,
      });
      expectProblem(res, 400, [field]);
      expect(await ballotCount()).toBe(before);
    });

    it('answers 404 for an unknown group, and 409 in a group with no voting members', async () => {
      expectProblem(
        await c.chair.client.post('/api/ballots', {
          workingGroupId: '00000000-0000-4000-8000-000000000000',
          subjectType: 'motion',
          title: 'A motion',
          closesAt: inAnHour(),
        }),
        404,
      );
      const empty = await newWorkingGroup(t.dataSource, c.chair);
      await t.dataSource.query(
        `INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, '{}', now() - interval '1 minute')`,
        [empty.id, c.chair.id],
      );
      expect(
        expectProblem(
          await c.chair.client.post('/api/ballots', { workingGroupId: empty.id, subjectType: 'motion', title: 'A motion', closesAt: inAnHour() }),
          409,
        ).detail,
      ).toMatch(/no voting members/);
    });

    it('refuses ballots in a closed group', async () => {
      const closed = await newWorkingGroup(t.dataSource, c.chair, { status: 'closed' });
      await admit(t.dataSource, closed, c.chair);
      await t.dataSource.query(
        `INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, '{}', now() - interval '1 minute')`,
        [closed.id, c.chair.id],
      );
      expect(
        expectProblem(
          await c.chair.client.post('/api/ballots', { workingGroupId: closed.id, subjectType: 'motion', title: 'A motion', closesAt: inAnHour() }),
          403,
        ).detail,
      ).toMatch(/closed/);
    });
  });

  describe('GET /api/ballots/:id', () => {
    it('is public, and tells a signed-in voter where they stand', async () => {
      const b = await openMotion(c.chair, c.group, { rule: 'chambered' });
      const pub = await get(anon, b.id);
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ id: b.id, me: null, can: { vote: { code: 'sign-in-to-vote', detail: expect.stringMatching(/Sign in/) }, close: { code: 'sign-in-to-close', detail: expect.any(String) } } });
      expect(pub.body.runningTally).toMatchObject({
        countingUnit: 'person',
        totals: { yes: 0, no: 0, abstain: 0, recuse: 0, notVoted: 4 },
        byStakeholderGroup: [
          { stakeholderGroup: 'government', eligible: 2, notVoted: 2 },
          { stakeholderGroup: 'private-sector', eligible: 1, notVoted: 1 },
          { stakeholderGroup: 'civil-society', eligible: 1, notVoted: 1 },
        ],
      });
      const voter = await get(c.company.client, b.id);
      expect(voter.body.me).toEqual({ inElectorate: true, snapshot: expect.objectContaining({ stakeholderGroup: 'private-sector' }), vote: null });
      expect(voter.body.can).toEqual({ vote: true, close: { code: 'chairs-only-close', params: {}, detail: expect.stringMatching(/chair/) } });
      const outsider = await newDelegate(t.baseUrl);
      const out = await get(outsider.client, b.id);
      expect(out.body.me).toMatchObject({ inElectorate: false, vote: null });
      expect(out.body.can.vote).toMatchObject({ code: 'not-in-electorate', detail: expect.stringMatching(/fixed when the ballot opened/) });
    });

    it('answers 404 for an unknown ballot and 400 for a malformed id', async () => {
      expectProblem(await get(anon, '00000000-0000-4000-8000-000000000000'), 404);
      expectProblem(await get(anon, 'not-an-id'), 400, ['id']);
    });
  });

  describe('POST /api/ballots/:id/votes', () => {
    it('casts, then changes, a vote: one row, each an audit event with the voter’s snapshot', async () => {
      const b = await openMotion(c.chair, c.group);
      const cast = await vote(c.company, b.id, { choice: 'yes' });
      expect(cast.status).toBe(200);
      expect(cast.body).toMatchObject({ ballotId: b.id, action: 'vote.cast', vote: { choice: 'yes', reason: null, changes: 0 } });
      const changed = await vote(c.company, b.id, { choice: 'abstain', reason: 'Waiting for the legal review' });
      expect(changed.body).toMatchObject({ action: 'vote.changed', vote: { choice: 'abstain', reason: 'Waiting for the legal review', changes: 1 } });

      expect(await t.dataSource.query(`SELECT choice, changes FROM votes WHERE ballot_id = $1`, [b.id])).toEqual([{ choice: 'abstain', changes: 1 }]);
      const events = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.action.startsWith('vote.'));
      expect(events).toEqual([
        expect.objectContaining({
          action: 'vote.cast',
          actorId: c.company.id,
          actorSnapshot: expect.objectContaining({ organisationId: c.company.organisation.id, stakeholderGroup: 'private-sector' }),
          change: expect.objectContaining({ choice: 'yes', reason: null }),
        }),
        expect.objectContaining({
          action: 'vote.changed',
          actorId: c.company.id,
          change: expect.objectContaining({ choice: 'abstain', reason: 'Waiting for the legal review' }),
        }),
      ]);

      const after = await get(c.company.client, b.id);
      expect(after.body.me?.vote).toMatchObject({ choice: 'abstain', changes: 1 });
      expect(after.body.votesCast).toBe(1);
      expect(after.body.runningTally?.byStakeholderGroup.find((g) => g.stakeholderGroup === 'private-sector')).toMatchObject({ abstain: 1, notVoted: 0 });
      expect(after.body.rollCall?.items.find((i) => i.voter.id === c.company.id)).toMatchObject({
        voted: true,
        choice: 'abstain',
        reason: 'Waiting for the legal review',
      });
    });

    it('refuses a member admitted after the ballot opened: 403 explaining the electorate was fixed at opening', async () => {
      const b = await openMotion(c.chair, c.group);
      const late = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'academia' });
      await admit(t.dataSource, c.group, late);
      const res = await vote(late, b.id, { choice: 'yes' });
      const problem = expectProblem(res, 403);
      expect(problem.detail).toContain('electorate');
      expect(problem.detail).toContain(`fixed when the ballot opened on ${b.openedAt.slice(0, 10)}`);
      expect(await t.dataSource.query(`SELECT 1 FROM votes WHERE ballot_id = $1`, [b.id])).toHaveLength(0);
      // The next ballot includes them.
      const next = await openMotion(c.chair, c.group);
      expect(next.electorateSize).toBe(5);
      expect((await vote(late, next.id, { choice: 'yes' })).status).toBe(200);
    });

    it('refuses an observer and someone outside the group', async () => {
      const observer = await newDelegate(t.baseUrl);
      const g = await newWorkingGroup(t.dataSource, c.chair);
      await admit(t.dataSource, g, c.chair);
      await admit(t.dataSource, g, observer, 'observer');
      await t.dataSource.query(
        `INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, '{}', now() - interval '1 minute')`,
        [g.id, c.chair.id],
      );
      const b = await openMotion(c.chair, g);
      expect(b.electorateSize).toBe(1);
      expectProblem(await vote(observer, b.id, { choice: 'yes' }), 403);
      expectProblem(await anon.post(`/api/ballots/${b.id}/votes`, { choice: 'yes' }), 401);
    });

    it('answers 400 naming choice for an unknown choice, and reason for a recusal without one', async () => {
      const b = await openMotion(c.chair, c.group);
      expectProblem(await vote(c.civil, b.id, { choice: 'maybe' }), 400, ['choice']);
      expectProblem(await vote(c.civil, b.id, {}), 400, ['choice']);
      expectProblem(await vote(c.civil, b.id, { choice: 'recuse' }), 400, ['reason']);
      expectProblem(await vote(c.civil, b.id, { choice: 'recuse', reason: '   ' }), 400, ['reason']);
      expectProblem(await vote(c.civil, b.id, { choice: 'yes', extra: 1 }), 400, ['extra']);
      expect(await t.dataSource.query(`SELECT 1 FROM votes WHERE ballot_id = $1`, [b.id])).toHaveLength(0);
      const ok = await vote(c.civil, b.id, { choice: 'recuse', reason: 'My organisation is funded by the proposer' });
      expect(ok.body.vote).toMatchObject({ choice: 'recuse', reason: 'My organisation is funded by the proposer' });
    });

    it('counts a recusal as a vote cast, on the ballot page as in the group’s list', async () => {
      const b = await openMotion(c.chair, c.group);
      await vote(c.civil, b.id, { choice: 'recuse', reason: 'My organisation is funded by the proposer' });
      await vote(c.company, b.id, { choice: 'yes' });
      const page = await anon.get<BallotResponse>(`/api/ballots/${b.id}`);
      expect(page.body.runningTally?.totals).toMatchObject({ yes: 1, recuse: 1 });
      expect(page.body.votesCast).toBe(2);
      const list = await anon.get<BallotListResponse>(`/api/working-groups/${c.group.id}/ballots?limit=100`);
      expect(list.body.items.find((i) => i.id === b.id)).toMatchObject({ votesCast: 2 });
    });

    it('requires a reason for no when the ballot says so, and shows it in the roll call', async () => {
      const b = await openMotion(c.chair, c.group, { requireReasonForNo: true });
      expect(expectProblem(await vote(c.company, b.id, { choice: 'no' }), 400, ['reason']).detail).toMatch(/reason for a no/);
      expect((await vote(c.company, b.id, { choice: 'no', reason: 'Clause 3 conflicts with export-control law' })).status).toBe(200);
      const roll = await anon.get<RollCallPage>(`/api/ballots/${b.id}/roll-call`);
      expect(roll.body.items.find((i) => i.voter.id === c.company.id)).toMatchObject({ choice: 'no', reason: 'Clause 3 conflicts with export-control law' });
    });

    it('answers 404 for an unknown ballot', async () => {
      expectProblem(await vote(c.civil, '00000000-0000-4000-8000-000000000000', { choice: 'yes' }), 404);
    });
  });

  describe('POST /api/ballots/:id/close', () => {
    it('a chair closes early: the result is computed once, stored, recorded, and never recomputed', async () => {
      const b = await openMotion(c.chair, c.group, { rule: 'chambered', quorum: 0.5 });
      await vote(c.chair, b.id, { choice: 'yes' });
      await vote(c.government, b.id, { choice: 'yes' });
      await vote(c.company, b.id, { choice: 'no' });
      await vote(c.civil, b.id, { choice: 'yes' });

      expectProblem(await c.company.client.post(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' }), 403);
      expectProblem(await anon.post(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' }), 401);

      const res = await c.chair.client.post<BallotResponse>(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'closed',
        outcome: 'failed',
        closedBy: { id: c.chair.id, name: c.chair.name },
        runningTally: null,
        can: { vote: { code: 'ballot-closed', detail: expect.stringMatching(/closed/) }, close: { code: 'ballot-closed-at', detail: expect.stringMatching(/already closed/) } },
      });
      const result = res.body.result!;
      expect(result).toMatchObject({ outcome: 'failed', rule: 'chambered', totals: { yes: 3, no: 1 }, quorumMet: true });
      expect(result.explanation).toBe('Failed: private-sector 0 yes – 1 no; a majority is needed in every stakeholder group.');
      expect(result.explanationParts[0]).toMatchObject({ code: 'chambered', failedGroups: ['private-sector'] });
      expect(result).not.toHaveProperty('rollCall');
      expect(result.byOrganisation).toHaveLength(b.electorateSize);

      const events = await ballotEvents(anon, c.group, b.id);
      const closed = events.filter((e) => e.action === 'ballot.closed');
      expect(closed).toHaveLength(1);
      expect(closed[0]).toMatchObject({
        actorId: c.chair.id,
        change: expect.objectContaining({ closedBy: 'chair', outcome: 'failed', explanation: result.explanation }),
      });

      // Closed: no more votes, no second close.
      expect(expectProblem(await vote(c.company, b.id, { choice: 'yes' }), 409).detail).toMatch(/closed/);
      expectProblem(await c.chair.client.post(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' }), 409);

      // Later changes to a voter's affiliation never rewrite the stored result.
      await t.dataSource.query(`UPDATE organisations SET stakeholder_group = 'civil-society', subtype = 'ngo' WHERE id = $1`, [c.company.organisation.id]);
      try {
        const again = await get(anon, b.id);
        expect(again.body.result).toEqual(result);
        expect(again.body.outcome).toBe('failed');
      } finally {
        await t.dataSource.query(`UPDATE organisations SET stakeholder_group = 'private-sector', subtype = 'company' WHERE id = $1`, [
          c.company.organisation.id,
        ]);
      }
    });

    it('the database refuses to alter a closed ballot or its votes', async () => {
      const b = await openMotion(c.chair, c.group);
      await vote(c.civil, b.id, { choice: 'yes' });
      await c.chair.client.post(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' });
      await expect(t.dataSource.query(`UPDATE ballots SET outcome = 'passed' WHERE id = $1`, [b.id])).rejects.toThrow(/final/);
      await expect(t.dataSource.query(`UPDATE votes SET choice = 'no' WHERE ballot_id = $1`, [b.id])).rejects.toThrow(/closed/);
      await expect(t.dataSource.query(`DELETE FROM votes WHERE ballot_id = $1`, [b.id])).rejects.toThrow(/never deleted/);
      await expect(t.dataSource.query(`DELETE FROM ballot_electors WHERE ballot_id = $1`, [b.id])).rejects.toThrow(/frozen/);
      await expect(
        t.dataSource.query(`INSERT INTO votes (ballot_id, voter_id, choice, salt, cast_at, changed_at) VALUES ($1, $2, 'yes', 'x', now(), now())`, [
          b.id,
          c.company.id,
        ]),
      ).rejects.toThrow(/closed/);
    });

    it('answers 404 for an unknown ballot', async () => {
      expectProblem(await c.chair.client.post(`/api/ballots/00000000-0000-4000-8000-000000000000/close`), 404);
    });
  });

  describe('tallies hidden until close', () => {
    it('shows who voted but not how, until the ballot closes', async () => {
      const b = await openMotion(c.chair, c.group, { tallies: 'hidden-until-close' });
      await vote(c.company, b.id, { choice: 'no' });
      const open = await get(anon, b.id);
      expect(open.body.runningTally).toBeNull();
      expect(open.body.rollCall?.choicesVisible).toBe(false);
      expect(open.body.rollCall?.items.find((i) => i.voter.id === c.company.id)).toMatchObject({ voted: true, choice: null, reason: null });
      // The voter still sees their own vote.
      expect((await get(c.company.client, b.id)).body.me?.vote?.choice).toBe('no');
      await c.chair.client.post(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' });
      const closed = await get(anon, b.id);
      expect(closed.body.rollCall?.choicesVisible).toBe(true);
      expect(closed.body.rollCall?.items.find((i) => i.voter.id === c.company.id)?.choice).toBe('no');
    });
  });

  describe('secret ballots', () => {
    it('never disclose an individual choice: not by GET, roll call, list, or the audit log; the chain holds a commitment', async () => {
      const b = await openMotion(c.chair, c.group, { visibility: 'secret', tallies: 'live' });
      const secretReason = 'SECRET-REASON-7f3a my employer sponsors the proposal';
      const cast = await vote(c.company, b.id, { choice: 'recuse', reason: secretReason });
      expect(cast.status).toBe(200);
      expect(cast.body.vote).toMatchObject({ choice: null, reason: null });
      await vote(c.civil, b.id, { choice: 'no' });
      await vote(c.civil, b.id, { choice: 'yes' });

      const noChoiceIn = (body: unknown) => {
        const text = JSON.stringify(body);
        expect(text).not.toContain(secretReason);
        expect(text).not.toMatch(/"choice":"(yes|no|abstain|recuse)"/);
      };
      for (const client of [anon, c.company.client, c.civil.client, c.chair.client]) {
        const res = await get(client, b.id);
        expect(res.status).toBe(200);
        expect(res.body.runningTally).toBeNull();
        expect(res.body.rollCall).toBeNull();
        noChoiceIn(res.body);
      }
      expect((await get(c.company.client, b.id)).body.me?.vote).toMatchObject({ choice: null, reason: null, changes: 0 });
      expectProblem(await anon.get(`/api/ballots/${b.id}/roll-call`), 403);
      noChoiceIn((await anon.get<BallotListResponse>(`/api/working-groups/${c.group.id}/ballots`)).body);

      const events = await ballotEvents(anon, c.group, b.id);
      const votes = events.filter((e) => e.action.startsWith('vote.'));
      expect(votes.map((e) => e.action)).toEqual(['vote.cast', 'vote.cast', 'vote.changed']);
      noChoiceIn(events);
      // The commitment matches the vote row (whose salt never leaves the database).
      const [row] = await t.dataSource.query(`SELECT choice, salt FROM votes WHERE ballot_id = $1 AND voter_id = $2`, [b.id, c.civil.id]);
      const commitment = createHash('sha256').update(`${b.id}|${c.civil.id}|${row.choice}|${row.salt}`).digest('hex');
      expect(votes[2].change).toMatchObject({ commitment, commitmentScheme: 'sha256(ballotId|voterId|choice|salt)' });

      // Closed: totals and breakdowns only.
      const closed = await c.chair.client.post<BallotResponse>(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' });
      expect(closed.body.result).toMatchObject({ totals: { yes: 1, no: 0, recuse: 1 }, byOrganisation: [] });
      expect(closed.body.result?.byStakeholderGroup).toHaveLength(3);
      expect(closed.body.rollCall).toBeNull();
      noChoiceIn(closed.body);
      noChoiceIn((await get(anon, b.id)).body);
      noChoiceIn(await ballotEvents(anon, c.group, b.id));
      const [stored] = await t.dataSource.query(`SELECT result FROM ballots WHERE id = $1`, [b.id]);
      expect(stored.result.rollCall).toEqual([]);
    });
  });

  describe('roll call and lists', () => {
    it('pages the roll call by name', async () => {
      const b = await openMotion(c.chair, c.group);
      const first = await anon.get<RollCallPage>(`/api/ballots/${b.id}/roll-call?limit=2`);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const rest = await anon.get<RollCallPage>(`/api/ballots/${b.id}/roll-call?limit=100&cursor=${first.body.nextCursor}`);
      const all = [...first.body.items, ...rest.body.items];
      expect(all).toHaveLength(b.electorateSize);
      expect(new Set(all.map((i) => i.voter.id)).size).toBe(b.electorateSize);
      expect(all.map((i) => i.voter.name)).toEqual([...all.map((i) => i.voter.name)].sort());
      expect(rest.body.nextCursor).toBeNull();
      expectProblem(await anon.get(`/api/ballots/${b.id}/roll-call?cursor=garbage`), 400, ['cursor']);
      expectProblem(await anon.get(`/api/ballots/${b.id}/roll-call?limit=0`), 400, ['limit']);
    });

    it('lists a group’s ballots newest first, paged and filtered by status', async () => {
      const g = await newWorkingGroup(t.dataSource, c.chair);
      await admit(t.dataSource, g, c.chair);
      await admit(t.dataSource, g, c.civil);
      await t.dataSource.query(
        `INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, '{}', now() - interval '1 minute')`,
        [g.id, c.chair.id],
      );
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await openMotion(c.chair, g, { title: `Motion ${i}` }));
      await vote(c.civil, made[1].id, { choice: 'yes' });
      await c.chair.client.post(`/api/ballots/${made[0].id}/close`, { reason: 'Closed early in a test.' });

      const page1 = await anon.get<BallotListResponse>(`/api/working-groups/${g.id}/ballots?limit=2`);
      expect(page1.status).toBe(200);
      expect(page1.body.items.map((b) => b.title)).toEqual(['Motion 2', 'Motion 1']);
      expect(page1.body.items[1]).toMatchObject({ votesCast: 1, status: 'open', electorateSize: 2 });
      const page2 = await anon.get<BallotListResponse>(`/api/working-groups/${g.id}/ballots?limit=2&cursor=${page1.body.nextCursor}`);
      expect(page2.body).toMatchObject({ items: [expect.objectContaining({ title: 'Motion 0', status: 'closed', outcome: 'no-quorum' })], nextCursor: null });
      const open = await anon.get<BallotListResponse>(`/api/working-groups/${g.id}/ballots?status=open`);
      expect(open.body.items.map((b) => b.title)).toEqual(['Motion 2', 'Motion 1']);
      expectProblem(await anon.get(`/api/working-groups/00000000-0000-4000-8000-000000000000/ballots`), 404);
      expectProblem(await anon.get(`/api/working-groups/${g.id}/ballots?status=maybe`), 400, ['status']);
    });
  });

  describe('counting by organisation', () => {
    it('the running tally counts each organisation once, with its voters’ most common choice', async () => {
      const g = await newWorkingGroup(t.dataSource, c.chair);
      const colleague = await newDelegate(t.baseUrl);
      // The colleague joins the company's organisation (a second voting member of it).
      const second = await colleague.client.post<{ id: string }>('/api/me/affiliations', {
        organisationId: c.company.organisation.id,
        title: 'Engineer',
        startDate: '2021-01-01',
        primary: true,
      });
      // The company confirmed them: they speak for it (an unconfirmed one would count apart).
      await confirmAffiliation(t.baseUrl, second.body.id);
      for (const p of [c.chair, c.company, colleague]) await admit(t.dataSource, g, p);
      await t.dataSource.query(
        `INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, '{}', now() - interval '1 minute')`,
        [g.id, c.chair.id],
      );
      const b = await openMotion(c.chair, g, { countingUnit: 'organisation', quorum: 0 });
      await vote(c.company, b.id, { choice: 'no' });
      await vote(colleague, b.id, { choice: 'no' });
      await vote(c.chair, b.id, { choice: 'yes' });
      const res = await get(anon, b.id);
      expect(res.body.quorum).toBeNull();
      expect(res.body.runningTally).toMatchObject({ countingUnit: 'organisation', totals: { yes: 1, no: 1, notVoted: 0 } });
      const closed = await c.chair.client.post<BallotResponse>(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' });
      expect(closed.body.result).toMatchObject({ countingUnit: 'organisation', totals: { yes: 1, no: 1 }, outcome: 'failed' });
    });
  });

  it('the group’s audit chain stays valid', async () => {
    expect(verifyChain(await chainEvents(anon, `wg:${c.group.id}`))).toMatchObject({ ok: true });
  });
});
