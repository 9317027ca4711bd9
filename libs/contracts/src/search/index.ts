import { z } from 'zod';
import { affiliationSnapshotSchema, stakeholderGroupValue } from '../api/domain-shapes';
import { personRef } from '../api/refs';
import { isoDate, uuid } from '../common';
import { UN_LANGUAGES } from '../languages';
import { fieldCode } from '../refusals/field-errors';

/** What a search finds (decision 0053): each is a result kind and a `kind` filter. */
export const SEARCH_KINDS = ['clause', 'comment', 'amendment', 'ballot', 'explanation', 'person', 'organisation', 'working-group', 'audit'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The longest query: a few sentences, enough for a quoted passage. */
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_PAGE_SIZE = 20;

/**
 * `GET /api/search`. `q`: words (all must match), "a quoted phrase", `or`, `-word` to exclude
 * (websearch syntax); accents and case do not matter; names also match when misspelt. Filters:
 * `kind`, `group`, `document`, `organisation` and `stakeholderGroup` (of the author's affiliation
 * at the time of the act), `from`/`to` (whole UTC days, `to` included), `language` (the language
 * the text is written in). Ranked, best first; pass back `nextCursor` as `cursor`.
 */
export const searchQuery = /* @__PURE__ */ z
  .strictObject({
    q: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
    kind: z.enum(SEARCH_KINDS).optional(),
    group: uuid.optional(),
    document: uuid.optional(),
    organisation: uuid.optional(),
    stakeholderGroup: stakeholderGroupValue.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    language: z.enum(UN_LANGUAGES).optional(),
    cursor: z.string().max(200).optional(),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ['to'], ...fieldCode('range-end-before-start') });
export type SearchQuery = z.infer<typeof searchQuery>;

/** A passage as text, and the ranges `[start, end)` (UTF-16 offsets) of the words that matched: the web marks them, never raw HTML. */
export const searchPassage = /* @__PURE__ */ z.object({ text: z.string(), marks: z.array(z.tuple([z.number(), z.number()])) }).meta({ id: 'SearchPassage' });
export type SearchPassage = z.infer<typeof searchPassage>;

/** Where a result leads: its group, document, version and clause when it has them; for an audit sentence, its event in the audit log. */
export const searchTarget = /* @__PURE__ */ z.object({
  workingGroup: z.object({ id: z.string(), name: z.string() }).nullable(),
  document: z.object({ id: z.string(), title: z.string() }).nullable(),
  version: z.number().nullable(),
  clauseId: z.string().nullable(),
  /** The audit event an `audit` result is the sentence of: its chain, sequence and page (`/audit/events/…`); null for other kinds. */
  auditEvent: z.object({ scope: z.string(), sequence: z.number(), page: z.string() }).nullable(),
});
export type SearchTarget = z.infer<typeof searchTarget>;

export const searchResult = /* @__PURE__ */ z
  .object({
    kind: z.enum(SEARCH_KINDS),
    /** The thing found: the clause, comment, amendment, ballot, explanation, person, organisation or group id; for an audit sentence, `<scope>/<sequence>` of its event. */
    id: z.string(),
    /** A name or title: the person's, organisation's or group's name, a ballot's title, the explaining organisation. */
    title: z.string().nullable(),
    passage: searchPassage,
    /** A comment's kind, an amendment's or ballot's status, a clause's latest recorded status, an explanation's kind, a group's status, an organisation's sub-type, an audit sentence's action. */
    status: z.string().nullable(),
    /** For a clause: how many brackets opened on it up to that version are still open. */
    openBrackets: z.number().nullable(),
    language: z.enum(UN_LANGUAGES).nullable(),
    /** Who acted (wrote, proposed, opened, placed, convened, did what the audit sentence says); null for organisations and the platform's own acts. */
    author: personRef.nullable(),
    /** The author's affiliation as it was at the time of the act; for a person, their primary affiliation now. */
    affiliation: affiliationSnapshotSchema.nullable(),
    target: searchTarget,
    at: z.string(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResult>;

export const searchResponse = /* @__PURE__ */ z.object({ items: z.array(searchResult), nextCursor: z.string().nullable() }).meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof searchResponse>;
