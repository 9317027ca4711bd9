/** Where a passage sits in a clause's text: UTF-16 offsets, end exclusive. */
export interface PassageRange {
  start: number;
  end: number;
}

/**
 * Finds a bracketed passage again in a clause's text (the text of a later version, or the same one).
 * The passage is found by its text: at `hintStart` when it is still there (the offsets it was opened
 * with), otherwise at the occurrence nearest `hintStart` (the earlier of two equally near). Null when
 * the passage is empty or no longer in the text.
 */
export function locatePassage(clauseText: string, passage: string, hintStart: number): PassageRange | null {
  if (passage.length === 0) return null;
  if (hintStart >= 0 && clauseText.startsWith(passage, hintStart)) return { start: hintStart, end: hintStart + passage.length };
  let best: number | null = null;
  for (let at = clauseText.indexOf(passage); at !== -1; at = clauseText.indexOf(passage, at + 1)) {
    if (best === null || Math.abs(at - hintStart) < Math.abs(best - hintStart)) best = at;
    if (at > hintStart) break;
  }
  return best === null ? null : { start: best, end: best + passage.length };
}

/** Whether two ranges share at least one character (touching ranges do not overlap). */
export const rangesOverlap = (a: PassageRange, b: PassageRange): boolean => a.start < b.end && b.start < a.end;
