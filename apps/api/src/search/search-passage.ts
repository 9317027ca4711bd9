import type { SearchPassage } from '@parley/contracts';

/** What ts_headline puts around a matched word: private-use characters, which people's text does not carry (one that did would only be mis-marked). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * A headline as text and the ranges of its marked words (UTF-16 offsets, as the web's strings
 * count). When nothing is marked (a name found by similarity, a substring of Chinese or Arabic
 * text), the query's own occurrences are marked, ignoring case.
 */
export function passageOf(headline: string, query: string): SearchPassage {
  let text = '';
  const marks: [number, number][] = [];
  let start = -1;
  for (const ch of headline) {
    if (ch === MARK_START) start = text.length;
    else if (ch === MARK_END) {
      if (start >= 0 && text.length > start) marks.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  if (marks.length === 0) marks.push(...occurrences(text, query.trim()));
  return { text, marks: merged(marks) };
}

function occurrences(text: string, needle: string): [number, number][] {
  if (!needle) return [];
  const hay = text.toLocaleLowerCase();
  const n = needle.toLocaleLowerCase();
  if (hay.length !== text.length || n.length !== needle.length) return [];
  const found: [number, number][] = [];
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) found.push([i, i + n.length]);
  return found;
}

/** Adjacent marked words ("due" "diligence") become one range. */
function merged(marks: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const m of marks) {
    const last = out[out.length - 1];
    if (last && m[0] <= last[1] + 1) last[1] = Math.max(last[1], m[1]);
    else out.push([m[0], m[1]]);
  }
  return out;
}
