import { z } from 'zod';
import { CLAUSE_KINDS } from '@parley/domain';
import { instant } from '../api/domain-shapes';
import { text, uuid } from '../common';
import { UN_LANGUAGES } from '../languages';
import { actorRef } from './actors';
import { MAX_TRANSLATION_TEXT } from './vocabulary';

/** Language versions of a text (issue #23, decision record 0045). */
export const unLanguage = /* @__PURE__ */ z.enum(UN_LANGUAGES);

/** How a clause reads in a language: the original itself, or a translation current, outdated or missing. */
export const CLAUSE_LANGUAGE_STATES = ['original', 'current', 'outdated', 'missing'] as const;
export type ClauseLanguageState = (typeof CLAUSE_LANGUAGE_STATES)[number];

/** The clauses of an authentic language that lag behind the original (outdated: the original changed since; missing: never translated). */
export const languageGapView = /* @__PURE__ */ z.object({ language: unLanguage, outdated: z.array(z.string()), missing: z.array(z.string()) });
export type LanguageGapView = z.infer<typeof languageGapView>;

/** A member saves the translation of one clause of a version into a language (not the original). */
export const saveTranslationRequest = /* @__PURE__ */ z.strictObject({
  clauseId: uuid,
  language: unLanguage,
  text: text(MAX_TRANSLATION_TEXT),
});
export type SaveTranslationRequest = z.infer<typeof saveTranslationRequest>;

/** Which languages to return clause by clause (comma-separated); absent: every language. `only=counts`: each language's counts, no clauses (the document page's language bar). */
export const languageVersionsQuery = /* @__PURE__ */ z.strictObject({
  only: z.enum(['counts']).optional(),
  languages: z
    .string()
    .max(40)
    .transform((s) => s.split(',').filter((l) => l !== ''))
    .pipe(z.array(unLanguage).max(UN_LANGUAGES.length))
    .optional(),
});
export type LanguageVersionsQuery = z.infer<typeof languageVersionsQuery>;

/** The chair sets the document's original language while it has its first version alone. */
export const setOriginalLanguageRequest = /* @__PURE__ */ z.strictObject({ language: unLanguage });
export type SetOriginalLanguageRequest = z.infer<typeof setOriginalLanguageRequest>;

/** The chair declares the group's authentic languages (besides each document's original), audited. */
export const setAuthenticLanguagesRequest = /* @__PURE__ */ z.strictObject({
  languages: z.array(unLanguage).max(UN_LANGUAGES.length),
  note: text(2000).optional(),
});
export type SetAuthenticLanguagesRequest = z.infer<typeof setAuthenticLanguagesRequest>;

/** One clause in one language: its state and, for a translation, its text, the original it was made from, who made it and when. */
export const clauseLanguageView = /* @__PURE__ */ z.object({
  language: unLanguage,
  state: z.enum(CLAUSE_LANGUAGE_STATES),
  /** The clause's text in that language; null when missing. */
  text: z.string().nullable(),
  /**
   * The original text an outdated translation was made from (the clause's text has changed since). Null
   * for the original and when missing; null too in a version's side-by-side read when current, since it
   * is then the clause's `original` (a saved translation's answer gives it).
   */
  sourceText: z.string().nullable(),
  translator: actorRef.nullable(),
  translatedAt: instant.nullable(),
  /** The version the translation was saved on (earlier than the one read when carried forward). */
  madeOnVersion: z.number().nullable(),
});
export type ClauseLanguageView = z.infer<typeof clauseLanguageView>;

export const savedTranslationResponse = /* @__PURE__ */ clauseLanguageView.extend({ documentId: z.string(), version: z.number(), clauseId: z.string() }).meta({ id: 'SavedTranslation' });
export type SavedTranslationResponse = z.infer<typeof savedTranslationResponse>;

/** A version's text in its languages: every language's counts, and the clauses in the languages asked for. */
export const languageVersionsResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    version: z.number(),
    originalLanguage: unLanguage,
    /** The group's declared authentic languages (the original is always authentic). */
    authenticLanguages: z.array(unLanguage),
    languages: z.array(
      z.object({ language: unLanguage, original: z.boolean(), authentic: z.boolean(), current: z.number(), outdated: z.number(), missing: z.number() }),
    ),
    clauses: z.array(
      z.object({
        clauseId: z.string(),
        kind: z.enum(CLAUSE_KINDS),
        label: z.string().nullable(),
        /** The clause's text in the original language. */
        original: z.string(),
        languages: z.array(clauseLanguageView),
      }),
    ),
    can: z.object({ translate: z.boolean(), setOriginalLanguage: z.boolean(), setAuthenticLanguages: z.boolean() }),
  })
  .meta({ id: 'LanguageVersions' });
export type LanguageVersionsResponse = z.infer<typeof languageVersionsResponse>;

export const originalLanguageResponse = /* @__PURE__ */ z.object({ documentId: z.string(), originalLanguage: unLanguage }).meta({ id: 'OriginalLanguage' });
export type OriginalLanguageResponse = z.infer<typeof originalLanguageResponse>;

export const authenticLanguagesResponse = /* @__PURE__ */ z.object({ workingGroupId: z.string(), authenticLanguages: z.array(unLanguage) }).meta({ id: 'AuthenticLanguages' });
export type AuthenticLanguagesResponse = z.infer<typeof authenticLanguagesResponse>;
