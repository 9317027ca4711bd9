import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot, BallotOutcome, ChoiceCounts, StakeholderGroup } from '@parley/domain';
import type { ChairNominationStatus, ChairRemovalMotionResponse, RecordedChairTermEndReason } from '@parley/contracts';

export interface ChairTermRow {
  id: string;
  workingGroupId: string;
  workingGroupName: string;
  personId: string;
  personName: string;
  snapshot: AffiliationSnapshot;
  confirmingBallotId: string | null;
  nominationId: string | null;
  startedAt: Date;
  endsAt: Date | null;
  endedAt: Date | null;
  endReason: RecordedChairTermEndReason | null;
  endNote: string | null;
  /** From the nomination the term came from. */
  ballotOutcome: BallotOutcome | null;
  ballotClosedAt: Date | null;
  ballotTotals: ChoiceCounts | null;
  /** An open chair-removal motion's ballot. */
  removalBallotId: string | null;
}

export interface ChairNominationRow {
  id: string;
  workingGroupId: string;
  workingGroupName: string;
  nomineeId: string;
  nomineeName: string;
  nomineeSnapshot: AffiliationSnapshot;
  nominatedBy: string;
  nominatorName: string;
  nominatorSnapshot: AffiliationSnapshot;
  statement: string | null;
  termEndsOn: string | null;
  createdAt: Date;
  status: ChairNominationStatus;
  respondedAt: Date | null;
  responseNote: string | null;
  ballotId: string | null;
  ballotOutcome: BallotOutcome | null;
  ballotClosedAt: Date | null;
  ballotTotals: ChoiceCounts | null;
  chairTermId: string | null;
  closedAt: Date | null;
  closedNote: string | null;
  withdrawnBy: string | null;
  withdrawnByName: string | null;
}

export interface ChairRemovalMotionRow {
  id: string;
  workingGroupId: string;
  chairTermId: string;
  proposedBy: string;
  proposerName: string;
  reason: string;
  createdAt: Date;
  ballotId: string;
  status: ChairRemovalMotionResponse['status'];
}

export interface ChairTermFilter {
  personId?: string;
  organisationId?: string;
  stakeholderGroup?: StakeholderGroup;
  workingGroupIds?: string[];
  /** Overlap with [from, toExclusive). */
  from?: Date;
  toExclusive?: Date;
}

const TERM_COLUMNS = `t.id, t.working_group_id AS "workingGroupId", g.name AS "workingGroupName", t.person_id AS "personId", p.name AS "personName",
  t.snapshot, t.confirming_ballot_id AS "confirmingBallotId", t.nomination_id AS "nominationId", t.started_at AS "startedAt",
  t.ends_at AS "endsAt", t.ended_at AS "endedAt", t.end_reason AS "endReason", t.end_note AS "endNote",
  n.ballot_outcome AS "ballotOutcome", n.ballot_closed_at AS "ballotClosedAt", n.ballot_totals AS "ballotTotals",
  rm.ballot_id AS "removalBallotId"`;
const TERM_FROM = `chair_terms t JOIN working_groups g ON g.id = t.working_group_id JOIN people p ON p.id = t.person_id
  LEFT JOIN chair_nominations n ON n.id = t.nomination_id
  LEFT JOIN chair_removal_motions rm ON rm.chair_term_id = t.id AND rm.status = 'balloting'`;

const NOMINATION_COLUMNS = `n.id, n.working_group_id AS "workingGroupId", g.name AS "workingGroupName", n.nominee_id AS "nomineeId", pe.name AS "nomineeName",
  n.nominee_snapshot AS "nomineeSnapshot", n.nominated_by AS "nominatedBy", pr.name AS "nominatorName", n.nominator_snapshot AS "nominatorSnapshot",
  n.statement, to_char(n.term_ends_on, 'YYYY-MM-DD') AS "termEndsOn", n.created_at AS "createdAt", n.status, n.responded_at AS "respondedAt",
  n.response_note AS "responseNote", n.ballot_id AS "ballotId", n.ballot_outcome AS "ballotOutcome", n.ballot_closed_at AS "ballotClosedAt",
  n.ballot_totals AS "ballotTotals", n.chair_term_id AS "chairTermId", n.closed_at AS "closedAt", n.closed_note AS "closedNote",
  n.withdrawn_by AS "withdrawnBy", pw.name AS "withdrawnByName"`;
const NOMINATION_FROM = `chair_nominations n JOIN working_groups g ON g.id = n.working_group_id JOIN people pe ON pe.id = n.nominee_id JOIN people pr ON pr.id = n.nominated_by
  LEFT JOIN people pw ON pw.id = n.withdrawn_by`;

const MOTION_COLUMNS = `rm.id, rm.working_group_id AS "workingGroupId", rm.chair_term_id AS "chairTermId", rm.proposed_by AS "proposedBy", p.name AS "proposerName",
  rm.reason, rm.created_at AS "createdAt", rm.ballot_id AS "ballotId", rm.status`;

/** Chair terms, nominations and removal motions: every query a named method. */
@Injectable()
export class ChairTermRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ----- terms -----

  /** Terms matching a filter, oldest first. Date bounds select terms overlapping the range. */
  terms(filter: ChairTermFilter, manager?: EntityManager): Promise<ChairTermRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.personId) add('t.person_id = ?', filter.personId);
    if (filter.organisationId) add(`t.snapshot->>'organisationId' = ?`, filter.organisationId);
    if (filter.stakeholderGroup) add(`t.snapshot->>'stakeholderGroup' = ?`, filter.stakeholderGroup);
    if (filter.workingGroupIds) add('t.working_group_id = ANY(?::uuid[])', filter.workingGroupIds);
    if (filter.toExclusive) add('t.started_at < ?', filter.toExclusive);
    if (filter.from) add('(t.ended_at IS NULL OR t.ended_at > ?)', filter.from);
    return this.m(manager).query(
      `SELECT ${TERM_COLUMNS} FROM ${TERM_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.started_at, lower(g.name), p.name, t.id`,
      params,
    );
  }

  async findTerm(id: string, manager?: EntityManager): Promise<ChairTermRow | null> {
    const [row] = await this.m(manager).query(`SELECT ${TERM_COLUMNS} FROM ${TERM_FROM} WHERE t.id = $1`, [id]);
    return row ?? null;
  }

  async lockTerm(manager: EntityManager, id: string): Promise<ChairTermRow | null> {
    await manager.query(`SELECT 1 FROM chair_terms WHERE id = $1 FOR UPDATE`, [id]);
    return this.findTerm(id, manager);
  }

  /** The person's term with no recorded end in this group, if any (at most one, by a unique index). */
  async openTermOf(manager: EntityManager, groupId: string, personId: string): Promise<ChairTermRow | null> {
    const [row] = await manager.query(`SELECT ${TERM_COLUMNS} FROM ${TERM_FROM} WHERE t.working_group_id = $1 AND t.person_id = $2 AND t.ended_at IS NULL`, [groupId, personId]);
    return row ?? null;
  }

  async hasConfirmedChair(manager: EntityManager, groupId: string, now: Date): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM chair_terms WHERE working_group_id = $1 AND confirming_ballot_id IS NOT NULL AND started_at <= $2 AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > $2) LIMIT 1`,
      [groupId, now],
    );
    return rows.length > 0;
  }

  async insertTerm(
    manager: EntityManager,
    t: { workingGroupId: string; personId: string; snapshot: AffiliationSnapshot; confirmingBallotId: string | null; nominationId: string | null; startedAt: Date; endsAt: Date | null },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO chair_terms (working_group_id, person_id, snapshot, confirming_ballot_id, nomination_id, started_at, ends_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [t.workingGroupId, t.personId, JSON.stringify(t.snapshot), t.confirmingBallotId, t.nominationId, t.startedAt, t.endsAt],
    );
    return row.id;
  }

  /** Ends an open term, once (the database refuses any other change). */
  async endTerm(manager: EntityManager, id: string, at: Date, reason: RecordedChairTermEndReason, note: string | null): Promise<void> {
    await manager.query(`UPDATE chair_terms SET ended_at = $2, end_reason = $3, end_note = $4 WHERE id = $1 AND ended_at IS NULL`, [id, at, reason, note]);
  }

  // ----- nominations -----

  async insertNomination(
    manager: EntityManager,
    n: { workingGroupId: string; nomineeId: string; nomineeSnapshot: AffiliationSnapshot; nominatedBy: string; nominatorSnapshot: AffiliationSnapshot; statement: string | null; termEndsOn: string | null; createdAt: Date },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO chair_nominations (working_group_id, nominee_id, nominee_snapshot, nominated_by, nominator_snapshot, statement, term_ends_on, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [n.workingGroupId, n.nomineeId, JSON.stringify(n.nomineeSnapshot), n.nominatedBy, JSON.stringify(n.nominatorSnapshot), n.statement, n.termEndsOn, n.createdAt],
    );
    return row.id;
  }

  async findNomination(id: string, manager?: EntityManager): Promise<ChairNominationRow | null> {
    const [row] = await this.m(manager).query(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM} WHERE n.id = $1`, [id]);
    return row ?? null;
  }

  async lockNomination(manager: EntityManager, id: string): Promise<ChairNominationRow | null> {
    await manager.query(`SELECT 1 FROM chair_nominations WHERE id = $1 FOR UPDATE`, [id]);
    return this.findNomination(id, manager);
  }

  async openNominationOf(manager: EntityManager, groupId: string, nomineeId: string): Promise<ChairNominationRow | null> {
    const [row] = await manager.query(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM} WHERE n.working_group_id = $1 AND n.nominee_id = $2 AND n.status IN ('nominated','balloting')`, [groupId, nomineeId]);
    return row ?? null;
  }

  nominations(groupId: string, manager?: EntityManager): Promise<ChairNominationRow[]> {
    return this.m(manager).query(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM} WHERE n.working_group_id = $1 ORDER BY n.created_at DESC, n.id`, [groupId]);
  }

  async markDeclined(manager: EntityManager, id: string, at: Date, note: string | null): Promise<void> {
    await manager.query(`UPDATE chair_nominations SET status = 'declined', responded_at = $2, response_note = $3, closed_at = $2 WHERE id = $1`, [id, at, note]);
  }

  async markWithdrawn(manager: EntityManager, id: string, at: Date, by: string, note: string | null): Promise<void> {
    await manager.query(`UPDATE chair_nominations SET status = 'withdrawn', responded_at = $2, withdrawn_by = $3, closed_at = $2, closed_note = $4 WHERE id = $1`, [id, at, by, note]);
  }

  async markBalloting(manager: EntityManager, id: string, at: Date, ballotId: string): Promise<void> {
    await manager.query(`UPDATE chair_nominations SET status = 'balloting', responded_at = $2, ballot_id = $3 WHERE id = $1`, [id, at, ballotId]);
  }

  async closeNomination(
    manager: EntityManager,
    id: string,
    c: { status: Extract<ChairNominationStatus, 'confirmed' | 'rejected' | 'lapsed'>; at: Date; outcome: BallotOutcome; ballotClosedAt: Date; totals: ChoiceCounts | null; chairTermId: string | null; note: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE chair_nominations SET status = $2, closed_at = $3, ballot_outcome = $4, ballot_closed_at = $5, ballot_totals = $6, chair_term_id = $7, closed_note = $8 WHERE id = $1`,
      [id, c.status, c.at, c.outcome, c.ballotClosedAt, c.totals === null ? null : JSON.stringify(c.totals), c.chairTermId, c.note],
    );
  }

  // ----- removal motions -----

  async insertRemovalMotion(
    manager: EntityManager,
    r: { workingGroupId: string; chairTermId: string; proposedBy: string; proposerSnapshot: AffiliationSnapshot; reason: string; createdAt: Date; ballotId: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO chair_removal_motions (working_group_id, chair_term_id, proposed_by, proposer_snapshot, reason, created_at, ballot_id) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [r.workingGroupId, r.chairTermId, r.proposedBy, JSON.stringify(r.proposerSnapshot), r.reason, r.createdAt, r.ballotId],
    );
    return row.id;
  }

  async openRemovalMotionOf(manager: EntityManager, termId: string): Promise<ChairRemovalMotionRow | null> {
    const [row] = await manager.query(`SELECT ${MOTION_COLUMNS} FROM chair_removal_motions rm JOIN people p ON p.id = rm.proposed_by WHERE rm.chair_term_id = $1 AND rm.status = 'balloting'`, [termId]);
    return row ?? null;
  }

  /** The removal motion a ballot decides, with the affiliation its proposer held (read, not locked). */
  async removalMotionByBallot(ballotId: string): Promise<(ChairRemovalMotionRow & { proposerSnapshot: AffiliationSnapshot }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${MOTION_COLUMNS}, rm.proposer_snapshot AS "proposerSnapshot" FROM chair_removal_motions rm JOIN people p ON p.id = rm.proposed_by WHERE rm.ballot_id = $1`,
      [ballotId],
    );
    return row ?? null;
  }

  async lockRemovalMotionByBallot(manager: EntityManager, ballotId: string): Promise<ChairRemovalMotionRow | null> {
    await manager.query(`SELECT 1 FROM chair_removal_motions WHERE ballot_id = $1 FOR UPDATE`, [ballotId]);
    const [row] = await manager.query(`SELECT ${MOTION_COLUMNS} FROM chair_removal_motions rm JOIN people p ON p.id = rm.proposed_by WHERE rm.ballot_id = $1`, [ballotId]);
    return row ?? null;
  }

  async closeRemovalMotion(manager: EntityManager, id: string, status: Exclude<ChairRemovalMotionResponse['status'], 'balloting'>, outcome: BallotOutcome, at: Date): Promise<void> {
    await manager.query(`UPDATE chair_removal_motions SET status = $2, ballot_outcome = $3, closed_at = $4 WHERE id = $1 AND status = 'balloting'`, [id, status, outcome, at]);
  }
}
