import { PROBLEM_TYPES, type JoinRequestResponse, type MemberResponse, type WorkingGroupListResponse, type WorkingGroupResponse } from '@parley/contracts';
import { expectProblem } from '../support/expectations';
import { confirmAffiliation, newDelegate, newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { admit, groupEvents, insertChairTerm, lastGroupEvent, newWorkingGroup, refusedWithoutWrites } from '../support/working-group-factories';

type Delegate = Awaited<ReturnType<typeof newDelegate>>;

jest.setTimeout(30_000);

const NEEDS_AFFILIATION = 'You need a current affiliation to take part; add one on your profile';

describe('working groups: groups, joining, roles, composition and alarms', () => {
  let t: TestApp;
  let steward: Delegate;
  let gov: Delegate;
  let company: Delegate;
  let ngo: Delegate;

  beforeAll(async () => {
    t = await startTestApp();
    steward = await newDelegate(t.baseUrl, { name: 'Stewardship Office', stakeholderGroup: 'civil-society', subtype: 'technical-community' }, 'Steward');
    gov = await newDelegate(t.baseUrl, { name: 'Ministry of Foreign Affairs of Arcadia', stakeholderGroup: 'government', subtype: 'national', country: 'FR' }, 'Cyber ambassador');
    company = await newDelegate(t.baseUrl, { name: 'Globex Corporation', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' }, 'Director of public policy');
    ngo = await newDelegate(t.baseUrl, { name: 'Digital Rights Watch', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'DE' }, 'Policy analyst');
    for (const d of [gov, company, ngo]) expect((await steward.client.post(`/api/organisations/${d.organisation.id}/verify`)).status).toBe(200);
  });
  afterAll(() => t.close());

  const get = async (id: string, client: ApiClient = new ApiClient(t.baseUrl)) => {
    const res = await client.get<WorkingGroupResponse>(`/api/working-groups/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  describe('create', () => {
    it('a delegate convenes a group: convener (not chair) and first member, default rules and caps, audited with snapshots', async () => {
      const res = await gov.client.post<WorkingGroupResponse>('/api/working-groups', {
        name: '  Working group on critical infrastructure  ',
        mandate: 'Protect the general availability and integrity of the internet.',
      });
      expect(res.status).toBe(201);
      const g = res.body;
      expect(g).toMatchObject({
        name: 'Working group on critical infrastructure',
        status: 'forming',
        joinPolicy: 'approval',
        decisionRules: { amendment: 'majority', adoption: 'chambered', 'chair-confirmation': 'chambered', 'chair-removal': 'chambered', motion: 'majority' },
        quorum: 0.5,
        quorumPerStakeholderGroup: false,
        caps: { maxStakeholderGroupShare: 0.5, maxVotingMembersPerOrganisation: 2 },
        convener: { id: gov.id, name: gov.name, snapshot: { organisationName: 'Ministry of Foreign Affairs of Arcadia', stakeholderGroup: 'government' } },
        counts: { members: 1, observers: 0, pendingRequests: 0 },
        chairs: [],
        chairTerms: [],
        viewer: { membership: { kind: 'member', rapporteur: false }, chair: false, convener: true, canAct: true },
      });
      expect(g.members).toEqual([expect.objectContaining({ person: { id: gov.id, name: gov.name }, kind: 'member', chair: false, affiliationChanged: false })]);
      // The convener decides join requests while no chair is confirmed.
      expect(g.allowed).toMatchObject({ decideJoinRequests: true, nominateChair: true, join: { code: 'already-member', detail: 'You are already a member of this working group' } });
      expect(g.pendingRequests).toEqual([]);

      const events = await groupEvents(t.baseUrl, g.id);
      expect(events.map((e) => e.action)).toEqual(['working-group.created', 'membership.admitted']);
      expect(events[0]).toMatchObject({
        scope: `wg:${g.id}`,
        subjectType: 'working-group',
        subjectId: g.id,
        actorId: gov.id,
        actorSnapshot: { organisationId: gov.organisation.id, stakeholderGroup: 'government', title: 'Cyber ambassador' },
        change: { name: g.name, joinPolicy: 'approval', convener: { personId: gov.id, snapshot: { organisationId: gov.organisation.id } } },
      });
      expect(events[1]).toMatchObject({ subjectType: 'membership', change: { personId: gov.id, kind: 'member', via: 'convener', snapshot: { organisationId: gov.organisation.id } } });
    });

    it('takes the rules, quorum, caps and join policy given; the convener may stay outside the group', async () => {
      const g = await newWorkingGroup(company.client, {
        joinPolicy: 'open',
        decisionRules: { amendment: 'supermajority', 'chair-confirmation': 'consensus' },
        quorum: 0.25,
        quorumPerStakeholderGroup: true,
        caps: { maxStakeholderGroupShare: 0.4, maxVotingMembersPerOrganisation: 1 },
      });
      expect(g).toMatchObject({
        joinPolicy: 'open',
        decisionRules: { amendment: 'supermajority', adoption: 'chambered', 'chair-confirmation': 'consensus', 'chair-removal': 'chambered', motion: 'majority' },
        quorum: 0.25,
        quorumPerStakeholderGroup: true,
        caps: { maxStakeholderGroupShare: 0.4, maxVotingMembersPerOrganisation: 1 },
      });
    });

    it('refuses a person without a current affiliation: 403 saying so, nothing written', async () => {
      const nobody = await newPerson(t.baseUrl);
      const res = await refusedWithoutWrites(t.dataSource, () => nobody.client.post('/api/working-groups', { name: 'Unaffiliated group', mandate: 'A mandate long enough.' }));
      expect(expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden }).detail).toBe(NEEDS_AFFILIATION);
    });

    it('refuses anonymous (401), a duplicate name whatever its case (409), and invalid settings (400 naming the field)', async () => {
      expectProblem(await refusedWithoutWrites(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/working-groups', { name: 'Anonymous group', mandate: 'A mandate long enough.' })), 401);
      await newWorkingGroup(gov.client, { name: 'Working group on norms of duplicate' });
      expectProblem(await refusedWithoutWrites(t.dataSource, () => gov.client.post('/api/working-groups', { name: 'WORKING GROUP ON NORMS OF DUPLICATE', mandate: 'A mandate long enough.' })), 409, { fields: ['name'] });
      const valid = { name: 'Invalid settings group', mandate: 'A mandate long enough.' };
      for (const [body, field] of [
        [{ ...valid, name: 'ab' }, 'name'],
        [{ ...valid, mandate: '' }, 'mandate'],
        [{ ...valid, joinPolicy: 'invite' }, 'joinPolicy'],
        [{ ...valid, decisionRules: { amendment: 'unanimity' } }, 'decisionRules.amendment'],
        [{ ...valid, decisionRules: { veto: 'majority' } }, 'decisionRules'],
        [{ ...valid, quorum: 1.5 }, 'quorum'],
        [{ ...valid, caps: { maxStakeholderGroupShare: 0 } }, 'caps.maxStakeholderGroupShare'],
        [{ ...valid, caps: { maxVotingMembersPerOrganisation: 0 } }, 'caps.maxVotingMembersPerOrganisation'],
        [{ ...valid, status: 'active' }, 'status'],
      ] as const) {
        const res = await refusedWithoutWrites(t.dataSource, () => gov.client.post('/api/working-groups', body));
        expect([field, res.status]).toEqual([field, 400]);
        expectProblem(res, 400, { type: PROBLEM_TYPES.validation });
        expect(JSON.stringify(res.body.errors)).toContain(field.split('.').pop());
      }
    });

    it('an unknown group is 404 and a malformed id 400', async () => {
      expectProblem(await new ApiClient(t.baseUrl).get('/api/working-groups/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c'), 404, { type: PROBLEM_TYPES.notFound });
      expectProblem(await new ApiClient(t.baseUrl).get('/api/working-groups/nope'), 400, { fields: ['id'] });
    });
  });

  describe('joining under approval', () => {
    let group: WorkingGroupResponse;
    beforeAll(async () => {
      group = await newWorkingGroup(gov.client, { name: 'Working group on approval' });
    });

    it('a request is pending, audited with the requester’s snapshot, and seen only by those who decide it', async () => {
      const res = await ngo.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'Digital Rights Watch follows this closely.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'pending', kind: 'member', person: { id: ngo.id }, snapshot: { organisationName: 'Digital Rights Watch', stakeholderGroup: 'civil-society' }, membershipId: null });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({
        action: 'membership.requested',
        subjectType: 'join-request',
        subjectId: res.body.id,
        actorId: ngo.id,
        actorSnapshot: { organisationId: ngo.organisation.id },
        change: { personId: ngo.id, kind: 'member', statement: 'Digital Rights Watch follows this closely.', snapshot: { organisationId: ngo.organisation.id } },
      });

      expect((await get(group.id, gov.client)).pendingRequests).toEqual([expect.objectContaining({ id: res.body.id })]);
      expect((await get(group.id, ngo.client)).pendingRequests).toBeNull();
      expect((await get(group.id, ngo.client)).viewer).toMatchObject({ membership: null, pendingRequest: { id: res.body.id } });
      expect((await get(group.id, ngo.client)).allowed.join).toMatchObject({ code: 'already-asked', detail: 'You have already asked to join; a chair will answer your request' });
      expect((await get(group.id)).pendingRequests).toBeNull();
      expect((await get(group.id)).counts.pendingRequests).toBe(1);
      expectProblem(await ngo.client.get(`/api/working-groups/${group.id}/join-requests`), 403);
      expect((await gov.client.get(`/api/working-groups/${group.id}/join-requests`)).body).toEqual([expect.objectContaining({ id: res.body.id })]);

      // Asking twice is refused.
      const again = await refusedWithoutWrites(t.dataSource, () => ngo.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'Again.' }));
      expect(expectProblem(again, 403).detail).toBe('You have already asked to join; a chair will answer your request');
    });

    it('a member who is neither chair nor convener cannot decide; the convener admits: membership with the admission snapshot, audited', async () => {
      const request = (await gov.client.get<JoinRequestResponse[]>(`/api/working-groups/${group.id}/join-requests`)).body.find((r) => r.person.id === ngo.id)!;
      // A bystander without standing is refused.
      const byCompany = await refusedWithoutWrites(t.dataSource, () => company.client.post(`/api/working-groups/${group.id}/join-requests/${request.id}/decision`, { decision: 'admit' }));
      expectProblem(byCompany, 403);

      const res = await gov.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests/${request.id}/decision`, { decision: 'admit' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'admitted', decidedBy: { id: gov.id }, membershipId: expect.any(String) });
      const event = await lastGroupEvent(t.baseUrl, group.id);
      expect(event).toMatchObject({
        action: 'membership.admitted',
        subjectType: 'membership',
        subjectId: res.body.membershipId,
        actorId: gov.id,
        actorSnapshot: { organisationId: gov.organisation.id },
        change: { personId: ngo.id, kind: 'member', requestId: request.id, via: 'convener', snapshot: { organisationId: ngo.organisation.id, title: 'Policy analyst' } },
      });
      const g = await get(group.id);
      expect(g.members.map((m) => m.person.id)).toEqual([gov.id, ngo.id]);
      expect(g.members[1]).toMatchObject({ kind: 'member', admittedBy: { id: gov.id }, statement: 'Digital Rights Watch follows this closely.', admissionSnapshot: { organisationId: ngo.organisation.id }, currentSnapshot: { organisationId: ngo.organisation.id }, affiliationChanged: false });

      // Deciding again is a conflict; the new member cannot decide others' requests.
      expectProblem(await refusedWithoutWrites(t.dataSource, () => gov.client.post(`/api/working-groups/${group.id}/join-requests/${request.id}/decision`, { decision: 'refuse', reason: 'Changed my mind' })), 409);
    });

    it('refusing needs a reason (400), is audited with it, and the person may ask again later', async () => {
      const asked = await company.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'Globex would like to follow.' });
      expectProblem(await refusedWithoutWrites(t.dataSource, () => gov.client.post(`/api/working-groups/${group.id}/join-requests/${asked.body.id}/decision`, { decision: 'refuse' })), 400, { fields: ['reason'] });
      const res = await gov.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests/${asked.body.id}/decision`, { decision: 'refuse', reason: 'The group is closed to observers until the mandate is agreed.' });
      expect(res.body).toMatchObject({ status: 'refused', reason: 'The group is closed to observers until the mandate is agreed.', membershipId: null });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({
        action: 'membership.refused',
        subjectId: asked.body.id,
        actorId: gov.id,
        change: { personId: company.id, kind: 'observer', reason: 'The group is closed to observers until the mandate is agreed.', snapshot: { organisationId: company.organisation.id } },
      });
      expect((await company.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'Asking again.' })).status).toBe(201);
    });

    it('nobody without a current affiliation can ask to join: 403 saying so', async () => {
      const nobody = await newPerson(t.baseUrl);
      const res = await refusedWithoutWrites(t.dataSource, () => nobody.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'Let me in.' }));
      expect(expectProblem(res, 403).detail).toBe(NEEDS_AFFILIATION);
      expect((await get(group.id, nobody.client)).allowed.join).toMatchObject({ code: 'needs-affiliation', detail: NEEDS_AFFILIATION });
    });

    it('refuses a malformed request: 400 naming the field', async () => {
      for (const [body, field] of [
        [{ kind: 'chair', statement: 'x' }, 'kind'],
        [{ kind: 'member' }, 'statement'],
        [{ kind: 'member', statement: 's'.repeat(2001) }, 'statement'],
      ] as const) {
        expectProblem(await refusedWithoutWrites(t.dataSource, () => steward.client.post(`/api/working-groups/${group.id}/join-requests`, body)), 400, { fields: [field] });
      }
      expectProblem(await new ApiClient(t.baseUrl).post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'Anonymous' }), 401);
    });
  });

  describe('joining under the open policy, leaving', () => {
    it('admits at once, as member or observer; leaving is recorded and the person may rejoin', async () => {
      const group = await newWorkingGroup(gov.client, { joinPolicy: 'open' });
      const asMember = await admit(group.id, ngo, null);
      expect(asMember).toMatchObject({ status: 'admitted', decidedBy: null, membershipId: expect.any(String) });
      const events = await groupEvents(t.baseUrl, group.id);
      expect(events.slice(-2).map((e) => [e.action, e.change.via ?? null])).toEqual([
        ['membership.requested', null],
        ['membership.admitted', 'open-policy'],
      ]);
      const asObserver = await admit(group.id, company, null, 'observer');
      expect(asObserver.status).toBe('admitted');
      expect((await get(group.id)).counts).toEqual({ members: 2, observers: 1, pendingRequests: 0 });

      expect((await ngo.client.post(`/api/working-groups/${group.id}/leave`, { reason: 'Moving to another group.' })).status).toBe(204);
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({
        action: 'membership.left',
        subjectId: asMember.membershipId,
        actorId: ngo.id,
        change: { personId: ngo.id, reason: 'Moving to another group.', admissionSnapshot: { organisationId: ngo.organisation.id }, snapshot: { organisationId: ngo.organisation.id }, endedChairTermId: null },
      });
      expect((await get(group.id)).members.map((m) => m.person.id)).not.toContain(ngo.id);
      const past = await new ApiClient(t.baseUrl).get<MemberResponse[]>(`/api/working-groups/${group.id}/members?status=past`);
      expect(past.body).toEqual([expect.objectContaining({ person: { id: ngo.id, name: ngo.name }, leftAt: expect.any(String), leftReason: 'Moving to another group.', removedBy: null })]);
      expect((await new ApiClient(t.baseUrl).get<MemberResponse[]>(`/api/working-groups/${group.id}/members?status=all`)).body).toHaveLength(3);

      // Leaving twice: not a member any more.
      expectProblem(await refusedWithoutWrites(t.dataSource, () => ngo.client.post(`/api/working-groups/${group.id}/leave`, {})), 403);
      // A new admission opens a new membership; the old one stays.
      const again = await admit(group.id, ngo, null);
      expect(again.membershipId).not.toBe(asMember.membershipId);
      expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM memberships WHERE working_group_id = $1 AND person_id = $2`, [group.id, ngo.id]))[0].n)).toBe(2);
    });
  });

  describe('chairs’ powers: removal, roles, other groups', () => {
    let group: WorkingGroupResponse;
    let other: WorkingGroupResponse;
    let chair: Delegate;
    let member: Delegate;
    let observer: Delegate;

    beforeAll(async () => {
      chair = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'academia' }, 'Professor');
      member = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'local' }, 'CISO');
      observer = await newDelegate(t.baseUrl, { stakeholderGroup: 'private-sector', subtype: 'company' }, 'Lobbyist');
      group = await newWorkingGroup(gov.client, { name: 'Working group with a chair' });
      other = await newWorkingGroup(company.client, { name: 'Another working group' });
      await admit(group.id, chair, gov);
      await admit(group.id, member, gov);
      await admit(group.id, observer, gov, 'observer');
      const snapshot = (await chair.client.get('/api/me')).body.currentSnapshot;
      await insertChairTerm(t.dataSource, group.id, chair.id, snapshot);
    });

    it('a chair appoints a rapporteur: role.changed with the member’s snapshot; a non-chair cannot', async () => {
      expectProblem(await refusedWithoutWrites(t.dataSource, () => member.client.post(`/api/working-groups/${group.id}/members/${observer.id}/role`, { rapporteur: true })), 403);
      const res = await chair.client.post<MemberResponse>(`/api/working-groups/${group.id}/members/${member.id}/role`, { rapporteur: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ person: { id: member.id }, kind: 'member', rapporteur: true });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({
        action: 'role.changed',
        actorId: chair.id,
        subjectId: res.body.membershipId,
        change: { personId: member.id, from: { kind: 'member', rapporteur: false }, to: { kind: 'member', rapporteur: true }, snapshot: { organisationId: member.organisation.id } },
      });
      // The same role again changes nothing and records nothing.
      await refusedWithoutWrites(t.dataSource, () => chair.client.post(`/api/working-groups/${group.id}/members/${member.id}/role`, { rapporteur: true }));
    });

    it('a member may step down to observer on their own, but not promote themselves', async () => {
      expectProblem(await refusedWithoutWrites(t.dataSource, () => observer.client.post(`/api/working-groups/${group.id}/members/${observer.id}/role`, { kind: 'member' })), 403);
      const res = await member.client.post<MemberResponse>(`/api/working-groups/${group.id}/members/${member.id}/role`, { kind: 'observer' });
      expect(res.body).toMatchObject({ kind: 'observer', rapporteur: true });
      expect((await chair.client.post(`/api/working-groups/${group.id}/members/${member.id}/role`, { kind: 'member' })).body).toMatchObject({ kind: 'member' });
      expectProblem(await member.client.post(`/api/working-groups/${group.id}/members/${member.id}/role`, {}), 400, { fields: ['kind'] });
    });

    it('once a chair sits, the convener still decides only while no chair is confirmed (this one is not)', async () => {
      const g = await get(group.id, gov.client);
      expect(g.chairs).toEqual([expect.objectContaining({ person: { id: chair.id, name: chair.name }, confirmed: false })]);
      expect(g.allowed.decideJoinRequests).toBe(true);
      expect((await get(group.id, chair.client)).allowed.decideJoinRequests).toBe(true);
    });

    it('a chair cannot admit into another group: the request of another group is 404 here and 403 there', async () => {
      const outsider = await newDelegate(t.baseUrl);
      const asked = await outsider.client.post<JoinRequestResponse>(`/api/working-groups/${other.id}/join-requests`, { kind: 'member', statement: 'Into the other group.' });
      expectProblem(await refusedWithoutWrites(t.dataSource, () => chair.client.post(`/api/working-groups/${group.id}/join-requests/${asked.body.id}/decision`, { decision: 'admit' })), 404);
      const there = await refusedWithoutWrites(t.dataSource, () => chair.client.post(`/api/working-groups/${other.id}/join-requests/${asked.body.id}/decision`, { decision: 'admit' }));
      expect(expectProblem(there, 403).detail).toMatch(/Only a chair of this working group/);
    });

    it('a chair removes a member with a reason, audited with the removed member’s snapshots; nobody else can, and a chair is not removed this way', async () => {
      expectProblem(await refusedWithoutWrites(t.dataSource, () => member.client.post(`/api/working-groups/${group.id}/members/${observer.id}/removal`, { reason: 'No.' })), 403);
      expectProblem(await refusedWithoutWrites(t.dataSource, () => chair.client.post(`/api/working-groups/${group.id}/members/${observer.id}/removal`, {})), 400, { fields: ['reason'] });
      const toChair = await refusedWithoutWrites(t.dataSource, () => gov.client.post(`/api/working-groups/${group.id}/members/${chair.id}/removal`, { reason: 'Coup.' }));
      expectProblem(toChair, 403);
      const res = await chair.client.post<MemberResponse>(`/api/working-groups/${group.id}/members/${observer.id}/removal`, { reason: 'Repeated breaches of the code of conduct.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ person: { id: observer.id }, leftAt: expect.any(String), leftReason: 'Repeated breaches of the code of conduct.', removedBy: { id: chair.id } });
      expect(await lastGroupEvent(t.baseUrl, group.id)).toMatchObject({
        action: 'membership.removed',
        actorId: chair.id,
        change: { personId: observer.id, kind: 'observer', reason: 'Repeated breaches of the code of conduct.', admissionSnapshot: { organisationId: observer.organisation.id }, snapshot: { organisationId: observer.organisation.id } },
      });
      expectProblem(await refusedWithoutWrites(t.dataSource, () => chair.client.post(`/api/working-groups/${group.id}/members/${observer.id}/removal`, { reason: 'Again.' })), 404);
    });

    it('a chair without a current affiliation can no longer act, but can still leave (ending the term)', async () => {
      const lapsed = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'ngo' });
      const g = await newWorkingGroup(gov.client);
      await admit(g.id, lapsed, gov);
      const snapshot = (await lapsed.client.get('/api/me')).body.currentSnapshot;
      const termId = await insertChairTerm(t.dataSource, g.id, lapsed.id, snapshot);
      const affiliation = (await lapsed.client.get(`/api/people/${lapsed.id}`)).body.affiliations[0];
      expect((await lapsed.client.patch(`/api/me/affiliations/${affiliation.id}`, { endDate: new Date().toISOString().slice(0, 10) })).status).toBe(200);
      const res = await refusedWithoutWrites(t.dataSource, () => lapsed.client.post(`/api/working-groups/${g.id}/members/${gov.id}/role`, { rapporteur: true }));
      expect(expectProblem(res, 403).detail).toBe(NEEDS_AFFILIATION);
      const view = await get(g.id);
      expect(view.alarms.map((a) => a.code)).toEqual(expect.arrayContaining(['chair-unconfirmed', 'member-affiliation-ended']));
      expect(view.members.find((m) => m.person.id === lapsed.id)).toMatchObject({ currentSnapshot: null, affiliationChanged: true });
      expect((await lapsed.client.post(`/api/working-groups/${g.id}/leave`, {})).status).toBe(204);
      expect(await lastGroupEvent(t.baseUrl, g.id)).toMatchObject({ action: 'membership.left', change: { endedChairTermId: termId, snapshot: null } });
      const [term] = (await new ApiClient(t.baseUrl).get(`/api/chair-terms?workingGroup=${g.id}`)).body.items;
      expect(term).toMatchObject({ id: termId, state: 'ended', endReason: 'left-group' });
    });
  });

  describe('composition, affiliations that change, and alarms', () => {
    it('shows the current affiliation next to the admission one when they differ, and counts the member under the current one', async () => {
      const mover = await newDelegate(t.baseUrl, { name: 'Old Employer NGO', stakeholderGroup: 'civil-society', subtype: 'ngo' }, 'Analyst');
      const g = await newWorkingGroup(gov.client);
      await admit(g.id, mover, gov);
      const newEmployer = await newOrganisation(mover.client, { name: 'New Employer Corp', stakeholderGroup: 'private-sector', subtype: 'company' });
      const today = new Date().toISOString().slice(0, 10);
      expect((await mover.client.post('/api/me/affiliations', { organisationId: newEmployer.id, title: 'Head of government relations', startDate: today, primary: true })).status).toBe(201);
      const view = await get(g.id);
      const m = view.members.find((x) => x.person.id === mover.id)!;
      expect(m).toMatchObject({
        affiliationChanged: true,
        admissionSnapshot: { organisationName: 'Old Employer NGO', stakeholderGroup: 'civil-society' },
        currentSnapshot: { organisationName: 'New Employer Corp', stakeholderGroup: 'private-sector', organisationVerified: false },
      });
      expect(view.composition.votingMembers.byStakeholderGroup['private-sector'].count).toBe(1);
      expect(view.composition.votingMembers.byStakeholderGroup['civil-society'].count).toBe(0);
      const unverified = view.alarms.find((a) => a.code === 'member-affiliation-unverified');
      expect(unverified).toMatchObject({ severity: 'warning', params: { people: [expect.objectContaining({ personId: mover.id, organisationName: 'New Employer Corp' })] } });
    });

    it('raises the sector and organisation cap alarms with a sentence and since when; the list compares groups by private-sector members', async () => {
      const packed = await newWorkingGroup(company.client, { name: 'Working group packed by Globex', joinPolicy: 'open' });
      for (let i = 0; i < 2; i++) {
        const colleague = await newPerson(t.baseUrl);
        const declared = await colleague.client.post<{ id: string }>('/api/me/affiliations', { organisationId: company.organisation.id, title: 'Engineer', startDate: '2020-01-01' });
        expect(declared.status).toBe(201);
        await confirmAffiliation(t.baseUrl, declared.body.id);
        await admit(packed.id, colleague as SignedIn, null);
      }
      await admit(packed.id, ngo, null);
      const view = await get(packed.id);
      expect(view.composition.votingMembers.total).toBe(4);
      expect(view.composition.votingMembers.byStakeholderGroup['private-sector']).toEqual({ count: 3, share: 0.75 });
      const codes = view.alarms.map((a) => a.code);
      expect(codes).toEqual(expect.arrayContaining(['stakeholder-group-above-cap', 'organisation-above-cap', 'most-private-sector-members']));
      const sector = view.alarms.find((a) => a.code === 'stakeholder-group-above-cap')!;
      expect(sector.message).toMatch(/private-sector|Private sector/i);
      expect(sector.since).toEqual(expect.any(String));
      expect(view.alarms.find((a) => a.code === 'organisation-above-cap')).toMatchObject({ params: { organisationName: 'Globex Corporation', count: 3, cap: 2 } });

      const list = (await new ApiClient(t.baseUrl).get<WorkingGroupListResponse>('/api/working-groups')).body;
      expect(list.crossGroupAlarms).toEqual([expect.objectContaining({ code: 'most-private-sector-members', params: expect.objectContaining({ workingGroupId: packed.id, count: 3 }) })]);
      const inList = list.items.find((i) => i.id === packed.id)!;
      expect(inList.alarms.map((a) => a.code)).toContain('most-private-sector-members');
      expect(inList.composition.votingMembers.byStakeholderGroup['private-sector'].count).toBe(3);
      expect(list.items.filter((i) => i.id !== packed.id).every((i) => !i.alarms.some((a) => a.code === 'most-private-sector-members'))).toBe(true);
      expect((await new ApiClient(t.baseUrl).get<WorkingGroupListResponse>('/api/working-groups?status=active')).body.items).toEqual([]);
      expectProblem(await new ApiClient(t.baseUrl).get('/api/working-groups?status=open'), 400, { fields: ['status'] });
    });
  });
});
