import { clauseFromParagraph } from '../drafting/paste';
import type { ClauseKind } from '../drafting/types';
import type { WordContent, WordParagraph, WordRun } from './word-content';

/** How a paragraph's kind was read: from its Word style (or outline level), its list numbering, or its text. */
export type RecognitionSource = 'style' | 'numbering' | 'text';

/** A paragraph of a Word file read as a clause. `style` is the paragraph's style name, as the file gives it. */
export interface RecognisedClause {
  kind: ClauseKind;
  text: string;
  recognisedBy: RecognitionSource;
  style: string | null;
}

/**
 * Parley's own styles in the Word files it writes (decision 0044, apps/api/src/exchange/docx-export):
 * a bracket's characters; the options after a clause and the tracked file's annex of brackets, which
 * are no clauses; and the paragraph styles that say a clause's kind.
 */
export const PARLEY_BRACKET_STYLE = 'ParleyBracket';
export const PARLEY_OPTION_STYLE = 'ParleyOption';
export const PARLEY_ANNEX_STYLE = 'ParleyAnnex';
const PARLEY_KIND_STYLES: Readonly<Record<string, ClauseKind>> = { ParleyPreamble: 'preamble', ParleyOperative: 'operative' };
const NOT_CLAUSES = new Set([PARLEY_OPTION_STYLE, PARLEY_ANNEX_STYLE]);

/** Word's built-in heading styles, by the names styles.xml gives them in every language ("heading 1", "Title"). */
const HEADING_STYLE_NAME = /^(heading [1-9]|title|subtitle)$/i;
const HEADING_STYLE_ID = /^(Heading[1-9]|Title|Subtitle)$/;
const TITLE_STYLE = (p: WordParagraph) => p.styleId === 'Title' || p.styleName?.toLowerCase() === 'title';

/** A paragraph Parley wrote that is not a clause: a bracket's options after its clause, the annex of brackets. */
export const isParleyAddition = (p: WordParagraph): boolean => NOT_CLAUSES.has(p.styleId ?? '') || NOT_CLAUSES.has(p.styleName ?? '');

const keptRun = (r: WordRun) => r.characterStyle !== PARLEY_BRACKET_STYLE;

/**
 * The paragraph's text with its tracked changes rejected (what it said before them) or accepted,
 * without Parley's bracket characters, its whitespace reduced to single spaces.
 */
export function paragraphText(p: WordParagraph, side: 'rejected' | 'accepted'): string {
  const dropped = side === 'rejected' ? 'insert' : 'delete';
  return p.runs
    .filter((r) => keptRun(r) && r.revision?.kind !== dropped)
    .map((r) => r.text)
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

const isHeadingStyled = (p: WordParagraph) =>
  p.outlineLevel !== null || (p.styleId !== null && HEADING_STYLE_ID.test(p.styleId)) || (p.styleName !== null && HEADING_STYLE_NAME.test(p.styleName));

/**
 * A paragraph with this text read as a clause: a heading style (or outline level) makes a heading,
 * Parley's own preamble and operative styles their kind, a list item an operative clause, anything else is read as pasted text is (a number typed by hand
 * dropped). Null when there is no text.
 */
export function recogniseClause(p: WordParagraph, text: string): RecognisedClause | null {
  if (text === '') return null;
  const style = p.styleName ?? p.styleId;
  if (isHeadingStyled(p)) return { kind: 'heading', text, recognisedBy: 'style', style };
  const parleyKind = p.styleId && Object.hasOwn(PARLEY_KIND_STYLES, p.styleId) ? PARLEY_KIND_STYLES[p.styleId] : undefined;
  if (parleyKind) return { kind: parleyKind, text, recognisedBy: 'style', style };
  if (p.numbered) return { kind: 'operative', text, recognisedBy: 'numbering', style };
  const read = clauseFromParagraph(text);
  return read && { ...read, recognisedBy: 'text', style };
}

/** What a file had that an import leaves out, named as the preview warns about it. */
export type LeftOut = 'comments-ignored' | 'images-ignored' | 'tables-ignored' | 'footnotes-ignored' | 'formatting-ignored' | 'moves-as-changes';

/**
 * The paragraphs an import reads as clauses, in order: the body's paragraphs without Parley's options
 * and annex (tables are left out), and the title: a Title paragraph before any other text is the
 * document's title, not a clause (an exported file reads back as the same clauses); else the file's
 * title property.
 */
export function clauseParagraphs(content: WordContent): { title: string | null; paragraphs: WordParagraph[]; leftOut: LeftOut[] } {
  const paragraphs = content.blocks.filter((b): b is WordParagraph => b.type === 'paragraph' && !isParleyAddition(b));
  const first = paragraphs.findIndex((p) => paragraphText(p, 'accepted') !== '' || paragraphText(p, 'rejected') !== '');
  const titleParagraph = first >= 0 && TITLE_STYLE(paragraphs[first]) ? paragraphs[first] : null;
  const leftOut: LeftOut[] = [];
  if (content.had.comments) leftOut.push('comments-ignored');
  if (content.had.images) leftOut.push('images-ignored');
  if (content.blocks.some((b) => b.type === 'table')) leftOut.push('tables-ignored');
  if (content.had.footnotes) leftOut.push('footnotes-ignored');
  if (paragraphs.some((p) => p.runs.some((r) => r.characterStyle !== null && keptRun(r)))) leftOut.push('formatting-ignored');
  if (content.had.moves) leftOut.push('moves-as-changes');
  return {
    title: titleParagraph ? paragraphText(titleParagraph, 'rejected') || paragraphText(titleParagraph, 'accepted') : content.title,
    paragraphs: titleParagraph ? paragraphs.filter((p) => p !== titleParagraph) : paragraphs,
    leftOut,
  };
}

/** The clauses of a file without its tracked changes (what it said before them), one per paragraph with text. */
export function recogniseClauses(content: WordContent): RecognisedClause[] {
  return clauseParagraphs(content).paragraphs.flatMap((p) => recogniseClause(p, paragraphText(p, 'rejected')) ?? []);
}
