import type { ClauseProvenance, Origin, PrecedentSource } from './provenance';
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
 * One quoted occurrence of agreed language in a clause's text: where it is, the precedent it is, and
 * who inserted it (whose words its remaining words become once it is altered).
 */
export interface Quote extends Occurrence {
  origin: Extract<Origin, { kind: 'precedent' }>;
  inserter: Origin;
}

const OPENING = /[[({<⟨「『【〔]$/u;
const CLOSING = /^[\])}>⟩」』】〕]/u;
/** Characters that, touching an occurrence, make it part of something else: letters, a joiner, a bracket. */
const JOINS_BEFORE = /[\p{L}\p{M}\p{N}\-‐'’[({<⟨「『【〔]/u;
const JOINS_AFTER = /[\p{L}\p{M}\p{N}\-‐'’\])}>⟩」』】〕]/u;

/** Whether an occurrence stands on its own in a text: nothing joined to it, no bracket mark touching it. */
function standsAlone(text: string, o: Occurrence): boolean {
  if ((o.start > 0 && JOINS_BEFORE.test(text[o.start - 1])) || (o.end < text.length && JOINS_AFTER.test(text[o.end]))) return false;
  // Nor a bracket mark with only spaces between: "[ … ]".
  return !OPENING.test(text.slice(0, o.start).trimEnd()) && !CLOSING.test(text.slice(o.end).trimStart());
}

export interface CarriedQuotes {
  /** Quotes still in the new text, where they are now; `moved` when found elsewhere than the diff keeps them. */
  kept: { quote: Quote; at: Occurrence; moved: boolean }[];
  /** Quotes the new text alters: these sources are reopened, their remaining words are their inserter's. */
  reopened: Quote[];
}

/**
 * Where a clause's quotes are in its new text (decision 0054). A quote is kept in place when the word
 * diff keeps every token of it, inserts nothing inside it, and inserts nothing touching its edges
 * (no "-based" or "[…]" glued to it, no bracket mark before or after it). Otherwise it is kept where
 * its passage still occurs verbatim on word boundaries, standing alone, in a place not already
 * claimed (it was moved); otherwise the new text reopens it.
 */
export function carryQuotes(oldText: string, newText: string, quotes: readonly Quote[], claimed: readonly Occurrence[] = [], locale?: string): CarriedQuotes {
  if (quotes.length === 0) return { kept: [], reopened: [] };
  const altered = quotes.map(() => false);
  const starts = quotes.map(() => -1);
  const ends = quotes.map(() => -1);
  const insertedAt = new Map<number, string>();
  let oldAt = 0;
  let newAt = 0;
  for (const { op, token } of diffTokens(oldText, newText, locale)) {
    const length = token.text.length;
    if (op === 'insert') {
      insertedAt.set(oldAt, (insertedAt.get(oldAt) ?? '') + token.text);
      quotes.forEach((q, i) => void (q.start < oldAt && oldAt < q.end && (altered[i] = true)));
      newAt += length;
      continue;
    }
    const start = oldAt;
    oldAt += length;
    if (op === 'delete') {
      quotes.forEach((q, i) => void (q.start < oldAt && start < q.end && (altered[i] = true)));
      continue;
    }
    quotes.forEach((q, i) => {
      if (start === q.start) starts[i] = newAt;
      if (oldAt === q.end) ends[i] = newAt + length;
    });
    newAt += length;
  }
  quotes.forEach((q, i) => {
    const before = insertedAt.get(q.start) ?? '';
    const after = insertedAt.get(q.end) ?? '';
    const touches =
      (before !== '' && (!/\s$/u.test(before) || OPENING.test(before.trimEnd()))) || (after !== '' && (!/^\s/u.test(after) || CLOSING.test(after.trimStart())));
    if (touches || starts[i] < 0 || ends[i] < 0) altered[i] = true;
  });
  const taken: Occurrence[] = [...claimed];
  const kept: CarriedQuotes['kept'] = [];
  quotes.forEach((q, i) => {
    if (altered[i]) return;
    const at = { start: starts[i], end: ends[i] };
    kept.push({ quote: q, at, moved: false });
    taken.push(at);
  });
  const reopened: Quote[] = [];
  const boundaries = wordBoundaries(newText, locale);
  quotes.forEach((q, i) => {
    if (!altered[i]) return;
    const passage = oldText.slice(q.start, q.end);
    const at = occurrencesOnWords(newText, passage, locale, boundaries).find((o) => standsAlone(newText, o) && !taken.some((c) => overlaps(o, c)));
    if (!at) return void reopened.push(q);
    kept.push({ quote: q, at, moved: true });
    taken.push(at);
  });
  return { kept, reopened };
}

/** A clause's quotes as its segments show them, for provenance traced without them: each run of one precedent origin. */
function quotesOfSegments(before: ClauseProvenance): Quote[] {
  const quotes: Quote[] = [];
  let at = 0;
  for (const s of before.segments) {
    if (s.origin.kind === 'precedent') quotes.push({ start: at, end: at + s.text.length, origin: s.origin, inserter: s.origin });
    at += s.text.length;
  }
  return quotes;
}

/**
 * The adopted texts whose agreed wording a change to a clause reopens: the quotes of `before` that
 * `afterText` alters (`carryQuotes`: a changed or deleted word, words put inside, something glued to or
 * bracketed around it, unless the passage still stands verbatim elsewhere in the clause); every quote
 * of the clause when it is deleted (`afterText` null). Each source once, in the order met.
 */
export function reopenedPrecedents(before: ClauseProvenance, afterText: string | null, locale?: string): PrecedentSource[] {
  const quotes = before.quotes ?? quotesOfSegments(before);
  if (quotes.length === 0) return [];
  const found = new Map<string, PrecedentSource>();
  const reopened = afterText === null ? quotes : carryQuotes(before.segments.map((s) => s.text).join(''), afterText, quotes, [], locale).reopened;
  for (const q of reopened) if (!found.has(precedentKey(q.origin.source))) found.set(precedentKey(q.origin.source), q.origin.source);
  return [...found.values()];
}
