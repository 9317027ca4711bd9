import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';

/**
 * Word files for tests (decision 0044): good ones written with the `docx` package as Word would save
 * them (headings, a numbered list, tracked changes, a table), and bad ones made byte by byte
 * (encrypted, zip bombs, macros, a DTD, another format).
 */

export const DELEGATE = 'A. Delegate (Ruritania)';
export const REVIEWER = 'B. Reviewer (Freedonia)';
const WHEN = '2026-11-30T10:00:00Z';

const operativeList = 'operative-list';
const revision = (id: number, author = DELEGATE) => ({ id, author, date: WHEN });

const numbered = (children: ParagraphChild[], mark?: { insertion?: ReturnType<typeof revision>; deletion?: ReturnType<typeof revision> }) =>
  new Paragraph({ numbering: { reference: operativeList, level: 0 }, children, ...(mark ? { run: mark } : {}) });

const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });

async function packed(children: (Paragraph | Table)[], title?: string): Promise<Buffer> {
  const doc = new Document({
    ...(title ? { title } : {}),
    numbering: { config: [{ reference: operativeList, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The clause texts of the resolution below, with its tracked changes rejected. */
export const RESOLUTION = {
  title: 'Draft resolution on open water',
  heading: 'Open water',
  preamble: ['Recalling its earlier resolutions on shared rivers,', 'Noting with concern the state of wetlands,'],
  operative: ['Calls upon States to protect rivers;', 'Requests the Secretariat to report annually;', 'Decides to remain seized of the matter.'],
} as const;

/**
 * A resolution as delegations send it: a Title, a heading, two preambular paragraphs, three numbered
 * operative paragraphs; tracked changes: in OP1 "shared " inserted and "to protect" replaced by "to
 * restore", OP2 deleted whole (its mark and text), a paragraph inserted whole after OP3 (by another
 * author); and a table.
 */
export async function trackedResolutionDocx(): Promise<Buffer> {
  return packed(
    [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(RESOLUTION.title)] }),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(RESOLUTION.heading)] }),
      ...RESOLUTION.preamble.map(plain),
      numbered([
        new TextRun('Calls upon States '),
        new DeletedTextRun({ text: 'to protect', ...revision(1) }),
        new InsertedTextRun({ text: 'to restore', ...revision(2) }),
        new TextRun(' '),
        new InsertedTextRun({ text: 'shared ', ...revision(3) }),
        new TextRun('rivers;'),
      ]),
      numbered([new DeletedTextRun({ text: RESOLUTION.operative[1], ...revision(4) })], { deletion: revision(5) }),
      numbered([new TextRun(RESOLUTION.operative[2])]),
      numbered([new InsertedTextRun({ text: 'Invites donors to contribute to the fund.', ...revision(6, REVIEWER) })], { insertion: revision(7, REVIEWER) }),
      new Table({
        rows: [
          new TableRow({ children: [new TableCell({ children: [plain('Basin')] }), new TableCell({ children: [plain('Area')] })] }),
          new TableRow({ children: [new TableCell({ children: [plain('Danube')] }), new TableCell({ children: [plain('801 463 km²')] })] }),
        ],
      }),
    ],
    RESOLUTION.title,
  );
}

/** A plain document: a heading, a preamble and numbered operative paragraphs, no tracked change. */
export async function cleanResolutionDocx(): Promise<Buffer> {
  return packed([
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(RESOLUTION.heading)] }),
    ...RESOLUTION.preamble.map(plain),
    ...RESOLUTION.operative.map((t) => numbered([new TextRun(t)])),
  ]);
}

// ---------- hand-made files: exactly the XML a test needs ----------

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES = (main = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

/** A document.xml around these body elements (WordprocessingML, prefix w). */
export const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

/** A paragraph of one run. */
export const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A minimal Word file from its parts (strings are UTF-8 XML); document.xml and [Content_Types].xml unless given. */
export function handMadeDocx(parts: Record<string, string | Uint8Array>): Buffer {
  const files: Zippable = { '[Content_Types].xml': strToU8(CONTENT_TYPES()), 'word/document.xml': strToU8(documentXml(p('Some text.'))) };
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(files));
}

/** A file Word protected with a password: an OLE compound file holding an "EncryptedPackage" stream. */
export function encryptedDocx(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(50), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(2048)]);
}

/** An old Word document (.doc): an OLE compound file with a WordDocument stream. */
export function oldWordDoc(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(2048)]);
}

/** The first bytes of a PDF. */
export const pdfBytes = (): Buffer => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A zip of something else (a text file): no word/document.xml. */
export const zipWithoutDocument = (): Buffer => Buffer.from(zipSync({ 'notes.txt': strToU8('not a Word document') }));

const MEGABYTE = 1024 * 1024;

/**
 * The raw deflate stream of `megabytes` MB of zeros, made quickly: one megabyte deflated up to a full
 * flush (which resets the compressor, so every megabyte compresses to the same bytes) repeated, then
 * an empty final block.
 */
function deflatedZeros(megabytes: number): Buffer {
  const oneMegabyte = deflateRawSync(Buffer.alloc(MEGABYTE), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => oneMegabyte), deflateRawSync(Buffer.alloc(0))]);
}

/** CRC, compressed size, uncompressed size and name length: the same run of fields in a local and a central header. */
function writeEntry(header: Buffer, at: number, crc: number, compressed: number, size: number, nameLength: number): void {
  header.writeUInt32LE(crc, at);
  header.writeUInt32LE(compressed, at + 4);
  header.writeUInt32LE(size, at + 8);
  header.writeUInt16LE(nameLength, at + 12);
}

/** A zip of one deflated part, with the uncompressed size its headers declare (the true one unless told). */
function zipOfOnePart(name: string, deflated: Buffer, crc: number, size: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  writeEntry(local, 14, crc, deflated.length, size, nameBytes.length);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  writeEntry(central, 16, crc, deflated.length, size, nameBytes.length);
  const centralAt = local.length + nameBytes.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}

function zerosCrc(megabytes: number): number {
  const block = Buffer.alloc(MEGABYTE);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(block, crc);
  return crc;
}

/** A zip bomb: a Word file whose document.xml is 100 MB of zeros once inflated (about 100 KB zipped), as its directory says. */
export function zipBombDocx(): Buffer {
  return zipOfOnePart('word/document.xml', deflatedZeros(100), zerosCrc(100), 100 * MEGABYTE);
}

/** A zip bomb whose directory lies: it declares its document 1000 bytes while the part inflates to 100 MB. */
export function lyingSizeDocx(): Buffer {
  return zipOfOnePart('word/document.xml', deflatedZeros(100), zerosCrc(100), 1000);
}

/** A Word file of more parts than a Word document has (a directory bomb). */
export function manyPartsDocx(parts: number): Buffer {
  const files: Zippable = { '[Content_Types].xml': strToU8(CONTENT_TYPES()), 'word/document.xml': strToU8(documentXml(p('Some text.'))) };
  for (let i = 0; i < parts; i++) files[`word/media/part${i}.xml`] = new Uint8Array(0);
  return Buffer.from(zipSync(files, { level: 0 }));
}

/** A Word file with a VBA project (what a .docm holds). */
export const macroDocx = (): Buffer => handMadeDocx({ 'word/vbaProject.bin': new Uint8Array([1, 2, 3, 4]) });

/** A Word file whose content type says it is macro-enabled, without a vbaProject.bin part. */
export const macroContentTypeDocx = (): Buffer => handMadeDocx({ '[Content_Types].xml': CONTENT_TYPES('application/vnd.ms-word.document.macroEnabled.main+xml') });

/** A document.xml declaring an entity (billion laughs' first step, or an external entity). */
export const entityDocx = (): Buffer =>
  handMadeDocx({
    'word/document.xml': `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">]><w:document xmlns:w="${W}"><w:body>${p('&lol;')}</w:body></w:document>`,
  });

/** A document.xml that is not well-formed. */
export const brokenXmlDocx = (): Buffer => handMadeDocx({ 'word/document.xml': `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Unclosed</w:r></w:p></w:body>` });

/** A Word file with no text: two empty paragraphs. */
export const emptyDocx = (): Buffer => handMadeDocx({ 'word/document.xml': documentXml('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>') });

/** A body larger than an upload may be (50 MB): refused before it is read. */
export const fiftyMegabytes = (): Buffer => Buffer.alloc(50 * 1024 * 1024, 0x41);

/** A Word file of `count` short paragraphs (the import refuses more than a document may have clauses). */
export const manyParagraphsDocx = (count: number): Buffer =>
  handMadeDocx({ 'word/document.xml': documentXml(Array.from({ length: count }, (_, i) => p(`Paragraph ${i + 1} of a very long file.`)).join('')) });

/** A Word file whose document part is 6 MB of text that does not compress (so no zip-bomb ratio): more than Parley parses. */
export const hugeTextDocx = (): Buffer => {
  const noise = randomBytes(4.5 * 1024 * 1024).toString('base64');
  return handMadeDocx({ 'word/document.xml': documentXml(p(noise)) });
};
