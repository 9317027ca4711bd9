import type { EntityManager } from 'typeorm';
import { clauseLabels, type ClauseKind } from '@parley/domain';

/**
 * The facts the recipient rules need, read inside the deriver's transaction and cached for one
 * batch (a batch of 500 comments on one document reads its title once).
 */
export class RecipientLookups {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly m: EntityManager,
    readonly now: Date,
  ) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) this.cache.set(key, (hit = read()));
    return hit;
  }

  private ids(sql: string, params: unknown[]): Promise<string[]> {
    return this.m.query(sql, params).then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  group(id: string): Promise<{ id: string; name: string; usesRecommendations: boolean } | null> {
    return this.once(`group:${id}`, async () => {
      const rows: { id: string; name: string; rec: boolean }[] = await this.m.query(
        `SELECT id, name, (decision_rules ? 'recommendations') AS rec FROM working_groups WHERE id = $1`,
        [id],
      );
      return rows[0] ? { id: rows[0].id, name: rows[0].name, usesRecommendations: rows[0].rec } : null;
    });
  }

  document(id: string): Promise<{ id: string; title: string; currentVersion: number } | null> {
    return this.once(`doc:${id}`, async () => {
      const rows: { id: string; title: string; current_version: number }[] = await this.m.query(`SELECT id, title, current_version FROM documents WHERE id = $1`, [id]);
      return rows[0] ? { id: rows[0].id, title: rows[0].title, currentVersion: rows[0].current_version } : null;
    });
  }

  /** Current members (voting only, or observers too). */
  members(groupId: string, votingOnly = false): Promise<string[]> {
    return this.once(`members:${groupId}:${votingOnly}`, () =>
      this.ids(`SELECT person_id AS id FROM memberships WHERE working_group_id = $1 AND left_at IS NULL${votingOnly ? ` AND kind = 'member'` : ''}`, [groupId]),
    );
  }

  chairs(groupId: string): Promise<string[]> {
    return this.once(`chairs:${groupId}`, () =>
      this.ids(
        `SELECT person_id AS id FROM chair_terms WHERE working_group_id = $1 AND ended_at IS NULL AND started_at <= $2 AND (ends_at IS NULL OR ends_at > $2)`,
        [groupId, this.now],
      ),
    );
  }

  /** Who decides a request to join: the chairs, and the convener while no chair is confirmed (working-group.policy.ts). */
  deciders(groupId: string): Promise<string[]> {
    return this.once(`deciders:${groupId}`, () =>
      this.ids(
        `SELECT person_id AS id FROM chair_terms WHERE working_group_id = $1 AND ended_at IS NULL AND started_at <= $2 AND (ends_at IS NULL OR ends_at > $2)
         UNION
         SELECT convener_id FROM working_groups g WHERE g.id = $1 AND NOT EXISTS (
           SELECT 1 FROM chair_terms t WHERE t.working_group_id = g.id AND t.confirming_ballot_id IS NOT NULL AND t.ended_at IS NULL AND t.started_at <= $2 AND (t.ends_at IS NULL OR t.ends_at > $2))`,
        [groupId, this.now],
      ),
    );
  }

  comment(id: string): Promise<{ authorId: string; kind: string; clauseId: string } | null> {
    return this.once(`comment:${id}`, async () => {
      const rows: { author_id: string; kind: string; clause_id: string }[] = await this.m.query(`SELECT author_id, kind, clause_id FROM comments WHERE id = $1`, [id]);
      return rows[0] ? { authorId: rows[0].author_id, kind: rows[0].kind, clauseId: rows[0].clause_id } : null;
    });
  }

  /** An amendment's author and co-sponsors: whose amendment it is. */
  amendmentSponsors(id: string): Promise<string[]> {
    return this.once(`amendment:${id}`, () =>
      this.ids(`SELECT author_id AS id FROM amendments WHERE id = $1 UNION SELECT person_id FROM amendment_cosponsors WHERE amendment_id = $1`, [id]),
    );
  }

  amendmentAuthor(id: string): Promise<string | null> {
    return this.once(`amendment-author:${id}`, () => this.ids(`SELECT author_id AS id FROM amendments WHERE id = $1`, [id]).then((r) => r[0] ?? null));
  }

  electors(ballotId: string): Promise<string[]> {
    return this.once(`electors:${ballotId}`, () => this.ids(`SELECT person_id AS id FROM ballot_electors WHERE ballot_id = $1`, [ballotId]));
  }

  ballotTitle(ballotId: string): Promise<string | null> {
    return this.once(`ballot:${ballotId}`, () =>
      this.m.query(`SELECT title FROM ballots WHERE id = $1`, [ballotId]).then((r: { title: string }[]) => r[0]?.title ?? null),
    );
  }

  focalPoints(organisationId: string): Promise<string[]> {
    return this.once(`focal:${organisationId}`, () => this.ids(`SELECT person_id AS id FROM focal_points WHERE organisation_id = $1 AND ended_at IS NULL`, [organisationId]));
  }

  /** Followers of the group, the document or the clause an act is about. */
  /** A clause's label in a version of a document ("2." for an operative paragraph; null for the preamble and headings, or an unknown version). */
  async clauseLabel(documentId: string, version: number | null, clauseId: string | null): Promise<string | null> {
    if (version === null || clauseId === null) return null;
    const labels = await this.once(`labels:${documentId}:${version}`, async () => {
      const rows: { id: string; kind: ClauseKind }[] = await this.m.query(
        `SELECT vc.clause_id AS id, vc.kind FROM version_clauses vc JOIN document_versions v ON v.id = vc.version_id
          WHERE v.document_id = $1 AND v.number = $2 ORDER BY vc.position`,
        [documentId, version],
      );
      return clauseLabels(rows.map((r) => ({ id: r.id, kind: r.kind, text: '' })));
    });
    return labels.get(clauseId) ?? null;
  }

  /** Where an amendment stands: its document, the version it was proposed on, and its paragraph's label there (null for an insertion). */
  async amendmentPlace(id: string): Promise<{ documentId?: string; version?: number; label: string | null }> {
    const rows: { document_id: string; base_version: number; target_clause_id: string | null }[] = await this.once(`amendment-place:${id}`, () =>
      this.m.query(`SELECT document_id, base_version, target_clause_id FROM amendments WHERE id = $1`, [id]),
    );
    const r = rows[0];
    if (!r) return { label: null };
    return { documentId: r.document_id, version: r.base_version, label: await this.clauseLabel(r.document_id, r.base_version, r.target_clause_id) };
  }

  /** Who follows the group, the document or the clause, and since when (the earliest of their follows). */
  followers(groupId: string, documentId: string | null, clauseId: string | null): Promise<{ id: string; since: Date }[]> {
    return this.once(`followers:${groupId}:${documentId}:${clauseId}`, async () => {
      const rows: { id: string; since: Date }[] = await this.m.query(
        `SELECT person_id AS id, min(created_at) AS since FROM follows
          WHERE (target_type = 'working-group' AND target_id = $1)
             OR (target_type = 'document' AND target_id = $2)
             OR (target_type = 'clause' AND target_id = $3)
          GROUP BY person_id`,
        [groupId, documentId, clauseId],
      );
      return rows.map((r) => ({ id: r.id, since: new Date(r.since) }));
    });
  }

  /**
   * Who may read a version (decision 0041): null when it is public; the group's current members
   * (observers too) while it is members-only and not yet published.
   */
  audienceOf(groupId: string, documentId: string, version: number | null): Promise<ReadonlySet<string> | null> {
    return this.once(`audience:${documentId}:${version}`, async () => {
      const rows: unknown[] = await this.m.query(
        `SELECT 1 FROM version_publications p JOIN document_versions v ON v.id = p.version_id
          WHERE p.document_id = $1 AND p.published_at IS NULL AND v.number = coalesce($2::int, (SELECT current_version FROM documents WHERE id = $1))`,
        [documentId, version],
      );
      return rows.length > 0 ? new Set(await this.members(groupId)) : null;
    });
  }
}
