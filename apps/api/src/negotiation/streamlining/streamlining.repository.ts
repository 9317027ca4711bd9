import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot, BallotOutcome, Recommendation } from '@parley/domain';
import type { AmendmentStatus } from '@parley/contracts';

export interface RecommendationRow {
  id: string;
  amendmentId: string;
  documentId: string;
  recommendation: Recommendation;
  reason: string;
  targetAmendmentId: string | null;
  givenBy: string;
  givenByName: string;
  givenBySnapshot: AffiliationSnapshot;
  givenAt: Date;
}

export interface SourceRow {
  proposalId: string;
  sourceId: string;
  position: number;
}

export interface LinkRow {
  id: string;
  kind: 'replace' | 'insert' | 'delete';
  status: AmendmentStatus;
  text: string | null;
  authorId: string;
  authorName: string;
  authorSnapshot: AffiliationSnapshot;
  mergedInto: string | null;
  recommendationsBallotId: string | null;
  streamlined: boolean;
}

export interface RecommendationsBallotRow {
  ballotId: string;
  documentId: string;
  versionNumber: number;
  outcome: BallotOutcome | null;
}

export interface BallotItemRow {
  ballotId: string;
  amendmentId: string;
  recommendationId: string;
  position: number;
  resultingStatus: 'accepted' | 'rejected' | 'merged' | 'proposed' | null;
}

const toRecommendation = (r: Record<string, unknown>): RecommendationRow => ({
  id: r.id as string,
  amendmentId: r.amendment_id as string,
  documentId: r.document_id as string,
  recommendation: r.recommendation as Recommendation,
  reason: r.reason as string,
  targetAmendmentId: (r.target_amendment_id as string | null) ?? null,
  givenBy: r.given_by as string,
  givenByName: r.given_by_name as string,
  givenBySnapshot: r.given_by_snapshot as AffiliationSnapshot,
  givenAt: r.given_at as Date,
});

const toLinkRow = (r: Record<string, unknown>): LinkRow => ({
  id: r.id as string,
  kind: r.kind as LinkRow['kind'],
  status: r.status as AmendmentStatus,
  text: (r.text as string | null) ?? null,
  authorId: r.author_id as string,
  authorName: r.author_name as string,
  authorSnapshot: r.author_snapshot as AffiliationSnapshot,
  mergedInto: (r.merged_into as string | null) ?? null,
  recommendationsBallotId: (r.recommendations_ballot_id as string | null) ?? null,
  streamlined: r.streamlined as boolean,
});

const REC_SELECT = `SELECT r.*, p.name AS given_by_name FROM amendment_recommendations r JOIN people p ON p.id = r.given_by`;

/** The tables of streamlining and recommendations (migration 1796600000300). */
@Injectable()
export class StreamliningRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertSources(manager: EntityManager, proposalId: string, sourceIds: readonly string[]): Promise<void> {
    for (const [position, sourceId] of sourceIds.entries()) {
      await manager.query(`INSERT INTO streamlined_sources (proposal_id, source_id, position) VALUES ($1, $2, $3)`, [proposalId, sourceId, position]);
    }
  }

  /** Sets a proposed or balloting amendment aside as merged into `into` (the guard checks the transition). */
  async markMerged(manager: EntityManager, id: string, into: string, note: string, reason: object): Promise<void> {
    await manager.query(`UPDATE amendments SET status = 'merged', merged_into = $2, status_note = $3, status_reason = $4 WHERE id = $1`, [id, into, note, JSON.stringify(reason)]);
  }

  /** Marks options of a bracket merged into `into` (the options' guard lets this be set once). */
  async markOptionsMerged(manager: EntityManager, ids: readonly string[], into: string): Promise<void> {
    await manager.query(`UPDATE bracket_options SET merged_into = $2 WHERE id = ANY($1::uuid[])`, [ids, into]);
  }

  async insertRecommendation(
    manager: EntityManager,
    r: { amendmentId: string; documentId: string; recommendation: Recommendation; reason: string; targetAmendmentId: string | null; givenBy: string; snapshot: AffiliationSnapshot; at: Date },
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO amendment_recommendations (amendment_id, document_id, recommendation, reason, target_amendment_id, given_by, given_by_snapshot, given_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [r.amendmentId, r.documentId, r.recommendation, r.reason, r.targetAmendmentId, r.givenBy, JSON.stringify(r.snapshot), r.at],
    );
    return row.id;
  }

  /** Every recommendation on these amendments, newest first per amendment. */
  async recommendationsOf(amendmentIds: readonly string[], manager?: EntityManager): Promise<RecommendationRow[]> {
    if (amendmentIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(manager).query(`${REC_SELECT} WHERE r.amendment_id = ANY($1::uuid[]) ORDER BY r.amendment_id, r.given_at DESC, r.id DESC`, [amendmentIds]);
    return rows.map(toRecommendation);
  }

  async recommendationsById(ids: readonly string[], manager?: EntityManager): Promise<RecommendationRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(manager).query(`${REC_SELECT} WHERE r.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toRecommendation);
  }

  /** Sources of these proposals, and the proposals these amendments are sources of. */
  async sourcesAround(amendmentIds: readonly string[], manager?: EntityManager): Promise<SourceRow[]> {
    if (amendmentIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT proposal_id, source_id, position FROM streamlined_sources WHERE proposal_id = ANY($1::uuid[]) OR source_id = ANY($1::uuid[]) ORDER BY proposal_id, position`,
      [amendmentIds],
    );
    return rows.map((r) => ({ proposalId: r.proposal_id as string, sourceId: r.source_id as string, position: r.position as number }));
  }

  /** Enough of these amendments to name and link them; and their streamlining columns. */
  async links(ids: readonly string[], manager?: EntityManager): Promise<LinkRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT am.id, am.kind, am.status, am.text, am.author_id, p.name AS author_name, am.author_snapshot, am.merged_into, am.recommendations_ballot_id,
              EXISTS (SELECT 1 FROM streamlined_sources s WHERE s.proposal_id = am.id) AS streamlined
         FROM amendments am JOIN people p ON p.id = am.author_id WHERE am.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toLinkRow);
  }

  /** Amendments applying to version `n` of a document that have a recommendation, oldest first, with their author's name and the columns of this migration. */
  async recommendedOn(documentId: string, n: number): Promise<(LinkRow & { targetClauseId: string | null })[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT am.id, am.kind, am.status, am.text, am.target_clause_id, am.author_id, p.name AS author_name, am.author_snapshot, am.merged_into, am.recommendations_ballot_id,
              EXISTS (SELECT 1 FROM streamlined_sources s WHERE s.proposal_id = am.id) AS streamlined
         FROM amendments am JOIN people p ON p.id = am.author_id
        WHERE am.document_id = $1 AND am.applies_to_version = $2 AND EXISTS (SELECT 1 FROM amendment_recommendations r WHERE r.amendment_id = am.id)
        ORDER BY am.created_at, am.id`,
      [documentId, n],
    );
    return rows.map((r) => ({ ...toLinkRow(r), targetClauseId: (r.target_clause_id as string | null) ?? null }));
  }

  // Recommendations ballots ---------------------------------------------------------------------

  async putUnderBallot(manager: EntityManager, amendmentId: string, ballotId: string): Promise<void> {
    await manager.query(`UPDATE amendments SET status = 'balloting', recommendations_ballot_id = $2 WHERE id = $1`, [amendmentId, ballotId]);
  }

  async backToProposed(manager: EntityManager, amendmentId: string): Promise<void> {
    await manager.query(`UPDATE amendments SET status = 'proposed', status_note = NULL, status_reason = NULL WHERE id = $1`, [amendmentId]);
  }

  async insertBallot(
    manager: EntityManager,
    b: { ballotId: string; documentId: string; versionNumber: number; openedBy: string; snapshot: AffiliationSnapshot; at: Date; items: { amendmentId: string; recommendationId: string }[] },
  ): Promise<void> {
    await manager.query(`INSERT INTO recommendations_ballots (ballot_id, document_id, version_number, opened_by, opened_by_snapshot, opened_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      b.ballotId,
      b.documentId,
      b.versionNumber,
      b.openedBy,
      JSON.stringify(b.snapshot),
      b.at,
    ]);
    for (const [position, i] of b.items.entries()) {
      await manager.query(`INSERT INTO recommendations_ballot_items (ballot_id, amendment_id, recommendation_id, position) VALUES ($1, $2, $3, $4)`, [b.ballotId, i.amendmentId, i.recommendationId, position]);
    }
  }

  async openBallotOn(documentId: string, manager?: EntityManager): Promise<string | null> {
    const [row]: { ballot_id: string }[] = await this.m(manager).query(`SELECT ballot_id FROM recommendations_ballots WHERE document_id = $1 AND outcome IS NULL`, [documentId]);
    return row?.ballot_id ?? null;
  }

  async findBallot(ballotId: string, manager?: EntityManager, lock = false): Promise<RecommendationsBallotRow | null> {
    const [r]: Record<string, unknown>[] = await this.m(manager).query(`SELECT * FROM recommendations_ballots WHERE ballot_id = $1${lock ? ' FOR UPDATE' : ''}`, [ballotId]);
    return r ? { ballotId: r.ballot_id as string, documentId: r.document_id as string, versionNumber: r.version_number as number, outcome: (r.outcome as BallotOutcome | null) ?? null } : null;
  }

  async itemsOf(ballotId: string, manager?: EntityManager): Promise<BallotItemRow[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(`SELECT * FROM recommendations_ballot_items WHERE ballot_id = $1 ORDER BY position`, [ballotId]);
    return rows.map((r) => ({
      ballotId: r.ballot_id as string,
      amendmentId: r.amendment_id as string,
      recommendationId: r.recommendation_id as string,
      position: r.position as number,
      resultingStatus: (r.resulting_status as BallotItemRow['resultingStatus']) ?? null,
    }));
  }

  async closeBallot(manager: EntityManager, ballotId: string, outcome: BallotOutcome, at: Date, results: { amendmentId: string; status: BallotItemRow['resultingStatus'] }[]): Promise<void> {
    await manager.query(`UPDATE recommendations_ballots SET outcome = $2, closed_at = $3 WHERE ballot_id = $1`, [ballotId, outcome, at]);
    for (const r of results) {
      if (r.status) await manager.query(`UPDATE recommendations_ballot_items SET resulting_status = $3 WHERE ballot_id = $1 AND amendment_id = $2`, [ballotId, r.amendmentId, r.status]);
    }
  }
}
