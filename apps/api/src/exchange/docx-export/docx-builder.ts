import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Header,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Paragraph,
  type IParagraphOptions,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { clauseReferences, type ClauseKind, type TrackedChange } from '@parley/domain';
import type { BracketView, ClauseResponse } from '@parley/contracts';
import type { TrackedFacts, WordExportFacts } from './docx-export-reads';
import { DOCX_LANGUAGE_TAGS, docxWords, rtlParagraph, type DocxWords } from './docx-words';
import { packDocx } from './docx-pack';

/** Word style ids Parley writes, so an import recognises its own marks (decision 0044). */
export const DOCX_STYLES = {
  preamble: 'ParleyPreamble',
  operative: 'ParleyOperative',
  bracket: 'ParleyBracket',
  option: 'ParleyOption',
  annex: 'ParleyAnnex',
} as const;
const OPERATIVE_NUMBERING = 'parley-operative';
/** Clauses laid out between two yields to the event loop (decision 0044: other requests are not held up). */
const CLAUSES_PER_SLICE = 20;

const everySlice = async (i: number) => {
  if (i > 0 && i % CLAUSES_PER_SLICE === 0) await yieldToLoop();
};

/** How a clause of each kind is laid out: headings bold, preambular paragraphs, operative ones numbered "1.". */
function layoutOf(kind: ClauseKind): Pick<IParagraphOptions, 'heading' | 'style' | 'numbering'> {
  if (kind === 'heading') return { heading: HeadingLevel.HEADING_1 };
  if (kind === 'preamble') return { style: DOCX_STYLES.preamble };
  return { style: DOCX_STYLES.operative, numbering: { reference: OPERATIVE_NUMBERING, level: 0 } };
}

const bracketMark = (mark: '[' | ']') => new TextRun({ text: mark, style: DOCX_STYLES.bracket });

/** Open brackets of a clause that can be shown in place: located, in order, not overlapping. */
function placed(brackets: readonly BracketView[]): BracketView[] {
  const out: BracketView[] = [];
  for (const b of [...brackets].filter((x) => x.status === 'open' && x.start !== null && x.end !== null).sort((x, y) => x.start! - y.start!))
    if (out.length === 0 || b.start! >= out[out.length - 1].end!) out.push(b);
  return out;
}

/** A clause's text with its brackets in place: the square brackets alone carry the bracket style, so dropping them gives the clause's text. */
function bracketedRuns(text: string, brackets: readonly BracketView[], bold: boolean): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  const plain = (t: string) => t && runs.push(new TextRun({ text: t, bold }));
  let at = 0;
  for (const b of brackets) {
    plain(text.slice(at, b.start!));
    runs.push(bracketMark('['));
    plain(text.slice(b.start!, b.end!));
    runs.push(bracketMark(']'));
    at = b.end!;
  }
  plain(text.slice(at));
  return runs;
}

/** The clean file's paragraphs: each clause, then each of its brackets' options in a paragraph of the option style. */
async function cleanBody(clauses: readonly ClauseResponse[], brackets: readonly BracketView[], words: DocxWords): Promise<Paragraph[]> {
  const out: Paragraph[] = [];
  for (const [i, c] of clauses.entries()) {
    await everySlice(i);
    const own = placed(brackets.filter((b) => b.clauseId === c.id));
    out.push(new Paragraph({ ...layoutOf(c.kind), ...rtlParagraph(c.text), children: bracketedRuns(c.text, own, c.kind === 'heading') }));
    for (const b of own)
      b.options
        .filter((o) => o.mergedInto === null)
        .forEach((o, n) =>
          out.push(
            new Paragraph({
              style: DOCX_STYLES.option,
              ...rtlParagraph(`${words.option(n + 1)} ${o.text}`),
              children: [new TextRun(`${words.option(n + 1)} `), bracketMark('['), new TextRun(o.text), bracketMark(']')],
            }),
          ),
        );
  }
  return out;
}

/** The tracked file's paragraphs: runs kept, inserted or deleted, and paragraph marks inserted or deleted whole. */
async function trackedBody(t: TrackedFacts): Promise<Paragraph[]> {
  let id = 0;
  const revision = (c: TrackedChange) => ({ id: ++id, author: t.authorOf(c), date: t.dateOf(c) });
  const run = (text: string, c: TrackedChange | null, bold: boolean): ParagraphChild => {
    if (c === null) return new TextRun({ text, bold });
    return c.kind === 'insert' ? new InsertedTextRun({ text, bold, ...revision(c) }) : new DeletedTextRun({ text, bold, ...revision(c) });
  };
  const out: Paragraph[] = [];
  for (const [i, p] of t.paragraphs.entries()) {
    await everySlice(i);
    const mark = p.mark ? { [p.mark.kind === 'insert' ? 'insertion' : 'deletion']: revision(p.mark) } : {};
    out.push(
      new Paragraph({
        ...layoutOf(p.kind),
        ...rtlParagraph(p.runs.map((r) => r.text).join('')),
        run: mark,
        children: p.runs.map((r) => run(r.text, r.change, p.kind === 'heading')),
      }),
    );
  }
  return out;
}

/** Who, as the annex names them: "Name (Organisation)". */
const who = (a: BracketView['requestedBy']) => (a.snapshot ? `${a.name ?? '—'} (${a.snapshot.organisationName})` : (a.name ?? '—'));

/** The tracked file lists brackets in an annex: a bracket inside a revision would make "Accept all" give another text. */
function bracketAnnex(clauses: readonly ClauseResponse[], brackets: readonly BracketView[], words: DocxWords): Paragraph[] {
  const references = clauseReferences(clauses);
  const open = brackets.filter((b) => b.status === 'open');
  const line = (text: string) => new Paragraph({ style: DOCX_STYLES.annex, ...rtlParagraph(text), children: [new TextRun(text)] });
  return [
    new Paragraph({
      style: DOCX_STYLES.annex,
      ...rtlParagraph(words.annexTitle),
      pageBreakBefore: true,
      children: [new TextRun({ text: words.annexTitle, bold: true })],
    }),
    ...(open.length === 0 ? [line(words.annexEmpty)] : []),
    ...open.flatMap((b) => [
      line(words.bracket(references.get(b.clauseId) ?? '—', b.passage, who(b.requestedBy))),
      ...b.options.filter((o) => o.mergedInto === null).map((o, n) => line(words.bracketOption(n + 1, o.text, who(o.proposedBy)))),
    ]),
  ];
}

function pageHeader(f: WordExportFacts, words: DocxWords): Header {
  const label = [f.chairsText?.label ?? words.version(f.version), f.chairsText?.symbol ? words.symbol(f.chairsText.symbol) : null, words.date(f.date)]
    .filter(Boolean)
    .join(' · ');
  return new Header({
    children: [
      new Paragraph({
        ...rtlParagraph(`${f.groupName} — ${f.title}`),
        children: [new TextRun({ text: f.groupName, bold: true }), new TextRun(` — ${f.title}`)],
      }),
      new Paragraph({ ...rtlParagraph(label), children: [new TextRun(label)] }),
      ...(f.tracked
        ? [
            new Paragraph({
              ...rtlParagraph(words.against(f.tracked.against)),
              children: [new TextRun({ text: words.against(f.tracked.against), italics: true })],
            }),
          ]
        : []),
    ],
  });
}

/** A version as a Word file (decision 0044): clean with its brackets in place, or with `tracked`, its changes as Word revisions. */
export async function buildDocx(f: WordExportFacts): Promise<Buffer> {
  const words = docxWords(f.lang);
  const body = f.tracked ? [...(await trackedBody(f.tracked)), ...bracketAnnex(f.clauses, f.brackets, words)] : await cleanBody(f.clauses, f.brackets, words);
  await yieldToLoop();
  const doc = new Document({
    title: f.title,
    creator: 'Parley',
    styles: {
      default: {
        // The language of Parley's words, Chinese for East Asian text and Arabic for right-to-left text (Word's spelling and fonts).
        document: {
          run: {
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
            size: 24,
            language: DOCX_LANGUAGE_TAGS[f.lang],
          },
        },
        heading1: { run: { bold: true, size: 24 }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
      paragraphStyles: [
        {
          id: DOCX_STYLES.preamble,
          name: 'Parley preambular paragraph',
          basedOn: 'Normal',
          paragraph: { indent: { firstLine: 720 }, spacing: { after: 120 } },
        },
        { id: DOCX_STYLES.operative, name: 'Parley operative paragraph', basedOn: 'Normal', paragraph: { spacing: { after: 120 } } },
        {
          id: DOCX_STYLES.option,
          name: 'Parley bracket option',
          basedOn: 'Normal',
          paragraph: { indent: { left: 1440 }, spacing: { after: 120 } },
          run: { italics: true },
        },
        { id: DOCX_STYLES.annex, name: 'Parley annex', basedOn: 'Normal', paragraph: { spacing: { after: 120 } } },
      ],
      characterStyles: [{ id: DOCX_STYLES.bracket, name: 'Parley bracket', basedOn: 'DefaultParagraphFont', run: { bold: true } }],
    },
    numbering: {
      config: [
        {
          reference: OPERATIVE_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 720 } } },
            },
          ],
        },
      ],
    },
    sections: [{ headers: { default: pageHeader(f, words) }, children: body }],
  });
  return packDocx(doc);
}
