import { randomBytes } from 'node:crypto';
import type { OrganisationResponse, SessionResponse } from '@parley/contracts';
import { ApiClient } from './http-client';
import { dataSourceAt } from './test-app';

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
  const password = overrides.password ?? 'correct horse battery';
  // Registration signs nobody in and answers the same for a taken address (decision record 0016): sign in next.
  const registered = await new ApiClient(baseUrl).post('/api/auth/register', { name, email, password });
  if (registered.status !== 202) throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const res = await new ApiClient(baseUrl).post<SessionResponse>('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`sign in after registering failed (was the address taken?): ${res.status} ${JSON.stringify(res.body)}`);
  return { client: new ApiClient(baseUrl).withToken(res.body.token), session: res.body, id: res.body.me.id, name, email };
}

export async function newOrganisation(client: ApiClient, overrides: Record<string, unknown> = {}): Promise<OrganisationResponse> {
  const res = await client.post<OrganisationResponse>('/api/organisations', { name: `Organisation ${uniq()}`, stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR', ...overrides });
  if (res.status !== 201) throw new Error(`create organisation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A person with a current primary affiliation to a (new) organisation, confirmed by the organisation (see confirmAffiliation). */
export async function newDelegate(baseUrl: string, org: Record<string, unknown> = {}, title = 'Delegate'): Promise<SignedIn & { organisation: OrganisationResponse }> {
  const person = await newPerson(baseUrl);
  const organisation = await newOrganisation(person.client, org);
  const res = await person.client.post<{ id: string }>('/api/me/affiliations', { organisationId: organisation.id, title, startDate: '2020-01-01' });
  if (res.status !== 201) throw new Error(`affiliation failed: ${res.status} ${JSON.stringify(res.body)}`);
  await confirmAffiliation(baseUrl, res.body.id);
  return { ...person, organisation };
}

/**
 * Marks an affiliation confirmed straight in the table, as if a focal point had vouched for it, for
 * tests about something else (tests of confirmation itself go through the API). The confirmer is a
 * fixture person created on first use, after the test's first registration (who stays the steward).
 * No audit event is written, as for insertChairTerm.
 */
export async function confirmAffiliation(baseUrl: string, affiliationId: string): Promise<void> {
  const db = dataSourceAt(baseUrl);
  if (!db) throw new Error(`no test app runs at ${baseUrl}`);
  await db.query(
    `INSERT INTO people (name, email, password_hash) VALUES ('Fixture Focal Point', 'fixture.focal.point@parley.test', '!') ON CONFLICT (email) DO NOTHING`,
  );
  await db.query(
    `UPDATE affiliations SET confirmation_status = 'confirmed', confirmed_by = (SELECT id FROM people WHERE email = 'fixture.focal.point@parley.test'),
       confirmed_as = 'focal-point', confirmed_at = now() WHERE id = $1 AND confirmation_status = 'pending'`,
    [affiliationId],
  );
}

/** How a declared affiliation that nobody confirmed yet is answered. */
export const PENDING_CONFIRMATION = {
  status: 'pending',
  confirmedBy: null,
  confirmedAs: null,
  confirmedAt: null,
  confirmationReason: null,
  closedBy: null,
  closedAs: null,
  closedAt: null,
  closedReason: null,
} as const;
