/**
 * Language versions of a text (decision record 0045). A document is negotiated in its original
 * language; each clause may be translated into the other languages, clause by clause (same ids).
 * A translation records the original text it was made from: it is `outdated` as soon as the
 * clause's original text is not that text any more (an accepted amendment, a chair's text), and
 * `missing` where a clause has none (a new clause, or one nobody translated yet).
 */

/** How a clause reads in a language other than the original. */
export type TranslationState = 'current' | 'outdated' | 'missing';

/**
 * What a saved translation says of its source: the original text it was made from, or (when the
 * store compared them without reading the texts, review M4) whether it is the clause's text now.
 */
export type TranslationSource = { sourceText: string } | { current: boolean };

/** The state of a clause's translation, given the clause's original text now and the latest translation saved (if any). */
export function translationState(originalText: string, saved: TranslationSource | undefined): TranslationState {
  if (!saved) return 'missing';
  const current = 'current' in saved ? saved.current : saved.sourceText === originalText;
  return current ? 'current' : 'outdated';
}

/** The clauses of one language that lag behind the original. */
export interface LanguageGap {
  language: string;
  outdated: string[];
  missing: string[];
}

/**
 * For each language asked for, the clauses whose translation is outdated or missing, in reading
 * order; languages with none are left out. `saved(language, clauseId)` is the latest translation.
 */
export function languageGaps(
  clauses: readonly { clauseId: string; text: string }[],
  languages: readonly string[],
  saved: (language: string, clauseId: string) => TranslationSource | undefined,
): LanguageGap[] {
  const gaps: LanguageGap[] = [];
  for (const language of languages) {
    const gap: LanguageGap = { language, outdated: [], missing: [] };
    for (const c of clauses) {
      const state = translationState(c.text, saved(language, c.clauseId));
      if (state !== 'current') gap[state].push(c.clauseId);
    }
    if (gap.outdated.length + gap.missing.length > 0) gaps.push(gap);
  }
  return gaps;
}

/**
 * The languages whose versions must be up to date before adoption: those the group declares
 * authentic, except the document's original (which is the text itself), each once, in the order given.
 */
export function authenticTranslations(originalLanguage: string, authentic: readonly string[]): string[] {
  return [...new Set(authentic)].filter((l) => l !== originalLanguage);
}

/** What the adoption gate decides: open (recording the gaps the chair confirmed, if any), or refuse naming them. */
export type TranslationGateVerdict = { open: true; confirmedGaps: LanguageGap[] | null } | { open: false; gaps: LanguageGap[] };

/**
 * A version is not put to adoption while an authentic language lags (outdated or missing clauses),
 * unless the chair confirms the warning: then it opens, and what lagged is recorded.
 */
export function translationGate(gaps: readonly LanguageGap[], acknowledged: boolean): TranslationGateVerdict {
  if (gaps.length === 0) return { open: true, confirmedGaps: null };
  return acknowledged ? { open: true, confirmedGaps: [...gaps] } : { open: false, gaps: [...gaps] };
}

/** The refusal's flat facts: the languages named and how many clauses are outdated and missing across them. */
export function gapTotals(gaps: readonly LanguageGap[]): { languages: string; outdated: number; missing: number } {
  return {
    languages: gaps.map((g) => g.language).join(', '),
    outdated: gaps.reduce((n, g) => n + g.outdated.length, 0),
    missing: gaps.reduce((n, g) => n + g.missing.length, 0),
  };
}

/** Why a save or a change of language is refused while a version is put to adoption or once adopted. */
export type LanguageFreeze = { why: 'under-adoption' | 'adopted'; version: number };

/**
 * Authentic language versions are what an adoption is on (review M1): while a version is put to
 * adoption (ballot open or procedure under way), a translation into an authentic language (not the
 * original) saved on that version or an earlier one — which it would read — is refused; once a
 * version is adopted, the same holds for it and the versions before it. Other languages stay open.
 * `underAdoption`, `adopted`: the version numbers concerned, null when none.
 */
export function authenticTranslationFrozen(p: {
  language: string;
  version: number;
  originalLanguage: string;
  authentic: readonly string[];
  underAdoption: number | null;
  adopted: number | null;
}): LanguageFreeze | null {
  if (!authenticTranslations(p.originalLanguage, p.authentic).includes(p.language)) return null;
  if (p.underAdoption !== null && p.version <= p.underAdoption) return { why: 'under-adoption', version: p.underAdoption };
  if (p.adopted !== null && p.version <= p.adopted) return { why: 'adopted', version: p.adopted };
  return null;
}

/**
 * The original language is fixed once the text is put to adoption or adopted, whatever its number
 * of versions (review L1); before that, once a second version exists (`versions`).
 */
export function originalLanguageFixed(doc: { currentVersion: number; underAdoption: boolean; adopted: boolean }): LanguageFreeze | { why: 'versions'; version: number } | null {
  if (doc.adopted) return { why: 'adopted', version: doc.currentVersion };
  if (doc.underAdoption) return { why: 'under-adoption', version: doc.currentVersion };
  if (doc.currentVersion !== 1) return { why: 'versions', version: doc.currentVersion };
  return null;
}

/**
 * A save that would change nothing a version reads (review M4): the latest translation it reads
 * already says `text` and was made from the same original text. (The same words made from an
 * original that changed since are a meaningful save: they confirm the translation still holds.)
 */
export function unchangedTranslation(latest: { text: string; sourceText: string } | null | undefined, text: string, sourceText: string): boolean {
  return !!latest && latest.text === text && latest.sourceText === sourceText;
}
