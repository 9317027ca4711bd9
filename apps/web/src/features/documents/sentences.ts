import type { Quote } from './ClauseList';

/**
 * A clause's sentences (and semicolon-separated parts, as treaty clauses run on) with their offsets
 * in the clause text, for quoting by keyboard. Whitespace around each is left out.
 */
export function sentencesOf(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/[^.;!?]+(?:[.;!?]+["”’)»]*|$)/g)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    // A lone number or letter ("4.", "(a)") is a label, not a passage worth quoting on its own.
    if (end - start > 3) out.push({ text: text.slice(start, end), start, end });
  }
  return out;
}

/** The passage between two offsets of a clause (a selection in its text), trimmed; null when it is only whitespace. */
export function passageBetween(text: string, from: number, to: number): Quote | null {
  let start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { text: text.slice(start, end), start, end } : null;
}
