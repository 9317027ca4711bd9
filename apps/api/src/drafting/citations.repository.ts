import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A citation as stored: who cites (an amendment, or a clause of a chair's text), and the adopted clause quoted. */
export interface CitationRow {
  amendmentId: string | null;
  versionId: string | null;
  /** The citing clause. */
  clauseId: string;
  passage: string;
  sourceVersionId: string;
  source: { documentId: string; version: number; clauseId: string };
}

/** What a pedigree is made of: an adopted version, its document and group. */
export interface SourceVersionRow {
  versionId: string;
  documentId: string;
  documentTitle: string;
  workingGroupId: string;
  workingGroupName: string;
  number: number;
  adoptedAt: Date | null;
  adoptionBallotId: string | null;
}

const SELECT_CITATIONS = `
  SELECT c.amendment_id AS "amendmentId", c.version_id AS "versionId", c.clause_id AS "clauseId", c.passage,
         c.source_version_id AS "sourceVersionId",
         json_build_object('documentId', sv.document_id, 'version', sv.number, 'clauseId', c.source_clause_id) AS source
    FROM citations c JOIN document_versions sv ON sv.id = c.source_version_id`;

/** Citations of agreed language (decision 0054): every query on `citations`, named. */
@Injectable()
export class CitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    c: { documentId: string; amendmentId: string | null; versionId: string | null; at: Date },
    rows: readonly { clauseId: string; sourceVersionId: string; sourceClauseId: string; passage: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO citations (document_id, amendment_id, version_id, clause_id, position, source_version_id, source_clause_id, passage, created_at)
       SELECT $1, $2, $3, r.clause_id, r.position, r.source_version_id, r.source_clause_id, r.passage, $4
         FROM unnest($5::uuid[], $6::int[], $7::uuid[], $8::uuid[], $9::text[]) AS r(clause_id, position, source_version_id, source_clause_id, passage)`,
      [
        c.documentId,
        c.amendmentId,
        c.versionId,
        c.at,
        rows.map((r) => r.clauseId),
        rows.map((_, i) => i),
        rows.map((r) => r.sourceVersionId),
        rows.map((r) => r.sourceClauseId),
        rows.map((r) => r.passage),
      ],
    );
  }

  /** The citations of amendments, in the order cited. */
  ofAmendments(ids: readonly string[], manager?: EntityManager): Promise<CitationRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).query(`${SELECT_CITATIONS} WHERE c.amendment_id = ANY($1::uuid[]) ORDER BY c.amendment_id, c.position`, [ids]);
  }

  /** Every citation made in a document (by its amendments and its chair's texts), in the order cited. */
  ofDocument(documentId: string, manager?: EntityManager): Promise<CitationRow[]> {
    return (manager ?? this.dataSource.manager).query(`${SELECT_CITATIONS} WHERE c.document_id = $1 ORDER BY c.created_at, c.clause_id, c.position`, [
      documentId,
    ]);
  }

  /** The document's clauses that ever received a citation: only they can hold precedent words. */
  async citedClauseIds(documentId: string, manager?: EntityManager): Promise<Set<string>> {
    const rows: { clause_id: string }[] = await (manager ?? this.dataSource.manager).query(`SELECT DISTINCT clause_id FROM citations WHERE document_id = $1`, [
      documentId,
    ]);
    return new Set(rows.map((r) => r.clause_id));
  }

  /** Whether anything in the document was ever cited as agreed language: when not, nothing in it can be precedent. */
  async anyIn(documentId: string, manager?: EntityManager): Promise<boolean> {
    const [row] = await (manager ?? this.dataSource.manager).query(`SELECT EXISTS (SELECT 1 FROM citations WHERE document_id = $1) AS any`, [documentId]);
    return row.any === true;
  }

  /** A version by its document and number, with what a pedigree names. */
  async findVersion(documentId: string, number: number, manager?: EntityManager): Promise<SourceVersionRow | null> {
    const rows = await this.versions(`v.document_id = $1 AND v.number = $2`, [documentId, number], manager);
    return rows[0] ?? null;
  }

  /** Versions by id, with what a pedigree names. */
  versionsById(ids: readonly string[], manager?: EntityManager): Promise<SourceVersionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.versions(`v.id = ANY($1::uuid[])`, [ids], manager);
  }

  private versions(where: string, params: unknown[], manager?: EntityManager): Promise<SourceVersionRow[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT v.id AS "versionId", v.document_id AS "documentId", d.title AS "documentTitle", d.working_group_id AS "workingGroupId", g.name AS "workingGroupName",
              v.number, v.adopted_at AS "adoptedAt", v.adoption_ballot_id AS "adoptionBallotId"
         FROM document_versions v JOIN documents d ON d.id = v.document_id JOIN working_groups g ON g.id = d.working_group_id
        WHERE ${where}`,
      params,
    );
  }
}
