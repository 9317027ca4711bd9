import { FIELD_ERROR_CODES, problemSchema, REFUSAL_CODES } from '@parley/contracts';
import { newDelegate, newPerson } from '../support/factories';
import { ApiClient, type ApiResponse } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every problem+json answer names its refusal by code (with its facts), beside the English detail,
 * and each invalid field by a field-error code: what a client in another language keys on.
 */
describe('problem+json carries the refusal’s code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const coded = (res: ApiResponse) => {
    expect(problemSchema.safeParse(res.body).success).toBe(true);
    expect(REFUSAL_CODES).toContain(res.body.code);
    for (const e of res.body.errors ?? []) expect([...FIELD_ERROR_CODES, ...REFUSAL_CODES]).toContain(e.code);
    return res.body;
  };

  it('for invalid fields: invalid-request, each field with its code and facts', async () => {
    const person = await newPerson(t.baseUrl);
    const res = await person.client.post('/api/organisations', { name: 'x', stakeholderGroup: 'nobody', country: 'France', extra: 1 });
    expect(res.status).toBe(400);
    const body = coded(res);
    expect(body).toMatchObject({ code: 'invalid-request', params: {} });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'too-short', params: { minimum: 2 }, message: 'At least 2 characters' },
        { field: 'country', code: 'country-code', params: {}, message: 'A two-letter country code (ISO 3166-1), e.g. FR' },
        { field: 'extra', code: 'unknown-field', params: {}, message: 'Unknown field' },
        expect.objectContaining({ field: 'stakeholderGroup', code: 'invalid-option' }),
      ]),
    );
  });

  it('for a policy’s refusal, a state conflict on a field, a missing sign-in, an unknown resource and an unknown route', async () => {
    const delegate = await newDelegate(t.baseUrl);
    const stranger = await newPerson(t.baseUrl);
    const group = await delegate.client.post<{ id: string }>('/api/working-groups', { name: `Group ${Date.now()}`, mandate: 'A mandate long enough.' });
    expect(group.status).toBe(201);

    const refused = await stranger.client.post(`/api/working-groups/${group.body.id}/join-requests`, { kind: 'member', statement: 'Please.' });
    expect(coded(refused)).toMatchObject({ status: 403, code: 'needs-affiliation', params: {}, detail: 'You need a current affiliation to take part; add one on your profile' });

    const name = delegate.organisation.name;
    const taken = await stranger.client.post('/api/organisations', { name, stakeholderGroup: 'government', subtype: 'national' });
    expect(coded(taken)).toMatchObject({
      status: 409,
      code: 'organisation-name-taken',
      params: { name },
      errors: [{ field: 'name', code: 'organisation-name-taken', params: { name }, message: `An organisation named “${name}” already exists` }],
    });

    const anonymous = await new ApiClient(t.baseUrl).post('/api/organisations', { name: 'Anything', stakeholderGroup: 'government', subtype: 'national' });
    expect(coded(anonymous)).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'Sign in to do this' });

    const missing = await new ApiClient(t.baseUrl).get('/api/working-groups/00000000-0000-4000-8000-000000000000');
    expect(coded(missing)).toMatchObject({ status: 404, code: 'not-found', params: { resource: 'working-group' }, detail: 'The working group was not found' });

    const noRoute = await new ApiClient(t.baseUrl).get('/api/no-such-thing');
    expect(coded(noRoute)).toMatchObject({ status: 404, code: 'http-error' });
  });
});
