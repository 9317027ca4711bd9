import type { ClauseKind } from './types';
import { countWords } from './word-segments';

export interface PastedClause {
  kind: ClauseKind;
  text: string;
}

/** "1.", "12)", "(3)", "a." and bullets at the start of a paragraph: the mark of an operative clause, dropped from its text. */
const NUMBERING = /^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[-•*–])(?:\s+|$)/iu;
/** Closing punctuation in the six UN languages (Chinese full-width marks, Arabic comma, semicolon and question mark). */
const TERMINAL_PUNCTUATION = /[.;:,!?…”"»)。；：，！？）」』،؛؟]$/u;
const HEADING_MAX_CHARACTERS = 80;
const HEADING_MAX_WORDS = 8;

/**
 * Paragraphs of a pasted text. When the text has blank lines, they separate paragraphs and the line
 * breaks inside one are a wrapped line (joined with a space); otherwise each line is a paragraph.
 * Whitespace inside a paragraph is reduced to single spaces; empty paragraphs are dropped.
 */
export function pastedParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[^\S\n]*\n/.test(normalised) ? normalised.split(/\n(?:[^\S\n]*\n)+/) : normalised.split('\n');
  return blocks.map((b) => b.replace(/\s+/gu, ' ').trim()).filter((b) => b !== '');
}

/**
 * One paragraph read as a clause, the way a drafter writes a UN resolution: a numbered (or bulleted)
 * paragraph is operative, its number dropped (Parley numbers operative clauses itself); a short
 * paragraph without closing punctuation is a heading; anything else is a preambular paragraph. Null
 * when nothing is left (a number alone). The paragraph is expected trimmed, its whitespace single spaces.
 */
export function clauseFromParagraph(paragraph: string): PastedClause | null {
  const numbered = paragraph.match(NUMBERING);
  if (numbered) {
    const rest = paragraph.slice(numbered[0].length).trim();
    return rest === '' ? null : { kind: 'operative', text: rest };
  }
  // Words as the diffs count them (decision 0047): a Chinese paragraph has no spaces to count.
  const words = countWords(paragraph);
  if (paragraph.length <= HEADING_MAX_CHARACTERS && words <= HEADING_MAX_WORDS && !TERMINAL_PUNCTUATION.test(paragraph)) return { kind: 'heading', text: paragraph };
  return { kind: 'preamble', text: paragraph };
}

/**
 * Clauses from a pasted plain text, one per paragraph, each read by `clauseFromParagraph`. The web
 * shows this reading before the document is created; a Word import reads unstyled paragraphs the same way.
 */
export function clausesFromPastedText(text: string): PastedClause[] {
  return pastedParagraphs(text).flatMap((paragraph) => clauseFromParagraph(paragraph) ?? []);
}
