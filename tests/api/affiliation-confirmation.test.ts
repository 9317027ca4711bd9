import type {
  AffiliationRequestResponse,
  AffiliationResponse,
  EndorsementResponse,
  FocalPointResponse,
  JoinRequestResponse,
  MeResponse,
  OrganisationRosterResponse,
  PersonProfileResponse,
  WorkingGroupResponse,
} from '@parley/contracts';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { newDelegate, newOrganisation, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { insertChairTerm, newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(120_000);

/**
 * Issue 15, item 1: anyone could act for any organisation by declaring an affiliation to it. Each
 * attack the hostile review made is replayed here and must now fail; then the confirmation path
 * (steward appoints a first focal point, focal points appoint others and confirm or refuse).
 */
describe('affiliations are confirmed by the organisation, not just declared', () => {
  let t: TestApp;
  let steward: SignedIn;
  let a: AdoptedDocument;
  let endorsements: string;
  const anon = () => new ApiClient(t.baseUrl);

  /** A fresh account declaring an affiliation to an existing organisation: exactly what the attacker did. */
  async function declares(organisationId: string, title = 'Delegate'): Promise<SignedIn & { affiliation: AffiliationResponse }> {
    const p = await newPerson(t.baseUrl);
    const res = await p.client.post<AffiliationResponse>('/api/me/affiliations', { organisationId, title, startDate: '2024-01-01' });
    expect(res.status).toBe(201);
    return { ...p, affiliation: res.body };
  }

  const decide = (who: SignedIn, affiliationId: string, decision: 'confirm' | 'refuse' | 'end', reason?: string) =>
    who.client.post<AffiliationResponse>(`/api/affiliations/${affiliationId}/decision`, { decision, ...(reason ? { reason } : {}) });
  const appoint = (who: SignedIn, organisationId: string, personId: string, reason?: string) =>
    who.client.post<FocalPointResponse>(`/api/organisations/${organisationId}/focal-points`, { personId, ...(reason ? { reason } : {}) });

  beforeAll(async () => {
    t = await startTestApp();
    steward = await newPerson(t.baseUrl, { name: 'Platform Steward' });
    a = await newAdoptedDocument(t);
    endorsements = `/api/documents/${a.doc.id}/versions/1/endorsements`;
    // The government delegate's organisation plays Japan: verified, with a badge to steal.
    expect((await steward.client.post(`/api/organisations/${a.g.government.organisation.id}/verify`, {})).status).toBe(200);
  });
  afterAll(() => t.close());

  it('a fresh account declaring Japan gets an unconfirmed affiliation: its snapshot carries no confirmation, only the organisation’s own badge', async () => {
    const fake = await declares(a.g.government.organisation.id, 'Ambassador');
    expect(fake.affiliation.confirmation).toMatchObject({ status: 'pending', confirmedBy: null, confirmedAt: null });
    const me = (await fake.client.get<MeResponse>('/api/me')).body;
    expect(me.currentSnapshot).toMatchObject({ organisationId: a.g.government.organisation.id, organisationVerified: true, confirmation: null });
    const profile = (await anon().get<PersonProfileResponse>(`/api/people/${fake.id}`)).body;
    expect(profile.affiliations[0].confirmation.status).toBe('pending');
  });

  it('cannot endorse an adopted text on behalf of Japan (was 201)', async () => {
    const fake = await declares(a.g.government.organisation.id);
    const res = await fake.client.post(endorsements, { organisationId: a.g.government.organisation.id });
    expect(expectProblem(res, 403).detail).toMatch(/has not confirmed your affiliation/);
    expect((await t.dataSource.query(`SELECT 1 FROM endorsements WHERE organisation_id = $1`, [a.g.government.organisation.id])).length).toBe(0);
  });

  it('cannot withdraw France’s genuine endorsement (was 200)', async () => {
    const france = a.g.ngo;
    const genuine = await france.client.post<EndorsementResponse>(endorsements, { organisationId: france.organisation.id });
    expect(genuine.status).toBe(201);
    const fake = await declares(france.organisation.id);
    const res = await fake.client.post(`${endorsements}/${genuine.body.id}/withdraw`, { reason: 'We changed our mind' });
    expect(expectProblem(res, 403).detail).toMatch(/has not confirmed your affiliation/);
    expect((await t.dataSource.query(`SELECT withdrawn_at FROM endorsements WHERE id = $1`, [genuine.body.id]))[0].withdrawn_at).toBeNull();
  });

  it('fresh "Google delegates" are not admitted as voting members of an open group (default: confirmed affiliations required); observers are', async () => {
    const convener = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national' });
    const group = await newWorkingGroup(convener.client, { joinPolicy: 'open' });
    expect(group.requiresConfirmedAffiliations).toBe(true);
    const google = await newOrganisation(steward.client, { stakeholderGroup: 'private-sector', subtype: 'company' });
    for (let i = 0; i < 4; i++) {
      const fake = await declares(google.id);
      const asMember = await fake.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'Google delegate' });
      expect(expectProblem(asMember, 403).detail).toMatch(/admits as voting members only people whose organisation confirmed/);
      if (i === 0) {
        const asObserver = await fake.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'Watching' });
        expect(asObserver.status).toBe(201);
        expect(asObserver.body.status).toBe('admitted');
      }
    }
    const after = (await anon().get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
    expect(after.counts).toMatchObject({ members: 1, observers: 1 });
  });

  it('a chair cannot turn an unconfirmed observer into a voting member of a group requiring confirmed affiliations (409 naming kind)', async () => {
    const chair = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national' });
    const group = await newWorkingGroup(chair.client, { joinPolicy: 'open' });
    await insertChairTerm(t.dataSource, group.id, chair.id, (await chair.client.get<MeResponse>('/api/me')).body.currentSnapshot);
    const fake = await declares((await newOrganisation(steward.client, { stakeholderGroup: 'private-sector', subtype: 'company' })).id);
    expect((await fake.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'observer', statement: 'Watching' })).status).toBe(201);
    const res = await chair.client.post(`/api/working-groups/${group.id}/members/${fake.id}/role`, { kind: 'member' });
    expectProblem(res, 409, { fields: ['kind'] });
    expect((await anon().get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.counts).toMatchObject({ members: 1, observers: 1 });
  });

  it('where a group does not require confirmation, unconfirmed members vote but are not counted under the organisation, and the alarm fires', async () => {
    const convener = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national' });
    const group = await newWorkingGroup(convener.client, { joinPolicy: 'open', requiresConfirmedAffiliations: false });
    const acme = await newOrganisation(steward.client, { stakeholderGroup: 'private-sector', subtype: 'company' });
    const fakes = [await declares(acme.id), await declares(acme.id), await declares(acme.id)];
    for (const f of fakes) expect((await f.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'Acme' })).status).toBe(201);
    const g = (await anon().get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
    expect(g.composition.votingMembers.unconfirmed.count).toBe(3);
    expect(g.composition.votingMembers.byOrganisation.map((o) => o.organisationId)).not.toContain(acme.id);
    expect(g.composition.organisationsAboveCap).toEqual([]);
    const alarm = g.alarms.find((x) => x.code === 'member-affiliation-unconfirmed');
    expect(alarm?.params).toEqual({ count: 3, people: expect.arrayContaining(fakes.map((f) => expect.objectContaining({ personId: f.id, organisationId: acme.id }))) });
  });

  it('endorses under the affiliation the organisation confirmed, even beside a newer declaration still awaiting its word', async () => {
    const ministry = await newOrganisation(steward.client, { stakeholderGroup: 'government', subtype: 'national' });
    const envoy = await declares(ministry.id, 'Envoy');
    expect((await decide(steward, envoy.affiliation.id, 'confirm', 'Checked with the ministry')).status).toBe(200);
    const later = await envoy.client.post<AffiliationResponse>('/api/me/affiliations', { organisationId: ministry.id, title: 'Special envoy', startDate: '2025-06-01', primary: true });
    expect(later.body.confirmation.status).toBe('pending');
    const res = await envoy.client.post<EndorsementResponse>(endorsements, { organisationId: ministry.id });
    expect(res.status).toBe(201);
    expect(res.body.endorsedBy.snapshot).toMatchObject({ affiliationId: envoy.affiliation.id, title: 'Envoy', confirmation: { as: 'steward' } });
  });

  describe('confirmation by focal points', () => {
    let org: { id: string; name: string };
    let first: SignedIn & { affiliation: AffiliationResponse };
    let second: SignedIn & { affiliation: AffiliationResponse };

    beforeAll(async () => {
      org = await newOrganisation(steward.client, { stakeholderGroup: 'government', subtype: 'national', name: `Japan ${Date.now()}` });
      first = await declares(org.id, 'Head of mission');
      second = await declares(org.id, 'Deputy head of mission');
    });

    it('a steward appoints the first focal point, with a reason; the appointment confirms their affiliation, audited', async () => {
      expectProblem(await appoint(steward, org.id, first.id), 400, { fields: ['reason'] });
      expectProblem(await appoint(first, org.id, second.id), 403);
      const res = await appoint(steward, org.id, first.id, 'Named in the mission’s note verbale');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ person: { id: first.id }, appointedBy: { id: steward.id }, appointedAs: 'steward' });
      const mine = (await first.client.get<MeResponse>('/api/me')).body;
      expect(mine.currentSnapshot?.confirmation).toMatchObject({ by: { id: steward.id, name: 'Platform Steward' }, as: 'steward', at: expect.any(String) });
      const events = (await auditEvents(t.baseUrl)).filter((e) => e.subjectId === res.body.id || e.subjectId === first.affiliation.id).map((e) => [e.action, e.actorId]);
      expect(events).toEqual([
        ['affiliation.added', first.id],
        ['focal-point.appointed', steward.id],
        ['affiliation.confirmed', steward.id],
      ]);
      // The steward appoints only the first; later ones are the organisation's to name.
      expect(expectProblem(await appoint(steward, org.id, second.id, 'x'), 403).detail).toMatch(/has focal points/);
    });

    it('nobody confirms their own affiliation: not a focal point, not a steward', async () => {
      const selfStewardOrg = await newOrganisation(steward.client);
      const own = await steward.client.post<AffiliationResponse>('/api/me/affiliations', { organisationId: selfStewardOrg.id, title: 'Member', startDate: '2024-01-01' });
      expectProblem(await decide(steward, own.body.id, 'confirm', 'I vouch for myself'), 403);
      expectProblem(await appoint(steward, selfStewardOrg.id, steward.id, 'me'), 403);
      const fp = await declares(org.id, 'Attaché');
      // A focal point declaring a second affiliation to their own organisation cannot confirm it either.
      const again = await first.client.post<AffiliationResponse>('/api/me/affiliations', { organisationId: org.id, title: 'Acting ambassador', startDate: '2025-01-01' });
      expectProblem(await decide(first, again.body.id, 'confirm'), 403);
      expect(fp.affiliation.confirmation.status).toBe('pending');
    });

    it('the focal point sees the queue and confirms; the snapshot then records who confirmed, and the person may endorse', async () => {
      const queue = await first.client.get<AffiliationRequestResponse[]>('/api/affiliation-requests');
      expect(queue.status).toBe(200);
      expect(queue.body.map((r) => r.person.id)).toEqual(expect.arrayContaining([second.id]));
      expect(queue.body.every((r) => r.organisation.id === org.id && r.decideAs === 'focal-point' && r.person.id !== first.id)).toBe(true);
      const res = await decide(first, second.affiliation.id, 'confirm');
      expect(res.status).toBe(200);
      expect(res.body.confirmation).toMatchObject({ status: 'confirmed', confirmedBy: { id: first.id }, confirmedAs: 'focal-point' });
      expectProblem(await decide(first, second.affiliation.id, 'confirm'), 409);
      const roster = (await anon().get<OrganisationRosterResponse>(`/api/organisations/${org.id}/roster`)).body;
      expect(roster.focalPoints.map((f) => f.person.id)).toEqual([first.id]);
      expect(roster.confirmedDelegates.map((d) => d.person.id).sort()).toEqual([first.id, second.id].sort());
      expect(roster.allowed).toEqual({ appointFocalPoint: false, decideAffiliations: false });
      const endorsed = await second.client.post<EndorsementResponse>(endorsements, { organisationId: org.id });
      expect(endorsed.status).toBe(201);
      expect(endorsed.body.endorsedBy.snapshot.confirmation).toMatchObject({ by: { id: first.id }, as: 'focal-point' });
    });

    it('a focal point of organisation A cannot confirm, refuse or end for organisation B', async () => {
      const other = await newOrganisation(steward.client);
      const stranger = await declares(other.id);
      for (const d of ['confirm', 'refuse', 'end'] as const) expectProblem(await decide(first, stranger.affiliation.id, d, 'Not ours'), 403);
      expectProblem(await first.client.get(`/api/affiliation-requests?organisation=${other.id}`), 403);
      expect((await first.client.get<AffiliationRequestResponse[]>('/api/affiliation-requests')).body.map((r) => r.person.id)).not.toContain(stranger.id);
      expectProblem(await appoint(first, other.id, stranger.id), 403);
    });

    it('a refusal needs a reason (400 naming it), is shown to the person, and a steward confirms only with a reason', async () => {
      const impostor = await declares(org.id, 'Ambassador');
      expectProblem(await decide(first, impostor.affiliation.id, 'refuse'), 400, { fields: ['reason'] });
      const refused = await decide(first, impostor.affiliation.id, 'refuse', 'Not a member of our staff');
      expect(refused.body.confirmation).toMatchObject({ status: 'refused', closedBy: { id: first.id }, closedReason: 'Not a member of our staff' });
      const own = (await impostor.client.get<PersonProfileResponse>(`/api/people/${impostor.id}`)).body.affiliations[0];
      expect(own.confirmation.status).toBe('refused');

      const other = await declares(org.id, 'Counsellor');
      expectProblem(await decide(steward, other.affiliation.id, 'confirm'), 400, { fields: ['reason'] });
      const byStewardRes = await decide(steward, other.affiliation.id, 'confirm', 'Checked with the ministry by phone');
      expect(byStewardRes.body.confirmation).toMatchObject({ status: 'confirmed', confirmedAs: 'steward', confirmationReason: 'Checked with the ministry by phone' });
    });

    it('a focal point appoints another, and a confirmation ended later stops the person acting for the organisation', async () => {
      const third = await declares(org.id, 'First secretary');
      const appointed = await appoint(first, org.id, third.id);
      expect(appointed.status).toBe(201);
      expect(appointed.body.appointedAs).toBe('focal-point');
      // The new focal point ends the confirmation of someone who left; a focal point's own cannot be ended while they are one.
      expectProblem(await decide(third, first.affiliation.id, 'end', 'Left'), 409);
      const ended = await decide(third, second.affiliation.id, 'end', 'Left the mission');
      expect(ended.body.confirmation).toMatchObject({ status: 'ended', closedBy: { id: third.id } });
      const me = (await second.client.get<MeResponse>('/api/me')).body;
      expect(me.currentSnapshot?.confirmation).toBeNull();
      // The appointment itself ends, once; the former focal point no longer decides.
      const end = await third.client.post<FocalPointResponse>(`/api/organisations/${org.id}/focal-points/${appointed.body.id}/end`, {});
      expect(end.status).toBe(200);
      expect(end.body.endedBy).toEqual({ id: third.id, name: third.name });
      const late = await declares(org.id);
      expectProblem(await decide(third, late.affiliation.id, 'confirm'), 403);
    });

    it('the database refuses to rewrite who confirmed an affiliation, or to move a refusal back', async () => {
      await expect(t.dataSource.query(`UPDATE affiliations SET confirmed_by = $2 WHERE id = $1`, [second.affiliation.id, steward.id])).rejects.toThrow(/never rewritten/);
      await expect(t.dataSource.query(`UPDATE affiliations SET confirmation_status = 'pending', confirmed_by = NULL, confirmed_as = NULL, confirmed_at = NULL WHERE id = $1`, [second.affiliation.id])).rejects.toThrow();
      await expect(t.dataSource.query(`DELETE FROM focal_points`)).rejects.toThrow(/never deleted/);
    });
  });
});
