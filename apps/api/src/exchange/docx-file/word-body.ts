import type { Element } from '@xmldom/xmldom';
import type { WordBlock, WordContent, WordParagraph, WordRevision, WordRun, WordTable } from '@parley/domain';
import { fileRefused } from './file-refusals';
import { numberingOf, outlineLevelOf, type ParagraphStyle } from './word-styles';
import { childElements, wAttr, wChild, wChildVal, wName } from './xml-part';

type Had = WordContent['had'];

/** Nesting deeper than this is no document Word writes: refused rather than walked (the walk recurses). */
const MAX_DEPTH = 60;

/** Containers whose content is read as if it stood in their place (links, content controls, smart tags, simple fields). */
const TRANSPARENT = new Set(['hyperlink', 'smartTag', 'sdt', 'sdtContent', 'customXml', 'fldSimple', 'bdo', 'dir']);
/** Wrappers that make their runs a tracked change; a move is read as a deletion where it was and an insertion where it is. */
const REVISION_KINDS: Record<string, WordRevision['kind']> = { ins: 'insert', del: 'delete', moveTo: 'insert', moveFrom: 'delete' };
const IMAGES = new Set(['drawing', 'pict', 'object']);
const FOOTNOTES = new Set(['footnoteReference', 'endnoteReference']);
const COMMENTS = new Set(['commentReference', 'commentRangeStart']);

const revisionOf = (el: Element, kind: WordRevision['kind']): WordRevision => ({ kind, author: wAttr(el, 'author'), date: wAttr(el, 'date') });
const sameRevision = (a: WordRevision | null, b: WordRevision | null) => a === b || (!!a && !!b && a.kind === b.kind && a.author === b.author && a.date === b.date);

/** Reads word/document.xml's body into blocks; notes in `had` what it leaves out. */
export class WordBody {
  readonly had: Had = { comments: false, images: false, footnotes: false, moves: false };

  constructor(
    private readonly styles: ReadonlyMap<string, ParagraphStyle>,
    private readonly part: string,
  ) {}

  blocks(body: Element): WordBlock[] {
    const out: WordBlock[] = [];
    this.collectBlocks(body, out, 0);
    return out;
  }

  private tooDeep(depth: number) {
    if (depth > MAX_DEPTH) throw fileRefused('docx-unreadable', { part: this.part });
  }

  private collectBlocks(container: Element, out: WordBlock[], depth: number): void {
    this.tooDeep(depth);
    for (const el of childElements(container)) {
      const name = wName(el);
      if (name === 'p') out.push(this.paragraph(el, depth));
      else if (name === 'tbl') out.push(this.table(el, depth));
      else if (name && (TRANSPARENT.has(name) || name in REVISION_KINDS)) this.collectBlocks(el, out, depth + 1);
    }
  }

  private table(tbl: Element, depth: number): WordTable {
    return { type: 'table', rows: this.childrenNamed(tbl, 'tr', depth + 1, (tr, d) => this.childrenNamed(tr, 'tc', d, (tc, dd) => this.cellParagraphs(tc, dd))) };
  }

  /** Reads the children of that name (rows of a table, cells of a row), also inside content controls. */
  private childrenNamed<T>(el: Element, wanted: string, depth: number, read: (child: Element, depth: number) => T, out: T[] = []): T[] {
    this.tooDeep(depth);
    for (const c of childElements(el)) {
      const name = wName(c);
      if (name === wanted) out.push(read(c, depth + 1));
      else if (name && TRANSPARENT.has(name)) this.childrenNamed(c, wanted, depth + 1, read, out);
    }
    return out;
  }

  /** A cell's paragraphs; a table nested in a cell gives its paragraphs in reading order. */
  private cellParagraphs(tc: Element, depth: number): WordParagraph[] {
    const blocks: WordBlock[] = [];
    this.collectBlocks(tc, blocks, depth);
    return blocks.flatMap((b) => (b.type === 'paragraph' ? [b] : b.rows.flat(2)));
  }

  private paragraph(p: Element, depth: number): WordParagraph {
    const pPr = wChild(p, 'pPr');
    const styleId = wChildVal(pPr, 'pStyle');
    const style = styleId ? this.styles.get(styleId) : undefined;
    const runs: WordRun[] = [];
    this.collectRuns(p, null, runs, depth + 1);
    return {
      type: 'paragraph',
      styleId,
      styleName: style?.name ?? null,
      numbered: numberingOf(pPr) ?? style?.numbered ?? false,
      outlineLevel: outlineLevelOf(pPr) ?? style?.outlineLevel ?? null,
      runs,
      markRevision: this.markRevision(pPr),
    };
  }

  /** The paragraph mark's own revision: w:pPr/w:rPr/w:ins (or del, moveTo, moveFrom). */
  private markRevision(pPr: Element | undefined): WordRevision | null {
    const rPr = pPr ? wChild(pPr, 'rPr') : undefined;
    if (!rPr) return null;
    for (const el of childElements(rPr)) {
      const name = wName(el);
      if (name && Object.hasOwn(REVISION_KINDS, name)) {
        if (name.startsWith('move')) this.had.moves = true;
        return revisionOf(el, REVISION_KINDS[name]);
      }
    }
    return null;
  }

  private collectRuns(container: Element, revision: WordRevision | null, runs: WordRun[], depth: number): void {
    this.tooDeep(depth);
    for (const el of childElements(container)) {
      const name = wName(el);
      if (!name) {
        if (el.localName === 'AlternateContent') this.had.images = true;
        continue;
      }
      if (name === 'r') this.run(el, revision, runs);
      else if (Object.hasOwn(REVISION_KINDS, name)) {
        if (name.startsWith('move')) this.had.moves = true;
        this.collectRuns(el, revisionOf(el, REVISION_KINDS[name]), runs, depth + 1);
      } else if (TRANSPARENT.has(name)) this.collectRuns(el, revision, runs, depth + 1);
      else if (COMMENTS.has(name)) this.had.comments = true;
    }
  }

  private run(r: Element, revision: WordRevision | null, runs: WordRun[]): void {
    const characterStyle = wChildVal(wChild(r, 'rPr'), 'rStyle');
    let text = '';
    for (const el of childElements(r)) {
      const name = wName(el);
      if (name === 't' || name === 'delText') text += el.textContent ?? '';
      else if (name === 'tab' || name === 'br' || name === 'cr' || name === 'ptab') text += ' ';
      else if (name === 'noBreakHyphen') text += '-';
      else if (name && IMAGES.has(name)) this.had.images = true;
      else if (name && FOOTNOTES.has(name)) this.had.footnotes = true;
      else if (name && COMMENTS.has(name)) this.had.comments = true;
      else if (!name && el.localName === 'AlternateContent') this.had.images = true;
    }
    if (!text) return;
    const last = runs.at(-1);
    if (last && last.characterStyle === characterStyle && sameRevision(last.revision, revision)) last.text += text;
    else runs.push({ text, revision, characterStyle });
  }
}
