import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { breakLines, ideographPieces } from '../../apps/api/src/exchange/pdf/line-breaking';
import { visualPieces } from '../../apps/api/src/exchange/pdf/bidi-line';
import { PrintLayout, STYLES } from '../../apps/api/src/exchange/pdf/print-layout';
import { strFromU8, unzipSync } from 'fflate';
import type { DocumentResponse } from '@parley/contracts';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);
const run = promisify(execFile);

const AR_TITLE = 'نداء باريس من أجل الثقة والأمن في الفضاء الإلكتروني';
const AR_CLAUSE = 'تؤكد الدول مجددًا التزامها بمنع الأنشطة التي تلحق الضرر بالتوافر العام لشبكة الإنترنت (المبدأ 2) وفقًا لتقرير GCSC لعام 2019.';
const ZH_TITLE = '关于网络空间信任与安全的巴黎倡议';
const ZH_CLAUSE = '各国重申承诺，防止和应对恶意网络活动，特别是严重损害互联网公共核心的可用性或完整性的活动（原则2），并参照GCSC 2019年报告。';

/** The text block poppler reads from a file, all pages, spaces collapsed. */
const textOf = async (file: string) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
const fontsOf = async (file: string) => (await run('pdffonts', [file])).stdout;
/** Each word poppler finds with its left and right edges (points from the page's left). */
async function wordsOf(file: string): Promise<{ text: string; xMin: number; xMax: number }[]> {
  const html = (await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'])).stdout;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    text: m[3],
    xMin: Number(m[1]),
    xMax: Number(m[2]),
  }));
}
/** The A4 page's width, and the text block's edges on a left-to-right page (print-layout's margins: 100 left, 62 right). */
const PAGE_WIDTH = 595.28;
const TEXT_LEFT = 100;

describe('print layout in Arabic and Chinese (without the app)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = process.env.PARLEY_KEEP_PDF ?? (await mkdtemp(join(tmpdir(), 'parley-pdf-scripts-')));
  });
  afterAll(async () => {
    if (!process.env.PARLEY_KEEP_PDF) await rm(dir, { recursive: true, force: true });
  });

  async function print(
    name: string,
    direction: 'ltr' | 'rtl',
    language: string,
    paragraphs: { text: string; ref?: string; heading?: boolean }[],
  ): Promise<string> {
    const layout = new PrintLayout({
      header: { left: paragraphs[0].text, right: 'v1' },
      footer: (n, m) => `${n} / ${m}`,
      cover: false,
      lineNumbers: true,
      info: { title: name, subject: name, language },
      direction,
    });
    for (const p of paragraphs) await layout.paragraph([{ text: p.text }], { ref: p.ref, style: p.heading ? STYLES.heading : STYLES.body, before: 6 });
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, await layout.finish());
    return file;
  }

  it('Arabic: shaped in Noto Sans Arabic, read back in reading order, a Latin name and numbers kept left to right', async () => {
    const file = await print('arabic', 'rtl', 'ar', [
      { text: AR_TITLE, heading: true },
      { text: AR_CLAUSE, ref: 'OP1' },
      { text: `${AR_CLAUSE} ${AR_CLAUSE}`, ref: 'OP2' },
    ]);
    expect(await fontsOf(file)).toMatch(/NotoSansArabic/);
    // Read back in reading order. (Noto draws the dots of ب ت ث ن ي as marks on one shared letter shape, so a PDF
    // reader copies some of those letters as their neighbours: the words below have none of them.)
    const text = await textOf(file);
    for (const words of ['تؤكد الدول مجددًا التزامها', 'والأمن في', 'GCSC', '2019']) expect(text).toContain(words);
    expect(text.indexOf('تؤكد')).toBeLessThan(text.indexOf('لعام'));
    // The page is mirrored: the text block ends at the right margin, line and paragraph numbers stand to its right.
    const words = await wordsOf(file);
    const arabic = words.filter((w) => /[\u0600-\u06ff]/u.test(w.text));
    expect(Math.max(...arabic.map((w) => w.xMax))).toBeCloseTo(PAGE_WIDTH - TEXT_LEFT, 0);
    const rightMargin = words.filter((w) => w.xMin > PAGE_WIDTH - TEXT_LEFT).map((w) => w.text);
    expect(rightMargin).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', '6', 'OP1', 'OP2']));
    expect(words.filter((w) => w.xMax < 62).map((w) => w.text)).toEqual([]);
  });

  it('Chinese: printed in Noto Sans SC, lines broken between ideographs (no spaces), never before a full-width comma', async () => {
    const file = await print('chinese', 'ltr', 'zh-CN', [
      { text: ZH_TITLE, heading: true },
      { text: ZH_CLAUSE.repeat(3), ref: 'OP1' },
    ]);
    expect(await fontsOf(file)).toMatch(/NotoSansSC/);
    const text = (await textOf(file)).replace(/ /g, '');
    expect(text).toContain(ZH_TITLE);
    expect(text).toContain(ZH_CLAUSE.replace(/ /g, '').repeat(3));
    // Lines are filled to the width (no spaces to break at): the longest reaches the right margin.
    const words = await wordsOf(file);
    expect(Math.max(...words.map((w) => w.xMax))).toBeGreaterThan(PAGE_WIDTH - 62 - 12);
    expect(Math.min(...words.filter((w) => /\p{Script=Han}/u.test(w.text)).map((w) => w.xMin))).toBeCloseTo(TEXT_LEFT, 0);
    expect(ideographPieces('活动，特别是（原则2）')).toEqual(['活', '动，', '特', '别', '是', '（原', '则', '2）']);
    const measure = (_f: string, t: string) => [...t].length;
    const lines = breakLines([{ text: ZH_CLAUSE }], 10, 'serif', measure);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(ZH_CLAUSE.replace('GCSC 2019', 'GCSC2019'));
    expect(lines.every((l) => l.width <= 10)).toBe(true);
    expect(lines.some((l) => /^[，。）]/.test(l.runs[0].text))).toBe(false);
  });

  it('orders a right-to-left line for drawing: Arabic pieces from the right, numbers and Latin names left to right, brackets mirrored', () => {
    const pieces = visualPieces([{ text: 'المبدأ (2) من GCSC', face: 'serif' }], 'rtl');
    // Drawn left to right: the Latin name, then "من (" , the number, then ") المبدأ". An Arabic piece is handed to
    // pdfkit in reading order (fontkit lays it right to left), its brackets already mirrored.
    expect(pieces.map((p) => [p.text, p.font])).toEqual([
      ['GCSC', 'serif'],
      ['( من ', 'arabic'],
      ['2', 'arabic'],
      ['المبدأ )', 'arabic'],
    ]);
  });
});

/**
 * Through the app: a version printed with `?lang=ar` (an Arabic text, Parley's words in Arabic, the
 * page mirrored) and `?lang=zh` (a Chinese text), read back with poppler and drawn with pdftoppm; the
 * Word export of the Arabic text marks its paragraphs right to left and says their language.
 */
describe('exchange: a version printed and exported in Arabic and in Chinese', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let dir: string;
  const docs: Record<'ar' | 'zh', DocumentResponse> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    dir = process.env.PARLEY_KEEP_PDF ?? (await mkdtemp(join(tmpdir(), 'parley-pdf-app-')));
    g = await newDraftingGroup(t);
    for (const [lang, title, clauses] of [
      [
        'ar',
        AR_TITLE,
        [
          { kind: 'heading', text: 'المبادئ' },
          { kind: 'preamble', text: 'إن الدول والشركات ومنظمات المجتمع المدني،' },
          { kind: 'operative', text: AR_CLAUSE },
          { kind: 'operative', text: 'تعزيز التعاون الدولي.' },
        ],
      ],
      [
        'zh',
        ZH_TITLE,
        [
          { kind: 'heading', text: '原则' },
          { kind: 'preamble', text: '各国、企业和民间社会组织，' },
          { kind: 'operative', text: ZH_CLAUSE },
          { kind: 'operative', text: '加强国际合作。' },
        ],
      ],
    ] as const) {
      const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title, clauses });
      expect(res.status).toBe(201);
      docs[lang] = res.body;
    }
  });
  afterAll(async () => {
    await t?.close();
    if (dir && !process.env.PARLEY_KEEP_PDF) await rm(dir, { recursive: true, force: true });
  });

  async function fetched(path: string): Promise<Buffer> {
    const res = await fetch(t.baseUrl + path);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }
  async function printed(lang: 'ar' | 'zh'): Promise<{ file: string; pages: string[]; pngs: string[] }> {
    const file = join(dir, `version-${lang}.pdf`);
    await writeFile(file, await fetched(`/api/documents/${docs[lang].id}/versions/1/export.pdf?lang=${lang}`));
    const pages = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout.split('\f').filter((p) => p.trim() !== '');
    await run('pdftoppm', ['-r', '50', '-png', file, join(dir, `version-${lang}`)]);
    const pngs = (await readdir(dir)).filter((f) => f.startsWith(`version-${lang}`) && f.endsWith('.png')).map((f) => join(dir, f));
    return { file, pages, pngs };
  }

  it('in Arabic: the cover and the text in Arabic, in Noto Sans Arabic, numbers on the right; the pages draw', async () => {
    const { file, pages, pngs } = await printed('ar');
    expect(await fontsOf(file)).toMatch(/NotoSansArabic/);
    // Letters whose dots Noto draws as marks can be copied as their neighbours (decision 0048): these words have none,
    // but medial ع and غ share one glyph, copied as whichever the page used first (the cover's «الصيغة»).
    const all = pages.join('\n').replace(/[\u202a-\u202e\u2066-\u2069]/gu, '');
    for (const words of ['مشروع', 'الدول', 'الصيغة 1', '2019', 'GCSC', 'Working group']) expect(all).toContain(words);
    expect(all).toMatch(/ل[عغ]ام/u);
    const words = await wordsOf(file);
    expect(words.filter((w) => w.xMin > PAGE_WIDTH - TEXT_LEFT).map((w) => w.text)).toEqual(expect.arrayContaining(['OP1', 'PP1', '1', '2']));
    expect(pngs).toHaveLength(2);
    for (const png of pngs) expect((await readFile(png)).length).toBeGreaterThan(3000); // ink on the page, not a blank one
  });

  it('in Chinese: the cover and the text in Chinese, in Noto Sans SC; the pages draw', async () => {
    const { file, pages, pngs } = await printed('zh');
    expect(await fontsOf(file)).toMatch(/NotoSansSC/);
    const all = pages.join('\n').replace(/ /g, '');
    for (const words of ['草案', '第1版', ZH_TITLE, '防止和应对恶意网络活动', '第1页，共2页']) expect(all).toContain(words);
    expect(pngs).toHaveLength(2);
    for (const png of pngs) expect((await readFile(png)).length).toBeGreaterThan(3000);
  });

  it('the Word export of the Arabic text: its paragraphs right to left, the language Arabic, Parley’s words in Arabic', async () => {
    const parts = unzipSync(await fetched(`/api/documents/${docs.ar.id}/versions/1/export.docx?lang=ar`));
    const body = strFromU8(parts['word/document.xml']);
    const paragraphs = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
    const arabic = paragraphs.filter((p) => /[\u0600-\u06ff]/u.test(p));
    expect(arabic.length).toBeGreaterThanOrEqual(4);
    for (const p of arabic) expect(p).toContain('<w:bidi/>');
    expect(strFromU8(parts['word/styles.xml'])).toMatch(/<w:lang w:val="ar-SA" w:eastAsia="zh-CN" w:bidi="ar-SA"\/>/);
    expect(strFromU8(parts['word/header1.xml'] ?? parts[Object.keys(parts).find((k) => /word\/header\d*\.xml/.test(k))!])).toContain('الصيغة 1');
    const chinese = strFromU8(unzipSync(await fetched(`/api/documents/${docs.zh.id}/versions/1/export.docx?lang=zh`))['word/document.xml']);
    expect(chinese).not.toContain('<w:bidi/>');
  });
});
