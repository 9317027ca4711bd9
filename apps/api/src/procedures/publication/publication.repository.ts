import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A members-only version's terms, as stored in version_publications. */
export interface PublicationRow {
  versionId: string;
  documentId: string;
  number: number;
  membersOnlyUntil: Date;
  textDigest: string;
  restrictedAt: Date;
  publishedAt: Date | null;
}

const SELECT = `SELECT p.version_id, p.document_id, v.number, p.members_only_until, p.text_digest, p.restricted_at, p.published_at
                  FROM version_publications p JOIN document_versions v ON v.id = p.version_id`;

const toRow = (r: Record<string, unknown>): PublicationRow => ({
  versionId: r.version_id as string,
  documentId: r.document_id as string,
  number: r.number as number,
  membersOnlyUntil: r.members_only_until as Date,
  textDigest: r.text_digest as string,
  restrictedAt: r.restricted_at as Date,
  publishedAt: (r.published_at as Date | null) ?? null,
});

/** Members-only versions: every query on version_publications, named. */
@Injectable()
export class PublicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, p: { versionId: string; documentId: string; until: Date; digest: string; by: string; at: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO version_publications (version_id, document_id, members_only_until, text_digest, restricted_by, restricted_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [p.versionId, p.documentId, p.until, p.digest, p.by, p.at],
    );
  }

  /** Every members-only version of the given documents (published or not), one query. */
  async ofDocuments(documentIds: readonly string[], manager?: EntityManager): Promise<PublicationRow[]> {
    if (documentIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(`${SELECT} WHERE p.document_id = ANY($1::uuid[])`, [
      [...new Set(documentIds)],
    ]);
    return rows.map(toRow);
  }

  /** Versions whose date has come and that are not published yet (version_publications_due_idx). */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows: { version_id: string }[] = await this.dataSource.query(
      `SELECT version_id FROM version_publications WHERE published_at IS NULL AND members_only_until <= $1 ORDER BY members_only_until, version_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.version_id);
  }

  /** Reads and row-locks one unpublished version's terms (another instance publishing it waits, then finds it published). */
  async lockUnpublished(manager: EntityManager, versionId: string): Promise<(PublicationRow & { workingGroupId: string }) | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT p.version_id, p.document_id, v.number, p.members_only_until, p.text_digest, p.restricted_at, p.published_at, d.working_group_id
         FROM version_publications p JOIN document_versions v ON v.id = p.version_id JOIN documents d ON d.id = p.document_id
        WHERE p.version_id = $1 AND p.published_at IS NULL
          FOR UPDATE OF p`,
      [versionId],
    );
    return rows[0] ? { ...toRow(rows[0]), workingGroupId: rows[0].working_group_id as string } : null;
  }

  async markPublished(manager: EntityManager, versionId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE version_publications SET published_at = $2 WHERE version_id = $1`, [versionId, at]);
  }

  /** The version's clauses in reading order, as its fingerprint covers them. */
  async clausesOf(manager: EntityManager, versionId: string): Promise<{ id: string; kind: string; text: string }[]> {
    return manager.query(`SELECT clause_id AS id, kind, text FROM version_clauses WHERE version_id = $1 ORDER BY position`, [versionId]);
  }

  /** For the public log: the documents with a members-only version not yet published, each with when the earliest of them was issued. */
  async unpublishedSince(documentIds: readonly string[]): Promise<Map<string, Date>> {
    if (documentIds.length === 0) return new Map();
    const rows: { document_id: string; since: Date }[] = await this.dataSource.query(
      `SELECT document_id, min(restricted_at) AS since FROM version_publications WHERE published_at IS NULL AND document_id = ANY($1::uuid[]) GROUP BY document_id`,
      [[...new Set(documentIds)]],
    );
    return new Map(rows.map((r) => [r.document_id, r.since]));
  }
}
