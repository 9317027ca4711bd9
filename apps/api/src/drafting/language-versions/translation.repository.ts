import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';
import type { UnLanguage } from '@parley/contracts';

/** A saved translation of a clause, with the translator's name. */
export interface TranslationRow {
  id: string;
  clauseId: string;
  language: UnLanguage;
  text: string;
  sourceText: string;
  versionNumber: number;
  translatorId: string;
  translatorName: string | null;
  translatorSnapshot: AffiliationSnapshot;
  createdAt: Date;
}

const toRow = (r: Record<string, unknown>): TranslationRow => ({
  id: r.id as string,
  clauseId: r.clause_id as string,
  language: r.language as UnLanguage,
  text: r.text as string,
  sourceText: r.source_text as string,
  versionNumber: r.version_number as number,
  translatorId: r.translator_id as string,
  translatorName: (r.translator_name as string | null) ?? null,
  translatorSnapshot: r.translator_snapshot as AffiliationSnapshot,
  createdAt: new Date(r.created_at as string),
});

/** Clause translations (table `clause_translations`): rows are only added; a version reads the latest made on it or before. */
@Injectable()
export class TranslationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * For each clause and language (all, or those given), the latest translation saved on version `n`
   * or an earlier one, leaving out those saved on the versions `hidden` (members-only versions the
   * reader may not read: a translation quotes its version's text, review H1).
   */
  async latestAt(documentId: string, n: number, languages: readonly UnLanguage[] | null, hidden: readonly number[], manager?: EntityManager): Promise<TranslationRow[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT DISTINCT ON (t.language, t.clause_id) t.id, t.clause_id, t.language, t.text, t.source_text, t.version_number, t.translator_id,
              t.translator_snapshot, t.created_at, p.name AS translator_name
         FROM clause_translations t JOIN people p ON p.id = t.translator_id
        WHERE t.document_id = $1 AND t.version_number <= $2 AND ($3::text[] IS NULL OR t.language = ANY($3::text[]))
          AND NOT (t.version_number = ANY($4::int[]))
        ORDER BY t.language, t.clause_id, t.version_number DESC, t.seq DESC`,
      [documentId, n, languages === null ? null : [...languages], [...hidden]],
    );
    return rows.map(toRow);
  }

  /**
   * The same choice as `latestAt`, without reading any text (review M4): each translation's id and
   * whether it was made from the clause's text in version `versionId` (number `n`) — what counts and gaps need.
   */
  async statesAt(
    documentId: string,
    versionId: string,
    n: number,
    languages: readonly UnLanguage[] | null,
    hidden: readonly number[],
    manager?: EntityManager,
  ): Promise<{ id: string; language: UnLanguage; clauseId: string; current: boolean }[]> {
    const rows: { id: string; language: UnLanguage; clause_id: string; current: boolean }[] = await this.m(manager).query(
      `SELECT DISTINCT ON (t.language, t.clause_id) t.id, t.language, t.clause_id, (t.source_text = vc.text) AS current
         FROM clause_translations t JOIN version_clauses vc ON vc.version_id = $2 AND vc.clause_id = t.clause_id
        WHERE t.document_id = $1 AND t.version_number <= $3 AND ($4::text[] IS NULL OR t.language = ANY($4::text[]))
          AND NOT (t.version_number = ANY($5::int[]))
        ORDER BY t.language, t.clause_id, t.version_number DESC, t.seq DESC`,
      [documentId, versionId, n, languages === null ? null : [...languages], [...hidden]],
    );
    return rows.map((r) => ({ id: r.id, language: r.language, clauseId: r.clause_id, current: r.current }));
  }

  /** The latest adopted version of the document, null when none. */
  async adoptedVersion(manager: EntityManager, documentId: string): Promise<number | null> {
    const rows: { n: number | null }[] = await manager.query(`SELECT max(number) AS n FROM document_versions WHERE document_id = $1 AND adopted_at IS NOT NULL`, [documentId]);
    return rows[0]?.n ?? null;
  }

  /** The latest translation of one clause into one language as read at version `n` (the one a save supersedes). */
  async latestOne(manager: EntityManager, documentId: string, n: number, clauseId: string, language: UnLanguage): Promise<TranslationRow | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT t.*, p.name AS translator_name FROM clause_translations t JOIN people p ON p.id = t.translator_id
        WHERE t.document_id = $1 AND t.version_number <= $2 AND t.clause_id = $3 AND t.language = $4
        ORDER BY t.version_number DESC, t.seq DESC LIMIT 1`,
      [documentId, n, clauseId, language],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async insert(
    manager: EntityManager,
    t: { documentId: string; versionId: string; versionNumber: number; clauseId: string; language: UnLanguage; text: string; sourceText: string; translatorId: string; snapshot: AffiliationSnapshot; at: Date },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO clause_translations (document_id, version_id, version_number, clause_id, language, text, source_text, translator_id, translator_snapshot, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [t.documentId, t.versionId, t.versionNumber, t.clauseId, t.language, t.text, t.sourceText, t.translatorId, JSON.stringify(t.snapshot), t.at],
    );
    return rows[0].id;
  }

  /** Whether any translation into `language` was saved on the document (a language that cannot become the original then). */
  async anyInto(manager: EntityManager, documentId: string, language: UnLanguage): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM clause_translations WHERE document_id = $1 AND language = $2 LIMIT 1`, [documentId, language]);
    return rows.length > 0;
  }

  /** The group's declared authentic languages. */
  async authenticLanguages(manager: EntityManager, workingGroupId: string, lock = false): Promise<UnLanguage[] | null> {
    const rows: { authentic_languages: UnLanguage[] }[] = await manager.query(
      `SELECT authentic_languages FROM working_groups WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [workingGroupId],
    );
    return rows[0]?.authentic_languages ?? null;
  }

  async setAuthenticLanguages(manager: EntityManager, workingGroupId: string, languages: readonly UnLanguage[]): Promise<void> {
    await manager.query(`UPDATE working_groups SET authentic_languages = $2 WHERE id = $1`, [workingGroupId, [...languages]]);
  }

  async setOriginalLanguage(manager: EntityManager, documentId: string, language: UnLanguage): Promise<void> {
    await manager.query(`UPDATE documents SET original_language = $2 WHERE id = $1`, [documentId, language]);
  }
}
