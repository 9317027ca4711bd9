import { indexClauses } from '../drafting/clause-index';
import { longestIncreasingSubsequence } from '../drafting/longest-increasing-subsequence';
import type { ProvenanceChain } from '../drafting/provenance';
import type { Authorship, Clause, ClauseKind } from '../drafting/types';
import { diffTokens, tokenize, type TextToken } from '../drafting/word-diff';

/** One step of the chain: a version with the amendments applied to make it (as provenance reads it). */
export type TrackedStep = ProvenanceChain['revisions'][number] & {
  /**
   * Who made the version (the chair or rapporteur who consolidated it): credited with a change no
   * amendment or chair's text names, such as a paragraph deleted because its separate vote failed.
   */
  madeBy?: Authorship | null;
};

/** The versions from `a` (the base) to `b` (the last step). */
export interface TrackedChain {
  base: { version: number; clauses: readonly Clause[] };
  steps: readonly TrackedStep[];
  /** The text's language (BCP 47), for word segmentation; the default locale when unknown. */
  locale?: string | null;
}

/** A Word revision: who made it, in which version, and through which amendment (null for a chair's text or the version's maker). */
export interface TrackedChange {
  kind: 'insert' | 'delete';
  author: Authorship;
  version: number;
  amendmentId: string | null;
}

/** Adjacent text with the same change (null: in both a and b). */
export interface TrackedRun {
  text: string;
  change: TrackedChange | null;
}

/** A paragraph of the tracked file: one clause, its runs, and its mark's revision when the paragraph was inserted or deleted whole. */
export interface TrackedParagraph {
  clauseId: string;
  kind: ClauseKind;
  runs: TrackedRun[];
  mark: TrackedChange | null;
}

interface TrackedToken {
  token: TextToken;
  change: TrackedChange | null;
}

interface ClauseTrack {
  /**
   * The clause's tokens. A clause no step has changed yet holds its base text as one token: most clauses
   * of a long text never change, and splitting a text into words is the costly part of reading it.
   */
  tokens: TrackedToken[];
  /** Whether `tokens` are words (as a word diff splits the text), not the untouched text in one piece. */
  split: boolean;
  /** Who made the clause appear, who made it disappear, and who last moved it out of its order (when a step did). */
  addedBy: TrackedChange | null;
  removedBy: TrackedChange | null;
  movedBy: TrackedChange | null;
}

const isLive = (t: TrackedToken) => t.change?.kind !== 'delete';

/**
 * Carries one clause's tokens through one step: words kept stay as they are, new words are inserted
 * by `change`'s author, words of `a` removed are deleted by them, and words inserted in an earlier
 * step and removed now vanish (Word never saw them). Deleted tokens keep their place among the rest;
 * at a change, deletions come before insertions.
 */
function step(tokens: TrackedToken[], oldText: string, newText: string, change: TrackedChange, locale?: string): TrackedToken[] {
  const out: TrackedToken[] = [];
  let at = 0;
  const passDeleted = () => {
    while (at < tokens.length && !isLive(tokens[at])) out.push(tokens[at++]);
  };
  for (const { op, token } of diffTokens(oldText, newText, locale)) {
    passDeleted();
    if (op === 'insert') {
      out.push({ token, change: { ...change, kind: 'insert' } });
      continue;
    }
    const current = tokens[at++];
    if (op === 'equal') out.push(current);
    else if (current.change === null) out.push({ token: current.token, change: { ...change, kind: 'delete' } });
  }
  passDeleted();
  return out;
}

const sameChange = (a: TrackedChange | null, b: TrackedChange | null) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.version === b.version && a.amendmentId === b.amendmentId && a.author.authorId === b.author.authorId);

function runsOf(tokens: readonly TrackedToken[]): TrackedRun[] {
  const runs: TrackedRun[] = [];
  for (const { token, change } of tokens) {
    const last = runs[runs.length - 1];
    if (last && sameChange(last.change, change)) last.text += token.text;
    else runs.push({ text: token.text, change });
  }
  return runs;
}

/** Ids of the clauses common to both lists that stay in order (the rest moved). */
function inOrder(before: readonly Clause[], after: readonly Clause[]): Set<string> {
  const position = new Map(before.map((c, i) => [c.id, i]));
  const common = after.filter((c) => position.has(c.id));
  return new Set(longestIncreasingSubsequence(common.map((c) => position.get(c.id)!)).map((i) => common[i].id));
}

/** Who made a step's change to a clause: the amendment naming it, else the chair's text's pen holder, else the version's maker. */
function changerOf(s: TrackedStep): (clauseId: string) => TrackedChange {
  const byClause = new Map(s.amendments.map((a) => [a.clauseId, a]));
  const fallback = s.chairsText?.penHolder ?? s.madeBy ?? null;
  return (clauseId) => {
    const amendment = byClause.get(clauseId);
    if (amendment) return { kind: 'insert', author: amendment.author, version: s.version, amendmentId: amendment.amendmentId };
    if (fallback) return { kind: 'insert', author: fallback, version: s.version, amendmentId: null };
    throw new Error(`Version ${s.version}: clause "${clauseId}" changed but no applied amendment names it`);
  };
}

/**
 * The paragraphs of a Word file showing `b` (the chain's last version) as tracked changes against
 * `a` (its base), decision 0044. Each step's word diff is attributed to the amendment that changed
 * the clause in that step (or the chair's text's pen holder). Clauses inserted or deleted whole are
 * paragraphs whose mark is inserted or deleted; a moved clause is deleted where it was and inserted
 * where it is. Accepting every revision gives b's clauses exactly, rejecting every one gives a's.
 */
export function trackChanges(chain: TrackedChain): TrackedParagraph[] {
  const slices = trackChangesInSlices(chain);
  for (;;) {
    const next = slices.next();
    if (next.done) return next.value;
  }
}

/** Clauses diffed between two pauses of `trackChangesInSlices` (a word diff is its costly part). */
export const DIFFS_PER_SLICE = 10;

/**
 * `trackChanges` in slices: the generator pauses after every `DIFFS_PER_SLICE` word diffs and returns
 * the paragraphs when done, so a server can let other requests run between slices.
 */
export function* trackChangesInSlices(chain: TrackedChain): Generator<void, TrackedParagraph[]> {
  const a = chain.base.clauses;
  const locale = chain.locale ?? undefined;
  indexClauses(a);
  const tracks = new Map<string, ClauseTrack>(
    a.map((c) => [c.id, { tokens: c.text ? [{ token: { text: c.text, kind: 'word' }, change: null }] : [], split: false, addedBy: null, removedBy: null, movedBy: null }]),
  );
  let previous: readonly Clause[] = a;
  let lastMoving: ((id: string) => TrackedChange) | null = null;
  let diffs = 0;
  for (const s of chain.steps) {
    indexClauses(s.clauses);
    const changer = changerOf(s);
    const oldText = new Map(previous.map((c) => [c.id, c.text]));
    const newText = new Map(s.clauses.map((c) => [c.id, c.text]));
    const stayed = inOrder(previous, s.clauses);
    if (s.clauses.some((c) => oldText.has(c.id) && !stayed.has(c.id))) lastMoving = changer;
    for (const id of new Set([...oldText.keys(), ...newText.keys()])) {
      const before = oldText.get(id);
      const after = newText.get(id);
      if (before === after && stayed.has(id)) continue;
      const change = changer(id);
      let track = tracks.get(id);
      if (!track) tracks.set(id, (track = { tokens: [], split: true, addedBy: null, removedBy: null, movedBy: null }));
      if (before === undefined) track.addedBy = change;
      else if (after === undefined) track.removedBy = { ...change, kind: 'delete' };
      else if (!stayed.has(id)) track.movedBy = change;
      if (before !== after) {
        // An untouched clause's tokens are its base text, unattributed: split now as the diff splits it.
        if (!track.split) track.tokens = tokenize(before ?? '', locale).map((token) => ({ token, change: null }));
        track.split = true;
        track.tokens = step(track.tokens, before ?? '', after ?? '', change, locale);
        if (++diffs % DIFFS_PER_SLICE === 0) yield;
      }
    }
    previous = s.clauses;
  }
  return paragraphsOf(a, previous, tracks, lastMoving);
}

/**
 * Both versions' clauses in one reading order: clauses in both and in the same order are anchors;
 * between two anchors come a's clauses that were deleted or moved away, then b's that were inserted
 * or moved there.
 */
function paragraphsOf(a: readonly Clause[], b: readonly Clause[], tracks: Map<string, ClauseTrack>, lastMoving: ((id: string) => TrackedChange) | null): TrackedParagraph[] {
  const anchors = inOrder(a, b);
  const inA = new Set(a.map((c) => c.id));
  const inB = new Set(b.map((c) => c.id));
  // A clause can leave its order over several steps without any one step moving it: the last step that moved clauses moved it.
  const moverOf = (track: ClauseTrack, id: string) => track.movedBy ?? lastMoving!(id);
  const out: TrackedParagraph[] = [];
  let pending: TrackedParagraph[] = [];
  let ai = 0;
  const upTo = (stop: string | null) => {
    while (ai < a.length && a[ai].id !== stop) {
      const c = a[ai++];
      const track = tracks.get(c.id)!;
      if (!anchors.has(c.id)) out.push(removed(c, track, inB.has(c.id) ? { ...moverOf(track, c.id), kind: 'delete' } : track.removedBy!));
    }
    out.push(...pending);
    pending = [];
  };
  for (const c of b) {
    const track = tracks.get(c.id)!;
    if (!anchors.has(c.id)) {
      pending.push(added(c, track, inA.has(c.id) ? { ...moverOf(track, c.id), kind: 'insert' } : track.addedBy!));
      continue;
    }
    upTo(c.id);
    ai++;
    out.push({ clauseId: c.id, kind: c.kind, runs: runsOf(track.tokens), mark: null });
  }
  upTo(null);
  return out;
}

/** A clause's paragraph where it was in a: every word of a deleted (by whoever deleted it, else by the paragraph's `mark`). */
function removed(c: Clause, track: ClauseTrack, mark: TrackedChange): TrackedParagraph {
  const tokens = track.tokens.filter((t) => t.change?.kind !== 'insert').map((t) => ({ token: t.token, change: t.change ?? mark }));
  return { clauseId: c.id, kind: c.kind, runs: runsOf(tokens), mark };
}

/** A clause's paragraph where it is in b: every word of b inserted (by whoever wrote it, else by the paragraph's `mark`). */
function added(c: Clause, track: ClauseTrack, mark: TrackedChange): TrackedParagraph {
  const tokens = track.tokens.filter(isLive).map((t) => ({ token: t.token, change: t.change ?? mark }));
  return { clauseId: c.id, kind: c.kind, runs: runsOf(tokens), mark };
}

/** The paragraph's text with every revision accepted (null when its whole paragraph is deleted). */
export function acceptedParagraph(p: TrackedParagraph): string | null {
  if (p.mark?.kind === 'delete') return null;
  return p.runs.filter((r) => r.change?.kind !== 'delete').map((r) => r.text).join('');
}

/** The paragraph's text with every revision rejected (null when its whole paragraph is inserted). */
export function rejectedParagraph(p: TrackedParagraph): string | null {
  if (p.mark?.kind === 'insert') return null;
  return p.runs.filter((r) => r.change?.kind !== 'insert').map((r) => r.text).join('');
}
