import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditEventResponse, JoinRequestResponse, WorkingGroupResponse } from '@parley/contracts';
import { auditEvents, expectNothingWritten } from './expectations';
import type { ApiClient } from './http-client';
import type { SignedIn } from './factories';

const uniq = () => randomBytes(4).toString('hex');

/** Convenes a working group through the API (the client's person becomes convener and member). */
export async function newWorkingGroup(client: ApiClient, overrides: Record<string, unknown> = {}): Promise<WorkingGroupResponse> {
  const res = await client.post<WorkingGroupResponse>('/api/working-groups', {
    name: `Working group ${uniq()}`,
    mandate: 'Draft implementation guidance on the principles.',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create working group failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Asks to join and, under approval, has `admitter` admit the request. */
export async function admit(groupId: string, person: SignedIn, admitter: SignedIn | null, kind: 'member' | 'observer' = 'member'): Promise<JoinRequestResponse> {
  const asked = await person.client.post<JoinRequestResponse>(`/api/working-groups/${groupId}/join-requests`, { kind, statement: `I represent my organisation (${kind}).` });
  if (asked.status !== 201) throw new Error(`join request failed: ${asked.status} ${JSON.stringify(asked.body)}`);
  if (asked.body.status === 'admitted' || !admitter) return asked.body;
  const decided = await admitter.client.post<JoinRequestResponse>(`/api/working-groups/${groupId}/join-requests/${asked.body.id}/decision`, { decision: 'admit' });
  if (decided.status !== 200) throw new Error(`admission failed: ${decided.status} ${JSON.stringify(decided.body)}`);
  return decided.body;
}

/**
 * Writes a chair term straight into the table, as imported history would be: no confirming ballot
 * unless one is given. For tests that need a chair without running a confirmation ballot.
 */
export async function insertChairTerm(dataSource: DataSource, groupId: string, personId: string, snapshot: unknown, options: { startedAt?: Date; endsAt?: Date | null; confirmingBallotId?: string | null } = {}): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO chair_terms (working_group_id, person_id, snapshot, confirming_ballot_id, started_at, ends_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [groupId, personId, JSON.stringify(snapshot), options.confirmingBallotId ?? null, options.startedAt ?? new Date(Date.now() - 1000), options.endsAt ?? null],
  );
  return row.id;
}

/** The events of one working group's chain, in order. */
export function groupEvents(baseUrl: string, groupId: string): Promise<AuditEventResponse[]> {
  return auditEvents(baseUrl, `wg:${groupId}`);
}

export async function lastGroupEvent(baseUrl: string, groupId: string): Promise<AuditEventResponse> {
  const events = await groupEvents(baseUrl, groupId);
  return events[events.length - 1];
}

/** Rows of every working-group table and the audit log: equal before and after means nothing was written. */
export async function groupRowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['working_groups', 'memberships', 'join_requests', 'chair_terms', 'chair_nominations', 'chair_removal_motions', 'ballots', 'audit_events'])
    out[table] = Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  out.closed = Number((await dataSource.query(`SELECT count(*) AS n FROM memberships WHERE left_at IS NOT NULL`))[0].n);
  out.decided = Number((await dataSource.query(`SELECT count(*) AS n FROM join_requests WHERE status <> 'pending'`))[0].n);
  out.answered = Number((await dataSource.query(`SELECT count(*) AS n FROM chair_nominations WHERE status <> 'nominated'`))[0].n);
  out.roles = Number((await dataSource.query(`SELECT count(*) AS n FROM memberships WHERE is_rapporteur OR kind = 'observer'`))[0].n);
  return out;
}

/** Runs a request that must be refused and checks that no working-group table nor the audit log changed. */
export const refusedWithoutWrites = <T>(dataSource: DataSource, attempt: () => Promise<T>): Promise<T> => expectNothingWritten(dataSource, attempt, groupRowCounts);
