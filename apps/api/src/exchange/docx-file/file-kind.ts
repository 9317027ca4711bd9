import type { UploadFileKind } from '@parley/contracts';

/**
 * What an upload is, from its first bytes (its "magic"), before anything in it is read: a zip (what a
 * .docx is), an OLE compound file (an old .doc, or a password-protected .docx), or something else,
 * named by the code the refusal carries (`pdf`: "this file is a PDF").
 */
export type FileKind = { kind: 'zip' } | { kind: 'ole'; encrypted: boolean } | { kind: 'other'; found: UploadFileKind };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Other kinds people upload by mistake, by their magic bytes. */
const OTHERS: { magic: number[]; found: UploadFileKind }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], found: 'pdf' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], found: 'rtf' },
  { magic: [0x89, 0x50, 0x4e, 0x47], found: 'png' },
  { magic: [0xff, 0xd8, 0xff], found: 'jpeg' },
  { magic: [0x47, 0x49, 0x46, 0x38], found: 'gif' },
  { magic: [0x1f, 0x8b], found: 'gzip' },
  { magic: [0x52, 0x61, 0x72, 0x21], found: 'rar' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], found: 'sevenZip' },
];

/** Word's password protection stores the real document as a stream of this name in an OLE container (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function fileKind(bytes: Buffer): FileKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, OLE)) return { kind: 'ole', encrypted: bytes.includes(ENCRYPTED_PACKAGE) };
  const other = OTHERS.find((o) => startsWith(bytes, o.magic));
  return { kind: 'other', found: other?.found ?? 'other' };
}

/** What an OLE container that is not encrypted is, for the refusal. */
export const OLD_WORD_DOCUMENT: UploadFileKind = 'doc';
/** What a zip without a Word document in it is, for the refusal. */
export const ZIP_NOT_WORD: UploadFileKind = 'zip';
