import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot, BallotSubjectKind, DecisionRule, MembershipKind, ProcedureRules } from '@parley/domain';
import type { JoinPolicy, JoinRequestStatus, MemberListQuery, WorkingGroupStatus } from '@parley/contracts';

export interface WorkingGroupRow {
  id: string;
  name: string;
  mandate: string;
  status: WorkingGroupStatus;
  joinPolicy: JoinPolicy;
  decisionRules: Record<BallotSubjectKind, DecisionRule>;
  quorum: number;
  quorumPerStakeholderGroup: boolean;
  maxStakeholderGroupShare: number;
  maxVotingMembersPerOrganisation: number;
  convenerId: string;
  convenerName: string;
  convenerSnapshot: AffiliationSnapshot;
  createdAt: Date;
  /** Only affiliations their organisation confirmed are admitted as voting members. */
  requiresConfirmedAffiliations: boolean;
  /** As stored: older groups hold none or some; read through procedureRulesOf. */
  procedureRules: Partial<ProcedureRules> | null;
  /** The group's chairs must use two-factor authentication (decision 0050). */
  chairsRequireTwoFactor: boolean;
}

export interface MembershipRow {
  id: string;
  workingGroupId: string;
  personId: string;
  personName: string;
  kind: MembershipKind;
  isRapporteur: boolean;
  admissionSnapshot: AffiliationSnapshot;
  statement: string | null;
  admittedAt: Date;
  admittedBy: string | null;
  admittedByName: string | null;
  leftAt: Date | null;
  leftReason: string | null;
  removedBy: string | null;
  removedByName: string | null;
}

export interface JoinRequestRow {
  id: string;
  workingGroupId: string;
  personId: string;
  personName: string;
  kind: MembershipKind;
  statement: string;
  snapshot: AffiliationSnapshot;
  requestedAt: Date;
  status: JoinRequestStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  reason: string | null;
  membershipId: string | null;
}

/** A join request circulated under non-objection: its circulation's length and deadline, and who decided it as they were then. */
export interface CirculatedRequestRow extends JoinRequestRow {
  hours: number;
  endsAt: Date;
  deciderSnapshot: AffiliationSnapshot | null;
}

export interface NewWorkingGroup {
  name: string;
  mandate: string;
  joinPolicy: JoinPolicy;
  decisionRules: Record<BallotSubjectKind, DecisionRule>;
  quorum: number;
  quorumPerStakeholderGroup: boolean;
  maxStakeholderGroupShare: number;
  maxVotingMembersPerOrganisation: number;
  convenerId: string;
  convenerSnapshot: AffiliationSnapshot;
  createdAt: Date;
  requiresConfirmedAffiliations: boolean;
  procedureRules: ProcedureRules;
}

const GROUP_COLUMNS = `g.id, g.name, g.mandate, g.status, g.join_policy AS "joinPolicy", g.decision_rules AS "decisionRules",
  g.quorum::float AS quorum, g.quorum_per_stakeholder_group AS "quorumPerStakeholderGroup",
  g.max_stakeholder_group_share::float AS "maxStakeholderGroupShare", g.max_voting_members_per_organisation AS "maxVotingMembersPerOrganisation",
  g.convener_id AS "convenerId", cp.name AS "convenerName", g.convener_snapshot AS "convenerSnapshot", g.created_at AS "createdAt",
  g.requires_confirmed_affiliations AS "requiresConfirmedAffiliations", g.procedure_rules AS "procedureRules",
  g.chairs_require_two_factor AS "chairsRequireTwoFactor"`;

const MEMBERSHIP_COLUMNS = `m.id, m.working_group_id AS "workingGroupId", m.person_id AS "personId", p.name AS "personName", m.kind,
  m.is_rapporteur AS "isRapporteur", m.admission_snapshot AS "admissionSnapshot", m.statement, m.admitted_at AS "admittedAt",
  m.admitted_by AS "admittedBy", ab.name AS "admittedByName", m.left_at AS "leftAt", m.left_reason AS "leftReason",
  m.removed_by AS "removedBy", rb.name AS "removedByName"`;
const MEMBERSHIP_FROM = `memberships m JOIN people p ON p.id = m.person_id LEFT JOIN people ab ON ab.id = m.admitted_by LEFT JOIN people rb ON rb.id = m.removed_by`;

const REQUEST_COLUMNS = `r.id, r.working_group_id AS "workingGroupId", r.person_id AS "personId", p.name AS "personName", r.kind, r.statement,
  r.snapshot, r.requested_at AS "requestedAt", r.status, r.decided_by AS "decidedBy", d.name AS "decidedByName", r.decided_at AS "decidedAt",
  r.reason, r.membership_id AS "membershipId"`;
const REQUEST_FROM = `join_requests r JOIN people p ON p.id = r.person_id LEFT JOIN people d ON d.id = r.decided_by`;

/** Working groups, memberships and join requests: every query a named method. */
@Injectable()
export class WorkingGroupRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async nameTaken(manager: EntityManager, name: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM working_groups WHERE lower(name) = lower($1)`, [name])).length > 0;
  }

  async insertGroup(manager: EntityManager, g: NewWorkingGroup): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO working_groups (name, mandate, join_policy, decision_rules, quorum, quorum_per_stakeholder_group,
         max_stakeholder_group_share, max_voting_members_per_organisation, convener_id, convener_snapshot, created_at, requires_confirmed_affiliations, procedure_rules)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
      [g.name, g.mandate, g.joinPolicy, JSON.stringify(g.decisionRules), g.quorum, g.quorumPerStakeholderGroup, g.maxStakeholderGroupShare, g.maxVotingMembersPerOrganisation, g.convenerId, JSON.stringify(g.convenerSnapshot), g.createdAt, g.requiresConfirmedAffiliations, JSON.stringify(g.procedureRules)],
    );
    return row.id;
  }

  async findGroup(id: string, manager?: EntityManager): Promise<WorkingGroupRow | null> {
    const [row] = await this.m(manager).query(`SELECT ${GROUP_COLUMNS} FROM working_groups g JOIN people cp ON cp.id = g.convener_id WHERE g.id = $1`, [id]);
    return row ?? null;
  }

  /** Reads and row-locks a group: membership and chair changes of one group are serialised. */
  async lockGroup(manager: EntityManager, id: string): Promise<WorkingGroupRow | null> {
    await manager.query(`SELECT 1 FROM working_groups WHERE id = $1 FOR UPDATE`, [id]);
    return this.findGroup(id, manager);
  }

  listGroups(status?: WorkingGroupStatus, manager?: EntityManager): Promise<WorkingGroupRow[]> {
    return this.m(manager).query(
      `SELECT ${GROUP_COLUMNS} FROM working_groups g JOIN people cp ON cp.id = g.convener_id
        WHERE ($1::text IS NULL OR g.status = $1) ORDER BY lower(g.name), g.id`,
      [status ?? null],
    );
  }

  async setStatus(manager: EntityManager, id: string, status: WorkingGroupStatus): Promise<void> {
    await manager.query(`UPDATE working_groups SET status = $2 WHERE id = $1`, [id, status]);
  }

  // ----- memberships -----

  /** Current memberships of some groups (all groups when `groupIds` is null). */
  currentMemberships(groupIds: string[] | null, manager?: EntityManager): Promise<MembershipRow[]> {
    return this.m(manager).query(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM ${MEMBERSHIP_FROM}
        WHERE m.left_at IS NULL AND ($1::uuid[] IS NULL OR m.working_group_id = ANY($1)) ORDER BY m.admitted_at, p.name, m.id`,
      [groupIds],
    );
  }

  memberships(groupId: string, status: MemberListQuery['status'], manager?: EntityManager): Promise<MembershipRow[]> {
    return this.m(manager).query(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM ${MEMBERSHIP_FROM}
        WHERE m.working_group_id = $1 AND ($2 = 'all' OR ($2 = 'current') = (m.left_at IS NULL)) ORDER BY m.admitted_at, p.name, m.id`,
      [groupId, status],
    );
  }

  async currentMembership(manager: EntityManager, groupId: string, personId: string): Promise<MembershipRow | null> {
    const [row] = await manager.query(`SELECT ${MEMBERSHIP_COLUMNS} FROM ${MEMBERSHIP_FROM} WHERE m.working_group_id = $1 AND m.person_id = $2 AND m.left_at IS NULL`, [groupId, personId]);
    return row ?? null;
  }

  async insertMembership(
    manager: EntityManager,
    m: { workingGroupId: string; personId: string; kind: MembershipKind; admissionSnapshot: AffiliationSnapshot; statement: string | null; admittedAt: Date; admittedBy: string | null },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO memberships (working_group_id, person_id, kind, admission_snapshot, statement, admitted_at, admitted_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [m.workingGroupId, m.personId, m.kind, JSON.stringify(m.admissionSnapshot), m.statement, m.admittedAt, m.admittedBy],
    );
    return row.id;
  }

  async closeMembership(manager: EntityManager, id: string, at: Date, reason: string | null, removedBy: string | null): Promise<void> {
    await manager.query(`UPDATE memberships SET left_at = $2, left_reason = $3, removed_by = $4 WHERE id = $1 AND left_at IS NULL`, [id, at, reason, removedBy]);
  }

  async setRole(manager: EntityManager, id: string, kind: MembershipKind, isRapporteur: boolean): Promise<void> {
    await manager.query(`UPDATE memberships SET kind = $2, is_rapporteur = $3 WHERE id = $1 AND left_at IS NULL`, [id, kind, isRapporteur]);
  }

  // ----- join requests -----

  async insertJoinRequest(
    manager: EntityManager,
    r: { workingGroupId: string; personId: string; kind: MembershipKind; statement: string; snapshot: AffiliationSnapshot; requestedAt: Date },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO join_requests (working_group_id, person_id, kind, statement, snapshot, requested_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [r.workingGroupId, r.personId, r.kind, r.statement, JSON.stringify(r.snapshot), r.requestedAt],
    );
    return row.id;
  }

  async findJoinRequest(id: string, manager?: EntityManager): Promise<JoinRequestRow | null> {
    const [row] = await this.m(manager).query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async lockJoinRequest(manager: EntityManager, id: string): Promise<JoinRequestRow | null> {
    await manager.query(`SELECT 1 FROM join_requests WHERE id = $1 FOR UPDATE`, [id]);
    return this.findJoinRequest(id, manager);
  }

  async pendingRequestOf(manager: EntityManager, groupId: string, personId: string): Promise<JoinRequestRow | null> {
    const [row] = await manager.query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.working_group_id = $1 AND r.person_id = $2 AND r.status = 'pending'`, [groupId, personId]);
    return row ?? null;
  }

  /** The group's requests circulated under non-objection (decision 0039), newest deadline first, with their circulation and decider's snapshot. */
  circulatedRequests(groupId: string, manager?: EntityManager): Promise<CirculatedRequestRow[]> {
    return this.m(manager).query(
      `SELECT ${REQUEST_COLUMNS}, c.hours, c.ends_at AS "endsAt", r.decider_snapshot AS "deciderSnapshot"
         FROM join_request_circulations c JOIN (${REQUEST_FROM}) ON r.id = c.join_request_id
        WHERE c.working_group_id = $1 ORDER BY c.ends_at DESC`,
      [groupId],
    );
  }

  joinRequests(groupId: string, status: JoinRequestStatus | 'all', manager?: EntityManager): Promise<JoinRequestRow[]> {
    return this.m(manager).query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.working_group_id = $1 AND ($2 = 'all' OR r.status = $2) ORDER BY r.requested_at, r.id`,
      [groupId, status],
    );
  }

  async pendingRequestCounts(manager?: EntityManager): Promise<Map<string, number>> {
    const rows: { id: string; n: number }[] = await this.m(manager).query(`SELECT working_group_id AS id, count(*)::int AS n FROM join_requests WHERE status = 'pending' GROUP BY working_group_id`);
    return new Map(rows.map((r) => [r.id, r.n]));
  }
  /** How many groups a person belongs to now, and how many of their requests to join are still pending. */
  async placesOf(personId: string, manager?: EntityManager): Promise<{ joined: number; requested: number }> {
    const [row]: { joined: number; requested: number }[] = await this.m(manager).query(
      `SELECT (SELECT count(*)::int FROM memberships WHERE person_id = $1 AND left_at IS NULL) AS joined,
              (SELECT count(*)::int FROM join_requests WHERE person_id = $1 AND status = 'pending') AS requested`,
      [personId],
    );
    return row;
  }

  /** Pending requests of some groups, oldest first, with how many there are in all (join_requests_group_idx). */
  async pendingRequestsIn(groupIds: string[], limit: number, manager?: EntityManager): Promise<{ rows: JoinRequestRow[]; total: number }> {
    if (groupIds.length === 0) return { rows: [], total: 0 };
    const m = this.m(manager);
    const [rows, [{ n }]] = await Promise.all([
      m.query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.working_group_id = ANY($1::uuid[]) AND r.status = 'pending' ORDER BY r.requested_at, r.id LIMIT $2`, [
        groupIds,
        limit,
      ]),
      m.query(`SELECT count(*)::int AS n FROM join_requests WHERE working_group_id = ANY($1::uuid[]) AND status = 'pending'`, [groupIds]),
    ]);
    return { rows, total: n };
  }


  async decideJoinRequest(
    manager: EntityManager,
    id: string,
    d: { status: Exclude<JoinRequestStatus, 'pending'>; decidedBy: string | null; deciderSnapshot: AffiliationSnapshot | null; decidedAt: Date; reason: string | null; membershipId: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE join_requests SET status = $2, decided_by = $3, decider_snapshot = $4, decided_at = $5, reason = $6, membership_id = $7 WHERE id = $1 AND status = 'pending'`,
      [id, d.status, d.decidedBy, d.deciderSnapshot === null ? null : JSON.stringify(d.deciderSnapshot), d.decidedAt, d.reason, d.membershipId],
    );
  }
}
