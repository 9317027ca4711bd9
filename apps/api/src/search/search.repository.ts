import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SearchKind, UnLanguage } from '@parley/contracts';
import type { AffiliationSnapshot, StakeholderGroup } from '@parley/domain';
import { MARK_END, MARK_START } from './search-passage';
import type { SearchScope } from './search.policy';

/** One entry found, with what its result shows. */
export interface SearchRow {
  id: string;
  rank: string;
  kind: SearchKind;
  source_id: string;
  working_group_id: string | null;
  group_name: string | null;
  document_id: string | null;
  document_title: string | null;
  version_number: number | null;
  clause_id: string | null;
  language: UnLanguage | null;
  author_id: string | null;
  author_name: string | null;
  snapshot: AffiliationSnapshot | null;
  at: Date;
  title: string | null;
  detail: string | null;
  clause_status: string | null;
  open_brackets: number | null;
  audit_scope: string | null;
  audit_sequence: string | null;
  headline: string;
}

export interface SearchFilters {
  q: string;
  kind?: SearchKind;
  group?: string;
  document?: string;
  organisation?: string;
  stakeholderGroup?: StakeholderGroup;
  from?: Date;
  to?: Date;
  language?: UnLanguage;
}

const CONFIGS = ['parley_english', 'parley_french', 'parley_spanish', 'parley_russian', 'parley_simple'];
/** The query as each language's configuration reads it, OR-ed (each text matches in its own language), or only the asked language's. */
export const tsquery = (q: string, language: string) =>
  `(CASE WHEN ${language}::text IS NULL THEN ${CONFIGS.map((c) => `websearch_to_tsquery('${c}', ${q})`).join(' || ')}
         ELSE websearch_to_tsquery(parley_search_config(${language}::text), ${q}) END)`;
const NAMES = `('person','organisation','working-group')`;
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** An audit sentence is short and whole: all of it, its matching words marked. */
const AUDIT_HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every entry that matches and that the reader may open, with its rank: parameters $1–$11 of SEARCH_SQL. */
export const MATCHES_SQL = `
      SELECT e.*, greatest(ts_rank(e.tsv, ${tsquery('$1', '$2')}),
                           CASE WHEN e.kind IN ${NAMES} THEN similarity(parley_unaccent(e.title), parley_unaccent($1)) ELSE 0 END)::float4 AS rank
        FROM search_entries e
       WHERE (e.tsv @@ ${tsquery('$1', '$2')}
              OR (e.kind IN ${NAMES} AND parley_unaccent(e.title) % parley_unaccent($1))
              OR (e.language IN ('ar','zh') AND e.body ILIKE $3))
         AND (e.version_id IS NULL OR e.working_group_id = ANY($4::uuid[])
              OR NOT EXISTS (SELECT 1 FROM version_publications p WHERE p.version_id = e.version_id AND p.published_at IS NULL))
         AND ($5::text IS NULL OR e.kind = $5)
         AND ($6::uuid IS NULL OR e.working_group_id = $6)
         AND ($7::uuid IS NULL OR e.document_id = $7)
         AND ($8::uuid IS NULL OR e.organisation_id = $8)
         AND ($9::text IS NULL OR e.stakeholder_group = $9)
         AND ($10::timestamptz IS NULL OR e.at >= $10)
         AND ($11::timestamptz IS NULL OR e.at < $11)
         AND ($2::text IS NULL OR e.language = $2)`;

/**
 * The search: one query over search_entries (decision 0053). Parameters: $1 the words, $2 the
 * language filter, $3 the LIKE pattern for unspaced scripts, $4 the groups whose members-only
 * versions the reader reads, $5–$11 the filters, $12/$13 the keyset position, $14 the page size + 1.
 * Ranked by ts_rank (names: the better of it and trigram similarity), ties by newest entry.
 */
export const SEARCH_SQL = `
  WITH page AS (
    SELECT * FROM (${MATCHES_SQL}
    ) m
    WHERE ($12::float4 IS NULL OR (m.rank, m.id) < ($12::float4, $13::bigint))
    ORDER BY m.rank DESC, m.id DESC
    LIMIT $14
  )
  SELECT page.id::text, page.rank::text, page.kind, page.source_id, page.working_group_id, page.document_id, page.version_number, page.clause_id,
         page.language, page.author_id, page.snapshot, page.at, page.title, page.detail, page.audit_scope, page.audit_sequence::text,
         g.name AS group_name, d.title AS document_title, p.name AS author_name,
         ts_headline(parley_search_config(coalesce(page.language, 'en')), page.body, ${tsquery('$1', '$2')},
                     CASE page.kind WHEN 'audit' THEN '${AUDIT_HEADLINE_OPTIONS}' ELSE '${HEADLINE_OPTIONS}' END) AS headline,
         (SELECT s.status FROM clause_statuses s
           WHERE page.kind = 'clause' AND s.document_id = page.document_id AND s.clause_id = page.clause_id AND s.version_number <= page.version_number
           ORDER BY s.version_number DESC, s.at DESC LIMIT 1) AS clause_status,
         CASE WHEN page.kind = 'clause' THEN (SELECT count(*)::int FROM brackets b
           WHERE b.document_id = page.document_id AND b.clause_id = page.clause_id AND b.opened_in_version <= page.version_number AND b.resolution IS NULL) END AS open_brackets
    FROM page
    LEFT JOIN working_groups g ON g.id = page.working_group_id
    LEFT JOIN documents d ON d.id = page.document_id
    LEFT JOIN people p ON p.id = page.author_id
   ORDER BY page.rank DESC, page.id DESC`;

/** The search's reads: every query on search_entries, named. */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The groups where a person is a current member or holds an acting chair term, with that standing. */
  async standings(personId: string, now: Date): Promise<{ workingGroupId: string; membership: { kind: string } | null; isChair: boolean }[]> {
    const rows: { working_group_id: string; kind: string | null; is_chair: boolean }[] = await this.dataSource.query(
      `SELECT g.working_group_id, m.kind,
              EXISTS (SELECT 1 FROM chair_terms t WHERE t.working_group_id = g.working_group_id AND t.person_id = $1 AND t.started_at <= $2
                        AND t.ended_at IS NULL AND (t.ends_at IS NULL OR t.ends_at > $2)) AS is_chair
         FROM (SELECT working_group_id FROM memberships WHERE person_id = $1 AND left_at IS NULL
               UNION SELECT working_group_id FROM chair_terms WHERE person_id = $1 AND ended_at IS NULL) g
         LEFT JOIN memberships m ON m.working_group_id = g.working_group_id AND m.person_id = $1 AND m.left_at IS NULL`,
      [personId, now],
    );
    return rows.map((r) => ({ workingGroupId: r.working_group_id, membership: r.kind ? { kind: r.kind } : null, isChair: r.is_chair }));
  }

  /** One page of results, best first, read from `after` (the last result of the previous page). */
  async search(f: SearchFilters, scope: SearchScope, after: { rank: string; id: number } | null, limit: number): Promise<SearchRow[]> {
    return this.dataSource.query(SEARCH_SQL, searchParams(f, scope, after, limit));
  }
}

/** The parameters of SEARCH_SQL, in order. */
export function searchParams(f: SearchFilters, scope: SearchScope, after: { rank: string; id: number } | null, limit: number): unknown[] {
  return [
    f.q,
    f.language ?? null,
    likePattern(f.q),
    scope.membersOnlyGroups,
    f.kind ?? null,
    f.group ?? null,
    f.document ?? null,
    f.organisation ?? null,
    f.stakeholderGroup ?? null,
    f.from ?? null,
    f.to ?? null,
    after?.rank ?? null,
    after?.id ?? null,
    limit,
  ];
}
