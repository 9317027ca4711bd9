import type { ClauseProvenance, PrecedentSource } from './provenance';
import { countWords, diffTokens, tokenize } from './word-diff';

/**
 * Agreed language (issue #25, decision 0054): wording of a clause of an adopted version. A drafter
 * quotes it with a citation; the server checks the citation against the stored adopted text, so no
 * one can pass their own words off as agreed.
 */

/** Why a citation is refused, with the field of the citation it concerns. */
export type CitationProblem =
  /** The cited version does not exist, is not adopted, or is one the proposer may not read (one answer for all three: nothing leaks). */
  | { field: 'version'; code: 'not-agreed-language' }
  /** The adopted version has no such clause. */
  | { field: 'clauseId'; code: 'not-a-clause' }
  /** The passage is not, verbatim, in the adopted clause. */
  | { field: 'passage'; code: 'passage-not-in-source' }
  /** The passage is not, verbatim, in the proposed text. */
  | { field: 'passage'; code: 'passage-not-in-text' }
  /** The passage is shorter than `MINIMUM_PASSAGE_WORDS` words and is not the whole adopted clause. */
  | { field: 'passage'; code: 'passage-too-short' };

/** A quote shorter than this is no agreed language ("the", "to and") unless it is the whole adopted clause. */
export const MINIMUM_PASSAGE_WORDS = 3;

/** Where a passage occurs in a text: character offsets, [start, end). */
export interface Occurrence {
  start: number;
  end: number;
}

/** Offsets at which a token of the text starts, and its end: where a passage may start or end. */
export function wordBoundaries(text: string, locale?: string): Set<number> {
  const out = new Set<number>([0]);
  let at = 0;
  for (const t of tokenize(text, locale)) out.add((at += t.text.length));
  return out;
}

/** Every occurrence of `passage` in `text` that starts and ends on word boundaries (never inside a word: "the" is not in "other"). */
export function occurrencesOnWords(text: string, passage: string, locale?: string, boundaries = wordBoundaries(text, locale)): Occurrence[] {
  const out: Occurrence[] = [];
  if (passage.length === 0) return out;
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1))
    if (boundaries.has(at) && boundaries.has(at + passage.length)) out.push({ start: at, end: at + passage.length });
  return out;
}

const overlaps = (a: Occurrence, b: Occurrence): boolean => a.start < b.end && b.start < a.end;

/**
 * The one occurrence of `passage` a citation claims in `text`: the first on word boundaries that no
 * occurrence in `claimed` (earlier citations of the same text) overlaps; null when none is left.
 */
export function claimOccurrence(text: string, passage: string, claimed: readonly Occurrence[], locale?: string, boundaries?: Set<number>): Occurrence | null {
  return occurrencesOnWords(text, passage, locale, boundaries).find((o) => !claimed.some((c) => overlaps(o, c))) ?? null;
}

/** The occurrence each citation of a text claims, in the citations' order (null for one with none left). */
export function claimOccurrences(text: string, passages: readonly string[], locale?: string): (Occurrence | null)[] {
  const boundaries = wordBoundaries(text, locale);
  const claimed: Occurrence[] = [];
  return passages.map((p) => {
    const found = claimOccurrence(text, p, claimed, locale, boundaries);
    if (found) claimed.push(found);
    return found;
  });
}

/** What the server found of the cited version: null when it does not exist. */
export interface CitedVersion {
  adopted: boolean;
  /** Whether the proposer may read it (a members-only version is read by its group's members only). */
  readable: boolean;
  /** The cited clause's text in that version, null when it has no such clause. */
  clauseText: string | null;
}

/**
 * Checks one citation of a proposed text; null when it holds. Checked in this order, so a version the
 * proposer may not read reveals nothing of its clauses. The passage must be on word boundaries in
 * the adopted clause and in the proposed text, at least `MINIMUM_PASSAGE_WORDS` words unless it is the
 * whole adopted clause, and each citation claims one occurrence of its own in the proposed text:
 * `claimed` holds those of the earlier citations of the same text, and gets this one's.
 */
export function citationProblem(
  passage: string,
  cited: CitedVersion | null,
  proposedText: string,
  claimed: Occurrence[] = [],
  locale?: string,
): CitationProblem | null {
  if (!cited || !cited.adopted || !cited.readable) return { field: 'version', code: 'not-agreed-language' };
  if (cited.clauseText === null) return { field: 'clauseId', code: 'not-a-clause' };
  if (occurrencesOnWords(cited.clauseText, passage, locale).length === 0) return { field: 'passage', code: 'passage-not-in-source' };
  if (countWords(passage, locale) < MINIMUM_PASSAGE_WORDS && passage.trim() !== cited.clauseText.trim()) return { field: 'passage', code: 'passage-too-short' };
  const found = claimOccurrence(proposedText, passage, claimed, locale);
  if (!found) return { field: 'passage', code: 'passage-not-in-text' };
  claimed.push(found);
  return null;
}

export const precedentKey = (s: PrecedentSource): string => `${s.documentId}:${s.version}:${s.clauseId}`;

/**
 * The adopted texts whose agreed wording a change to a clause reopens: precedent words of `before`
 * that `afterText` deletes or alters, or splits by inserting words inside them; every precedent of
 * the clause when it is deleted (`afterText` null). Each source once, in the order met.
 */
export function reopenedPrecedents(before: ClauseProvenance, afterText: string | null, locale?: string): PrecedentSource[] {
  const ranges: { start: number; end: number; source: PrecedentSource }[] = [];
  let at = 0;
  for (const s of before.segments) {
    if (s.origin.kind === 'precedent') ranges.push({ start: at, end: at + s.text.length, source: s.origin.source });
    at += s.text.length;
  }
  if (ranges.length === 0) return [];
  const found = new Map<string, PrecedentSource>();
  const add = (source: PrecedentSource): void => void (found.has(precedentKey(source)) || found.set(precedentKey(source), source));
  if (afterText === null) {
    for (const r of ranges) add(r.source);
    return [...found.values()];
  }
  const oldText = before.segments.map((s) => s.text).join('');
  let oldAt = 0;
  for (const { op, token } of diffTokens(oldText, afterText, locale)) {
    if (op === 'insert') {
      // Words put inside a quoted passage change it too.
      for (const r of ranges) if (r.start < oldAt && oldAt < r.end) add(r.source);
      continue;
    }
    const start = oldAt;
    oldAt += token.text.length;
    if (op === 'delete') for (const r of ranges) if (r.start < oldAt && start < r.end) add(r.source);
  }
  return [...found.values()];
}
