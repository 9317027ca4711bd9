import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { JoinPolicy, WorkingGroupStatus } from '@parley/contracts';
import { procedureRulesOf, type AffiliationSnapshot, type BallotSubjectKind, type DecisionRule, type MembershipKind, type ProcedureRules } from '@parley/domain';
import { PeopleService } from '../identity/people.service';
import { TwoFactorRequirement } from '../identity/two-factor/two-factor-requirement';

export interface WorkingGroupSettings {
  id: string;
  name: string;
  status: WorkingGroupStatus;
  joinPolicy: JoinPolicy;
  decisionRules: Record<BallotSubjectKind, DecisionRule>;
  quorum: number;
  quorumPerStakeholderGroup: boolean;
  convenerId: string;
  procedureRules: ProcedureRules;
  /** The composition cap on one stakeholder group's share of the voting members (and of the floor in a meeting). */
  maxStakeholderGroupShare: number;
}

/** What other contexts may know of one person's standing in one group. */
export interface GroupStanding {
  membership: { id: string; kind: MembershipKind; isRapporteur: boolean; admissionSnapshot: AffiliationSnapshot } | null;
  /** Holds a current, started, not ended chair term (confirmed or, for imported history, not). */
  isChair: boolean;
  isConvener: boolean;
  /** The person's affiliation now; null means they cannot act in any group. */
  currentSnapshot: AffiliationSnapshot | null;
  /** A chair of a group whose chairs must use two-factor authentication, without it past the grace period: refused every act in the group (decision 0050). */
  twoFactorMissing?: boolean;
}

/** A group where a person holds a role others wait on (see WorkingGroupAccess.ledGroups). */
export interface LedGroup {
  id: string;
  name: string;
  status: WorkingGroupStatus;
  isChair: boolean;
  isRapporteur: boolean;
  isConvener: boolean;
}

export interface Elector {
  personId: string;
  name: string;
  snapshot: AffiliationSnapshot;
}

/**
 * The working-groups context's read interface for other contexts (decisions, drafting, realtime).
 * They never query working-group tables themselves.
 */
@Injectable()
export class WorkingGroupAccess {
  constructor(
    private readonly people: PeopleService,
    private readonly twoFactor: TwoFactorRequirement,
  ) {}

  async settings(manager: EntityManager, workingGroupId: string): Promise<WorkingGroupSettings | null> {
    const rows = await manager.query(
      `SELECT id, name, status, join_policy AS "joinPolicy", decision_rules AS "decisionRules", quorum::float AS quorum,
              quorum_per_stakeholder_group AS "quorumPerStakeholderGroup", convener_id AS "convenerId", procedure_rules AS "procedureRules",
              max_stakeholder_group_share::float AS "maxStakeholderGroupShare"
         FROM working_groups WHERE id = $1`,
      [workingGroupId],
    );
    return rows[0] ? { ...rows[0], procedureRules: procedureRulesOf(rows[0].procedureRules) } : null;
  }

  async standing(manager: EntityManager, workingGroupId: string, personId: string, now: Date): Promise<GroupStanding> {
    const [m] = await manager.query(
      `SELECT id, kind, is_rapporteur AS "isRapporteur", admission_snapshot AS "admissionSnapshot"
         FROM memberships WHERE working_group_id = $1 AND person_id = $2 AND left_at IS NULL`,
      [workingGroupId, personId],
    );
    const [g] = await manager.query(`SELECT convener_id, chairs_require_two_factor FROM working_groups WHERE id = $1`, [workingGroupId]);
    const chairSince = await this.chairSince(manager, workingGroupId, personId, now);
    return {
      membership: m ?? null,
      isChair: chairSince !== null,
      twoFactorMissing: chairSince !== null && g?.chairs_require_two_factor === true && (await this.twoFactor.refusalFor(manager, personId, chairSince, now)) !== null,
      isConvener: g?.convener_id === personId,
      currentSnapshot: await this.people.snapshotOf(manager, personId, now),
    };
  }

  /**
   * The groups not closed where a person holds a role that others wait on: an acting chair term, a
   * rapporteur's seat, or the convenership. The caller's policy decides what each role lets them do.
   * Reads by person (chair_terms_person_idx, memberships_person_idx, working_groups by convener).
   */
  async ledGroups(manager: EntityManager, personId: string, now: Date): Promise<LedGroup[]> {
    return manager.query(
      `SELECT g.id, g.name, g.status,
              EXISTS (SELECT 1 FROM chair_terms t WHERE t.working_group_id = g.id AND t.person_id = $1 AND t.started_at <= $2 AND t.ended_at IS NULL
                        AND (t.ends_at IS NULL OR t.ends_at > $2)) AS "isChair",
              EXISTS (SELECT 1 FROM memberships m WHERE m.working_group_id = g.id AND m.person_id = $1 AND m.left_at IS NULL AND m.is_rapporteur) AS "isRapporteur",
              g.convener_id = $1 AS "isConvener"
         FROM working_groups g
        WHERE g.status <> 'closed'
          AND g.id IN (SELECT working_group_id FROM chair_terms WHERE person_id = $1 AND ended_at IS NULL
                       UNION SELECT working_group_id FROM memberships WHERE person_id = $1 AND left_at IS NULL AND is_rapporteur
                       UNION SELECT id FROM working_groups WHERE convener_id = $1)
        ORDER BY lower(g.name), g.id`,
      [personId, now],
    );
  }

  /** When the person's current chair term in the group began; null when they do not chair it now. */
  private async chairSince(manager: EntityManager, workingGroupId: string, personId: string, now: Date): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT min(started_at) AS since FROM chair_terms WHERE working_group_id = $1 AND person_id = $2 AND started_at <= $3 AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > $3)`,
      [workingGroupId, personId, now],
    );
    return row?.since ?? null;
  }

  async isChair(manager: EntityManager, workingGroupId: string, personId: string, now: Date): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM chair_terms WHERE working_group_id = $1 AND person_id = $2 AND started_at <= $3 AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > $3)`,
      [workingGroupId, personId, now],
    );
    return rows.length > 0;
  }

  /**
   * Of the given people, those who are now current members (voting or observing) or chairs of the
   * group, with their name: who a comment may mention (issue #20). Bounded by the ids given.
   */
  async currentMembersAmong(manager: EntityManager, workingGroupId: string, personIds: readonly string[], now: Date): Promise<{ personId: string; name: string }[]> {
    if (personIds.length === 0) return [];
    return manager.query(
      `SELECT p.id AS "personId", p.name FROM people p
        WHERE p.id = ANY($2::uuid[])
          AND (EXISTS (SELECT 1 FROM memberships m WHERE m.working_group_id = $1 AND m.person_id = p.id AND m.left_at IS NULL)
               OR EXISTS (SELECT 1 FROM chair_terms t WHERE t.working_group_id = $1 AND t.person_id = p.id AND t.started_at <= $3 AND t.ended_at IS NULL AND (t.ends_at IS NULL OR t.ends_at > $3)))`,
      [workingGroupId, personIds, now],
    );
  }

  /**
   * The current members and chairs of the group, by name, each with their id: the candidates a
   * comment may mention (issue #20). The caller filters by name; `max` bounds the read.
   */
  async currentMembers(manager: EntityManager, workingGroupId: string, now: Date, max: number): Promise<{ personId: string; name: string }[]> {
    return manager.query(
      `SELECT p.id AS "personId", p.name FROM people p
        WHERE p.id IN (SELECT person_id FROM memberships WHERE working_group_id = $1 AND left_at IS NULL
                       UNION SELECT person_id FROM chair_terms WHERE working_group_id = $1 AND started_at <= $2 AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > $2))
        ORDER BY p.name, p.id LIMIT $3`,
      [workingGroupId, now, max],
    );
  }

  /**
   * The voting members at this moment, each with their current affiliation snapshot: the electorate
   * a ballot freezes when it opens. Members without a current affiliation cannot vote and are left out.
   */
  async votingElectorate(manager: EntityManager, workingGroupId: string, now: Date): Promise<Elector[]> {
    const rows: { personId: string; name: string }[] = await manager.query(
      `SELECT m.person_id AS "personId", p.name FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.working_group_id = $1 AND m.left_at IS NULL AND m.kind = 'member' ORDER BY p.name, p.id`,
      [workingGroupId],
    );
    const snapshots = await this.people.snapshotsOf(manager, rows.map((r) => r.personId), now);
    return rows.flatMap((r) => {
      const snapshot = snapshots.get(r.personId);
      return snapshot ? [{ personId: r.personId, name: r.name, snapshot }] : [];
    });
  }
}
