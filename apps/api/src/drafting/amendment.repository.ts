import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { AffiliationSnapshot, AmendmentKind, BallotOutcome, ClauseKind } from '@parley/domain';
import type { AmendmentStatus, AmendmentStatusReason, UnLanguage } from '@parley/contracts';
import { AdoptionBallotEntity, AmendmentCosponsorEntity, AmendmentEntity } from './amendment.entity';
import type { ThreadCursor } from './comment.repository';

export interface AmendmentRow extends AmendmentEntity {
  authorName: string;
}

export interface CosponsorRow {
  amendmentId: string;
  personId: string;
  name: string;
  snapshot: AffiliationSnapshot;
  createdAt: Date;
}

/** Why an amendment reached its status: the English note and the same reason in machine form. */
export interface StatusWhy {
  note: string;
  reason: AmendmentStatusReason;
}

export interface NewAmendment {
  documentId: string;
  kind: AmendmentKind;
  baseVersion: number;
  targetClauseId: string | null;
  targetText: string | null;
  text: string | null;
  newClauseKind: ClauseKind | null;
  rationale: string;
  writtenLanguage: UnLanguage | null;
  authorId: string;
  snapshot: AffiliationSnapshot;
  at: Date;
}

function toRow(r: Record<string, unknown>): AmendmentRow {
  return {
    id: r.id as string,
    documentId: r.document_id as string,
    kind: r.kind as AmendmentKind,
    baseVersion: r.base_version as number,
    appliesToVersion: r.applies_to_version as number,
    targetClauseId: (r.target_clause_id as string | null) ?? null,
    targetText: (r.target_text as string | null) ?? null,
    text: (r.text as string | null) ?? null,
    newClauseKind: (r.new_clause_kind as ClauseKind | null) ?? null,
    rationale: r.rationale as string,
    writtenLanguage: (r.written_language as UnLanguage | null) ?? null,
    status: r.status as AmendmentStatus,
    statusNote: (r.status_note as string | null) ?? null,
    statusReason: (r.status_reason as AmendmentStatusReason | null) ?? null,
    authorId: r.author_id as string,
    authorSnapshot: r.author_snapshot as AffiliationSnapshot,
    createdAt: r.created_at as Date,
    ballotId: (r.ballot_id as string | null) ?? null,
    decidedAt: (r.decided_at as Date | null) ?? null,
    appliedInVersion: (r.applied_in_version as number | null) ?? null,
    authorName: r.author_name as string,
  };
}

const SELECT = `SELECT am.*, p.name AS author_name FROM amendments am JOIN people p ON p.id = am.author_id`;

@Injectable()
export class AmendmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, a: NewAmendment): Promise<AmendmentEntity> {
    const repo = manager.getRepository(AmendmentEntity);
    return repo.save(
      repo.create({
        documentId: a.documentId,
        kind: a.kind,
        baseVersion: a.baseVersion,
        appliesToVersion: a.baseVersion,
        targetClauseId: a.targetClauseId,
        targetText: a.targetText,
        text: a.text,
        newClauseKind: a.newClauseKind,
        rationale: a.rationale,
        writtenLanguage: a.writtenLanguage,
        status: 'proposed',
        statusNote: null,
        statusReason: null,
        authorId: a.authorId,
        authorSnapshot: a.snapshot,
        createdAt: a.at,
        ballotId: null,
        decidedAt: null,
        appliedInVersion: null,
      }),
    );
  }

  async findRow(id: string, manager?: EntityManager): Promise<AmendmentRow | null> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(`${SELECT} WHERE am.id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findByBallot(manager: EntityManager, ballotId: string): Promise<AmendmentRow | null> {
    const rows: Record<string, unknown>[] = await manager.query(`${SELECT} WHERE am.ballot_id = $1 FOR UPDATE OF am`, [ballotId]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Reads and row-locks an amendment (status changes are serialised). */
  lock(manager: EntityManager, id: string): Promise<AmendmentEntity | null> {
    return manager.getRepository(AmendmentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A page of a document's amendments, oldest first, optionally those touching one clause or in one status. */
  async page(documentId: string, f: { clauseId?: string; status?: AmendmentStatus }, after: ThreadCursor | null, limit: number): Promise<AmendmentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${SELECT}
        WHERE am.document_id = $1
          AND ($2::uuid IS NULL OR am.target_clause_id = $2)
          AND ($3::text IS NULL OR am.status = $3)
          AND ($4::timestamptz IS NULL OR (am.created_at, am.id) > ($4::timestamptz, $5::uuid))
        ORDER BY am.created_at, am.id LIMIT $6`,
      [documentId, f.clauseId ?? null, f.status ?? null, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(toRow);
  }

  /** Amendments still open (proposed or balloting) against the current text of a document. */
  async openOf(documentId: string, manager?: EntityManager): Promise<AmendmentRow[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(`${SELECT} WHERE am.document_id = $1 AND am.status IN ('proposed','balloting') ORDER BY am.created_at, am.id`, [documentId]);
    return rows.map(toRow);
  }

  /** Accepted amendments a consolidation has not applied yet (locked for the consolidation; `lock: false` to only read them). */
  async acceptedUnapplied(manager: EntityManager, documentId: string, lock = true): Promise<AmendmentRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `${SELECT} WHERE am.document_id = $1 AND am.status = 'accepted' AND am.applied_in_version IS NULL ORDER BY am.decided_at, am.id${lock ? ' FOR UPDATE OF am' : ''}`,
      [documentId],
    );
    return rows.map(toRow);
  }

  /** Amendments of a document whose ballot is still open, soonest closing first, with that closing time. */
  async underOpenBallot(documentId: string, manager?: EntityManager): Promise<(AmendmentRow & { closesAt: Date })[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT am.*, p.name AS author_name, b.closes_at FROM amendments am JOIN people p ON p.id = am.author_id JOIN ballots b ON b.id = coalesce(am.ballot_id, am.recommendations_ballot_id)
        WHERE am.document_id = $1 AND am.status = 'balloting' AND b.status = 'open' ORDER BY b.closes_at, am.id`,
      [documentId],
    );
    // Under a recommendations ballot (decision 0034) an amendment's own ballot_id is empty: that ballot is the one named.
    return rows.map((r) => ({ ...toRow(r), ballotId: (r.ballot_id ?? r.recommendations_ballot_id) as string, closesAt: r.closes_at as Date }));
  }

  /** Amendments applied to produce versions 2..upTo (provenance). */
  async appliedUpTo(documentId: string, upTo: number): Promise<AmendmentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${SELECT} WHERE am.document_id = $1 AND am.applied_in_version <= $2 ORDER BY am.applied_in_version, am.decided_at, am.id`, [documentId, upTo]);
    return rows.map(toRow);
  }

  /** Every decided or applied amendment that replaced, deleted or created one of the given clauses (per-clause history). */
  async historyOf(documentId: string, clauseIds: string[]): Promise<AmendmentRow[]> {
    if (clauseIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${SELECT} WHERE am.document_id = $1 AND am.status IN ('accepted','rejected','balloting')
          AND ((am.kind <> 'insert' AND am.target_clause_id = ANY($2::uuid[])) OR (am.kind = 'insert' AND am.id = ANY($2::uuid[])))
        ORDER BY am.created_at, am.id`,
      [documentId, clauseIds],
    );
    return rows.map(toRow);
  }

  async setStatus(manager: EntityManager, id: string, status: AmendmentStatus, why: StatusWhy | null, extra: { ballotId?: string; decidedAt?: Date } = {}): Promise<void> {
    await manager.query(
      `UPDATE amendments SET status = $2, status_note = $3, status_reason = $4, ballot_id = coalesce($5, ballot_id), decided_at = coalesce($6, decided_at) WHERE id = $1`,
      [id, status, why?.note ?? null, why ? JSON.stringify(why.reason) : null, extra.ballotId ?? null, extra.decidedAt ?? null],
    );
  }

  async markApplied(manager: EntityManager, ids: string[], version: number): Promise<void> {
    if (ids.length) await manager.query(`UPDATE amendments SET applied_in_version = $2 WHERE id = ANY($1::uuid[])`, [ids, version]);
  }

  async carryForward(manager: EntityManager, ids: string[], version: number): Promise<void> {
    if (ids.length) await manager.query(`UPDATE amendments SET applies_to_version = $2 WHERE id = ANY($1::uuid[])`, [ids, version]);
  }

  async cosponsorsOf(amendmentIds: string[], manager?: EntityManager): Promise<CosponsorRow[]> {
    if (amendmentIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT c.amendment_id, c.person_id, p.name, c.snapshot, c.created_at FROM amendment_cosponsors c JOIN people p ON p.id = c.person_id
        WHERE c.amendment_id = ANY($1::uuid[]) AND c.withdrawn_at IS NULL ORDER BY c.created_at, c.person_id`,
      [amendmentIds],
    );
    return rows.map((r) => ({ amendmentId: r.amendment_id as string, personId: r.person_id as string, name: r.name as string, snapshot: r.snapshot as AffiliationSnapshot, createdAt: r.created_at as Date }));
  }

  async isCosponsor(manager: EntityManager, amendmentId: string, personId: string): Promise<boolean> {
    return (await manager.getRepository(AmendmentCosponsorEntity).countBy({ amendmentId, personId, withdrawnAt: IsNull() })) > 0;
  }

  async addCosponsor(manager: EntityManager, amendmentId: string, personId: string, snapshot: AffiliationSnapshot, at: Date): Promise<void> {
    await manager.getRepository(AmendmentCosponsorEntity).insert({ amendmentId, personId, snapshot, createdAt: at, withdrawnAt: null });
  }

  /** Ends a current co-sponsorship (the row stays, with when it was withdrawn); returns the snapshot it was given with, or null when there was none. */
  async withdrawCosponsor(manager: EntityManager, amendmentId: string, personId: string, at: Date): Promise<AffiliationSnapshot | null> {
    const rows: [Record<string, unknown>[], number] = await manager.query(
      `UPDATE amendment_cosponsors SET withdrawn_at = $3 WHERE amendment_id = $1 AND person_id = $2 AND withdrawn_at IS NULL RETURNING snapshot`,
      [amendmentId, personId, at],
    );
    return (rows[0][0]?.snapshot as AffiliationSnapshot | undefined) ?? null;
  }

  // Adoption ballots ----------------------------------------------------------------------------

  async insertAdoptionBallot(manager: EntityManager, b: Omit<AdoptionBallotEntity, 'outcome' | 'closedAt'>): Promise<void> {
    await manager.getRepository(AdoptionBallotEntity).insert({ ...b, outcome: null, closedAt: null });
  }

  /** The adoption ballot open on a document, if any (at most one: a unique index guards it). */
  async openAdoptionBallot(documentId: string, manager?: EntityManager): Promise<AdoptionBallotEntity | null> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(`SELECT * FROM adoption_ballots WHERE document_id = $1 AND outcome IS NULL`, [documentId]);
    return rows[0] ? toAdoption(rows[0]) : null;
  }

  async findAdoptionBallot(manager: EntityManager, ballotId: string): Promise<AdoptionBallotEntity | null> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT * FROM adoption_ballots WHERE ballot_id = $1 FOR UPDATE`, [ballotId]);
    return rows[0] ? toAdoption(rows[0]) : null;
  }

  async closeAdoptionBallot(manager: EntityManager, ballotId: string, outcome: BallotOutcome, at: Date): Promise<void> {
    await manager.query(`UPDATE adoption_ballots SET outcome = $2, closed_at = $3 WHERE ballot_id = $1`, [ballotId, outcome, at]);
  }
}

function toAdoption(r: Record<string, unknown>): AdoptionBallotEntity {
  return {
    ballotId: r.ballot_id as string,
    documentId: r.document_id as string,
    versionId: r.version_id as string,
    versionNumber: r.version_number as number,
    openedBy: r.opened_by as string,
    openedAt: r.opened_at as Date,
    warnings: r.warnings as object,
    outcome: (r.outcome as AdoptionBallotEntity['outcome']) ?? null,
    closedAt: (r.closed_at as Date | null) ?? null,
  };
}
