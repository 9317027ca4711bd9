import type { AuditEventResponse, BallotResponse, OpenBallotRequest } from '@parley/contracts';
import type { DataSource } from 'typeorm';
import { newDelegate, SignedIn } from './factories';
import { admit, GroupFixture, makeChair, newWorkingGroup } from './governance-fixtures';

export type Delegate = Awaited<ReturnType<typeof newDelegate>>;

export interface Chamber {
  group: GroupFixture;
  /** A government delegate who chairs the group and is a voting member. */
  chair: Delegate;
  government: Delegate;
  company: Delegate;
  civil: Delegate;
}

/** A group with a chair and one voting member from each stakeholder group (plus the chair, government). */
export async function newChamber(baseUrl: string, db: DataSource, groupOptions: Parameters<typeof newWorkingGroup>[2] = {}): Promise<Chamber> {
  const [chair, government, company, civil] = await Promise.all([
    newDelegate(baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'FR' }, 'Ambassador for digital affairs'),
    newDelegate(baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'CA' }, 'Cyber diplomat'),
    newDelegate(baseUrl, { stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' }, 'Director of public policy'),
    newDelegate(baseUrl, { stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE' }, 'Policy lead'),
  ]);
  const group = await newWorkingGroup(db, chair, groupOptions);
  for (const p of [chair, government, company, civil]) await admit(db, group, p);
  await makeChair(db, group, chair);
  return { group, chair, government, company, civil };
}

/** `n` more voting members of a chamber's group, the three stakeholder groups in turn (a busy ballot's voters). */
export async function moreVoters(baseUrl: string, db: DataSource, c: Chamber, n: number): Promise<Delegate[]> {
  const kinds = [
    { stakeholderGroup: 'government', subtype: 'national' },
    { stakeholderGroup: 'private-sector', subtype: 'company' },
    { stakeholderGroup: 'civil-society', subtype: 'ngo' },
  ];
  const more = await Promise.all(Array.from({ length: n }, (_, i) => newDelegate(baseUrl, kinds[i % 3])));
  for (const d of more) await admit(db, c.group, d);
  return more;
}

export const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

export async function openMotion(chair: SignedIn, group: GroupFixture, overrides: Partial<OpenBallotRequest> = {}): Promise<BallotResponse> {
  const res = await chair.client.post<BallotResponse>('/api/ballots', {
    workingGroupId: group.id,
    subjectType: 'motion',
    title: 'That the group meets in Geneva',
    closesAt: inAnHour(),
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`open ballot failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every event of one audit chain, read through the public API. */
export async function chainEvents(client: { get: SignedIn['client']['get'] }, scope: string): Promise<AuditEventResponse[]> {
  const all: AuditEventResponse[] = [];
  for (;;) {
    const after = all.length ? all[all.length - 1].sequence : 0;
    const res = await client.get<{ items: AuditEventResponse[] }>(`/api/audit?scope=${encodeURIComponent(scope)}&after=${after}&limit=1000`);
    if (res.status !== 200) throw new Error(`audit read failed: ${res.status} ${JSON.stringify(res.body)}`);
    all.push(...res.body.items);
    if (res.body.items.length < 1000) return all;
  }
}

/** The events of a group's chain about one ballot. */
export async function ballotEvents(client: { get: SignedIn['client']['get'] }, group: GroupFixture, ballotId: string): Promise<AuditEventResponse[]> {
  return (await chainEvents(client, `wg:${group.id}`)).filter((e) => e.subjectId === ballotId);
}
