import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AffiliationSnapshot } from '@parley/domain';
import type { DocumentResponse, MeResponse, OrganisationResponse } from '@parley/contracts';
import { newDelegate, SignedIn } from './factories';
import type { TestApp } from './test-app';

export type Delegate = SignedIn & { organisation: OrganisationResponse; snapshot: AffiliationSnapshot };

const uniq = () => randomBytes(4).toString('hex');

/** A delegate of a new organisation of the given stakeholder group, with their current snapshot. */
export async function newGroupDelegate(t: TestApp, group: 'government' | 'private-sector' | 'civil-society', subtype?: string, name?: string): Promise<Delegate> {
  const sub = subtype ?? { government: 'national', 'private-sector': 'company', 'civil-society': 'ngo' }[group];
  const d = await newDelegate(t.baseUrl, { stakeholderGroup: group, subtype: sub, ...(name ? { name: `${name} ${uniq()}` } : {}) });
  const me = await d.client.get<MeResponse>('/api/me');
  if (!me.body.currentSnapshot) throw new Error('delegate without a snapshot');
  return { ...d, snapshot: me.body.currentSnapshot };
}

/**
 * A working group written straight into its tables (the working-groups context owns the endpoints;
 * drafting tests only need rows to stand on). Chairs get a current, unconfirmed chair term.
 */
export async function newWorkingGroup(t: TestApp, convener: Delegate, overrides: { quorum?: number; status?: 'forming' | 'active' | 'closed' } = {}): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO working_groups (name, mandate, status, join_policy, decision_rules, quorum, convener_id, convener_snapshot)
     VALUES ($1, 'Draft norms together, in the open.', $2, 'approval', $3, $4, $5, $6) RETURNING id`,
    [
      `Working group ${uniq()}`,
      overrides.status ?? 'active',
      JSON.stringify({ amendment: 'majority', adoption: 'chambered', 'chair-confirmation': 'chambered', 'chair-removal': 'chambered', motion: 'majority' }),
      overrides.quorum ?? 0,
      convener.id,
      JSON.stringify(convener.snapshot),
    ],
  );
  return row.id as string;
}

export async function admit(t: TestApp, workingGroupId: string, d: Delegate, kind: 'member' | 'observer', opts: { rapporteur?: boolean } = {}): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO memberships (working_group_id, person_id, kind, is_rapporteur, admission_snapshot, admitted_at) VALUES ($1, $2, $3, $4, $5, now() - interval '1 day')`,
    [workingGroupId, d.id, kind, opts.rapporteur ?? false, JSON.stringify(d.snapshot)],
  );
}

export async function makeChair(t: TestApp, workingGroupId: string, d: Delegate): Promise<void> {
  await t.dataSource.query(`INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, $3, now() - interval '1 day')`, [workingGroupId, d.id, JSON.stringify(d.snapshot)]);
}

export interface DraftingGroup {
  id: string;
  /** A member who chairs (private sector, as in the seeds' complaint). */
  chair: Delegate;
  /** A member who is rapporteur (government). */
  rapporteur: Delegate;
  /** Voting members: an NGO, a company, a government. */
  ngo: Delegate;
  company: Delegate;
  government: Delegate;
  observer: Delegate;
  /** Signed in with an affiliation, but not in the group. */
  outsider: Delegate;
}

/** A group with a chair, a rapporteur, three voting members of three stakeholder groups, an observer and an outsider. */
export async function newDraftingGroup(t: TestApp, overrides: { quorum?: number } = {}): Promise<DraftingGroup> {
  const [chair, rapporteur, ngo, company, government, observer, outsider] = await Promise.all([
    newGroupDelegate(t, 'private-sector', 'company', 'Chairing Corp'),
    newGroupDelegate(t, 'government', 'national', 'Ministry'),
    newGroupDelegate(t, 'civil-society', 'ngo', 'Digital Rights Watch'),
    newGroupDelegate(t, 'private-sector', 'company', 'Secure Systems'),
    newGroupDelegate(t, 'government', 'national', 'Foreign Office'),
    newGroupDelegate(t, 'civil-society', 'academia', 'University'),
    newGroupDelegate(t, 'civil-society', 'ngo', 'Elsewhere'),
  ]);
  const id = await newWorkingGroup(t, chair, overrides);
  await admit(t, id, chair, 'member');
  await makeChair(t, id, chair);
  await admit(t, id, rapporteur, 'member', { rapporteur: true });
  for (const m of [ngo, company, government]) await admit(t, id, m, 'member');
  await admit(t, id, observer, 'observer');
  return { id, chair, rapporteur, ngo, company, government, observer, outsider };
}

export const PARIS_CALL_CLAUSES = (JSON.parse(readFileSync(join(__dirname, '../../fixtures/paris-call/document.json'), 'utf8')) as { clauses: { kind: 'heading' | 'preamble' | 'operative'; text: string }[] }).clauses;

/** The Paris Call draft created in the group by its chair. */
export async function newParisCallDocument(t: TestApp, g: DraftingGroup): Promise<DocumentResponse> {
  const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Paris Call — draft principles', clauses: PARIS_CALL_CLAUSES });
  if (res.status !== 201) throw new Error(`create document failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The clause labelled "4." (principle 4 of the Paris Call), or any label. */
export function clauseByLabel(doc: DocumentResponse, label: string) {
  const clause = doc.version.clauses.find((c) => c.label === label);
  if (!clause) throw new Error(`no clause ${label}`);
  return clause;
}
