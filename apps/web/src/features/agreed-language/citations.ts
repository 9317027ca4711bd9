import type { AgreedLanguagePedigree, CitationInput } from '@parley/contracts';

/** A citation the drafter is building: what is sent (`CitationInput`) and the pedigree shown on its chip. */
export interface DraftCitation extends CitationInput {
  pedigree: AgreedLanguagePedigree;
}

/** Where the drafter's cursor is (or what they selected) in the text field. */
export interface Caret {
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{N}]/u;

/**
 * The text with `passage` put at the caret (replacing a selection, if any), a space added where
 * the passage would otherwise glue onto a neighbouring word; and the caret after the passage.
 * The passage itself is never altered, so it stays verbatim in the text.
 */
export function insertPassage(text: string, caret: Caret | null, passage: string): { text: string; caret: number } {
  const start = Math.max(0, Math.min(caret?.start ?? text.length, text.length));
  const end = Math.max(start, Math.min(caret?.end ?? start, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before.length > 0 && wordChar.test(before.at(-1)!) && wordChar.test(passage[0] ?? '') ? ' ' : '';
  const trail = after.length > 0 && wordChar.test(after[0]) && wordChar.test(passage.at(-1) ?? '') ? ' ' : '';
  const next = `${before}${lead}${passage}${trail}${after}`;
  return { text: next, caret: before.length + lead.length + passage.length };
}

/** The same citation twice (same adopted clause, same words) is one. */
export function addCitation(list: DraftCitation[], c: DraftCitation): DraftCitation[] {
  const same = list.some((x) => x.documentId === c.documentId && x.version === c.version && x.clauseId === c.clauseId && x.passage === c.passage);
  return same ? list : [...list, c];
}

/** The positions of the citations whose passage is no longer verbatim in the text (the server would refuse them). */
export function strayCitations(text: string, list: readonly DraftCitation[]): number[] {
  return list.flatMap((c, i) => (text.includes(c.passage) ? [] : [i]));
}

/** What the request carries: the citations without their pedigree; none at all when there are none. */
export function citationInputs(list: readonly DraftCitation[]): { citations?: CitationInput[] } {
  if (list.length === 0) return {};
  return { citations: list.map(({ documentId, version, clauseId, passage }) => ({ documentId, version, clauseId, passage })) };
}

/** The server's field errors on citations (`citations.2.passage`, or `clauses.1.citations.0.passage` with `prefix`), by citation. */
export function citationErrorIndexes(fields: readonly string[], prefix = ''): Map<number, string> {
  const out = new Map<number, string>();
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}citations\\.(\\d+)(\\.|$)`);
  for (const f of fields) {
    const m = pattern.exec(f);
    if (m && !out.has(Number(m[1]))) out.set(Number(m[1]), f);
  }
  return out;
}
