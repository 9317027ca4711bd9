import { OrganisationResponse, PersonProfileResponse, PROBLEM_TYPES } from '@parley/contracts';
import { newDelegate, newOrganisation, newPerson, PENDING_CONFIRMATION, SignedIn } from '../support/factories';
import { auditEvents, eventsAbout, expectNothingWritten, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('people: public profiles and stewards', () => {
  let t: TestApp;
  let steward: SignedIn & { organisation: OrganisationResponse };

  beforeAll(async () => {
    t = await startTestApp();
    steward = await newDelegate(t.baseUrl, { name: 'Parley Stewards', stakeholderGroup: 'civil-society', subtype: 'technical-community', country: 'CH' }, 'Steward');
    expect(steward.session.me.isSteward).toBe(true);
  });
  afterAll(() => t.close());

  describe('public profile', () => {
    it('shows current and past affiliations and declarations to anyone, and never the e-mail address', async () => {
      const p = await newPerson(t.baseUrl, { name: 'Mira Okonkwo', email: 'Mira.Okonkwo@Example.org' });
      const company = await newOrganisation(p.client, { name: 'Cloudhaven Inc', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' });
      const ngo = await newOrganisation(p.client, { name: 'Net Rights Collective', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE' });
      const past = (await p.client.post('/api/me/affiliations', { organisationId: company.id, title: 'Public Policy Manager', startDate: '2015-01-01', endDate: '2019-12-31' })).body;
      const current = (await p.client.post('/api/me/affiliations', { organisationId: ngo.id, title: 'Director', startDate: '2020-01-01' })).body;
      const declaration = (await p.client.post('/api/me/declarations', { kind: 'equity', organisationId: company.id, note: 'Vested shares from former employment' })).body;

      const res = await new ApiClient(t.baseUrl).get<PersonProfileResponse>(`/api/people/${p.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: p.id,
        name: 'Mira Okonkwo',
        isSteward: false,
        joinedAt: expect.any(String),
        currentSnapshot: { affiliationId: current.id, organisationId: ngo.id, organisationName: 'Net Rights Collective', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE', title: 'Director', organisationVerified: false, confirmation: null },
        affiliations: [
          { id: current.id, organisation: ngo, title: 'Director', startDate: '2020-01-01', endDate: null, primary: true, current: true, confirmation: PENDING_CONFIRMATION },
          { id: past.id, organisation: company, title: 'Public Policy Manager', startDate: '2015-01-01', endDate: '2019-12-31', primary: false, current: false, confirmation: PENDING_CONFIRMATION },
        ],
        declarations: [declaration],
      });
      const text = JSON.stringify(res.body).toLowerCase();
      expect(text).not.toContain('mira.okonkwo@example.org');
      expect(text).not.toContain('@');
      expect(text).not.toMatch(/password|argon/);
      // The same for a signed-in reader, even the person themself.
      expect((await p.client.get(`/api/people/${p.id}`)).body).toEqual(res.body);
    });

    it('a person with nothing declared yet has empty lists and a null snapshot', async () => {
      const p = await newPerson(t.baseUrl);
      expect((await new ApiClient(t.baseUrl).get(`/api/people/${p.id}`)).body).toMatchObject({ id: p.id, currentSnapshot: null, affiliations: [], declarations: [] });
    });

    it('an unknown person is 404, a malformed id is 400 naming id', async () => {
      const anon = new ApiClient(t.baseUrl);
      expectProblem(await anon.get('/api/people/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c'), 404, { type: PROBLEM_TYPES.notFound });
      expectProblem(await anon.get('/api/people/me'), 400, { type: PROBLEM_TYPES.validation, fields: ['id'] });
      expectProblem(await anon.get(`/api/people/${'1'.repeat(300)}`), 400, { fields: ['id'] });
    });
  });

  describe('making a steward', () => {
    it('a non-steward is refused with 403, an anonymous caller with 401; nothing written', async () => {
      const member = await newPerson(t.baseUrl);
      const target = await newPerson(t.baseUrl);
      expectProblem(await expectNothingWritten(t.dataSource, () => member.client.post(`/api/people/${target.id}/steward`)), 403, { type: PROBLEM_TYPES.forbidden });
      expectProblem(await expectNothingWritten(t.dataSource, () => member.client.post(`/api/people/${member.id}/steward`)), 403);
      expectProblem(await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post(`/api/people/${target.id}/steward`)), 401);
      expect((await target.client.get('/api/me')).body.isSteward).toBe(false);
    });

    it('a steward makes another person a steward: audited with the steward’s snapshot, effective at once; a second grant is 409', async () => {
      const target = await newPerson(t.baseUrl, { name: 'Jonas Grant' });
      const res = await steward.client.post(`/api/people/${target.id}/steward`);
      expect(res.status).toBe(204);
      expect((await target.client.get('/api/me')).body.isSteward).toBe(true);
      expect((await new ApiClient(t.baseUrl).get(`/api/people/${target.id}`)).body.isSteward).toBe(true);

      const events = await eventsAbout(t.baseUrl, target.id);
      expect(events.map((e) => e.action)).toEqual(['person.registered', 'person.made-steward']);
      expect(events[1]).toMatchObject({
        subjectType: 'person',
        actorId: steward.id,
        actorName: steward.name,
        actorSnapshot: { organisationId: steward.organisation.id, organisationName: 'Parley Stewards', title: 'Steward' },
        change: { name: 'Jonas Grant', via: 'steward' },
      });

      // The new steward's existing session carries the new power.
      const org = await newOrganisation(target.client);
      expect((await target.client.post(`/api/organisations/${org.id}/verify`)).status).toBe(200);

      expectProblem(await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/people/${target.id}/steward`)), 409, { type: PROBLEM_TYPES.conflict });
    });

    it('an unknown person is 404 and a malformed id 400, nothing written', async () => {
      expectProblem(await expectNothingWritten(t.dataSource, () => steward.client.post('/api/people/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c/steward')), 404);
      expectProblem(await expectNothingWritten(t.dataSource, () => steward.client.post('/api/people/nobody/steward')), 400, { fields: ['id'] });
    });
  });

  it('no audit event anywhere carries an e-mail address', async () => {
    const events = await auditEvents(t.baseUrl);
    expect(events.length).toBeGreaterThan(10);
    expect(JSON.stringify(events)).not.toContain('@');
  });
});
