import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';
import type { PersonTranslation, UnLanguage } from '@parley/contracts';
import { actorRef } from './drafting.mapper';

/** What a translation is of: a comment (or reply), or an amendment's rationale. */
export type TranslatedSubject = { commentId: string } | { amendmentId: string };

export interface NewPersonTranslation {
  documentId: string;
  subject: TranslatedSubject;
  language: UnLanguage;
  text: string;
  translatorId: string;
  snapshot: AffiliationSnapshot;
  at: Date;
}

const SELECT = `SELECT t.id, t.comment_id, t.amendment_id, t.language, t.text, t.translator_id, t.translator_snapshot, t.created_at, p.name AS translator_name
  FROM person_translations t JOIN people p ON p.id = t.translator_id`;

function toTranslation(r: Record<string, unknown>): PersonTranslation {
  return {
    id: r.id as string,
    language: r.language as UnLanguage,
    text: r.text as string,
    translator: actorRef(r.translator_id as string, r.translator_name as string, r.translator_snapshot as AffiliationSnapshot),
    createdAt: (r.created_at as Date).toISOString(),
  };
}

/** Translations participants add of comments and of amendments' rationales (decision 0047); never edited. */
@Injectable()
export class PersonTranslationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, t: NewPersonTranslation): Promise<PersonTranslation> {
    const [row] = await manager.query(
      `INSERT INTO person_translations (document_id, comment_id, amendment_id, language, text, translator_id, translator_snapshot, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [t.documentId, 'commentId' in t.subject ? t.subject.commentId : null, 'amendmentId' in t.subject ? t.subject.amendmentId : null, t.language, t.text, t.translatorId, t.snapshot, t.at],
    );
    const [read] = await manager.query(`${SELECT} WHERE t.id = $1`, [row.id]);
    return toTranslation(read);
  }

  /** The latest translation of these comments per language, oldest first, by comment id. */
  async ofComments(ids: readonly string[], manager?: EntityManager): Promise<Map<string, PersonTranslation[]>> {
    return this.grouped('comment_id', ids, manager);
  }

  /** The latest translation of these amendments' rationales per language, oldest first, by amendment id. */
  async ofAmendments(ids: readonly string[], manager?: EntityManager): Promise<Map<string, PersonTranslation[]>> {
    return this.grouped('amendment_id', ids, manager);
  }

  private async grouped(column: 'comment_id' | 'amendment_id', ids: readonly string[], manager?: EntityManager): Promise<Map<string, PersonTranslation[]>> {
    const out = new Map<string, PersonTranslation[]>();
    if (ids.length === 0) return out;
    // The latest translation per language only: however many are added, a thread carries at most one per language.
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT * FROM (SELECT DISTINCT ON (t.${column}, t.language) t.*, p.name AS translator_name
         FROM person_translations t JOIN people p ON p.id = t.translator_id
        WHERE t.${column} = ANY($1::uuid[])
        ORDER BY t.${column}, t.language, t.created_at DESC, t.id DESC) latest
       ORDER BY latest.created_at, latest.id`,
      [ids],
    );
    for (const r of rows) {
      const key = r[column] as string;
      out.set(key, [...(out.get(key) ?? []), toTranslation(r)]);
    }
    return out;
  }
}
