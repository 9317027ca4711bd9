import { randomBytes } from 'node:crypto';
import type { OrganisationResponse, SessionResponse } from '@parley/contracts';
import { ApiClient } from './http-client';

const uniq = () => randomBytes(4).toString('hex');

export interface SignedIn {
  client: ApiClient;
  session: SessionResponse;
  id: string;
  name: string;
  email: string;
}

/** Registers a person through the API and returns a client carrying their bearer token. */
export async function newPerson(baseUrl: string, overrides: Partial<{ name: string; email: string; password: string }> = {}): Promise<SignedIn> {
  const name = overrides.name ?? `Delegate ${uniq()}`;
  const email = overrides.email ?? `delegate-${uniq()}@example.org`;
  const res = await new ApiClient(baseUrl).post<SessionResponse>('/api/auth/register', { name, email, password: overrides.password ?? 'correct horse battery' });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client: new ApiClient(baseUrl).withToken(res.body.token), session: res.body, id: res.body.me.id, name, email };
}

export async function newOrganisation(client: ApiClient, overrides: Record<string, unknown> = {}): Promise<OrganisationResponse> {
  const res = await client.post<OrganisationResponse>('/api/organisations', { name: `Organisation ${uniq()}`, stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR', ...overrides });
  if (res.status !== 201) throw new Error(`create organisation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A person with a current primary affiliation to a (new) organisation. */
export async function newDelegate(baseUrl: string, org: Record<string, unknown> = {}, title = 'Delegate'): Promise<SignedIn & { organisation: OrganisationResponse }> {
  const person = await newPerson(baseUrl);
  const organisation = await newOrganisation(person.client, org);
  const res = await person.client.post('/api/me/affiliations', { organisationId: organisation.id, title, startDate: '2020-01-01' });
  if (res.status !== 201) throw new Error(`affiliation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...person, organisation };
}
