import { PROBLEM_TYPES, type ChairNominationResponse, type ChairRemovalMotionResponse, type WorkingGroupResponse } from '@parley/contracts';
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
      expect((await view(observer)).allowed.nominateChair).toBe('Only voting members of this working group can nominate a chair');
      expect((await view(member)).allowed.nominateChair).toBe(true);
      expect((await new ApiClient(t.baseUrl).get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.allowed.nominateChair).toBe('Sign in to do this');
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
      expect(voting.allowed).toMatchObject({ removeMembers: 'Only a chair of this working group can do this', proposeChairRemoval: true });
      expect(observing.allowed.proposeChairRemoval).toBe('Only voting members of this working group can propose removing a chair');
      expect((await new ApiClient(t.baseUrl).get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.allowed).toMatchObject({ removeMembers: 'Sign in to do this', proposeChairRemoval: 'Sign in to do this' });
    });

    it('a proposed removal shows on the chair term as its open ballot', async () => {
      const res = await member.client.post<ChairRemovalMotionResponse>(`/api/chair-terms/${termId}/removal-motions`, { reason: 'Never convenes the group.' });
      expect(res.status).toBe(201);
      expect((await view(observer)).chairTerms.find((c) => c.id === termId)!.removalBallotId).toBe(res.body.ballotId);
      expect((await groupEvents(t.baseUrl, group.id)).at(-1)).toMatchObject({ action: 'chair.removal-proposed', actorId: member.id, change: { reason: 'Never convenes the group.' } });
    });
  });
});
