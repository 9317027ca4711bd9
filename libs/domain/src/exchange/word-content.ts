/**
 * What a Word file says, independent of the library that read it (decision 0044): its body as
 * paragraphs and tables, each run of text with the tracked change it belongs to, if any. The API's
 * reader (apps/api/src/exchange/docx-file) builds it; the import rules in this folder read it.
 */

/** A tracked change (Word revision): an insertion or a deletion, by whom (the file's own words) and when. */
export interface WordRevision {
  kind: 'insert' | 'delete';
  author: string | null;
  /** ISO-8601 as the file gives it, or null. */
  date: string | null;
}

/** Adjacent text of one paragraph with the same revision (or none). Tabs and breaks read as one space. */
export interface WordRun {
  text: string;
  revision: WordRevision | null;
  /** The run's character style id, when it has one (Parley's own marks, such as its bracket style, are recognised by it). */
  characterStyle: string | null;
}

export interface WordParagraph {
  type: 'paragraph';
  /** The paragraph style id ("Heading1") and its name ("heading 1", as styles.xml gives it), when it has one. */
  styleId: string | null;
  styleName: string | null;
  /** The paragraph is an item of a numbered or bulleted list (w:numPr, directly or through its style). */
  numbered: boolean;
  /** The outline level Word gives it (0 for Heading 1), when it has one. */
  outlineLevel: number | null;
  runs: WordRun[];
  /** When the paragraph mark itself is a tracked insertion or deletion (a paragraph added or removed whole). */
  markRevision: WordRevision | null;
}

export interface WordTable {
  type: 'table';
  /** Rows of cells; each cell is its paragraphs. */
  rows: WordParagraph[][][];
}

export type WordBlock = WordParagraph | WordTable;

export interface WordContent {
  blocks: WordBlock[];
  /** The document's title property (docProps/core.xml), if it has one. */
  title: string | null;
  /** What the file had that the reader left out. */
  had: { comments: boolean; images: boolean; footnotes: boolean; moves: boolean };
}

const joined = (runs: readonly WordRun[], keep: (r: WordRun) => boolean) =>
  runs
    .filter(keep)
    .map((r) => r.text)
    .join('');

/** The paragraph's text with every tracked change accepted (insertions kept, deletions dropped). */
export const acceptedText = (p: WordParagraph): string => joined(p.runs, (r) => r.revision?.kind !== 'delete');
/** The paragraph's text with every tracked change rejected (deletions kept, insertions dropped). */
export const rejectedText = (p: WordParagraph): string => joined(p.runs, (r) => r.revision?.kind !== 'insert');
