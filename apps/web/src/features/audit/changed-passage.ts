import { diffTokens, type TokenChange } from '@parley/domain';

/** Unchanged words kept either side of a change, so that an insertion or a deletion reads in place. */
const CONTEXT_WORDS = 3;

export interface ChangedPassage {
  before: string;
  after: string;
}

const hasWord = (changes: readonly TokenChange[]) => changes.some((c) => c.token.kind === 'word');

/** How far the context reaches from the change at `from`, walking by `step` (all tokens outside the change are equal). */
function reach(changes: readonly TokenChange[], from: number, step: 1 | -1, words: number): number {
  let i = from;
  let seen = 0;
  for (let next = i + step; next >= 0 && next < changes.length; next += step) {
    if (changes[next].token.kind === 'word' && seen++ === words) break;
    i = next;
  }
  return i;
}

/**
 * The part of a passage an amendment changes, as it reads before and after: from the first changed
 * word to the last, with a few unchanged words either side and "…" where the passage goes on.
 * Cutting both whole texts at one length hides a change made late in a long clause; this shows it.
 */
export function changedPassage(oldText: string, newText: string, contextWords = CONTEXT_WORDS, locale?: string): ChangedPassage {
  const changes = diffTokens(oldText, newText, locale);
  const first = changes.findIndex((c) => c.op !== 'equal');
  if (first < 0) return { before: oldText, after: newText };
  const last = changes.findLastIndex((c) => c.op !== 'equal');
  const start = reach(changes, first, -1, contextWords);
  const end = reach(changes, last, 1, contextWords);
  const side = (left: 'insert' | 'delete') => {
    const text = changes
      .slice(start, end + 1)
      .filter((c) => c.op !== left)
      .map((c) => c.token.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    return `${hasWord(changes.slice(0, start)) ? '…' : ''}${text}${hasWord(changes.slice(end + 1)) ? '…' : ''}`;
  };
  return { before: side('insert'), after: side('delete') };
}
