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

  /** For each clause and language (all, or those given), the latest translation saved on version `n` or an earlier one. */
  async latestAt(documentId: string, n: number, languages: readonly UnLanguage[] | null, manager?: EntityManager): Promise<TranslationRow[]> {
    const rows: Record<string, unknown>[] = await this.m(manager).query(
      `SELECT DISTINCT ON (t.language, t.clause_id) t.*, p.name AS translator_name
         FROM clause_translations t JOIN people p ON p.id = t.translator_id
        WHERE t.document_id = $1 AND t.version_number <= $2 AND ($3::text[] IS NULL OR t.language = ANY($3::text[]))
        ORDER BY t.language, t.clause_id, t.version_number DESC, t.created_at DESC, t.id DESC`,
      [documentId, n, languages === null ? null : [...languages]],
    );
    return rows.map(toRow);
  }

  /** The latest translation of one clause into one language as read at version `n` (the one a save supersedes). */
  async latestOne(manager: EntityManager, documentId: string, n: number, clauseId: string, language: UnLanguage): Promise<TranslationRow | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT t.*, p.name AS translator_name FROM clause_translations t JOIN people p ON p.id = t.translator_id
        WHERE t.document_id = $1 AND t.version_number <= $2 AND t.clause_id = $3 AND t.language = $4
        ORDER BY t.version_number DESC, t.created_at DESC, t.id DESC LIMIT 1`,
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
