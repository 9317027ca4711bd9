import { Client } from 'pg';
import { AffiliationResponse, MeResponse, OrganisationResponse, PersonProfileResponse, PROBLEM_TYPES } from '@parley/contracts';
import { newOrganisation, newPerson, PENDING_CONFIRMATION, SignedIn } from '../support/factories';
import { auditEvents, eventsAbout, expectNothingWritten, expectProblem } from '../support/expectations';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { startTestApp, TestApp } from '../support/test-app';

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('affiliations', () => {
  let t: TestApp;
  let orgs: Record<'ministry' | 'company' | 'ngo' | 'expert' | 'funder', OrganisationResponse>;

  beforeAll(async () => {
    t = await startTestApp();
    const creator = await newPerson(t.baseUrl);
    orgs = {
      ministry: await newOrganisation(creator.client, { name: 'Arcadia Ministry of Foreign Affairs', stakeholderGroup: 'government', subtype: 'national', country: 'AR' }),
      company: await newOrganisation(creator.client, { name: 'Cloudhaven Inc', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' }),
      ngo: await newOrganisation(creator.client, { name: 'Net Rights Collective', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE' }),
      expert: await newOrganisation(creator.client, { name: 'Independent expert (R. Okafor)', stakeholderGroup: 'civil-society', subtype: 'individual', country: 'NG' }),
      funder: await newOrganisation(creator.client, { name: 'Open Society Grants Fund', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'NL' }),
    };
  });
  afterAll(() => t.close());

  const add = (p: SignedIn, body: Record<string, unknown>) => p.client.post<AffiliationResponse>('/api/me/affiliations', body);
  const patch = (p: SignedIn, id: string, body: Record<string, unknown>) => p.client.patch<AffiliationResponse>(`/api/me/affiliations/${id}`, body);
  const me = async (p: SignedIn) => (await p.client.get<MeResponse>('/api/me')).body;
  const primaries = async (personId: string) => (await t.dataSource.query(`SELECT id FROM affiliations WHERE person_id = $1 AND is_primary`, [personId])).map((r: { id: string }) => r.id);

  describe('add', () => {
    it('the first affiliation becomes primary; GET /api/me shows its snapshot; affiliation.added carries the new snapshot', async () => {
      const p = await newPerson(t.baseUrl);
      const res = await add(p, { organisationId: orgs.ministry.id, title: '  Cyber Envoy ', startDate: '2021-03-01' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), organisation: orgs.ministry, title: 'Cyber Envoy', startDate: '2021-03-01', endDate: null, primary: true, current: true, confirmation: PENDING_CONFIRMATION });

      const snapshot = { affiliationId: res.body.id, organisationId: orgs.ministry.id, organisationName: 'Arcadia Ministry of Foreign Affairs', stakeholderGroup: 'government', subtype: 'national', country: 'AR', title: 'Cyber Envoy', organisationVerified: false, confirmation: null };
      expect((await me(p)).currentSnapshot).toEqual(snapshot);

      const [event] = await eventsAbout(t.baseUrl, res.body.id);
      expect(event).toMatchObject({ scope: 'platform', action: 'affiliation.added', subjectType: 'affiliation', actorId: p.id, actorName: p.name, actorSnapshot: snapshot });
      expect(event.change).toEqual({ organisationId: orgs.ministry.id, organisationName: 'Arcadia Ministry of Foreign Affairs', stakeholderGroup: 'government', subtype: 'national', title: 'Cyber Envoy', startDate: '2021-03-01', endDate: null, primary: true });
    });

    it('a second affiliation is not primary unless asked; primary: true moves the primary, and there is never more than one', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2020-01-01' })).body;
      const b = (await add(p, { organisationId: orgs.ngo.id, title: 'Board member', startDate: '2022-01-01' })).body;
      expect(b.primary).toBe(false);
      expect(await primaries(p.id)).toEqual([a.id]);
      // The primary wins over the more recent one.
      expect((await me(p)).currentSnapshot?.organisationId).toBe(orgs.ministry.id);

      const c = await add(p, { organisationId: orgs.company.id, title: 'Adviser', startDate: '2023-01-01', primary: true });
      expect(c.status).toBe(201);
      expect(c.body.primary).toBe(true);
      expect(await primaries(p.id)).toEqual([c.body.id]);
      expect((await me(p)).currentSnapshot).toMatchObject({ affiliationId: c.body.id, organisationName: 'Cloudhaven Inc', title: 'Adviser' });

      const profile = (await p.client.get<PersonProfileResponse>(`/api/people/${p.id}`)).body;
      expect(profile.affiliations.filter((x) => x.primary).map((x) => x.id)).toEqual([c.body.id]);
    });

    it('a past affiliation is recorded as history: not current, not primary, and it leaves the primary where it was', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2020-01-01' })).body;
      const past = await add(p, { organisationId: orgs.company.id, title: 'Engineer', startDate: '2010-01-01', endDate: '2015-06-30' });
      expect(past.status).toBe(201);
      expect(past.body).toMatchObject({ endDate: '2015-06-30', primary: false, current: false });
      expect(await primaries(p.id)).toEqual([a.id]);
    });

    it('refuses primary: true on an affiliation that has already ended, and keeps the current primary', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2020-01-01' })).body;
      const res = await expectNothingWritten(t.dataSource, () => add(p, { organisationId: orgs.company.id, title: 'Engineer', startDate: '2010-01-01', endDate: '2015-06-30', primary: true }));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['primary'] });
      expect(await primaries(p.id)).toEqual([a.id]);
      expect((await me(p)).currentSnapshot?.affiliationId).toBe(a.id);
    });

    it('an affiliation to an individual (independent expert) without funding is 400 naming funding, nothing written', async () => {
      const p = await newPerson(t.baseUrl);
      const res = await expectNothingWritten(t.dataSource, () => add(p, { organisationId: orgs.expert.id, title: 'Independent expert', startDate: '2022-01-01' }));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['funding'] });
    });

    it('with funding, the affiliation is added together with a public funding declaration, both audited', async () => {
      const p = await newPerson(t.baseUrl);
      const res = await add(p, { organisationId: orgs.expert.id, title: 'Independent expert', startDate: '2022-01-01', funding: { note: 'Research grant 2022-2025', organisationId: orgs.funder.id } });
      expect(res.status).toBe(201);
      const profile = (await p.client.get<PersonProfileResponse>(`/api/people/${p.id}`)).body;
      expect(profile.declarations).toEqual([{ id: expect.any(String), kind: 'funding', organisationId: orgs.funder.id, organisationName: 'Open Society Grants Fund', note: 'Research grant 2022-2025', since: '2022-01-01', declaredAt: expect.any(String) }]);

      const mine = (await auditEvents(t.baseUrl)).filter((e) => e.actorId === p.id).map((e) => [e.action, e.subjectId]);
      expect(mine).toEqual([
        ['person.registered', p.id],
        ['affiliation.added', res.body.id],
        ['declaration.added', profile.declarations[0].id],
      ]);
      const declared = (await eventsAbout(t.baseUrl, profile.declarations[0].id))[0];
      expect(declared.actorSnapshot).toMatchObject({ affiliationId: res.body.id, subtype: 'individual' });
      expect(declared.change).toMatchObject({ kind: 'funding', organisationName: 'Open Society Grants Fund', note: 'Research grant 2022-2025' });
    });

    it('funding named only by a note and a funder name is accepted too', async () => {
      const p = await newPerson(t.baseUrl);
      const res = await add(p, { organisationId: orgs.expert.id, title: 'Independent expert', startDate: '2022-01-01', funding: { note: 'Self-funded consultancy', organisationName: 'Self' } });
      expect(res.status).toBe(201);
      const profile = (await p.client.get<PersonProfileResponse>(`/api/people/${p.id}`)).body;
      expect(profile.declarations).toMatchObject([{ kind: 'funding', organisationId: null, organisationName: 'Self', note: 'Self-funded consultancy' }]);
    });

    const valid = () => ({ organisationId: orgs.ngo.id, title: 'Researcher', startDate: '2022-01-01' });
    it.each([
      ['a missing organisationId', (v: Record<string, unknown>) => ({ ...v, organisationId: undefined }), 'organisationId'],
      ['a missing title', (v: Record<string, unknown>) => ({ ...v, title: undefined }), 'title'],
      ['a missing startDate', (v: Record<string, unknown>) => ({ ...v, startDate: undefined }), 'startDate'],
      ['an unknown field', (v: Record<string, unknown>) => ({ ...v, personId: '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c' }), 'personId'],
      ['an overlong title', (v: Record<string, unknown>) => ({ ...v, title: 'T'.repeat(201) }), 'title'],
      ['a blank title', (v: Record<string, unknown>) => ({ ...v, title: '   ' }), 'title'],
      ['a malformed start date', (v: Record<string, unknown>) => ({ ...v, startDate: '01/02/2022' }), 'startDate'],
      ['an impossible date', (v: Record<string, unknown>) => ({ ...v, startDate: '2022-02-30' }), 'startDate'],
      ['an end date before the start date', (v: Record<string, unknown>) => ({ ...v, endDate: '2021-12-31' }), 'endDate'],
      ['an end date equal to the start date', (v: Record<string, unknown>) => ({ ...v, endDate: '2022-01-01' }), 'endDate'],
      ['an organisationId that is not a uuid', (v: Record<string, unknown>) => ({ ...v, organisationId: 'ngo' }), 'organisationId'],
      ['an unknown organisation', (v: Record<string, unknown>) => ({ ...v, organisationId: '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c' }), 'organisationId'],
      ['a primary flag that is not a boolean', (v: Record<string, unknown>) => ({ ...v, primary: 'yes' }), 'primary'],
      ['funding without a note', (v: Record<string, unknown>) => ({ ...v, organisationId: orgs.expert.id, funding: { organisationName: 'X' } }), 'funding.note'],
      ['funding with an unknown field', (v: Record<string, unknown>) => ({ ...v, organisationId: orgs.expert.id, funding: { note: 'n', amount: 5 } }), 'funding.amount'],
      ['funding from an unknown organisation', (v: Record<string, unknown>) => ({ ...v, organisationId: orgs.expert.id, funding: { note: 'Grant', organisationId: '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c' } }), 'funding.organisationId'],
    ])('refuses %s: 400 naming the field, nothing written', async (_, body, field) => {
      const p = await newPerson(t.baseUrl);
      await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2020-01-01' });
      const res = await expectNothingWritten(t.dataSource, () => add(p, body(valid())));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('refuses a body that is not JSON and an anonymous request, nothing written', async () => {
      const p = await newPerson(t.baseUrl);
      expectProblem(await expectNothingWritten(t.dataSource, () => p.client.post('/api/me/affiliations', '{"title":')), 400, { fields: ['(body)'] });
      expectProblem(await expectNothingWritten(t.dataSource, () => p.client.withToken(null).post('/api/me/affiliations', valid())), 401);
    });
  });

  describe('end and make primary', () => {
    it('ends an affiliation (audited), and ending it again is 409 with nothing written: history is never rewritten', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.company.id, title: 'Policy lead', startDate: '2019-05-01' })).body;
      const ended = await patch(p, a.id, { endDate: today() });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ id: a.id, endDate: today(), primary: false, current: false, title: 'Policy lead', startDate: '2019-05-01' });
      expect((await me(p)).currentSnapshot).toBeNull();

      const events = await eventsAbout(t.baseUrl, a.id);
      expect(events.map((e) => e.action)).toEqual(['affiliation.added', 'affiliation.ended']);
      expect(events[1]).toMatchObject({ actorId: p.id, change: { organisationId: orgs.company.id, organisationName: 'Cloudhaven Inc', endDate: today() } });

      for (const endDate of [today(), '2030-01-01']) {
        const again = await expectNothingWritten(t.dataSource, () => patch(p, a.id, { endDate }));
        expectProblem(again, 409, { type: PROBLEM_TYPES.conflict, fields: ['endDate'] });
      }
      const profile = (await p.client.get<PersonProfileResponse>(`/api/people/${p.id}`)).body;
      expect(profile.affiliations).toMatchObject([{ id: a.id, endDate: today(), current: false }]);
    });

    it('an end date on or before the start date is 400 naming endDate, nothing written', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.company.id, title: 'Policy lead', startDate: '2019-05-01' })).body;
      for (const endDate of ['2019-05-01', '2019-04-30'])
        expectProblem(await expectNothingWritten(t.dataSource, () => patch(p, a.id, { endDate })), 400, { type: PROBLEM_TYPES.validation, fields: ['endDate'] });
    });

    it('announcing a future end date keeps the affiliation current and primary until then', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      const b = (await add(p, { organisationId: orgs.ngo.id, title: 'Volunteer', startDate: '2023-01-01' })).body;
      const res = await patch(p, a.id, { endDate: daysFromToday(30) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ endDate: daysFromToday(30), current: true, primary: true });
      // Still acting for the ministry until the end date.
      expect((await me(p)).currentSnapshot?.affiliationId).toBe(a.id);
      expect(await primaries(p.id)).toEqual([a.id]);
      expect(b.primary).toBe(false);
    });

    it('once the announced end date has passed, the affiliation is neither current nor primary, and the next one added takes the primary', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      await patch(p, a.id, { endDate: daysFromToday(3) });
      const clock = t.app.get(Clock);
      const later = new Date(Date.now() + 5 * 86_400_000); // within the session's lifetime
      const spy = jest.spyOn(clock, 'now').mockImplementation(() => later);
      try {
        expect((await me(p)).currentSnapshot).toBeNull();
        const profile = (await p.client.get<PersonProfileResponse>(`/api/people/${p.id}`)).body;
        expect(profile.affiliations).toMatchObject([{ id: a.id, current: false, primary: false }]);
        const b = await add(p, { organisationId: orgs.ngo.id, title: 'Director', startDate: later.toISOString().slice(0, 10) });
        expect(b.body.primary).toBe(true);
        expect(await primaries(p.id)).toEqual([b.body.id]);
        expect((await me(p)).currentSnapshot?.affiliationId).toBe(b.body.id);
      } finally {
        spy.mockRestore();
      }
    });

    it('makes another current affiliation primary (audited), moving the flag; asking again changes nothing', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      const b = (await add(p, { organisationId: orgs.ngo.id, title: 'Board member', startDate: '2019-01-01' })).body;
      const res = await patch(p, b.id, { primary: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: b.id, primary: true, current: true });
      expect(await primaries(p.id)).toEqual([b.id]);
      expect((await me(p)).currentSnapshot).toMatchObject({ affiliationId: b.id, organisationName: 'Net Rights Collective', title: 'Board member' });

      const events = await eventsAbout(t.baseUrl, b.id);
      expect(events.map((e) => e.action)).toEqual(['affiliation.added', 'affiliation.made-primary']);
      expect(events[1]).toMatchObject({ actorSnapshot: { affiliationId: b.id }, change: { organisationId: orgs.ngo.id, organisationName: 'Net Rights Collective' } });

      const again = await expectNothingWritten(t.dataSource, () => patch(p, b.id, { primary: true }));
      expect(again.status).toBe(200);
      expect(again.body.primary).toBe(true);
      expect(a.primary).toBe(true);
    });

    it('an ended affiliation cannot be made primary: 409 naming primary, nothing written', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      await patch(p, a.id, { endDate: '2020-01-01' });
      expectProblem(await expectNothingWritten(t.dataSource, () => patch(p, a.id, { primary: true })), 409, { type: PROBLEM_TYPES.conflict, fields: ['primary'] });
    });

    it.each([
      ['an empty body', {}, 'endDate'],
      ['a title change', { title: 'Renamed' }, 'title'],
      ['a start date change', { startDate: '2000-01-01' }, 'startDate'],
      ['primary: false', { primary: false }, 'primary'],
      ['a malformed end date', { endDate: 'tomorrow' }, 'endDate'],
      ['an end date of null (un-ending)', { endDate: null }, 'endDate'],
    ])('refuses %s: 400 naming the field, nothing written', async (_, body, field) => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      expectProblem(await expectNothingWritten(t.dataSource, () => patch(p, a.id, body)), 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('another person’s affiliation is 404, an unknown one 404, a malformed id 400 naming id; nothing written', async () => {
      const owner = await newPerson(t.baseUrl);
      const a = (await add(owner, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      const intruder = await newPerson(t.baseUrl);
      expectProblem(await expectNothingWritten(t.dataSource, () => patch(intruder, a.id, { endDate: today() })), 404, { type: PROBLEM_TYPES.notFound });
      expectProblem(await expectNothingWritten(t.dataSource, () => patch(intruder, a.id, { primary: true })), 404);
      expectProblem(await expectNothingWritten(t.dataSource, () => patch(intruder, '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c', { endDate: today() })), 404);
      expectProblem(await expectNothingWritten(t.dataSource, () => patch(intruder, 'abc', { endDate: today() })), 400, { fields: ['id'] });
      expectProblem(await expectNothingWritten(t.dataSource, () => intruder.client.withToken(null).patch(`/api/me/affiliations/${a.id}`, { endDate: today() })), 401);
      expect((await me(owner)).currentSnapshot?.affiliationId).toBe(a.id);
    });
  });

  describe('the database guards history', () => {
    it('refuses a direct UPDATE of the title, re-ending an ended affiliation, and DELETE', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.ministry.id, title: 'Envoy', startDate: '2018-01-01' })).body;
      const c = new Client({ connectionString: t.databaseUrl });
      await c.connect();
      try {
        await expect(c.query(`UPDATE affiliations SET title = 'Ambassador' WHERE id = $1`, [a.id])).rejects.toThrow(/never rewritten/);
        await expect(c.query(`UPDATE affiliations SET organisation_id = $2 WHERE id = $1`, [a.id, orgs.company.id])).rejects.toThrow(/never rewritten/);
        await expect(c.query(`UPDATE affiliations SET start_date = '2010-01-01' WHERE id = $1`, [a.id])).rejects.toThrow(/never rewritten/);
        await expect(c.query(`DELETE FROM affiliations WHERE id = $1`, [a.id])).rejects.toThrow(/never deleted/);
        await c.query(`UPDATE affiliations SET end_date = '2020-01-01', is_primary = false WHERE id = $1`, [a.id]);
        await expect(c.query(`UPDATE affiliations SET end_date = '2021-01-01' WHERE id = $1`, [a.id])).rejects.toThrow(/never rewritten/);
        await expect(c.query(`UPDATE affiliations SET end_date = NULL WHERE id = $1`, [a.id])).rejects.toThrow(/never rewritten/);
        // And a second primary is impossible whatever the code does.
        const b = (await add(p, { organisationId: orgs.ngo.id, title: 'Member', startDate: '2021-01-01', primary: true })).body;
        const d = (await add(p, { organisationId: orgs.company.id, title: 'Adviser', startDate: '2021-01-01' })).body;
        await expect(c.query(`UPDATE affiliations SET is_primary = true WHERE id = $1`, [d.id])).rejects.toThrow(/affiliations_one_primary/);
        expect(b.primary).toBe(true);
      } finally {
        await c.end();
      }
      const rows = await t.dataSource.query(`SELECT title, start_date::text AS start FROM affiliations WHERE id = $1`, [a.id]);
      expect(rows).toEqual([{ title: 'Envoy', start: '2018-01-01' }]);
    });
  });

  describe('snapshots in the audit log are history', () => {
    it('after ending an affiliation and adding another, earlier events keep the old snapshot', async () => {
      const p = await newPerson(t.baseUrl);
      const a = (await add(p, { organisationId: orgs.company.id, title: 'Head of Public Policy', startDate: '2017-01-01' })).body;
      const orgWhileAtCompany = await newOrganisation(p.client, { name: 'Founded While At Cloudhaven' });
      const declWhileAtCompany = (await p.client.post('/api/me/declarations', { kind: 'equity', organisationId: orgs.company.id, note: 'Stock options' })).body;

      await patch(p, a.id, { endDate: today() });
      const b = (await add(p, { organisationId: orgs.ngo.id, title: 'Director', startDate: today() })).body;
      expect(b.primary).toBe(true);
      const orgWhileAtNgo = await newOrganisation(p.client, { name: 'Founded While At Net Rights' });

      const byAction = async (subjectId: string) => (await eventsAbout(t.baseUrl, subjectId))[0];
      const oldSnapshot = { affiliationId: a.id, organisationId: orgs.company.id, organisationName: 'Cloudhaven Inc', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US', title: 'Head of Public Policy', organisationVerified: false, confirmation: null };
      expect((await byAction(orgWhileAtCompany.id)).actorSnapshot).toEqual(oldSnapshot);
      expect((await byAction(declWhileAtCompany.id)).actorSnapshot).toEqual(oldSnapshot);
      expect((await byAction(a.id)).actorSnapshot).toEqual(oldSnapshot);
      expect((await byAction(orgWhileAtNgo.id)).actorSnapshot).toEqual({ affiliationId: b.id, organisationId: orgs.ngo.id, organisationName: 'Net Rights Collective', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE', title: 'Director', organisationVerified: false, confirmation: null });
      // The end itself is recorded as things stand after it: no current affiliation at that moment.
      const endedEvent = (await eventsAbout(t.baseUrl, a.id)).find((e) => e.action === 'affiliation.ended')!;
      expect(endedEvent.actorSnapshot).toBeNull();
    });
  });
});
