import type { ClauseProvenance, PrecedentSource } from './provenance';
import { diffTokens } from './word-diff';

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
  | { field: 'passage'; code: 'passage-not-in-text' };

/** What the server found of the cited version: null when it does not exist. */
export interface CitedVersion {
  adopted: boolean;
  /** Whether the proposer may read it (a members-only version is read by its group's members only). */
  readable: boolean;
  /** The cited clause's text in that version, null when it has no such clause. */
  clauseText: string | null;
}

/** Checks one citation of a proposed text; null when it holds. Checked in this order, so a version the proposer may not read reveals nothing of its clauses. */
export function citationProblem(passage: string, cited: CitedVersion | null, proposedText: string): CitationProblem | null {
  if (!cited || !cited.adopted || !cited.readable) return { field: 'version', code: 'not-agreed-language' };
  if (cited.clauseText === null) return { field: 'clauseId', code: 'not-a-clause' };
  if (!cited.clauseText.includes(passage)) return { field: 'passage', code: 'passage-not-in-source' };
  if (!proposedText.includes(passage)) return { field: 'passage', code: 'passage-not-in-text' };
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
