import { diffArrays } from 'diff';
import { countWords, type TextToken, tokenize } from './word-segments';

export { countWords, DEFAULT_SEGMENTATION_LOCALE, tokenize, wordSegmenter, type TextToken, type TokenKind } from './word-segments';

export type DiffOp = 'equal' | 'insert' | 'delete';

/** One token of a diff: `equal` tokens are in both texts, `delete` only in the old one, `insert` only in the new one. */
export interface TokenChange {
  op: DiffOp;
  token: TextToken;
}

/** A run of consecutive tokens with the same operation. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * What is diffed: a word or punctuation mark with the whitespace that follows it, compared by the word
 * alone. Diffing whitespace as tokens of its own would let the diff keep the spaces and delete and
 * re-insert common words (jsdiff's own word tokenizer makes the same choice).
 */
interface Unit {
  core: TextToken | null; // null only for whitespace at the very start of a text
  space: TextToken | null;
}

function toUnits(tokens: TextToken[]): Unit[] {
  const units: Unit[] = [];
  for (const token of tokens) {
    const last = units[units.length - 1];
    if (token.kind !== 'space') units.push({ core: token, space: null });
    else if (last) last.space = token;
    else units.push({ core: null, space: token });
  }
  return units;
}

function unitTokens(unit: Unit): TextToken[] {
  return [unit.core, unit.space].filter((t): t is TextToken => t !== null);
}

/**
 * Tidies each run of changes: deletions first, then insertions, and tokens both sides share at the
 * start or end of the run (typically a space) become equal, so "actors[-, including the private
 * sector, -]{+ +}from" reads "actors[-, including the private sector,-] from". Both texts still rebuild.
 */
function tidyChangeRuns(changes: TokenChange[]): TokenChange[] {
  const out: TokenChange[] = [];
  let deleted: TokenChange[] = [];
  let inserted: TokenChange[] = [];
  const flush = (): void => {
    let head = 0;
    while (head < deleted.length && head < inserted.length && deleted[head].token.text === inserted[head].token.text) head++;
    let tail = 0;
    while (
      tail < deleted.length - head &&
      tail < inserted.length - head &&
      deleted[deleted.length - 1 - tail].token.text === inserted[inserted.length - 1 - tail].token.text
    )
      tail++;
    const equal = (c: TokenChange): TokenChange => ({ op: 'equal', token: c.token });
    out.push(
      ...inserted.slice(0, head).map(equal),
      ...deleted.slice(head, deleted.length - tail),
      ...inserted.slice(head, inserted.length - tail),
      ...inserted.slice(inserted.length - tail).map(equal),
    );
    deleted = [];
    inserted = [];
  };
  for (const change of changes) {
    if (change.op === 'delete') deleted.push(change);
    else if (change.op === 'insert') inserted.push(change);
    else {
      flush();
      out.push(change);
    }
  }
  flush();
  return out;
}

/**
 * The most work one diff may do. Myers' algorithm costs about (old + new length) × edits: two long,
 * unrelated texts (a 20,000-character Chinese clause is 20,000 words) would take minutes on every read
 * of an amendment. Past this, the changed middle reads as deleted and re-inserted whole: coarser, but
 * still exact (equal + delete rebuild the old text, equal + insert the new) and the same every time.
 */
const MAX_DIFF_WORK = 4_000_000;

interface KeyChange {
  count: number;
  added?: boolean;
  removed?: boolean;
}

/** jsdiff over what differs between the common start and end, within MAX_DIFF_WORK. */
function boundedDiff(a: string[], b: string[]): KeyChange[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const oldMiddle = a.slice(start, endA);
  const newMiddle = b.slice(start, endB);
  const out: KeyChange[] = start > 0 ? [{ count: start }] : [];
  if (oldMiddle.length > 0 && newMiddle.length > 0) {
    const maxEditLength = Math.max(64, Math.floor(MAX_DIFF_WORK / (oldMiddle.length + newMiddle.length)));
    const middle = diffArrays(oldMiddle, newMiddle, { maxEditLength });
    if (middle) out.push(...middle);
    else out.push({ count: oldMiddle.length, removed: true }, { count: newMiddle.length, added: true });
  } else if (oldMiddle.length > 0) out.push({ count: oldMiddle.length, removed: true });
  else if (newMiddle.length > 0) out.push({ count: newMiddle.length, added: true });
  if (a.length > endA) out.push({ count: a.length - endA });
  return out;
}

/**
 * Token-level diff of two texts (Myers diff from jsdiff over words and punctuation, words segmented
 * for `locale`, see `tokenize`). The `equal` and `delete` tokens, in order, are exactly the tokens of
 * `oldText`; `equal` and `insert` those of `newText`.
 */
export function diffTokens(oldText: string, newText: string, locale?: string): TokenChange[] {
  const oldUnits = toUnits(tokenize(oldText, locale));
  const newUnits = toUnits(tokenize(newText, locale));
  const key = (u: Unit): string => u.core?.text ?? '';
  const changes: TokenChange[] = [];
  let i = 0;
  let j = 0;
  for (const change of boundedDiff(oldUnits.map(key), newUnits.map(key))) {
    for (let n = 0; n < change.count; n++) {
      if (change.added) {
        for (const token of unitTokens(newUnits[j++])) changes.push({ op: 'insert', token });
      } else if (change.removed) {
        for (const token of unitTokens(oldUnits[i++])) changes.push({ op: 'delete', token });
      } else {
        const before = oldUnits[i++];
        const after = newUnits[j++];
        if (after.core) changes.push({ op: 'equal', token: after.core });
        if (before.space?.text === after.space?.text) {
          if (after.space) changes.push({ op: 'equal', token: after.space });
        } else {
          if (before.space) changes.push({ op: 'delete', token: before.space });
          if (after.space) changes.push({ op: 'insert', token: after.space });
        }
      }
    }
  }
  return tidyChangeRuns(changes);
}

/** Word-level diff of two texts as runs of equal, deleted and inserted text; words are segmented for `locale` (Chinese has no spaces). */
export function wordDiff(oldText: string, newText: string, locale?: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const { op, token } of diffTokens(oldText, newText, locale)) {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += token.text;
    else parts.push({ op, text: token.text });
  }
  return parts;
}

/** The old text, rebuilt from a diff (equal and deleted parts). */
export function textBefore(parts: readonly DiffPart[]): string {
  return parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
}

/** The new text, rebuilt from a diff (equal and inserted parts). */
export function textAfter(parts: readonly DiffPart[]): string {
  return parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');
}

/** True when the diff changes nothing. */
export function isUnchanged(parts: readonly DiffPart[]): boolean {
  return parts.every((p) => p.op === 'equal');
}

/** Words inserted and deleted by a diff. */
export function wordDiffStats(parts: readonly DiffPart[], locale?: string): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.op === 'insert') inserted += countWords(part.text, locale);
    if (part.op === 'delete') deleted += countWords(part.text, locale);
  }
  return { inserted, deleted };
}

/** A diff as plain text, in the `git diff --word-diff=plain` notation: `[-deleted-]{+inserted+}`. */
export function renderPlainDiff(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}
