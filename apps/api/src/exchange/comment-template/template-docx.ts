import { Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { TEMPLATE_COLUMN_ORDER, TEMPLATE_COLUMN_TITLES, type TemplateColumnName } from '@parley/domain';
import type { CsvLanguage } from '@parley/contracts';
import { TEMPLATE_WORDS } from './template-words';

/** One row of the template: the text of each column (absent columns are blank). */
export type TemplateCells = Partial<Record<TemplateColumnName, string>>;

export interface TemplateFile {
  title: string;
  version: number;
  rows: TemplateCells[];
  lang: CsvLanguage;
}

// A4 in twentieths of a point, turned to landscape by docx; 2 cm margins leave 14570 for the table.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const WIDTHS: Record<TemplateColumnName, number> = { organisation: 1400, line: 900, clause: 1200, paragraph: 1300, type: 900, comment: 3600, proposedChange: 3000, observation: 2270 };

/** A cell's text as paragraphs (a line break in a comment is a new paragraph in Word). */
const cell = (column: TemplateColumnName, text: string, bold = false) =>
  new TableCell({
    width: { size: WIDTHS[column], type: WidthType.DXA },
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] })),
  });

/** The ISO commenting template as a Word file: a landscape page, a heading, how to fill it in, and the table. */
export function commentTemplateDocx(file: TemplateFile): Promise<Buffer> {
  const words = TEMPLATE_WORDS[file.lang];
  const titles = TEMPLATE_COLUMN_TITLES[file.lang];
  const header = new TableRow({ tableHeader: true, children: TEMPLATE_COLUMN_ORDER.map((c) => cell(c, titles[c], true)) });
  const rows = file.rows.map((r) => new TableRow({ cantSplit: false, children: TEMPLATE_COLUMN_ORDER.map((c) => cell(c, r[c] ?? '')) }));
  const doc = new Document({
    creator: 'Parley',
    title: words.heading(file.title, file.version),
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: words.heading(file.title, file.version), bold: true, size: 28 })], spacing: { after: 120 } }),
          new Paragraph({ children: [new TextRun({ text: words.legend, size: 18 })] }),
          new Paragraph({ children: [new TextRun({ text: words.attribution, size: 18 })], spacing: { after: 200 } }),
          new Table({ width: { size: 14570, type: WidthType.DXA }, columnWidths: TEMPLATE_COLUMN_ORDER.map((c) => WIDTHS[c]), rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
