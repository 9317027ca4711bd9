import type { WordContent, WordParagraph, WordRevision, WordRun } from './word-content';

/** Word content written by hand for the import rules' tests. */

export const run = (text: string, revision: WordRevision | null = null, characterStyle: string | null = null): WordRun => ({ text, revision, characterStyle });
export const ins = (author = 'Ann'): WordRevision => ({ kind: 'insert', author, date: null });
export const del = (author = 'Ann'): WordRevision => ({ kind: 'delete', author, date: null });

export const para = (runs: WordRun[] | string, options: Partial<Omit<WordParagraph, 'type' | 'runs'>> = {}): WordParagraph => ({
  type: 'paragraph',
  styleId: null,
  styleName: null,
  numbered: false,
  outlineLevel: null,
  markRevision: null,
  ...options,
  runs: typeof runs === 'string' ? [run(runs)] : runs,
});

export const heading = (text: string) => para(text, { styleId: 'Heading1', styleName: 'heading 1' });
export const listItem = (runs: WordRun[] | string, options: Partial<WordParagraph> = {}) => para(runs, { styleId: 'ListParagraph', styleName: 'List Paragraph', numbered: true, ...options });

export const content = (blocks: WordContent['blocks'], had: Partial<WordContent['had']> = {}, title: string | null = null): WordContent => ({
  blocks,
  title,
  had: { comments: false, images: false, footnotes: false, moves: false, ...had },
});
