import { acceptedText, rejectedText, type WordContent, type WordParagraph } from '@parley/domain';
import { openDocx } from '../../apps/api/src/exchange/docx-file';
import type { ProblemException } from '../../apps/api/src/platform/http/problem';
import {
  brokenXmlDocx,
  cleanResolutionDocx,
  DELEGATE,
  documentXml,
  emptyDocx,
  encryptedDocx,
  entityDocx,
  handMadeDocx,
  lyingSizeDocx,
  macroContentTypeDocx,
  macroDocx,
  manyPartsDocx,
  oldWordDoc,
  p,
  pdfBytes,
  RESOLUTION,
  REVIEWER,
  trackedResolutionDocx,
  zipBombDocx,
  zipWithoutDocument,
} from '../support/docx-files';

const paragraphs = (c: WordContent): WordParagraph[] => c.blocks.filter((b): b is WordParagraph => b.type === 'paragraph');

/** The refusal openDocx throws for these bytes: its status, code, params and the field at fault. */
function refusalOf(bytes: Buffer) {
  try {
    openDocx(bytes);
  } catch (e) {
    const problem = (e as ProblemException).problem;
    if (!problem) throw e;
    return { status: problem.status, code: problem.code, params: problem.params, field: problem.errors?.[0]?.field };
  }
  throw new Error('the file was read');
}

describe('openDocx: a Word file as delegations send it', () => {
  let content: WordContent;
  beforeAll(async () => {
    content = openDocx(await trackedResolutionDocx());
  });

  it('reads the title property and each paragraph with its style, numbering and outline level', () => {
    expect(content.title).toBe(RESOLUTION.title);
    const [title, heading, pp1] = paragraphs(content);
    expect(title).toMatchObject({ styleId: 'Title', styleName: 'Title', numbered: false });
    expect(rejectedText(title)).toBe(RESOLUTION.title);
    expect(heading).toMatchObject({ styleId: 'Heading1', styleName: 'Heading 1', numbered: false });
    expect(pp1).toMatchObject({ styleId: null, numbered: false, outlineLevel: null, markRevision: null });
    expect(rejectedText(pp1)).toBe(RESOLUTION.preamble[0]);
  });

  it('reads tracked insertions and deletions with their author and date, accepted and rejected', () => {
    const op1 = paragraphs(content)[4];
    expect(op1.numbered).toBe(true);
    expect(rejectedText(op1)).toBe(RESOLUTION.operative[0]);
    expect(acceptedText(op1)).toBe('Calls upon States to restore shared rivers;');
    expect(op1.runs.find((r) => r.revision?.kind === 'delete')).toEqual({ text: 'to protect', revision: { kind: 'delete', author: DELEGATE, date: '2026-11-30T10:00:00Z' }, characterStyle: null });
  });

  it('reads a paragraph deleted or inserted whole by its mark', () => {
    const [, , , , , op2, , added] = paragraphs(content);
    expect(op2.markRevision).toMatchObject({ kind: 'delete', author: DELEGATE });
    expect(acceptedText(op2)).toBe('');
    expect(rejectedText(op2)).toBe(RESOLUTION.operative[1]);
    expect(added.markRevision).toMatchObject({ kind: 'insert', author: REVIEWER });
    expect(rejectedText(added)).toBe('');
    expect(added.numbered).toBe(true);
  });

  it('reads a table as rows of cells of paragraphs', () => {
    const table = content.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.map((cell) => cell.map(rejectedText).join(' ')))).toEqual([
      ['Basin', 'Area'],
      ['Danube', '801 463 km²'],
    ]);
  });

  it('reads a clean file without revisions', async () => {
    const clean = openDocx(await cleanResolutionDocx());
    expect(paragraphs(clean).every((x) => x.runs.every((r) => r.revision === null) && x.markRevision === null)).toBe(true);
    expect(paragraphs(clean).filter((x) => x.numbered).map(rejectedText)).toEqual(RESOLUTION.operative);
    expect(clean.had).toEqual({ comments: false, images: false, footnotes: false, moves: false });
  });
});

describe('openDocx: what Word writes by hand', () => {
  const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:styleId="ListOp"><w:name w:val="List Op"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="ListOpChild"><w:name w:val="List Op Child"/><w:basedOn w:val="ListOp"/></w:style>
    <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop 1"/><w:basedOn w:val="Loop2"/></w:style>
    <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop 2"/><w:basedOn w:val="Loop1"/></w:style>
  </w:styles>`;

  it('takes numbering through the style chain, turned off by numId 0, and survives a loop of styles', () => {
    const body = [
      p('Through the style.', '<w:pStyle w:val="ListOpChild"/>'),
      p('Turned off.', '<w:pStyle w:val="ListOp"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      p('In a loop.', '<w:pStyle w:val="Loop1"/>'),
      p('Outlined.', '<w:outlineLvl w:val="1"/>'),
    ].join('');
    const read = paragraphs(openDocx(handMadeDocx({ 'word/document.xml': documentXml(body), 'word/styles.xml': styles })));
    expect(read.map((x) => [x.styleName, x.numbered, x.outlineLevel])).toEqual([
      ['List Op Child', true, null],
      ['List Op', false, null],
      ['Loop 1', false, null],
      [null, false, 1],
    ]);
  });

  it('reads tabs and breaks as spaces, character styles, links, and moves as a deletion and an insertion', () => {
    const body =
      '<w:p><w:r><w:t>Before</w:t><w:tab/><w:t>after</w:t><w:br/><w:t>end</w:t></w:r><w:r><w:rPr><w:rStyle w:val="ParleyBracket"/></w:rPr><w:t>[x]</w:t></w:r>' +
      '<w:hyperlink><w:r><w:t> link</w:t></w:r></w:hyperlink></w:p>' +
      '<w:p><w:moveFrom w:author="M" w:date="2026-01-01T00:00:00Z"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>' +
      '<w:p><w:moveTo w:author="M"><w:r><w:t>Moved here.</w:t></w:r></w:moveTo><w:r><w:commentReference w:id="1"/></w:r><w:r><w:drawing/></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>';
    const content = openDocx(handMadeDocx({ 'word/document.xml': documentXml(body) }));
    const [first, away, here] = paragraphs(content);
    expect(first.runs).toEqual([
      { text: 'Before after end', revision: null, characterStyle: null },
      { text: '[x]', revision: null, characterStyle: 'ParleyBracket' },
      { text: ' link', revision: null, characterStyle: null },
    ]);
    expect(away.runs[0].revision).toEqual({ kind: 'delete', author: 'M', date: '2026-01-01T00:00:00Z' });
    expect(here.runs[0].revision).toEqual({ kind: 'insert', author: 'M', date: null });
    expect(content.had).toEqual({ comments: true, images: true, footnotes: true, moves: true });
  });

  it('reads deleted text (w:delText) inside w:del', () => {
    const body = '<w:p><w:r><w:t>Keep </w:t></w:r><w:del w:author="X"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>';
    const [only] = paragraphs(openDocx(handMadeDocx({ 'word/document.xml': documentXml(body) })));
    expect([acceptedText(only), rejectedText(only)]).toEqual(['Keep ', 'Keep gone']);
  });
});

describe('openDocx: bad files are refused, naming the body', () => {
  const expectRefusal = (bytes: Buffer, status: number, code: string, params: Record<string, unknown> = {}) =>
    expect(refusalOf(bytes)).toEqual({ status, code, params, field: '(body)' });

  it('refuses what is not a Word document, saying what it is', () => {
    expectRefusal(pdfBytes(), 415, 'upload-not-docx', { found: 'pdf' });
    expectRefusal(oldWordDoc(), 415, 'upload-not-docx', { found: 'doc' });
    expectRefusal(zipWithoutDocument(), 415, 'upload-not-docx', { found: 'zip' });
    expectRefusal(Buffer.from('hello'), 415, 'upload-not-docx', { found: 'other' });
    expectRefusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 415, 'upload-not-docx', { found: 'damagedZip' });
  });

  it('refuses a password-protected file', () => expectRefusal(encryptedDocx(), 400, 'docx-encrypted'));

  it('refuses zip bombs: by the sizes declared, by a lying directory while inflating, by the number of parts', () => {
    expectRefusal(zipBombDocx(), 400, 'docx-expands-too-much', { limitMegabytes: 60 });
    const started = Date.now();
    expectRefusal(lyingSizeDocx(), 400, 'docx-expands-too-much', { limitMegabytes: 60 });
    expect(Date.now() - started).toBeLessThan(5000);
    expectRefusal(manyPartsDocx(2001), 400, 'docx-expands-too-much', { limitMegabytes: 60 });
  });

  it('refuses macros, by part or by content type', () => {
    expectRefusal(macroDocx(), 400, 'docx-has-macros');
    expectRefusal(macroContentTypeDocx(), 400, 'docx-has-macros');
  });

  it('refuses a DTD and damaged XML, naming the part', () => {
    expectRefusal(entityDocx(), 400, 'docx-unreadable', { part: 'word/document.xml' });
    expectRefusal(brokenXmlDocx(), 400, 'docx-unreadable', { part: 'word/document.xml' });
    expectRefusal(handMadeDocx({ 'word/styles.xml': '<w:styles' }), 400, 'docx-unreadable', { part: 'word/styles.xml' });
  });

  it('refuses a file without text', () => expectRefusal(emptyDocx(), 400, 'docx-no-text'));
});
