import type { ClauseKind, VersionClauses } from '../drafting/types';
import { tokenize } from '../drafting/word-diff';
import { clauseParagraphs, paragraphText, recogniseClause, type LeftOut, type RecognisedClause } from './clause-recognition';
import type { WordContent, WordParagraph } from './word-content';

/** A tracked change of the file as the amendment it would become, by index in the file's clause list (tracked changes rejected). */
export type ImportedProposal =
  | { kind: 'replace'; clauseIndex: number; text: string; wordAuthor: string | null }
  | { kind: 'insert'; afterClauseIndex: number | null; clauseKind: ClauseKind; text: string; wordAuthor: string | null }
  | { kind: 'delete'; clauseIndex: number; wordAuthor: string | null };

export type WordImportWarning = LeftOut | 'untracked-differences';

/** A Word file read for import: its clauses with tracked changes rejected, and those changes as proposals. */
export interface WordImport {
  title: string | null;
  clauses: RecognisedClause[];
  /** Each clause's text with the tracked changes accepted ('' when they delete it), by clause index. */
  acceptedTexts: string[];
  proposals: ImportedProposal[];
  warnings: WordImportWarning[];
}

/** Who made the paragraph's changes, in the file's own words: its revisions' distinct authors, joined. */
function wordAuthorOf(p: WordParagraph): string | null {
  const authors = new Set<string>();
  for (const r of [p.markRevision, ...p.runs.map((run) => run.revision)]) if (r?.author) authors.add(r.author);
  return authors.size === 0 ? null : [...authors].join('; ');
}

/**
 * Reads a file for import (decision 0044). Each paragraph's text with tracked changes rejected is a
 * clause; its changes become proposals: a paragraph whose text is all inserted (its mark inserted) is
 * an insertion after the clause before it, one whose text is all deleted a deletion, any other
 * difference a replacement of the clause by its accepted text.
 */
export function readWordImport(content: WordContent): WordImport {
  const { title, paragraphs, leftOut } = clauseParagraphs(content);
  const clauses: RecognisedClause[] = [];
  const acceptedTexts: string[] = [];
  const proposals: ImportedProposal[] = [];
  for (const p of paragraphs) {
    const rejected = recogniseClause(p, paragraphText(p, 'rejected'));
    const acceptedText = paragraphText(p, 'accepted');
    const wordAuthor = wordAuthorOf(p);
    if (!rejected) {
      const inserted = recogniseClause(p, acceptedText);
      if (inserted) proposals.push({ kind: 'insert', afterClauseIndex: clauses.length === 0 ? null : clauses.length - 1, clauseKind: inserted.kind, text: inserted.text, wordAuthor });
      continue;
    }
    const clauseIndex = clauses.push(rejected) - 1;
    // The accepted text read the same way (a number typed by hand dropped), so only real changes propose.
    const accepted = recogniseClause(p, acceptedText)?.text ?? '';
    acceptedTexts.push(accepted);
    if (accepted === '') proposals.push({ kind: 'delete', clauseIndex, wordAuthor });
    else if (accepted !== rejected.text) proposals.push({ kind: 'replace', clauseIndex, text: accepted, wordAuthor });
  }
  return { title, clauses, acceptedTexts, proposals, warnings: leftOut };
}

// ---------- an existing document: the file matched to its current version ----------

/** A paragraph of the file (tracked changes rejected) matched to a clause of the version. */
export interface MatchedClause {
  clauseId: string | null;
  kind: ClauseKind;
  text: string;
  match: 'same' | 'changed' | 'new';
}

/** A proposal against the current version; `tracked` false for a difference made without tracking. */
export type VersionProposal =
  | { kind: 'replace'; targetClauseId: string; text: string; wordAuthor: string | null; tracked: boolean }
  | { kind: 'insert'; afterClauseId: string | null; clauseKind: ClauseKind; text: string; wordAuthor: string | null; tracked: boolean }
  | { kind: 'delete'; targetClauseId: string; wordAuthor: string | null; tracked: boolean };

export interface VersionImport {
  clauses: MatchedClause[];
  /** Clauses of the version the file does not have. */
  missing: string[];
  proposals: VersionProposal[];
  warnings: WordImportWarning[];
}

/** Below this word similarity a paragraph is not the clause it stands beside, but a new one. */
export const MIN_SIMILARITY = 0.5;

const wordsOf = (text: string) => tokenize(text.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);

/** A text's words as a bag (word → how many times), and how many there are: tokenised once per text. */
interface WordBag {
  counts: Map<string, number>;
  size: number;
}
function bagOf(text: string): WordBag {
  const counts = new Map<string, number>();
  const words = wordsOf(text);
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, size: words.length };
}

function bagSimilarity(a: WordBag, b: WordBag): number {
  if (a.size + b.size === 0) return 1;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [w, n] of small.counts) common += Math.min(n, large.counts.get(w) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** Dice similarity of two texts' words (as bags): 1 for the same words, 0 for none in common. */
export const wordSimilarity = (a: string, b: string): number => bagSimilarity(bagOf(a), bagOf(b));

/**
 * Which clause of the version each file clause is (index into `version`, or -1): equal texts first
 * (in order, each clause once), then each remaining file clause takes the most similar unmatched
 * clause between the clauses its matched neighbours are, if similar enough. Each text is tokenised
 * once and the neighbours are found in one pass each way, so a file of MAX_CLAUSES paragraphs
 * against a long version stays a matter of milliseconds, not seconds.
 */
export function matchClauses(file: readonly string[], version: readonly string[]): number[] {
  const matched: number[] = file.map(() => -1);
  const taken = new Set<number>();
  const byText = new Map<string, number[]>();
  version.forEach((t, i) => {
    const same = byText.get(t);
    if (same) same.push(i);
    else byText.set(t, [i]);
  });
  const nextOfText = new Map<string, number>();
  file.forEach((t, i) => {
    const candidates = byText.get(t);
    const at = nextOfText.get(t) ?? 0;
    if (candidates && at < candidates.length) {
      matched[i] = candidates[at];
      taken.add(candidates[at]);
      nextOfText.set(t, at + 1);
    }
  });
  // The next clause matched by equal text after each file clause (later matches by similarity come after it in the walk below).
  const after: number[] = new Array(file.length);
  for (let i = file.length - 1, next = version.length; i >= 0; i--) {
    after[i] = next;
    if (matched[i] >= 0) next = matched[i];
  }
  const versionBags = new Map<number, WordBag>();
  const versionBag = (v: number) => {
    let bag = versionBags.get(v);
    if (!bag) versionBags.set(v, (bag = bagOf(version[v])));
    return bag;
  };
  let before = -1;
  file.forEach((t, i) => {
    if (matched[i] >= 0) {
      before = matched[i];
      return;
    }
    const bag = bagOf(t);
    let best = -1;
    let bestScore = MIN_SIMILARITY;
    for (let v = before + 1; v < Math.max(after[i], before + 1); v++) {
      if (taken.has(v)) continue;
      const score = bagSimilarity(bag, versionBag(v));
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = v;
        bestScore = score;
      }
    }
    if (best >= 0) {
      matched[i] = best;
      taken.add(best);
      before = best;
    }
  });
  return matched;
}

/**
 * The file against the document's current version (decision 0044): each file clause matched to a
 * clause of the version; the file's tracked changes as proposals on the matched clauses, and the
 * differences made without tracking (a clause changed, added or missing) as proposals flagged
 * `tracked: false`, with the warning `untracked-differences`.
 */
export function proposalsAgainstVersion(read: WordImport, version: VersionClauses): VersionImport {
  const matches = matchClauses(
    read.clauses.map((c) => c.text),
    version.map((c) => c.text),
  );
  const clauses: MatchedClause[] = read.clauses.map((c, i) => {
    const v = matches[i] >= 0 ? version[matches[i]] : null;
    return { clauseId: v?.id ?? null, kind: v?.kind ?? c.kind, text: c.text, match: !v ? 'new' : v.text === c.text ? 'same' : 'changed' };
  });
  /** The version clause a proposal after file clause `index` follows: the nearest matched clause at or before it. */
  const clauseIdAtOrBefore = (index: number | null) => {
    for (let i = index ?? -1; i >= 0; i--) if (clauses[i].clauseId) return clauses[i].clauseId;
    return null;
  };
  const tracked = new Map<number, ImportedProposal>();
  for (const p of read.proposals) if (p.kind !== 'insert') tracked.set(p.clauseIndex, p);

  const proposals: VersionProposal[] = [];
  const insertsAfter = (index: number | null) =>
    read.proposals
      .filter((p) => p.kind === 'insert' && p.afterClauseIndex === index)
      .forEach((p) => p.kind === 'insert' && proposals.push({ kind: 'insert', afterClauseId: clauseIdAtOrBefore(index), clauseKind: p.clauseKind, text: p.text, wordAuthor: p.wordAuthor, tracked: true }));

  insertsAfter(null);
  clauses.forEach((c, i) => {
    const change = tracked.get(i);
    const accepted = read.acceptedTexts[i];
    if (c.clauseId === null) {
      if (accepted !== '') proposals.push({ kind: 'insert', afterClauseId: clauseIdAtOrBefore(i - 1), clauseKind: c.kind, text: accepted, wordAuthor: change?.wordAuthor ?? null, tracked: false });
    } else if (change?.kind === 'delete') proposals.push({ kind: 'delete', targetClauseId: c.clauseId, wordAuthor: change.wordAuthor, tracked: true });
    else if (change?.kind === 'replace' || c.match === 'changed')
      proposals.push({ kind: 'replace', targetClauseId: c.clauseId, text: accepted, wordAuthor: change?.wordAuthor ?? null, tracked: c.match === 'same' });
    insertsAfter(i);
  });
  const matchedIds = new Set(clauses.map((c) => c.clauseId));
  const missing = version.filter((v) => !matchedIds.has(v.id)).map((v) => v.id);
  for (const id of missing) proposals.push({ kind: 'delete', targetClauseId: id, wordAuthor: null, tracked: false });
  const untracked = proposals.some((p) => !p.tracked);
  return { clauses, missing, proposals, warnings: [...read.warnings, ...(untracked ? (['untracked-differences'] as const) : [])] };
}
