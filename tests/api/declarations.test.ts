import { DECLARATION_KINDS, DeclarationResponse, OrganisationResponse, PersonProfileResponse, PROBLEM_TYPES } from '@parley/contracts';
import { newDelegate, newOrganisation, newPerson, SignedIn } from '../support/factories';
import { eventsAbout, expectNothingWritten, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('declarations of interest', () => {
  let t: TestApp;
  let delegate: SignedIn & { organisation: OrganisationResponse };
  let company: OrganisationResponse;

  beforeAll(async () => {
    t = await startTestApp();
    delegate = await newDelegate(t.baseUrl, { name: 'Digital Policy Institute', stakeholderGroup: 'civil-society', subtype: 'academia', country: 'DE' }, 'Senior Fellow');
    company = await newOrganisation(delegate.client, { name: 'Cloudhaven Inc', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' });
  });
  afterAll(() => t.close());

  const declare = (p: SignedIn, body: unknown) => p.client.post<DeclarationResponse>('/api/me/declarations', body);

  it('records a declaration about a directory organisation, public on the profile, audited with the declarant’s snapshot', async () => {
    const res = await declare(delegate, { kind: 'consultancy', organisationId: company.id, note: '  Paid advice on export controls, 2023  ', since: '2023-02-01' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), kind: 'consultancy', organisationId: company.id, organisationName: 'Cloudhaven Inc', note: 'Paid advice on export controls, 2023', since: '2023-02-01', declaredAt: expect.any(String) });

    const profile = (await new ApiClient(t.baseUrl).get<PersonProfileResponse>(`/api/people/${delegate.id}`)).body;
    expect(profile.declarations).toContainEqual(res.body);

    const [event] = await eventsAbout(t.baseUrl, res.body.id);
    expect(event).toMatchObject({
      scope: 'platform',
      action: 'declaration.added',
      subjectType: 'declaration',
      actorId: delegate.id,
      actorSnapshot: { organisationId: delegate.organisation.id, organisationName: 'Digital Policy Institute', title: 'Senior Fellow', stakeholderGroup: 'civil-society', subtype: 'academia', country: 'DE' },
      change: { kind: 'consultancy', organisationId: company.id, organisationName: 'Cloudhaven Inc', note: 'Paid advice on export controls, 2023', since: '2023-02-01' },
    });
  });

  it('names an organisation outside the directory by name; since is optional', async () => {
    const p = await newPerson(t.baseUrl);
    const res = await declare(p, { kind: 'board', organisationName: 'Harbour Sailing Club', note: 'Unpaid board seat' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'board', organisationId: null, organisationName: 'Harbour Sailing Club', since: null });
    // Without any affiliation the declarant is recorded with a null snapshot.
    expect((await eventsAbout(t.baseUrl, res.body.id))[0]).toMatchObject({ actorId: p.id, actorSnapshot: null });
  });

  it('accepts every kind in the specification', async () => {
    const p = await newPerson(t.baseUrl);
    for (const kind of DECLARATION_KINDS) expect([kind, (await declare(p, { kind, organisationName: 'Somewhere', note: `A ${kind} interest` })).status]).toEqual([kind, 201]);
    const profile = (await p.client.get<PersonProfileResponse>(`/api/people/${p.id}`)).body;
    expect(profile.declarations.map((d) => d.kind).sort()).toEqual([...DECLARATION_KINDS].sort());
    expect(DECLARATION_KINDS).toEqual(['employment', 'board', 'equity', 'funding', 'consultancy', 'other']);
  });

  const valid = () => ({ kind: 'equity', organisationId: company.id, note: 'Shares' });
  it.each([
    ['a missing kind', (v: Record<string, unknown>) => ({ ...v, kind: undefined }), 'kind'],
    ['an unknown kind', (v: Record<string, unknown>) => ({ ...v, kind: 'gift' }), 'kind'],
    ['a kind in another case', (v: Record<string, unknown>) => ({ ...v, kind: 'Equity' }), 'kind'],
    ['a missing note', (v: Record<string, unknown>) => ({ ...v, note: undefined }), 'note'],
    ['a blank note', (v: Record<string, unknown>) => ({ ...v, note: ' \n ' }), 'note'],
    ['an overlong note', (v: Record<string, unknown>) => ({ ...v, note: 'n'.repeat(2001) }), 'note'],
    ['no organisation at all', (v: Record<string, unknown>) => ({ ...v, organisationId: undefined }), 'organisationId'],
    ['an overlong organisation name', (v: Record<string, unknown>) => ({ ...v, organisationId: undefined, organisationName: 'O'.repeat(201) }), 'organisationName'],
    ['a malformed organisationId', (v: Record<string, unknown>) => ({ ...v, organisationId: 'cloudhaven' }), 'organisationId'],
    ['an unknown organisation', (v: Record<string, unknown>) => ({ ...v, organisationId: '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c' }), 'organisationId'],
    ['a malformed since date', (v: Record<string, unknown>) => ({ ...v, since: '2023-13-01' }), 'since'],
    ['an unknown field', (v: Record<string, unknown>) => ({ ...v, amount: 1000 }), 'amount'],
    ['a person id (declarations are always one’s own)', (v: Record<string, unknown>) => ({ ...v, personId: delegate.id }), 'personId'],
  ])('refuses %s: 400 naming the field, nothing written', async (_, body, field) => {
    const res = await expectNothingWritten(t.dataSource, () => declare(delegate, body(valid())));
    expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
  });

  it('refuses a body that is not JSON, an array body, and an anonymous request; nothing written', async () => {
    expectProblem(await expectNothingWritten(t.dataSource, () => declare(delegate, '{"kind": "equity"')), 400, { fields: ['(body)'] });
    expectProblem(await expectNothingWritten(t.dataSource, () => declare(delegate, [valid()])), 400, { type: PROBLEM_TYPES.validation });
    expectProblem(await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/me/declarations', valid())), 401, { type: PROBLEM_TYPES.unauthenticated });
  });
});
