import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';
import type { CommentKind, Disposition, RecordedMention, UnLanguage } from '@parley/contracts';
import { CommentEntity } from './comment.entity';

/** A comment with the names of its author and of whoever disposed of it, and its clause's text then and at the version read. */
export interface CommentRow extends CommentEntity {
  authorName: string;
  disposerName: string | null;
  /** True when the clause's text at the version read differs from its text when the comment was made. */
  onEarlierText: boolean;
}

/** A comment waiting for a disposition, as the front door lists it. */
export interface AwaitingCommentRow {
  id: string;
  documentId: string;
  documentTitle: string;
  workingGroupId: string;
  version: number;
  clauseId: string;
  kind: CommentKind;
  excerpt: string;
  authorId: string;
  authorName: string;
  authorSnapshot: AffiliationSnapshot;
  createdAt: Date;
}

export interface ThreadCursor {
  at: string;
  id: string;
}

const COMMENT_COLUMNS = `c.*, a.name AS author_name, d.name AS disposer_name`;
const COMMENT_JOINS = `JOIN people a ON a.id = c.author_id LEFT JOIN people d ON d.id = c.disposed_by`;

function toRow(r: Record<string, unknown>): CommentRow {
  return {
    id: r.id as string,
    documentId: r.document_id as string,
    versionId: r.version_id as string,
    versionNumber: r.version_number as number,
    clauseId: r.clause_id as string,
    parentId: (r.parent_id as string | null) ?? null,
    kind: r.kind as CommentKind,
    body: r.body as string,
    writtenLanguage: (r.written_language as UnLanguage | null) ?? null,
    quote: (r.quote as string | null) ?? null,
    quoteStart: (r.quote_start as number | null) ?? null,
    quoteEnd: (r.quote_end as number | null) ?? null,
    authorId: r.author_id as string,
    authorSnapshot: r.author_snapshot as AffiliationSnapshot,
    createdAt: r.created_at as Date,
    mentions: (r.mentions as RecordedMention[] | null) ?? [],
    disposition: (r.disposition as Disposition | null) ?? null,
    dispositionReason: (r.disposition_reason as string | null) ?? null,
    disposedBy: (r.disposed_by as string | null) ?? null,
    disposerSnapshot: (r.disposer_snapshot as AffiliationSnapshot | null) ?? null,
    disposedAt: (r.disposed_at as Date | null) ?? null,
    authorName: r.author_name as string,
    disposerName: (r.disposer_name as string | null) ?? null,
    onEarlierText: r.on_earlier_text === true,
  };
}

export interface NewComment {
  documentId: string;
  versionId: string;
  versionNumber: number;
  clauseId: string;
  parentId: string | null;
  kind: CommentKind;
  body: string;
  writtenLanguage: UnLanguage | null;
  quote: { text: string; start: number; end: number } | null;
  authorId: string;
  snapshot: AffiliationSnapshot;
  /** The members the body mentions (resolved by the service). */
  mentions: RecordedMention[];
  at: Date;
}

@Injectable()
export class CommentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes a new comment; its id (a plain INSERT: the busiest drafting write needs no entity built and read back). */
  async insert(manager: EntityManager, c: NewComment): Promise<{ id: string }> {
    const [row] = await this.inserted(manager, c, 'id');
    return row as { id: string };
  }

  /** Inserts a comment and answers its row as `findRow` would, without reading it back: a new comment has no disposition yet and is on the text it was made on. */
  async insertRow(manager: EntityManager, c: NewComment, authorName: string): Promise<CommentRow> {
    const [row] = await this.inserted(manager, c, '*');
    return toRow({ ...row, author_name: authorName, disposer_name: null, on_earlier_text: false });
  }

  private inserted(manager: EntityManager, c: NewComment, returning: 'id' | '*'): Promise<Record<string, unknown>[]> {
    return manager.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, parent_id, kind, body, written_language, quote, quote_start, quote_end, author_id, author_snapshot, created_at, mentions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${returning}`,
      [
        c.documentId,
        c.versionId,
        c.versionNumber,
        c.clauseId,
        c.parentId,
        c.kind,
        c.body,
        c.writtenLanguage,
        c.quote?.text ?? null,
        c.quote?.start ?? null,
        c.quote?.end ?? null,
        c.authorId,
        JSON.stringify(c.snapshot),
        c.at,
        JSON.stringify(c.mentions),
      ],
    ) as Promise<Record<string, unknown>[]>;
  }

  async findRow(id: string, manager?: EntityManager): Promise<CommentRow | null> {
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(`SELECT ${COMMENT_COLUMNS}, false AS on_earlier_text FROM comments c ${COMMENT_JOINS} WHERE c.id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Reads and row-locks a comment (a disposition is given once). */
  lock(manager: EntityManager, id: string): Promise<CommentEntity | null> {
    return manager.getRepository(CommentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setDisposition(manager: EntityManager, id: string, d: { disposition: Disposition; reason: string; by: string; snapshot: AffiliationSnapshot; at: Date }): Promise<void> {
    await manager.query(
      `UPDATE comments SET disposition = $2, disposition_reason = $3, disposed_by = $4, disposer_snapshot = $5, disposed_at = $6 WHERE id = $1 AND disposition IS NULL`,
      [id, d.disposition, d.reason, d.by, JSON.stringify(d.snapshot), d.at],
    );
  }

  /**
   * One page of a clause's threads as read at version `n`: top-level comments made on n or earlier,
   * oldest first, keyset-paginated on (created_at, id). Each says whether the clause text changed since.
   */
  async threadsPage(documentId: string, clauseId: string, n: number, after: ThreadCursor | null, limit: number): Promise<CommentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS}, (made.text IS DISTINCT FROM now_.text) AS on_earlier_text
         FROM comments c ${COMMENT_JOINS}
         JOIN version_clauses made ON made.version_id = c.version_id AND made.clause_id = c.clause_id
         LEFT JOIN version_clauses now_ ON now_.version_id = (SELECT id FROM document_versions WHERE document_id = $1 AND number = $3) AND now_.clause_id = c.clause_id
        WHERE c.document_id = $1 AND c.clause_id = $2 AND c.parent_id IS NULL AND c.version_number <= $3
          AND ($4::timestamptz IS NULL OR (c.created_at, c.id) > ($4::timestamptz, $5::uuid))
        ORDER BY c.created_at, c.id
        LIMIT $6`,
      [documentId, clauseId, n, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(toRow);
  }

  /** Replies to the given threads, oldest first. */
  async repliesOf(parentIds: string[]): Promise<CommentRow[]> {
    if (parentIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS}, false AS on_earlier_text FROM comments c ${COMMENT_JOINS} WHERE c.parent_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
      [parentIds],
    );
    return rows.map(toRow);
  }

  /** Every comment made on version `n`, threads in clause order then time (the disposition report). */
  async madeOnVersion(documentId: string, n: number): Promise<CommentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS}, false AS on_earlier_text
         FROM comments c ${COMMENT_JOINS}
         JOIN version_clauses vc ON vc.version_id = c.version_id AND vc.clause_id = c.clause_id
         LEFT JOIN comments root ON root.id = c.parent_id
        WHERE c.document_id = $1 AND c.version_number = $2
        ORDER BY vc.position, coalesce(root.created_at, c.created_at), coalesce(root.id, c.id), c.parent_id NULLS FIRST, c.created_at, c.id`,
      [documentId, n],
    );
    return rows.map(toRow);
  }

  /**
   * Comments made on versions before `n` on clauses version n still has, with their replies, in
   * version n's clause order then time; each says whether its clause's text changed since (the
   * disposition report's comments carried from earlier versions).
   */
  async carriedInto(documentId: string, n: number): Promise<CommentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS}, (made.text IS DISTINCT FROM now_.text) AS on_earlier_text
         FROM comments c ${COMMENT_JOINS}
         JOIN version_clauses made ON made.version_id = c.version_id AND made.clause_id = c.clause_id
         JOIN version_clauses now_ ON now_.version_id = (SELECT id FROM document_versions WHERE document_id = $1 AND number = $2) AND now_.clause_id = c.clause_id
         LEFT JOIN comments root ON root.id = c.parent_id
        WHERE c.document_id = $1 AND c.version_number < $2
        ORDER BY now_.position, coalesce(root.created_at, c.created_at), coalesce(root.id, c.id), c.parent_id NULLS FIRST, c.created_at, c.id`,
      [documentId, n],
    );
    return rows.map(toRow);
  }

  /**
   * Top-level comments without a disposition on the documents of some groups: clarification
   * questions first, then oldest first, each with the start of its text (comments_awaiting_idx).
   */
  async awaitingDisposition(groupIds: string[], limit: number): Promise<{ rows: AwaitingCommentRow[]; total: number }> {
    if (groupIds.length === 0) return { rows: [], total: 0 };
    const where = `d.working_group_id = ANY($1::uuid[]) AND c.parent_id IS NULL AND c.disposition IS NULL`;
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT c.id, c.document_id AS "documentId", d.title AS "documentTitle", d.working_group_id AS "workingGroupId", c.version_number AS "version",
                c.clause_id AS "clauseId", c.kind, left(c.body, 280) AS "excerpt", c.author_id AS "authorId", a.name AS "authorName",
                c.author_snapshot AS "authorSnapshot", c.created_at AS "createdAt"
           FROM comments c JOIN documents d ON d.id = c.document_id JOIN people a ON a.id = c.author_id
          WHERE ${where}
          ORDER BY (c.kind = 'clarification') DESC, c.created_at, c.id LIMIT $2`,
        [groupIds, limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM comments c JOIN documents d ON d.id = c.document_id WHERE ${where}`, [groupIds]),
    ]);
    return { rows, total: n };
  }

  /** Clarification questions made on version `n` or earlier that have no disposition yet, oldest first. */
  async unansweredClarifications(documentId: string, n: number, manager?: EntityManager): Promise<CommentRow[]> {
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COMMENT_COLUMNS}, false AS on_earlier_text FROM comments c ${COMMENT_JOINS}
        WHERE c.document_id = $1 AND c.version_number <= $2 AND c.kind = 'clarification' AND c.disposition IS NULL
        ORDER BY c.created_at, c.id`,
      [documentId, n],
    );
    return rows.map(toRow);
  }
}
