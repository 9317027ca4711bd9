import { PROBLEM_TYPES, type ChairNominationResponse, type ChairRemovalMotionResponse, type ChairTermListResponse, type ChairTermResponse, type WorkingGroupResponse } from '@parley/contracts';
import { ChairNominationService } from '../../apps/api/src/working-groups/chairs/chair-nomination.service';
import type { Actor } from '../../apps/api/src/identity/actor';
import { downloadCsv } from '../support/csv-download';
import { expectProblem } from '../support/expectations';
import { newDelegate, newOrganisation, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { admit, groupEvents, insertChairTerm, lastGroupEvent, newWorkingGroup } from '../support/working-group-factories';

type Delegate = Awaited<ReturnType<typeof newDelegate>>;

jest.setTimeout(30_000);

const NEEDS_AFFILIATION = 'You need a current affiliation to take part; add one on your profile';

describe('chairs: nominated, accepted, confirmed by ballot; resigned or removed by ballot; who chaired what', () => {
  let t: TestApp;
  let steward: Delegate;
  let gov: Delegate;
  let gov2: Delegate;
  let company: Delegate;
  let ngo: Delegate;
  let academic: Delegate;
  let observer: Delegate;
  let sitting: Delegate;
  let group: WorkingGroupResponse;
  let sittingTermId: string;

  const anon = () => new ApiClient(t.baseUrl);
  const get = async (id: string, client: ApiClient = anon()) => (await client.get<WorkingGroupResponse>(`/api/working-groups/${id}`)).body;
  const vote = async (who: Delegate, ballotId: string, choice: 'yes' | 'no' | 'abstain') => {
    const res = await who.client.post(`/api/ballots/${ballotId}/votes`, { choice });
    expect([who.name, res.status]).toEqual([who.name, expect.any(Number)]);
    return res;
  };
  const nominate = (by: Delegate, nominee: Delegate, body: Record<string, unknown> = {}) =>
    by.client.post<ChairNominationResponse>(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: nominee.id, ...body });

  beforeAll(async () => {
    t = await startTestApp();
    steward = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'technical-community' }, 'Steward');
    gov = await newDelegate(t.baseUrl, { name: 'Republic of Arcadia', stakeholderGroup: 'government', subtype: 'national', country: 'FR' }, 'Ambassador');
    gov2 = await newDelegate(t.baseUrl, { name: 'City of Lumeria', stakeholderGroup: 'government', subtype: 'local' }, 'CISO');
    company = await newDelegate(t.baseUrl, { name: 'Globex', stakeholderGroup: 'private-sector', subtype: 'company' }, 'Policy director');
    ngo = await newDelegate(t.baseUrl, { name: 'Access Rights', stakeholderGroup: 'civil-society', subtype: 'ngo' }, 'Policy analyst');
    academic = await newDelegate(t.baseUrl, { name: 'University of Lumeria', stakeholderGroup: 'civil-society', subtype: 'academia' }, 'Professor');
    observer = await newDelegate(t.baseUrl, { name: 'Initech', stakeholderGroup: 'private-sector', subtype: 'company' }, 'Observer');
    sitting = await newDelegate(t.baseUrl, { name: 'Old Chair Institute', stakeholderGroup: 'private-sector', subtype: 'business-association' }, 'Chair');
    group = await newWorkingGroup(gov.client, { name: 'Working group on chairs' });
    for (const d of [gov2, company, ngo, academic, sitting]) await admit(group.id, d, gov);
    await admit(group.id, observer, gov, 'observer');
    // Imported history: a chair nobody confirmed, who can still close ballots early (and raises the alarm).
    sittingTermId = await insertChairTerm(t.dataSource, group.id, sitting.id, (await sitting.client.get('/api/me')).body.currentSnapshot);
  });
  afterAll(() => t.close());

  describe('nominating', () => {
    it('a member nominates herself with a term end date: chair.nominated with both snapshots', async () => {
      const res = await nominate(ngo, ngo, { statement: 'I will run the group in the open.', termEndsOn: '2099-01-01' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'nominated',
        nominee: { id: ngo.id, name: ngo.name },
        nominatedBy: { id: ngo.id },
        nomineeSnapshot: { organisationName: 'Access Rights', stakeholderGroup: 'civil-society' },
        termEndsOn: '2099-01-01',
        ballot: null,
      });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({
        action: 'chair.nominated',
        subjectType: 'chair-nomination',
        subjectId: res.body.id,
        actorId: ngo.id,
        actorSnapshot: { organisationId: ngo.organisation.id },
        change: { nomineeId: ngo.id, selfNomination: true, termEndsOn: '2099-01-01', nomineeSnapshot: { organisationId: ngo.organisation.id } },
      });
      expect((await get(group.id)).nominations[0]).toMatchObject({ id: res.body.id, status: 'nominated' });
    });

    it('refuses nominating a non-member (409 naming nomineeId), a second open nomination, a past end date, and a nominator outside the group', async () => {
      const outsider = await newDelegate(t.baseUrl);
      expectProblem(await nominate(gov, outsider), 409, { type: PROBLEM_TYPES.conflict, fields: ['nomineeId'] });
      expect(((await nominate(gov, outsider)).body as unknown as { detail: string }).detail).toBe('Only a member of this working group can be nominated as its chair');
      expectProblem(await nominate(gov, ngo), 409, { fields: ['nomineeId'] });
      expectProblem(await nominate(gov, sitting), 409, { fields: ['nomineeId'] });
      expectProblem(await nominate(gov, academic, { termEndsOn: '2001-01-01' }), 400, { fields: ['termEndsOn'] });
      expectProblem(await outsider.client.post(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: academic.id }), 403);
      const unaffiliated = await newPerson(t.baseUrl);
      expect(expectProblem(await unaffiliated.client.post(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: academic.id }), 403).detail).toBe(NEEDS_AFFILIATION);
      expectProblem(await anon().post(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: academic.id }), 401);
      expectProblem(await gov.client.post(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: 'nope' }), 400, { fields: ['nomineeId'] });
    });

    it('only the nominee answers; declining is audited and closes the nomination', async () => {
      const n = (await nominate(gov, gov2)).body;
      expectProblem(await gov.client.post(`/api/chair-nominations/${n.id}/acceptance`, {}), 403);
      expectProblem(await gov.client.post(`/api/chair-nominations/${n.id}/declination`, {}), 403);
      const res = await gov2.client.post<ChairNominationResponse>(`/api/chair-nominations/${n.id}/declination`, { note: 'Not this year.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'declined', responseNote: 'Not this year.', respondedAt: expect.any(String), ballot: null });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({ action: 'chair.nomination-declined', subjectId: n.id, actorId: gov2.id, change: { note: 'Not this year.', snapshot: { organisationId: gov2.organisation.id } } });
      expectProblem(await gov2.client.post(`/api/chair-nominations/${n.id}/acceptance`, {}), 409);
      expectProblem(await gov2.client.post(`/api/chair-nominations/${n.id}/declination`, {}), 409);
      expectProblem(await anon().get('/api/chair-nominations/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c'), 404);
    });
  });

  describe('confirmation by ballot', () => {
    let nomination: ChairNominationResponse;
    let ballotId: string;

    it('acceptance opens a chair-confirmation ballot with the group’s rule (chambered); accepting twice is a conflict', async () => {
      const mine = (await get(group.id)).nominations.find((n) => n.nominee.id === ngo.id && n.status === 'nominated')!;
      const res = await ngo.client.post<ChairNominationResponse>(`/api/chair-nominations/${mine.id}/acceptance`, {});
      expect(res.status).toBe(200);
      nomination = res.body;
      expect(nomination).toMatchObject({ status: 'balloting', ballot: { id: expect.any(String), outcome: null } });
      ballotId = nomination.ballot!.id;
      const ballot = (await anon().get(`/api/ballots/${ballotId}`)).body;
      expect(ballot).toMatchObject({ subject: { type: 'chair-confirmation', id: mine.id }, rule: 'chambered', status: 'open', electorateSize: 6 });
      expect(ballot.title).toBe(`Confirm ${ngo.name} (Access Rights) as chair of Working group on chairs`);
      const events = await groupEvents(t.baseUrl, group.id);
      expect(events.slice(-2).map((e) => e.action)).toEqual(['ballot.opened', 'chair.nomination-accepted']);
      expect(events.at(-1)).toMatchObject({ subjectId: mine.id, actorId: ngo.id, change: { ballotId, rule: 'chambered', snapshot: { organisationId: ngo.organisation.id } } });

      // Confirming twice: the nomination is already balloting.
      expectProblem(await ngo.client.post(`/api/chair-nominations/${mine.id}/acceptance`, {}), 409, { type: PROBLEM_TYPES.conflict });
    });

    it('an observer cannot vote on it; the nominee is not a chair until the ballot passes', async () => {
      const res = await vote(observer, ballotId, 'yes');
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(/electorate/);
      const g = await get(group.id);
      expect(g.chairs.map((c) => c.person.id)).toEqual([sitting.id]);
      expect(g.members.find((m) => m.person.id === ngo.id)!.chair).toBe(false);
    });

    it('when every stakeholder group says yes the term starts: chair.confirmed, the group becomes active, the convener stops deciding', async () => {
      expect((await get(group.id, gov.client)).allowed.decideJoinRequests).toBe(true);
      for (const d of [gov, gov2, company, ngo, academic]) expect((await vote(d, ballotId, 'yes')).status).toBe(200);
      expect((await vote(sitting, ballotId, 'abstain')).status).toBe(200);
      const closed = await sitting.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Closed early in a test.' });
      expect(closed.status).toBe(200);
      expect(closed.body.outcome).toBe('passed');

      const n = (await anon().get<ChairNominationResponse>(`/api/chair-nominations/${nomination.id}`)).body;
      expect(n).toMatchObject({ status: 'confirmed', chairTermId: expect.any(String), ballot: { id: ballotId, outcome: 'passed', totals: { yes: 5, no: 0, abstain: 1 } } });
      const events = await groupEvents(t.baseUrl, group.id);
      expect(events.slice(-2).map((e) => e.action)).toEqual(['ballot.closed', 'chair.confirmed']);
      expect(events.at(-1)).toMatchObject({
        subjectType: 'chair-term',
        subjectId: n.chairTermId,
        actorId: null,
        change: { personId: ngo.id, ballotId, outcome: 'passed', nominationId: nomination.id, snapshot: { organisationId: ngo.organisation.id }, endsAt: '2099-01-01T00:00:00.000Z', groupStatus: 'active' },
      });

      const g = await get(group.id, gov.client);
      expect(g.status).toBe('active');
      expect(g.chairs).toEqual(expect.arrayContaining([expect.objectContaining({ termId: n.chairTermId, person: { id: ngo.id, name: ngo.name }, confirmed: true, endsAt: '2099-01-01T00:00:00.000Z' })]));
      expect(g.members.find((m) => m.person.id === ngo.id)!.chair).toBe(true);
      expect(g.chairTerms.find((c) => c.id === n.chairTermId)).toMatchObject({ confirmed: true, state: 'acting', confirmingBallot: { id: ballotId, outcome: 'passed' } });
      // The convener's power to decide join requests ends with the first confirmed chair; the new chair has it.
      expect(g.allowed.decideJoinRequests).toMatchObject({ code: 'deciders-only', detail: expect.stringMatching(/Only a chair/) });
      expect((await get(group.id, ngo.client)).allowed.decideJoinRequests).toBe(true);
      expect((await get(group.id)).alarms.map((a) => a.code)).toContain('chair-unconfirmed');
    });

    it('a nominee who already chairs cannot be nominated again', async () => {
      expectProblem(await nominate(gov, ngo), 409, { fields: ['nomineeId'] });
    });

    it('a failed ballot closes the nomination without a term (chair.rejected)', async () => {
      const n = (await nominate(company, company)).body;
      const accepted = (await company.client.post<ChairNominationResponse>(`/api/chair-nominations/${n.id}/acceptance`, { ballotDays: 2 })).body;
      const id = accepted.ballot!.id;
      expect(new Date((await anon().get(`/api/ballots/${id}`)).body.closesAt).getTime() - Date.now()).toBeGreaterThan(47 * 3600 * 1000);
      // Private sector says yes, civil society says no: a chambered rule fails.
      for (const d of [company, sitting, gov, gov2]) await vote(d, id, 'yes');
      for (const d of [ngo, academic]) await vote(d, id, 'no');
      expect((await ngo.client.post(`/api/ballots/${id}/close`, { reason: 'Closed early in a test.' })).body.outcome).toBe('failed');
      expect((await anon().get(`/api/chair-nominations/${n.id}`)).body).toMatchObject({ status: 'rejected', chairTermId: null, ballot: { outcome: 'failed' } });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({ action: 'chair.rejected', subjectId: n.id, change: { status: 'rejected', ballotId: id, outcome: 'failed' } });
      expect((await get(group.id)).chairs.map((c) => c.person.id)).not.toContain(company.id);
    });

    it('a ballot that closes at its closing time (the scheduler) confirms too', async () => {
      const n = (await nominate(academic, academic)).body;
      const actor: Actor = { id: academic.id, name: academic.name, email: academic.email, isSteward: false, sessionId: 'test', sessionToken: 'test', authenticatedBy: 'bearer' };
      const accepted = await t.app.get(ChairNominationService).accept(actor, n.id, {}, { closesAt: new Date(Date.now() + 1500) });
      for (const d of [gov, gov2, company, ngo, academic, sitting]) await vote(d, accepted.ballot!.id, 'yes');
      let status = accepted.status;
      for (let i = 0; i < 40 && status === 'balloting'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        status = (await anon().get<ChairNominationResponse>(`/api/chair-nominations/${n.id}`)).body.status;
      }
      expect(status).toBe('confirmed');
      const g = await get(group.id);
      expect(g.chairs.filter((c) => c.confirmed).map((c) => c.person.id).sort()).toEqual([academic.id, ngo.id].sort());
      // Both confirmed chairs are civil society: the single-sector alarm does not fire while the unconfirmed private-sector chair sits.
      expect(g.alarms.map((a) => a.code)).not.toContain('chairs-single-stakeholder-group');
    });
  });

  describe('resignation and removal by ballot', () => {
    it('only the chair resigns; the term ends once (chair.resigned), and the unconfirmed-chair alarm goes', async () => {
      expectProblem(await gov.client.post(`/api/chair-terms/${sittingTermId}/resignation`, {}), 403);
      const res = await sitting.client.post<ChairTermResponse>(`/api/chair-terms/${sittingTermId}/resignation`, { note: 'Handing over to confirmed chairs.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: sittingTermId, state: 'ended', endReason: 'resigned', endNote: 'Handing over to confirmed chairs.', confirmed: false, endedAt: expect.any(String) });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({ action: 'chair.resigned', subjectType: 'chair-term', subjectId: sittingTermId, actorId: sitting.id, change: { note: 'Handing over to confirmed chairs.', termSnapshot: { organisationId: sitting.organisation.id } } });
      expectProblem(await sitting.client.post(`/api/chair-terms/${sittingTermId}/resignation`, {}), 409);
      const g = await get(group.id);
      expect(g.alarms.map((a) => a.code)).not.toContain('chair-unconfirmed');
      // Both acting chairs are now civil society.
      expect(g.alarms.find((a) => a.code === 'chairs-single-stakeholder-group')).toMatchObject({ params: { stakeholderGroup: 'civil-society' } });
    });

    it('a voting member moves a chair’s removal; a passed chair-removal ballot ends the term (chair.removed)', async () => {
      const term = (await get(group.id)).chairs.find((c) => c.person.id === academic.id)!;
      expectProblem(await observer.client.post(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Because.' }), 403);
      expectProblem(await gov.client.post(`/api/chair-terms/${term.termId}/removal-motions`, {}), 400, { fields: ['reason'] });
      const res = await gov.client.post<ChairRemovalMotionResponse>(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Two chairs from one sector.' });
      expect(res.status).toBe(201);
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({ action: 'chair.removal-proposed', subjectId: term.termId, actorId: gov.id, change: { reason: 'Two chairs from one sector.', ballotId: res.body.ballotId, rule: 'chambered' } });
      expectProblem(await gov2.client.post(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Again.' }), 409);
      expect((await get(group.id)).chairTerms.find((c) => c.id === term.termId)!.removalBallotId).toBe(res.body.ballotId);
      const ballot = (await anon().get(`/api/ballots/${res.body.ballotId}`)).body;
      expect(ballot).toMatchObject({ subject: { type: 'chair-removal', id: term.termId }, rule: 'chambered' });

      // The chair concerned does not vote; every stakeholder group's majority says yes.
      for (const d of [gov, gov2, company, sitting, ngo]) await vote(d, res.body.ballotId, 'yes');
      expect((await ngo.client.post(`/api/ballots/${res.body.ballotId}/close`, { reason: 'Closed early in a test.' })).body.outcome).toBe('passed');
      const ended = (await anon().get<ChairTermListResponse>(`/api/chair-terms?person=${academic.id}`)).body.items[0];
      expect(ended).toMatchObject({ id: term.termId, state: 'ended', endReason: 'removed-by-ballot', endNote: 'Two chairs from one sector.', removalBallotId: null });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({ action: 'chair.removed', subjectId: term.termId, actorId: null, change: { personId: academic.id, ballotId: res.body.ballotId, outcome: 'passed' } });
      expectProblem(await gov.client.post(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Again.' }), 409);
    });

    it('a failed removal ballot keeps the chair (chair.removal-failed)', async () => {
      const term = (await get(group.id)).chairs.find((c) => c.person.id === ngo.id)!;
      const motion = (await company.client.post<ChairRemovalMotionResponse>(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Try.' })).body;
      for (const d of [gov, gov2, ngo, academic]) await vote(d, motion.ballotId, 'no');
      expect((await ngo.client.post(`/api/ballots/${motion.ballotId}/close`, { reason: 'Closed early in a test.' })).body.outcome).toBe('failed');
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({ action: 'chair.removal-failed', subjectId: term.termId, change: { status: 'failed', ballotId: motion.ballotId } });
      expect((await get(group.id)).chairs.map((c) => c.person.id)).toEqual([ngo.id]);
    });
  });

  describe('chair terms are history', () => {
    it('the database refuses editing or deleting a term, and changing an ended one', async () => {
      const [term] = (await anon().get<ChairTermListResponse>(`/api/chair-terms?person=${ngo.id}`)).body.items;
      await expect(t.dataSource.query(`UPDATE chair_terms SET started_at = started_at - interval '1 day' WHERE id = $1`, [term.id])).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`UPDATE chair_terms SET snapshot = '{}'::jsonb WHERE id = $1`, [term.id])).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`UPDATE chair_terms SET confirming_ballot_id = NULL WHERE id = $1`, [term.id])).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`DELETE FROM chair_terms WHERE id = $1`, [term.id])).rejects.toThrow(/never deleted/);
      await expect(t.dataSource.query(`UPDATE chair_terms SET end_reason = 'left-group' WHERE id = $1`, [sittingTermId])).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`UPDATE chair_terms SET end_note = 'sneaky' WHERE id = $1`, [term.id])).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`DELETE FROM chair_nominations WHERE nominee_id = $1`, [ngo.id])).rejects.toThrow(/never deleted/);
      await expect(t.dataSource.query(`UPDATE chair_nominations SET status = 'nominated' WHERE nominee_id = $1`, [ngo.id])).rejects.toThrow(/history/);
      await expect(t.dataSource.query(`DELETE FROM join_requests`)).rejects.toThrow(/never deleted/);
      expect((await anon().get<ChairTermListResponse>(`/api/chair-terms?person=${ngo.id}`)).body.items[0]).toEqual(term);
    });
  });

  describe('who chaired what', () => {
    let other: WorkingGroupResponse;
    let oldTermId: string;

    beforeAll(async () => {
      other = await newWorkingGroup(company.client, { name: 'Working group on history' });
      await admit(other.id, gov, company);
      const snapshot = (await gov.client.get('/api/me')).body.currentSnapshot;
      oldTermId = await insertChairTerm(t.dataSource, other.id, gov.id, snapshot, { startedAt: new Date('2019-03-01T00:00:00Z') });
      await t.dataSource.query(`UPDATE chair_terms SET ended_at = '2020-06-30T00:00:00Z', end_reason = 'term-ended' WHERE id = $1`, [oldTermId]);
    });

    const list = async (query: string) => {
      const res = await anon().get<ChairTermListResponse>(`/api/chair-terms${query}`);
      expect(res.status).toBe(200);
      return res.body.items;
    };

    it('lists every term with its group, person, snapshot and confirming ballot outcome, oldest first', async () => {
      const all = await list('');
      expect(all[0]).toMatchObject({ id: oldTermId, workingGroup: { id: other.id, name: 'Working group on history' }, person: { id: gov.id }, confirmed: false, confirmingBallot: null, state: 'ended', endReason: 'term-ended' });
      const confirmed = all.find((x) => x.person.id === ngo.id)!;
      expect(confirmed).toMatchObject({ confirmed: true, confirmingBallot: { outcome: 'passed', closedAt: expect.any(String), totals: { yes: 5, no: 0, abstain: 1 } } });
      expect(all.map((x) => x.startedAt)).toEqual([...all.map((x) => x.startedAt)].sort());
    });

    it('filters by person, organisation, stakeholder group, working group and overlapping date range', async () => {
      expect((await list(`?person=${gov.id}`)).map((x) => x.id)).toEqual([oldTermId]);
      expect((await list(`?organisation=${ngo.organisation.id}`)).map((x) => x.person.id)).toEqual([ngo.id]);
      expect(new Set((await list('?group=civil-society')).map((x) => x.person.id))).toEqual(new Set([ngo.id, academic.id]));
      expect((await list('?group=private-sector')).map((x) => x.id)).toEqual([sittingTermId]);
      expect((await list(`?workingGroup=${other.id}`)).map((x) => x.id)).toEqual([oldTermId]);
      expect((await list('?from=2020-01-01&to=2020-12-31')).map((x) => x.id)).toEqual([oldTermId]);
      expect((await list('?from=2020-06-30&to=2020-06-30')).map((x) => x.id)).toEqual([]); // ended at the first instant of that day
      expect((await list('?from=2020-06-29&to=2020-06-29')).map((x) => x.id)).toEqual([oldTermId]);
      expect((await list('?to=2019-02-28')).map((x) => x.id)).toEqual([]);
      expect((await list('?from=2021-01-01')).map((x) => x.id)).not.toContain(oldTermId);
      expect((await list(`?from=2021-01-01&workingGroup=${group.id}&group=civil-society`)).length).toBe(2);
    });

    it('refuses bad filters with 400 naming them', async () => {
      for (const [q, field] of [
        ['?person=x', 'person'],
        ['?group=academia', 'group'],
        ['?from=2020-13-01', 'from'],
        ['?from=2021-01-01&to=2020-01-01', 'to'],
        ['?format=xml', 'format'],
        ['?sort=name', 'sort'],
      ]) {
        expectProblem(await anon().get(`/api/chair-terms${q}`), 400, { fields: [field] });
      }
    });

    it('exports CSV (either form), with the same filters, one row per term, behind a UTF-8 byte-order mark', async () => {
      for (const path of ['/api/chair-terms?format=csv', '/api/chair-terms.csv']) {
        const res = await anon().get(path);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(res.headers.get('content-disposition')).toMatch(/chair-terms\.csv/);
        const { hasBom, lines } = await downloadCsv(t.baseUrl + path);
        expect(hasBom).toBe(true);
        expect(lines[0]).toBe(
          'term_id,working_group_id,working_group,person_id,person,organisation_id,organisation,stakeholder_group,subtype,country,title,organisation_verified,started_at,ends_at,ended_at,end_reason,end_note,state,confirmed,confirming_ballot_id,ballot_outcome,ballot_closed_at,ballot_yes,ballot_no,ballot_abstain',
        );
        expect(lines).toHaveLength(1 + (await list('')).length);
      }
      const ngoRows = ((await anon().get(`/api/chair-terms.csv?person=${ngo.id}`)).body as string).trimEnd().split('\r\n');
      expect(ngoRows).toHaveLength(2);
      expect(ngoRows[1]).toContain(',Access Rights,civil-society,ngo,');
      expect(ngoRows[1]).toMatch(/,acting,yes,[0-9a-f-]{36},passed,[^,]+,5,0,1$/);
    });

    it('person and organisation pages get their terms', async () => {
      expect((await anon().get<ChairTermListResponse>(`/api/people/${gov.id}/chair-terms`)).body.items.map((x) => x.id)).toEqual([oldTermId]);
      expect((await anon().get<ChairTermListResponse>(`/api/organisations/${ngo.organisation.id}/chair-terms`)).body.items.map((x) => x.person.id)).toEqual([ngo.id]);
      expectProblem(await anon().get('/api/people/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c/chair-terms'), 404);
      expectProblem(await anon().get('/api/organisations/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c/chair-terms'), 404);
      void steward;
    });

    it('an accented name round-trips through the CSV export as UTF-8 behind its byte-order mark', async () => {
      const chair = await newPerson(t.baseUrl, { name: 'Zoë Müller-Çelik' });
      const ministry = await newOrganisation(chair.client, { name: 'Ministère des Affaires étrangères', stakeholderGroup: 'government', subtype: 'national' });
      expect((await chair.client.post('/api/me/affiliations', { organisationId: ministry.id, title: 'Déléguée', startDate: '2020-01-01' })).status).toBe(201);
      const accented = await newWorkingGroup(chair.client, { name: 'Groupe de travail sur l’accès' });
      await insertChairTerm(t.dataSource, accented.id, chair.id, (await chair.client.get('/api/me')).body.currentSnapshot);
      const csv = await downloadCsv(`${t.baseUrl}/api/chair-terms.csv?workingGroup=${accented.id}`);
      expect(csv.hasBom).toBe(true);
      expect(csv.lines).toHaveLength(2);
      expect(csv.lines[1]).toContain(`,Groupe de travail sur l’accès,${chair.id},Zoë Müller-Çelik,${ministry.id},Ministère des Affaires étrangères,government,national,`);
      expect(csv.lines[1]).toContain(',Déléguée,');
    });
  });
});
