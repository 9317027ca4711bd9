import { z } from 'zod';
import { clauseKindValue, instant } from '../api/domain-shapes';
import { uuid } from '../common';
import { UN_LANGUAGES } from '../languages';
import { searchPassage, SEARCH_QUERY_MAX } from '../search';
import { MAX_CLAUSE_TEXT } from './vocabulary';

/**
 * Agreed language (issue #25, decision 0054): a clause of a working group's adopted version. Its
 * pedigree says where it was agreed: the group, the document, the adopted version, the clause's
 * label there, the adoption's date and its ballot (null when the version was adopted without one).
 */
export const agreedLanguagePedigree = /* @__PURE__ */ z
  .object({
    workingGroup: z.object({ id: z.string(), name: z.string() }),
    document: z.object({ id: z.string(), title: z.string() }),
    version: z.number(),
    clauseId: z.string(),
    /** "OP7", "PP2"… as the clause was numbered in the adopted version. */
    label: z.string().nullable(),
    adoptedAt: instant,
    ballotId: z.string().nullable(),
  })
  .meta({ id: 'AgreedLanguagePedigree' });
export type AgreedLanguagePedigree = z.infer<typeof agreedLanguagePedigree>;

/** One entry of the library: the adopted clause's whole text, its kind and language, and where it was agreed. */
export const agreedLanguageEntry = /* @__PURE__ */ z
  .object({
    pedigree: agreedLanguagePedigree,
    kind: clauseKindValue,
    /** The clause as adopted; `passage.marks` are the words that matched the query (none without `q`). */
    passage: searchPassage,
    language: z.enum(UN_LANGUAGES).nullable(),
  })
  .meta({ id: 'AgreedLanguageEntry' });
export type AgreedLanguageEntry = z.infer<typeof agreedLanguageEntry>;

/**
 * `GET /api/agreed-language`: the library, newest adoption first, or best match first with `q`
 * (the search's syntax: words, "a phrase", `or`, `-word`; accents and case do not matter).
 * `group` and `document` narrow it to where the wording was agreed; `language` to the text's language.
 */
export const agreedLanguageQuery = /* @__PURE__ */ z.strictObject({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX).optional(),
  group: uuid.optional(),
  document: uuid.optional(),
  language: z.enum(UN_LANGUAGES).optional(),
  kind: clauseKindValue.optional(),
  cursor: z.string().max(200).optional(),
});
export type AgreedLanguageQuery = z.infer<typeof agreedLanguageQuery>;

export const agreedLanguagePage = /* @__PURE__ */ z
  .object({ items: z.array(agreedLanguageEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'AgreedLanguagePage' });
export type AgreedLanguagePage = z.infer<typeof agreedLanguagePage>;

/** The most citations one proposed clause may carry. */
export const MAX_CITATIONS = 20;

/**
 * A citation sent with a proposed text (an amendment's, or a clause of a chair's text): `passage`
 * is wording taken verbatim from clause `clauseId` of the adopted version `version` of document
 * `documentId`, and appears verbatim in the proposed text. Its words are then precedent from that
 * adopted text, not new writing by whoever inserted them.
 */
export const citationInput = /* @__PURE__ */ z.strictObject({
  documentId: uuid,
  version: z.coerce.number().int().min(1).max(100_000),
  clauseId: uuid,
  passage: z.string().min(1).max(MAX_CLAUSE_TEXT),
});
export type CitationInput = z.infer<typeof citationInput>;
export const citationsInput = /* @__PURE__ */ z.array(citationInput).max(MAX_CITATIONS, `At most ${MAX_CITATIONS} citations`);

/** A citation as recorded: the passage and where it was agreed. */
export const citationResponse = /* @__PURE__ */ z
  .object({ passage: z.string(), pedigree: agreedLanguagePedigree })
  .meta({ id: 'Citation' });
export type CitationResponse = z.infer<typeof citationResponse>;
