import PDFDocument from 'pdfkit';
import { fontPieces, visualPieces } from './bidi-line';
import { breakLines, type Face, type Line, type Span } from './line-breaking';
import type { FontName } from './script-runs';
import { printFonts } from './print-fonts';

/** A4 in points, and where things go on it. The text block leaves the left margin to line and paragraph numbers. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 82, bottom: 76, left: 100, right: 62 };
const HEADER_BASELINE = 46;
const FOOTER_BASELINE = PAGE.height - 40;
/** Line numbers end here (right-aligned); paragraph numbers end a little before the text. */
const LINE_NUMBER_RIGHT = 44;
const PARAGRAPH_NUMBER_RIGHT = MARGIN.left - 12;
const MARGIN_SIZE = 7.5;
const GREY = '#555555';
const RULE = '#999999';
/** Let other requests run after this many paragraphs or table rows. */
const YIELD_EVERY = 20;

/**
 * pdfkit lays a string out word by word (a cache), which would lay each Arabic word right to left but
 * keep the words in reading order; naming features makes fontkit lay the piece out whole, so its words
 * run right to left too.
 */
const shaping = (font: FontName): { features?: [] } => (font === 'arabic' || font === 'arabicBold' ? { features: [] } : {});

export interface TextStyle {
  face: Face;
  size: number;
  /** Distance between baselines. */
  leading: number;
}

export const STYLES = {
  body: { face: 'serif', size: 11, leading: 15.5 },
  small: { face: 'serif', size: 9.5, leading: 13 },
  heading: { face: 'sansBold', size: 12, leading: 16 },
  section: { face: 'sansBold', size: 14, leading: 19 },
  table: { face: 'sans', size: 8.5, leading: 11.5 },
} satisfies Record<string, TextStyle>;

export interface ParagraphOptions {
  style?: TextStyle;
  /** The paragraph's number, printed in the margin beside its first line. */
  ref?: string;
  /** A hanging label ("1.") in the indent before the first line. */
  label?: string;
  /** Space between the text block's left edge and the text (the label sits in it). */
  indent?: number;
  align?: 'left' | 'center';
  /** Space before the paragraph (points); none at the top of a page. */
  before?: number;
  /** Lines of what follows that must share the page with this paragraph's last line (a heading and its text). */
  keepWithNext?: number;
  /** Whether its lines are numbered (default: the layout's choice; never on the cover). */
  numbered?: boolean;
  color?: string;
}

export interface Column {
  title: string;
  /** Share of the text block's width. */
  share: number;
  align?: 'left' | 'right';
}

export interface LayoutOptions {
  /** The running header: left (group and title) and right (version label); not on the first page when it is a cover. */
  header: { left: string; right: string };
  footer: (page: number, pages: number) => string;
  /** Whether the first page is a cover (no header, no line numbers). */
  cover: boolean;
  /** Whether body lines carry line numbers (restarting on each page). */
  lineNumbers: boolean;
  info: { title: string; subject: string; language: string };
  /**
   * Right to left (Arabic): the page mirrors (text block, margins, line and paragraph numbers on the
   * right, paragraphs aligned right, table columns from the right) and each line reads right to left.
   */
  direction?: 'ltr' | 'rtl';
}

/**
 * Print-grade pages with pdfkit: Parley breaks every line itself with the fonts' metrics, so each
 * line can carry its number (restarting on each page, as UN and ISO drafts print them), paragraphs
 * carry their number in the margin, and no page starts or ends with a single line of a paragraph.
 * The running header and "page n of m" are written once every page exists (buffered pages).
 */
export class PrintLayout {
  private readonly pdf: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly widths = new Map<string, number>();
  private top = MARGIN.top;
  private lineOnPage = 0;
  private pageIndex = 0;
  private blocks = 0;
  private font: FontName | null = null;
  private size = 0;
  private color = '';

  constructor(private readonly o: LayoutOptions) {
    this.pdf = new PDFDocument({
      size: 'A4',
      // Geometry is Parley's own: with no pdfkit margins, pdfkit never adds a page by itself.
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      bufferPages: true,
      info: { Title: o.info.title, Subject: o.info.subject, Creator: 'Parley', Producer: 'Parley (pdfkit)' },
      lang: o.info.language,
      displayTitle: true,
    });
    for (const [face, data] of Object.entries(printFonts())) this.pdf.registerFont(face, data);
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('data', (c: Buffer) => this.chunks.push(c));
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  /** The width of the text block. */
  get width(): number {
    return PAGE.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  private get onCover(): boolean {
    return this.o.cover && this.pageIndex === 0;
  }

  /** A text's width in a face: each script's piece in its own font (Arabic shaped as printed). */
  measure = (face: Face, text: string, size = STYLES.body.size): number => {
    const key = `${face}\u0000${size}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = fontPieces([{ text, face }]).reduce((sum, p) => sum + this.fontWidth(p.font, p.text, size), 0);
      this.widths.set(key, w);
    }
    return w;
  };

  private fontWidth(font: FontName, text: string, size: number): number {
    this.use(font, size);
    return this.pdf.widthOfString(text, shaping(font));
  }

  private get rtl(): boolean {
    return this.o.direction === 'rtl';
  }

  /** Where something `width` wide placed at `x` on a left-to-right page starts on this page (mirrored when right to left). */
  private place(x: number, width: number): number {
    return this.rtl ? PAGE.width - x - width : x;
  }

  newPage(): void {
    this.pdf.addPage();
    this.color = ''; // a new page's content starts in the default colour
    this.pageIndex++;
    this.top = MARGIN.top;
    this.lineOnPage = 0;
  }

  /** Moves down (not past the page's end). */
  gap(points: number): void {
    if (this.top > MARGIN.top) this.top = Math.min(this.top + points, this.bottom);
  }

  /** Moves to a point from the top of the page (the cover's composition). */
  moveTo(y: number): void {
    this.top = Math.max(this.top, y);
  }

  async paragraph(spans: readonly Span[], o: ParagraphOptions = {}): Promise<void> {
    const style = o.style ?? STYLES.body;
    const indent = o.indent ?? 0;
    const measure = (face: Face, text: string) => this.measure(face, text, style.size);
    const lines = breakLines(spans, this.width - indent, style.face, measure);
    if (o.before) this.gap(o.before);
    let next = 0;
    while (next < lines.length) {
      const room = Math.floor((this.bottom - this.top) / style.leading);
      const left = lines.length - next;
      let take = left;
      if (left + (o.keepWithNext ?? 0) > room) {
        // Widows and orphans: at least two lines of a paragraph on each side of a page break.
        take = left - room < 2 ? left - 2 : room;
        if (take < 2 || take > room || (o.keepWithNext && take === left)) take = 0;
      }
      if (take === 0) {
        if (this.top === MARGIN.top)
          take = Math.min(left, room); // a page too short for the rule: print what fits
        else {
          this.newPage();
          continue;
        }
      }
      for (const [i, line] of lines.slice(next, next + take).entries()) this.line(line, style, o, indent, next + i === 0);
      next += take;
      if (next < lines.length) this.newPage();
    }
    await this.breathe();
  }

  private line(line: Line, style: TextStyle, o: ParagraphOptions, indent: number, first: boolean): void {
    const baseline = this.top + style.leading * 0.78;
    const x = MARGIN.left + indent + (o.align === 'center' ? (this.width - indent - line.width) / 2 : 0);
    // On a right-to-left page `x` is measured from the right edge (place() mirrors it).
    this.runs(line, x, baseline, style.size, o.color ?? 'black');
    if (first && o.label) {
      const face = style.face;
      this.write(o.label, face, style.size, MARGIN.left + indent - 6 - this.measure(face, o.label, style.size), baseline, 'black');
    }
    if (first && o.ref) this.write(o.ref, 'sansBold', MARGIN_SIZE, PARAGRAPH_NUMBER_RIGHT - this.measure('sansBold', o.ref, MARGIN_SIZE), baseline, GREY);
    if ((o.numbered ?? this.o.lineNumbers) && !this.onCover) {
      const n = String(++this.lineOnPage);
      this.write(n, 'sans', MARGIN_SIZE, LINE_NUMBER_RIGHT - this.measure('sans', n, MARGIN_SIZE), baseline, GREY);
    }
    this.top += style.leading;
  }

  private runs(line: Line, x: number, baseline: number, size: number, color: string): void {
    this.draw(line.runs, this.place(x, line.width), baseline, size, color);
  }

  private write(text: string, face: Face, size: number, x: number, baseline: number, color: string): void {
    this.draw([{ text, face }], this.place(x, this.measure(face, text, size)), baseline, size, color);
  }

  /** Draws runs from `left`, in the order the eye reads them left to right, each script in its font. */
  private draw(runs: readonly { text: string; face: Face }[], left: number, baseline: number, size: number, color: string): void {
    if (color !== this.color) this.pdf.fillColor((this.color = color));
    let at = left;
    for (const p of visualPieces(runs, this.o.direction ?? 'ltr')) {
      this.use(p.font, size);
      this.pdf.text(p.text, at, baseline, { lineBreak: false, baseline: 'alphabetic', ...shaping(p.font) });
      at += this.fontWidth(p.font, p.text, size);
    }
  }

  /** Sets the font and size only when they change (pdfkit looks the font up on every call). */
  private use(font: FontName, size: number): void {
    if (font !== this.font) this.pdf.font((this.font = font));
    if (size !== this.size) this.pdf.fontSize((this.size = size));
  }

  private rule(y: number, x0 = MARGIN.left, x1 = PAGE.width - MARGIN.right, weight = 0.5): void {
    const [a, b] = this.rtl ? [PAGE.width - x1, PAGE.width - x0] : [x0, x1];
    this.pdf.moveTo(a, y).lineTo(b, y).lineWidth(weight).strokeColor(RULE).stroke();
  }

  /** A horizontal rule across the text block. */
  separator(before = 6, after = 10): void {
    this.gap(before);
    this.rule(this.top);
    this.top += after;
  }

  /**
   * A table whose cells wrap: the header row is repeated on every page the table reaches; a row
   * taller than what is left of a page continues on the next (never one line alone on either side).
   */
  async table(columns: readonly Column[], rows: readonly (readonly Span[])[][], o: { numbered?: boolean; style?: TextStyle } = {}): Promise<void> {
    const style = o.style ?? STYLES.table;
    const total = columns.reduce((s, c) => s + c.share, 0);
    const pad = 4;
    const widths = columns.map((c) => (c.share / total) * this.width);
    const measure = (face: Face, text: string) => this.measure(face, text, style.size);
    const wrap = (cells: readonly (readonly Span[])[], face: Face) => cells.map((cell, i) => breakLines(cell, widths[i] - 2 * pad, face, measure));
    const headerCells = wrap(
      columns.map((c) => [{ text: c.title }]),
      'sansBold',
    );
    const drawRow = (cells: Line[][], from: number, to: number) => {
      const startTop = this.top;
      for (let l = from; l < to; l++) {
        const baseline = this.top + style.leading * 0.78;
        let x = MARGIN.left;
        cells.forEach((lines, i) => {
          const line = lines[l];
          if (line) this.runs(line, columns[i].align === 'right' ? x + widths[i] - pad - line.width : x + pad, baseline, style.size, 'black');
          x += widths[i];
        });
        if ((o.numbered ?? this.o.lineNumbers) && !this.onCover) {
          const n = String(++this.lineOnPage);
          this.write(n, 'sans', MARGIN_SIZE, LINE_NUMBER_RIGHT - this.measure('sans', n, MARGIN_SIZE), baseline, GREY);
        }
        this.top += style.leading;
      }
      return startTop;
    };
    const header = () => {
      this.rule(this.top, MARGIN.left, PAGE.width - MARGIN.right, 0.8);
      this.top += 3;
      const height = Math.max(...headerCells.map((c) => c.length));
      drawRow(headerCells, 0, height);
      this.top += 1;
      this.rule(this.top, MARGIN.left, PAGE.width - MARGIN.right, 0.8);
      this.top += 3;
    };
    const headerHeight = Math.max(...headerCells.map((c) => c.length)) * style.leading + 7;
    if (this.bottom - this.top < headerHeight + 2 * style.leading) this.newPage();
    header();
    for (const row of rows) {
      const cells = wrap(row, style.face);
      const height = Math.max(...cells.map((c) => c.length));
      let next = 0;
      while (next < height) {
        const room = Math.floor((this.bottom - this.top - 4) / style.leading);
        const left = height - next;
        let take = Math.min(left, room);
        if (take < left && (take < 2 || left - take < 2)) take = left - take < 2 && left > 3 ? left - 2 : 0;
        if (take > room) take = 0;
        if (take === 0 && this.top > MARGIN.top + headerHeight) {
          this.newPage();
          header();
          continue;
        }
        if (take === 0) take = Math.min(left, room);
        drawRow(cells, next, next + take);
        next += take;
        if (next < height) {
          this.newPage();
          header();
        }
      }
      this.top += 3;
      this.rule(this.top - 1.5, MARGIN.left, PAGE.width - MARGIN.right, 0.3);
      await this.breathe();
    }
  }

  /** Yields to the event loop every few blocks: laying out a long text must not hold other requests. */
  private async breathe(): Promise<void> {
    if (++this.blocks % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
  }

  /** Writes the running header and the page footers, and returns the file. */
  async finish(): Promise<Buffer> {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      this.color = '';
      const page = i - range.start;
      if (!(this.o.cover && page === 0)) {
        const right = this.fit(this.o.header.right, 'sans', this.width * 0.55);
        const rightWidth = this.measure('sans', right, MARGIN_SIZE + 0.5);
        const left = this.fit(this.o.header.left, 'sans', this.width - rightWidth - 16);
        this.write(left, 'sans', MARGIN_SIZE + 0.5, MARGIN.left, HEADER_BASELINE, GREY);
        this.write(right, 'sans', MARGIN_SIZE + 0.5, PAGE.width - MARGIN.right - rightWidth, HEADER_BASELINE, GREY);
        this.rule(HEADER_BASELINE + 6);
      }
      const footer = this.o.footer(page + 1, range.count);
      this.write(footer, 'sans', MARGIN_SIZE + 0.5, MARGIN.left + (this.width - this.measure('sans', footer, MARGIN_SIZE + 0.5)) / 2, FOOTER_BASELINE, GREY);
    }
    this.pdf.end();
    return this.done;
  }

  /** Text cut with an ellipsis to fit a width in the header's size. */
  private fit(text: string, face: Face, width: number): string {
    const size = MARGIN_SIZE + 0.5;
    if (this.measure(face, text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.measure(face, `${cut}…`, size) > width) cut = cut.slice(0, Math.max(1, Math.floor(cut.length * 0.9)));
    return `${cut.trimEnd()}…`;
  }
}
