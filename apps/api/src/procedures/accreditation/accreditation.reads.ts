import type { EntityManager } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';

/**
 * The tables of accreditation by non-objection (migration 1796700000400), as plain functions over an
 * entity manager: the membership service calls them inside its own transaction (no module cycle).
 */
export interface CirculationRow {
  requestId: string;
  workingGroupId: string;
  hours: number;
  endsAt: Date;
}

export interface ObjectionRow {
  id: string;
  requestId: string;
  personId: string;
  personName: string;
  snapshot: AffiliationSnapshot;
  reason: string;
  raisedAt: Date;
  withdrawnAt: Date | null;
  withdrawalNote: string | null;
}

const OBJECTION_COLUMNS = `o.id, o.join_request_id AS "requestId", o.person_id AS "personId", p.name AS "personName", o.snapshot, o.reason,
  o.raised_at AS "raisedAt", o.withdrawn_at AS "withdrawnAt", o.withdrawal_note AS "withdrawalNote"`;

export async function insertCirculation(manager: EntityManager, c: CirculationRow): Promise<void> {
  await manager.query(`INSERT INTO join_request_circulations (join_request_id, working_group_id, hours, ends_at) VALUES ($1,$2,$3,$4)`, [c.requestId, c.workingGroupId, c.hours, c.endsAt]);
}

export async function circulationOf(manager: EntityManager, requestId: string): Promise<CirculationRow | null> {
  const [row] = await manager.query(
    `SELECT join_request_id AS "requestId", working_group_id AS "workingGroupId", hours, ends_at AS "endsAt" FROM join_request_circulations WHERE join_request_id = $1`,
    [requestId],
  );
  return row ?? null;
}

export function objectionsOf(manager: EntityManager, requestIds: string[]): Promise<ObjectionRow[]> {
  if (requestIds.length === 0) return Promise.resolve([]);
  return manager.query(
    `SELECT ${OBJECTION_COLUMNS} FROM join_request_objections o JOIN people p ON p.id = o.person_id
      WHERE o.join_request_id = ANY($1::uuid[]) ORDER BY o.raised_at, o.id`,
    [requestIds],
  );
}

/** The objections to every request circulated in the group, oldest first. */
export function objectionsInGroup(manager: EntityManager, groupId: string): Promise<ObjectionRow[]> {
  return manager.query(
    `SELECT ${OBJECTION_COLUMNS} FROM join_request_objections o JOIN join_request_circulations c ON c.join_request_id = o.join_request_id
       JOIN people p ON p.id = o.person_id
      WHERE c.working_group_id = $1 ORDER BY o.raised_at, o.id`,
    [groupId],
  );
}

export async function lockObjection(manager: EntityManager, id: string): Promise<ObjectionRow | null> {
  await manager.query(`SELECT 1 FROM join_request_objections WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await manager.query(`SELECT ${OBJECTION_COLUMNS} FROM join_request_objections o JOIN people p ON p.id = o.person_id WHERE o.id = $1`, [id]);
  return row ?? null;
}

export async function insertObjection(manager: EntityManager, o: { requestId: string; personId: string; snapshot: AffiliationSnapshot; reason: string; raisedAt: Date }): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO join_request_objections (join_request_id, person_id, snapshot, reason, raised_at) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [o.requestId, o.personId, JSON.stringify(o.snapshot), o.reason, o.raisedAt],
  );
  return row.id;
}

export async function withdrawObjection(manager: EntityManager, id: string, at: Date, note: string | null): Promise<void> {
  await manager.query(`UPDATE join_request_objections SET withdrawn_at = $2, withdrawal_note = $3 WHERE id = $1 AND withdrawn_at IS NULL`, [id, at, note]);
}

/** The objections standing (not withdrawn) on a request. */
export async function standingObjections(manager: EntityManager, requestId: string): Promise<ObjectionRow[]> {
  return (await objectionsOf(manager, [requestId])).filter((o) => o.withdrawnAt === null);
}

export async function setJoinPolicyAndRules(manager: EntityManager, groupId: string, joinPolicy: string, rules: object): Promise<void> {
  await manager.query(`UPDATE working_groups SET join_policy = $2, procedure_rules = $3 WHERE id = $1`, [groupId, joinPolicy, JSON.stringify(rules)]);
}

/** Who decided each request, with the affiliation they held then. */
export async function decidersOf(manager: EntityManager, requestIds: string[]): Promise<Map<string, AffiliationSnapshot | null>> {
  if (requestIds.length === 0) return new Map();
  const rows: { id: string; snapshot: AffiliationSnapshot | null }[] = await manager.query(`SELECT id, decider_snapshot AS snapshot FROM join_requests WHERE id = ANY($1::uuid[])`, [requestIds]);
  return new Map(rows.map((r) => [r.id, r.snapshot]));
}
