import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClauseKind } from '@parley/domain';
import type { UnLanguage } from '@parley/contracts';
import { MARK_END, MARK_START } from '../search/search-passage';
import { tsquery } from '../search/search.repository';
import type { SearchScope } from '../search/search.policy';

/** One clause of an adopted version as the library lists it. */
export interface AgreedLanguageRow {
  version_id: string;
  clause_id: string;
  kind: ClauseKind;
  language: UnLanguage | null;
  /** The whole clause, its matched words between MARK_START and MARK_END when searched. */
  headline: string;
  /** Keyset position: rank and entry id when searched; adoption instant (as text, to the microsecond), version and position otherwise. */
  rank: string | null;
  entry_id: string | null;
  adopted_at: string;
  position: number;
  /** What the pedigree names. */
  document_id: string;
  document_title: string;
  working_group_id: string;
  group_name: string;
  version_number: number;
  adoption_ballot_id: string | null;
}

export interface AgreedLanguageFilters {
  group?: string;
  document?: string;
  language?: UnLanguage;
  kind?: ClauseKind;
}

/** Every clause is shown whole: ts_headline marks the matches in all of it. */
const WHOLE_CLAUSE = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;

/** A version the reader may open (decision 0041, as the search applies it): public, published, or of a group whose members-only texts they read ($1). */
const READABLE = (version: string, group: string) =>
  `(${group} = ANY($1::uuid[]) OR NOT EXISTS (SELECT 1 FROM version_publications p WHERE p.version_id = ${version} AND p.published_at IS NULL))`;

/** Filters $2–$5: group, document, language, clause kind. */
const FILTERS = `($2::uuid IS NULL OR d.working_group_id = $2) AND ($3::uuid IS NULL OR d.id = $3)
             AND ($4::text IS NULL OR d.original_language = $4) AND ($5::text IS NULL OR vc.kind = $5)`;

/**
 * The library searched (decision 0054): clause entries of search_entries (decision 0053) whose version
 * is adopted, best match first. $6 the words, $7 the LIKE pattern for unspaced scripts, $8/$9 the keyset, $10 the page size + 1.
 */
export const LIBRARY_SEARCH_SQL = `
  WITH page AS (
    SELECT e.id, e.version_id, e.clause_id, e.language, e.body, vc.kind, vc.position, v.adopted_at, v.number, v.adoption_ballot_id, d.id AS document_id, d.title,
           d.working_group_id, ts_rank(e.tsv, ${tsquery('$6', '$4')})::float4 AS rank
      FROM search_entries e
      JOIN document_versions v ON v.id = e.version_id AND v.adopted_at IS NOT NULL
      JOIN documents d ON d.id = v.document_id
      JOIN version_clauses vc ON vc.version_id = e.version_id AND vc.clause_id = e.clause_id
     WHERE e.kind = 'clause'
       AND (e.tsv @@ ${tsquery('$6', '$4')} OR (e.language IN ('ar','zh') AND e.body ILIKE $7))
       AND ${READABLE('e.version_id', 'e.working_group_id')}
       AND ${FILTERS}
       AND ($8::float4 IS NULL OR (ts_rank(e.tsv, ${tsquery('$6', '$4')})::float4, e.id) < ($8::float4, $9::bigint))
     ORDER BY rank DESC, e.id DESC
     LIMIT $10
  )
  SELECT page.version_id, page.clause_id, page.kind, page.language, page.rank::text AS rank, page.id::text AS entry_id,
         page.adopted_at::text AS adopted_at, page.position, page.document_id, page.title AS document_title, page.working_group_id, g.name AS group_name,
         page.number AS version_number, page.adoption_ballot_id,
         ts_headline(parley_search_config(coalesce(page.language, 'en')), page.body, ${tsquery('$6', '$4')}, '${WHOLE_CLAUSE}') AS headline
    FROM page JOIN working_groups g ON g.id = page.working_group_id
   ORDER BY page.rank DESC, page.id DESC`;

/** The library browsed: every clause of every adopted version the reader may open, newest adoption first, each version in reading order. $6/$7/$8 the keyset, $9 the page size + 1. */
export const LIBRARY_LATEST_SQL = `
  SELECT v.id AS version_id, vc.clause_id, vc.kind, d.original_language AS language, vc.text AS headline, NULL AS rank, NULL AS entry_id,
         v.adopted_at::text AS adopted_at, vc.position, d.id AS document_id, d.title AS document_title, d.working_group_id, g.name AS group_name,
         v.number AS version_number, v.adoption_ballot_id
    FROM document_versions v
    JOIN documents d ON d.id = v.document_id
    JOIN working_groups g ON g.id = d.working_group_id
    JOIN version_clauses vc ON vc.version_id = v.id
   WHERE v.adopted_at IS NOT NULL
     AND ${READABLE('v.id', 'd.working_group_id')}
     AND ${FILTERS}
     AND ($6::timestamptz IS NULL OR v.adopted_at < $6 OR (v.adopted_at = $6 AND (v.id < $7 OR (v.id = $7 AND vc.position > $8))))
   ORDER BY v.adopted_at DESC, v.id DESC, vc.position
   LIMIT $9`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The number of each operative clause at (version, position): the operative clauses of its version up
 * to it, in reading order (as numberClauses counts them), read through the (version, position) index.
 */
export const OPERATIVE_NUMBERS_SQL = `SELECT r.v::text AS version_id, r.p AS position,
       (SELECT count(*)::int FROM version_clauses x WHERE x.version_id = r.v AND x.kind = 'operative' AND x.position <= r.p) AS number
  FROM unnest($1::uuid[], $2::int[]) AS r(v, p)`;

/** The library's reads, named. */
@Injectable()
export class AgreedLanguageRepository {
  constructor(private readonly dataSource: DataSource) {}

  search(q: string, f: AgreedLanguageFilters, scope: SearchScope, after: { rank: string; id: number } | null, limit: number): Promise<AgreedLanguageRow[]> {
    return this.dataSource.query(LIBRARY_SEARCH_SQL, [...filterParams(f, scope), q, likePattern(q), after?.rank ?? null, after?.id ?? null, limit]);
  }

  /** Each operative clause's number in its version, by "versionId:position". */
  async operativeNumbers(at: readonly { version_id: string; position: number }[]): Promise<Map<string, number>> {
    if (at.length === 0) return new Map();
    const rows: { version_id: string; position: number; number: number }[] = await this.dataSource.query(OPERATIVE_NUMBERS_SQL, [
      at.map((r) => r.version_id),
      at.map((r) => r.position),
    ]);
    return new Map(rows.map((r) => [`${r.version_id}:${r.position}`, r.number]));
  }

  latest(
    f: AgreedLanguageFilters,
    scope: SearchScope,
    after: { at: string; version: string; position: number } | null,
    limit: number,
  ): Promise<AgreedLanguageRow[]> {
    return this.dataSource.query(LIBRARY_LATEST_SQL, [...filterParams(f, scope), after?.at ?? null, after?.version ?? null, after?.position ?? null, limit]);
  }
}

/** Parameters $1–$5 of both queries. */
export function filterParams(f: AgreedLanguageFilters, scope: SearchScope): unknown[] {
  return [scope.membersOnlyGroups, f.group ?? null, f.document ?? null, f.language ?? null, f.kind ?? null];
}
