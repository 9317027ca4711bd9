import { randomBytes } from 'node:crypto';
import type { AffiliationSnapshot } from '@parley/domain';
import type { MeResponse } from '@parley/contracts';
import type { DataSource } from 'typeorm';
import type { SignedIn } from './factories';

/**
 * Working groups, memberships and chair terms written straight into the tables, for tests of
 * contexts that only read them (ballots). Tests of the working-groups flows use the API instead.
 */
export interface GroupFixture {
  id: string;
  name: string;
}

const uniq = () => randomBytes(4).toString('hex');

async function snapshotOf(person: SignedIn): Promise<AffiliationSnapshot> {
  const res = await person.client.get<MeResponse>('/api/me');
  if (res.status !== 200 || !res.body.currentSnapshot) throw new Error(`${person.name} has no current affiliation`);
  return res.body.currentSnapshot;
}

export async function newWorkingGroup(
  db: DataSource,
  convener: SignedIn,
  opts: Partial<{
    name: string;
    status: 'forming' | 'active' | 'closed';
    quorum: number;
    quorumPerStakeholderGroup: boolean;
    decisionRules: Record<string, string>;
  }> = {},
): Promise<GroupFixture> {
  const name = opts.name ?? `Working group ${uniq()}`;
  const rules = {
    amendment: 'majority',
    adoption: 'chambered',
    'chair-confirmation': 'chambered',
    'chair-removal': 'chambered',
    motion: 'majority',
    ...opts.decisionRules,
  };
  const [row] = await db.query(
    `INSERT INTO working_groups (name, mandate, status, join_policy, decision_rules, quorum, quorum_per_stakeholder_group, convener_id, convener_snapshot)
     VALUES ($1, 'A mandate for tests.', $2, 'approval', $3, $4, $5, $6, $7) RETURNING id`,
    [
      name,
      opts.status ?? 'active',
      JSON.stringify(rules),
      opts.quorum ?? 0.5,
      opts.quorumPerStakeholderGroup ?? false,
      convener.id,
      JSON.stringify(await snapshotOf(convener)),
    ],
  );
  return { id: row.id, name };
}

export async function admit(db: DataSource, group: GroupFixture, person: SignedIn, kind: 'member' | 'observer' = 'member'): Promise<void> {
  await db.query(`INSERT INTO memberships (working_group_id, person_id, kind, admission_snapshot, admitted_at) VALUES ($1, $2, $3, $4, now())`, [
    group.id,
    person.id,
    kind,
    JSON.stringify(await snapshotOf(person)),
  ]);
}

/** A chair term that started a minute ago (unconfirmed, like imported history: enough for `isChair`). */
export async function makeChair(db: DataSource, group: GroupFixture, person: SignedIn): Promise<void> {
  await db.query(`INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, $3, now() - interval '1 minute')`, [
    group.id,
    person.id,
    JSON.stringify(await snapshotOf(person)),
  ]);
}
