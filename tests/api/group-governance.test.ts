import { randomUUID } from 'node:crypto';
import { PROBLEM_TYPES, type ChairNominationResponse, type ChairRemovalMotionResponse, type JoinRequestResponse, type WorkingGroupResponse } from '@parley/contracts';
import { expectProblem } from '../support/expectations';
import { newDelegate } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { admit, groupEvents, insertChairTerm, newWorkingGroup, refusedWithoutWrites } from '../support/working-group-factories';

type Delegate = Awaited<ReturnType<typeof newDelegate>>;

jest.setTimeout(30_000);

/** Governance gaps a person would notice: who may nominate a chair (and whom), removals from the web's endpoints, and withdrawals. */
describe('working-group governance', () => {
  let t: TestApp;
  let convener: Delegate;
  let member: Delegate;
  let observer: Delegate;
  let group: WorkingGroupResponse;

  const view = async (who: Delegate) => (await who.client.get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
  const nominate = (by: Delegate, nominee: Delegate) =>
    by.client.post<ChairNominationResponse>(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: nominee.id, statement: 'Ready to serve.' });

  beforeAll(async () => {
    t = await startTestApp();
    convener = await newDelegate(t.baseUrl, { name: 'Republic of Arcadia', stakeholderGroup: 'government', subtype: 'national' }, 'Ambassador');
    member = await newDelegate(t.baseUrl, { name: 'Access Rights', stakeholderGroup: 'civil-society', subtype: 'ngo' }, 'Policy analyst');
    observer = await newDelegate(t.baseUrl, { name: 'Initech', stakeholderGroup: 'private-sector', subtype: 'company' }, 'Observer');
    group = await newWorkingGroup(convener.client, { name: 'Working group on governance' });
    await admit(group.id, member, convener);
    await admit(group.id, observer, convener, 'observer');
  });
  afterAll(() => t.close());

  describe('nominating a chair: voting members (and chairs) nominate, and only a voting member can be nominated', () => {
    it('an observer is refused with 403 problem+json, whoever they nominate: no nomination, no audit event', async () => {
      const before = (await groupEvents(t.baseUrl, group.id)).length;
      for (const nominee of [observer, member]) {
        const res = await refusedWithoutWrites(t.dataSource, () => nominate(observer, nominee));
        expect(expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden }).detail).toBe('Only voting members of this working group can nominate a chair');
      }
      expect(await groupEvents(t.baseUrl, group.id)).toHaveLength(before);
      expect((await view(observer)).nominations).toEqual([]);
    });

    it('nobody can nominate an observer: 409 naming nomineeId, nothing written', async () => {
      const res = await refusedWithoutWrites(t.dataSource, () => nominate(member, observer));
      expect(expectProblem(res, 409, { type: PROBLEM_TYPES.conflict, fields: ['nomineeId'] }).detail).toBe(
        'Only a voting member of this working group can be nominated as its chair, not an observer',
      );
    });

    it('the group page tells the observer they may not nominate, and a voting member that they may', async () => {
      expect((await view(observer)).allowed.nominateChair).toMatchObject({ code: 'voting-members-nominate', detail: 'Only voting members of this working group can nominate a chair' });
      expect((await view(member)).allowed.nominateChair).toBe(true);
      expect((await new ApiClient(t.baseUrl).get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.allowed.nominateChair).toMatchObject({ code: 'unauthenticated', detail: 'Sign in to do this' });
    });

    it('a voting member still nominates a voting member (chair.nominated)', async () => {
      const res = await nominate(member, convener);
      expect(res.status).toBe(201);
      expect((await groupEvents(t.baseUrl, group.id)).at(-1)).toMatchObject({ action: 'chair.nominated', actorId: member.id, subjectId: res.body.id });
    });

    it('a nominee who stepped down to observer can no longer accept (403), but can still decline', async () => {
      const stepsDown = await newDelegate(t.baseUrl, { name: 'City of Lumeria', stakeholderGroup: 'government', subtype: 'local' });
      await admit(group.id, stepsDown, convener);
      const n = (await nominate(convener, stepsDown)).body;
      expect((await stepsDown.client.post(`/api/working-groups/${group.id}/members/${stepsDown.id}/role`, { kind: 'observer' })).status).toBe(200);
      const res = await refusedWithoutWrites(t.dataSource, () => stepsDown.client.post(`/api/chair-nominations/${n.id}/acceptance`, {}));
      expect(expectProblem(res, 403).detail).toMatch(/now an observer/);
      expect((await stepsDown.client.post(`/api/chair-nominations/${n.id}/declination`, {})).status).toBe(200);
    });
  });

  describe('removals the group page offers: a chair removes a member, a voting member moves a chair’s removal', () => {
    let termId: string;
    beforeAll(async () => {
      termId = await insertChairTerm(t.dataSource, group.id, convener.id, (await convener.client.get('/api/me')).body.currentSnapshot);
    });

    it('the page says who may do which: the chair removes members, voting members (not observers) propose a chair’s removal', async () => {
      const [chair, voting, observing] = [await view(convener), await view(member), await view(observer)];
      expect(chair.allowed).toMatchObject({ removeMembers: true, proposeChairRemoval: true });
      expect(voting.allowed).toMatchObject({ removeMembers: { code: 'chairs-only-act', detail: 'Only a chair of this working group can do this' }, proposeChairRemoval: true });
      expect(observing.allowed.proposeChairRemoval).toMatchObject({ code: 'voting-members-remove-chair', detail: 'Only voting members of this working group can propose removing a chair' });
      expect((await new ApiClient(t.baseUrl).get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.allowed).toMatchObject({
        removeMembers: { code: 'unauthenticated', detail: 'Sign in to do this' },
        proposeChairRemoval: { code: 'unauthenticated', detail: 'Sign in to do this' },
      });
    });

    it('a proposed removal shows on the chair term as its open ballot', async () => {
      const res = await member.client.post<ChairRemovalMotionResponse>(`/api/chair-terms/${termId}/removal-motions`, { reason: 'Never convenes the group.' });
      expect(res.status).toBe(201);
      expect((await view(observer)).chairTerms.find((c) => c.id === termId)!.removalBallotId).toBe(res.body.ballotId);
      expect((await groupEvents(t.baseUrl, group.id)).at(-1)).toMatchObject({ action: 'chair.removal-proposed', actorId: member.id, change: { reason: 'Never convenes the group.' } });
    });
  });

  describe('withdrawals: one’s own pending join request; an unanswered chair nomination by its nominee or nominator', () => {
    it('a person withdraws their own pending request: kept as withdrawn with their note, audited, gone from the chair’s list; they may ask again', async () => {
      const applicant = await newDelegate(t.baseUrl, { name: 'Globex', stakeholderGroup: 'private-sector', subtype: 'company' });
      const asked = (await applicant.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'We build the networks.' })).body;
      expect(asked.status).toBe('pending');
      const path = `/api/working-groups/${group.id}/join-requests/${asked.id}/withdrawal`;
      for (const other of [convener, member]) {
        const res = await refusedWithoutWrites(t.dataSource, () => other.client.post(path, {}));
        expect(expectProblem(res, 403).detail).toBe('Only the person who asked to join can withdraw this request');
      }
      expectProblem(await new ApiClient(t.baseUrl).post(path, {}), 401);

      const res = await applicant.client.post<JoinRequestResponse>(path, { note: 'We will observe another group instead.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', decidedBy: { id: applicant.id }, reason: 'We will observe another group instead.', membershipId: null });
      expect((await groupEvents(t.baseUrl, group.id)).at(-1)).toMatchObject({
        action: 'membership.request-withdrawn',
        subjectType: 'join-request',
        subjectId: asked.id,
        actorId: applicant.id,
        change: { personId: applicant.id, kind: 'member', note: 'We will observe another group instead.' },
      });
      expect((await view(convener)).pendingRequests!.map((r) => r.id)).not.toContain(asked.id);
      expect((await view(applicant)).viewer!.pendingRequest).toBeNull();
      expectProblem(await refusedWithoutWrites(t.dataSource, () => applicant.client.post(path, {})), 409, { type: PROBLEM_TYPES.conflict });
      expectProblem(await applicant.client.post(`/api/working-groups/${group.id}/join-requests/${randomUUID()}/withdrawal`, {}), 404);
      expect((await applicant.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'Observing after all.' })).status).toBe(201);
    });

    it('the nominator or the nominee withdraws an unanswered nomination (chair.nomination-withdrawn says which); nobody else; not once accepted', async () => {
      const candidate = await newDelegate(t.baseUrl, { name: 'University of Lumeria', stakeholderGroup: 'civil-society', subtype: 'academia' });
      await admit(group.id, candidate, convener);
      const withdraw = (who: Delegate, id: string) => who.client.post<ChairNominationResponse>(`/api/chair-nominations/${id}/withdrawal`, { note: 'Not now.' });

      const first = (await nominate(member, candidate)).body;
      for (const other of [observer, convener]) {
        const res = await refusedWithoutWrites(t.dataSource, () => withdraw(other, first.id));
        expect(expectProblem(res, 403).detail).toBe('Only the nominee or whoever nominated them can withdraw this nomination');
      }
      const byNominator = await withdraw(member, first.id);
      expect(byNominator.status).toBe(200);
      expect(byNominator.body).toMatchObject({ status: 'withdrawn', withdrawnBy: { id: member.id }, closedNote: 'Not now.', ballot: null });
      expect((await groupEvents(t.baseUrl, group.id)).at(-1)).toMatchObject({
        action: 'chair.nomination-withdrawn',
        subjectId: first.id,
        actorId: member.id,
        change: { nomineeId: candidate.id, by: 'nominator', note: 'Not now.' },
      });
      expectProblem(await refusedWithoutWrites(t.dataSource, () => withdraw(member, first.id)), 409);

      // Withdrawn, the nomination no longer blocks a new one; this time the nominee withdraws it.
      const second = (await nominate(member, candidate)).body;
      expect((await withdraw(candidate, second.id)).body).toMatchObject({ status: 'withdrawn', withdrawnBy: { id: candidate.id } });
      expect((await groupEvents(t.baseUrl, group.id)).at(-1)).toMatchObject({ action: 'chair.nomination-withdrawn', actorId: candidate.id, change: { by: 'nominee' } });

      // Once accepted, the members' ballot decides: no withdrawal.
      const third = (await nominate(member, candidate)).body;
      expect((await candidate.client.post(`/api/chair-nominations/${third.id}/acceptance`, {})).status).toBe(200);
      const late = await refusedWithoutWrites(t.dataSource, () => withdraw(candidate, third.id));
      expect(expectProblem(late, 409).detail).toBe('This nomination can no longer be withdrawn (balloting)');
      expect((await view(observer)).nominations.filter((n) => n.status === 'withdrawn').map((n) => n.id).sort()).toEqual([first.id, second.id].sort());
    });
  });
});
