import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot, ChairsTextStanding, ClauseKind, Office } from '@parley/domain';
import type { ClauseAmendmentMarkers, ClauseCounts, ConsolidationReport, UnLanguage } from '@parley/contracts';
import { DocumentEntity, DocumentVersionEntity, VersionClauseEntity } from './document.entity';

export interface NewClause {
  clauseId: string;
  kind: ClauseKind;
  text: string;
}

export interface DocumentRow extends DocumentEntity {
  authorName: string;
  clauseCount: number;
  adoptedVersion: number | null;
}

export interface VersionRow extends DocumentVersionEntity {
  authorName: string;
  /** The silence procedure that adopted the version, and its deadline (decision 0036). */
  adoptionSilence: { id: string; deadline: Date } | null;
  /** Set when the version was issued as a chair's text (decision 0033). */
  chairsText: ChairsTextRow | null;
}

export interface ChairsTextRow {
  label: string;
  symbol: string | null;
  standing: ChairsTextStanding;
  office: Office;
  penHolderId: string;
  penHolderName: string;
  penHolderSnapshot: AffiliationSnapshot;
}

/** Documents, versions and clauses: every query the drafting context runs on them, named. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertDocument(
    manager: EntityManager,
    d: { workingGroupId: string; title: string; createdBy: string; snapshot: AffiliationSnapshot; at: Date; originalLanguage?: UnLanguage },
  ): Promise<DocumentEntity> {
    const repo = manager.getRepository(DocumentEntity);
    return repo.save(
      repo.create({ workingGroupId: d.workingGroupId, title: d.title, status: 'drafting', currentVersion: 1, createdBy: d.createdBy, authorSnapshot: d.snapshot, createdAt: d.at, originalLanguage: d.originalLanguage ?? 'en' }),
    );
  }

  async insertVersion(
    manager: EntityManager,
    v: { documentId: string; number: number; createdBy: string; snapshot: AffiliationSnapshot; at: Date; consolidation: ConsolidationReport | null; note: string | null },
  ): Promise<DocumentVersionEntity> {
    const repo = manager.getRepository(DocumentVersionEntity);
    return repo.save(
      repo.create({ documentId: v.documentId, number: v.number, createdBy: v.createdBy, authorSnapshot: v.snapshot, createdAt: v.at, consolidation: v.consolidation, note: v.note, adoptedAt: null, adoptionBallotId: null, adoptionSilenceId: null }),
    );
  }

  /** All clauses of a new version in one statement, in reading order. */
  async insertClauses(manager: EntityManager, versionId: string, clauses: NewClause[]): Promise<void> {
    if (clauses.length === 0) return;
    await manager.query(
      `INSERT INTO version_clauses (version_id, clause_id, position, kind, text)
       SELECT $1, c.clause_id, c.position, c.kind, c.text
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS c(clause_id, position, kind, text)`,
      [versionId, clauses.map((c) => c.clauseId), clauses.map((_, i) => i), clauses.map((c) => c.kind), clauses.map((c) => c.text)],
    );
  }

  async advanceVersion(manager: EntityManager, documentId: string, number: number): Promise<void> {
    await manager.query(`UPDATE documents SET current_version = $2 WHERE id = $1`, [documentId, number]);
  }

  /** Adopted by a ballot that passed, or by a silence procedure that held (decision 0036). */
  async markAdopted(manager: EntityManager, documentId: string, versionId: string, by: { ballotId: string } | { silenceId: string }, at: Date): Promise<void> {
    await manager.query(`UPDATE document_versions SET adopted_at = $4, adoption_ballot_id = $2, adoption_silence_id = $3 WHERE id = $1`, [
      versionId,
      'ballotId' in by ? by.ballotId : null,
      'silenceId' in by ? by.silenceId : null,
      at,
    ]);
    await manager.query(`UPDATE documents SET status = 'adopted' WHERE id = $1`, [documentId]);
  }

  findDocument(id: string, manager?: EntityManager): Promise<DocumentEntity | null> {
    return this.m(manager).getRepository(DocumentEntity).findOneBy({ id });
  }

  /** Reads and row-locks a document: proposals, consolidations and adoptions on it are serialised. */
  lockDocument(manager: EntityManager, id: string): Promise<DocumentEntity | null> {
    // NO KEY UPDATE: it serialises the acts that lock a document, without blocking the rows that merely
    // refer to it (their foreign-key KEY SHARE), which deadlocked transactions of a chain (decision 0062).
    return manager.getRepository(DocumentEntity).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
  }

  /** A document with its author's name, the clause count of its current version and its adopted version. */
  async findDocumentRow(id: string, manager?: EntityManager): Promise<DocumentRow | null> {
    const rows = await this.documentRows(`d.id = $1`, [id], manager);
    return rows[0] ?? null;
  }

  listByGroup(workingGroupId: string): Promise<DocumentRow[]> {
    return this.documentRows(`d.working_group_id = $1`, [workingGroupId]);
  }

  private async documentRows(where: string, params: unknown[], manager?: EntityManager): Promise<DocumentRow[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT d.id, d.working_group_id, d.title, d.status, d.current_version, d.created_by, d.author_snapshot, d.created_at, d.original_language, p.name AS author_name,
              (SELECT count(*)::int FROM version_clauses vc WHERE vc.version_id = v.id) AS clause_count,
              (SELECT max(a.number) FROM document_versions a WHERE a.document_id = d.id AND a.adopted_at IS NOT NULL) AS adopted_version
         FROM documents d
         JOIN people p ON p.id = d.created_by
         JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version
        WHERE ${where}
        ORDER BY d.created_at, d.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      workingGroupId: r.working_group_id as string,
      title: r.title as string,
      status: r.status as DocumentEntity['status'],
      currentVersion: r.current_version as number,
      createdBy: r.created_by as string,
      authorSnapshot: r.author_snapshot as AffiliationSnapshot,
      originalLanguage: r.original_language as UnLanguage,
      createdAt: r.created_at as Date,
      authorName: r.author_name as string,
      clauseCount: r.clause_count as number,
      adoptedVersion: (r.adopted_version as number | null) ?? null,
    }));
  }

  /** The latest adopted versions, newest first (document_versions_adopted_idx). */
  recentlyAdopted(limit: number): Promise<{ documentId: string; title: string; workingGroupId: string; version: number; adoptedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT v.document_id AS "documentId", d.title, d.working_group_id AS "workingGroupId", v.number AS "version", v.adopted_at AS "adoptedAt"
         FROM document_versions v JOIN documents d ON d.id = v.document_id
        WHERE v.adopted_at IS NOT NULL ORDER BY v.adopted_at DESC, v.id DESC LIMIT $1`,
      [limit],
    );
  }

  /** The versions that hold a clause, newest first, with their document (whoever follows a clause reads it in the newest they may open). Bounded by one document's versions. */
  versionsWithClause(clauseId: string, manager?: EntityManager): Promise<{ documentId: string; number: number; versionId: string }[]> {
    return this.m(manager).query(
      `SELECT v.document_id AS "documentId", v.number, v.id AS "versionId"
         FROM version_clauses c JOIN document_versions v ON v.id = c.version_id
        WHERE c.clause_id = $1 ORDER BY v.number DESC LIMIT 1000`,
      [clauseId],
    );
  }

  async titlesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; title: string }[] = await this.dataSource.query(`SELECT id, title FROM documents WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  async findVersion(documentId: string, number: number, manager?: EntityManager): Promise<VersionRow | null> {
    const rows = await this.versionRows(documentId, number, manager);
    return rows[0] ?? null;
  }

  versionsOf(documentId: string, manager?: EntityManager): Promise<VersionRow[]> {
    return this.versionRows(documentId, null, manager);
  }

  private async versionRows(documentId: string, number: number | null, manager?: EntityManager): Promise<VersionRow[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT v.*, p.name AS author_name, ph.name AS pen_holder_name, sp.deadline AS adoption_silence_deadline
         FROM document_versions v JOIN people p ON p.id = v.created_by LEFT JOIN people ph ON ph.id = v.pen_holder_id
         LEFT JOIN silence_procedures sp ON sp.id = v.adoption_silence_id
        WHERE v.document_id = $1 AND ($2::int IS NULL OR v.number = $2) ORDER BY v.number`,
      [documentId, number],
    );
    return rows.map((r) => ({
      id: r.id as string,
      documentId: r.document_id as string,
      number: r.number as number,
      createdBy: r.created_by as string,
      authorSnapshot: r.author_snapshot as AffiliationSnapshot,
      createdAt: r.created_at as Date,
      consolidation: (r.consolidation as ConsolidationReport | null) ?? null,
      note: (r.note as string | null) ?? null,
      adoptedAt: (r.adopted_at as Date | null) ?? null,
      adoptionBallotId: (r.adoption_ballot_id as string | null) ?? null,
      adoptionSilenceId: (r.adoption_silence_id as string | null) ?? null,
      adoptionSilence: r.adoption_silence_id ? { id: r.adoption_silence_id as string, deadline: r.adoption_silence_deadline as Date } : null,
      authorName: r.author_name as string,
      chairsText:
        r.chairs_text_label === null || r.chairs_text_label === undefined
          ? null
          : {
              label: r.chairs_text_label as string,
              symbol: (r.chairs_text_symbol as string | null) ?? null,
              standing: r.chairs_text_standing as ChairsTextStanding,
              office: r.chairs_text_office as Office,
              penHolderId: r.pen_holder_id as string,
              penHolderName: r.pen_holder_name as string,
              penHolderSnapshot: r.pen_holder_snapshot as AffiliationSnapshot,
            },
    }));
  }

  clausesOf(versionId: string, manager?: EntityManager): Promise<VersionClauseEntity[]> {
    return this.m(manager).getRepository(VersionClauseEntity).find({ where: { versionId }, order: { position: 'ASC' } });
  }

  async clauseOf(versionId: string, clauseId: string, manager?: EntityManager): Promise<VersionClauseEntity | null> {
    return this.m(manager).getRepository(VersionClauseEntity).findOneBy({ versionId, clauseId });
  }

  /** Every version's clauses up to `upTo`, by version number (provenance walks the whole chain). */
  async clausesUpTo(documentId: string, upTo: number, manager?: EntityManager): Promise<Map<number, VersionClauseEntity[]>> {
    const rows: { number: number; clause_id: string; position: number; kind: ClauseKind; text: string; version_id: string }[] = await this.m(manager).query(
      `SELECT v.number, c.version_id, c.clause_id, c.position, c.kind, c.text
         FROM document_versions v JOIN version_clauses c ON c.version_id = v.id
        WHERE v.document_id = $1 AND v.number <= $2
        ORDER BY v.number, c.position`,
      [documentId, upTo],
    );
    const byVersion = new Map<number, VersionClauseEntity[]>();
    for (const r of rows) {
      const list = byVersion.get(r.number) ?? [];
      list.push({ versionId: r.version_id, clauseId: r.clause_id, position: r.position, kind: r.kind, text: r.text });
      byVersion.set(r.number, list);
    }
    return byVersion;
  }

  /**
   * Per-clause comment counts for reading version `n`: comments made on n, on earlier versions, and
   * clarification questions (on n or earlier) still without a disposition. One aggregate over the
   * clause index, never the comments themselves.
   */
  async clauseCounts(documentId: string, n: number): Promise<Map<string, ClauseCounts>> {
    const rows: { clause_id: string; comments: number; earlier: number; unanswered: number }[] = await this.dataSource.query(
      `SELECT clause_id,
              count(*) FILTER (WHERE version_number = $2)::int AS comments,
              count(*) FILTER (WHERE version_number < $2)::int AS earlier,
              count(*) FILTER (WHERE kind = 'clarification' AND disposition IS NULL)::int AS unanswered
         FROM comments WHERE document_id = $1 AND version_number <= $2
        GROUP BY clause_id`,
      [documentId, n],
    );
    return new Map(rows.map((r) => [r.clause_id, { comments: r.comments, earlierComments: r.earlier, unansweredClarifications: r.unanswered }]));
  }

  /** Accepted amendments not yet applied by a consolidation. */
  async acceptedWaiting(documentId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM amendments WHERE document_id = $1 AND status = 'accepted' AND applied_in_version IS NULL`, [documentId]);
    return row.n as number;
  }

  /** Per-clause amendment markers of version `n`: open, balloting and accepted-not-yet-applied amendments targeting each clause. */
  async amendmentMarkers(documentId: string, n: number): Promise<Map<string, ClauseAmendmentMarkers>> {
    const rows: { clause_id: string; open: number; balloting: number; accepted: number }[] = await this.dataSource.query(
      `SELECT target_clause_id AS clause_id,
              count(*) FILTER (WHERE status IN ('proposed','balloting'))::int AS open,
              count(*) FILTER (WHERE status = 'balloting')::int AS balloting,
              count(*) FILTER (WHERE status = 'accepted')::int AS accepted
         FROM amendments
        WHERE document_id = $1 AND applies_to_version = $2 AND target_clause_id IS NOT NULL
          AND status IN ('proposed','balloting','accepted') AND applied_in_version IS NULL
        GROUP BY target_clause_id`,
      [documentId, n],
    );
    return new Map(rows.map((r) => [r.clause_id, { open: r.open, balloting: r.balloting, accepted: r.accepted }]));
  }
}
