import type { UploadFileKind } from '@parley/contracts';
import type { RefusalTexts } from './texts';

/** What a refused upload was, in English. */
const FILE_KIND: Record<UploadFileKind, string> = {
  pdf: 'a PDF',
  rtf: 'an RTF document',
  png: 'an image (PNG)',
  jpeg: 'an image (JPEG)',
  gif: 'an image (GIF)',
  gzip: 'a gzip archive',
  rar: 'a RAR archive',
  sevenZip: 'a 7-Zip archive',
  doc: 'an old Word document (.doc)',
  zip: 'a zip archive without a Word document in it',
  damagedZip: 'a damaged zip archive',
  other: 'not a Word document',
};

export const EXCHANGE_TEXT = {
  'upload-not-docx': (p) => `Send a Word document (.docx); this file is ${FILE_KIND[p.found] ?? FILE_KIND.other}`,
  'upload-too-large': (p) => `The file is larger than ${p.limitMegabytes} MB, the most an upload may be`,
  'docx-encrypted': () => 'The file is protected by a password: save it without one and upload it again',
  'docx-expands-too-much': (p) => `The file would expand to more than ${p.limitMegabytes} MB once unzipped: it is not read`,
  'docx-text-too-large': (p) => `The text of the file is larger than ${p.limitMegabytes} MB once unzipped, more than Parley reads`,
  'docx-too-many-paragraphs': (p) => `The file has more than ${p.limit} paragraphs, the most a document may have`,
  'docx-has-macros': () => 'The file carries macros: save it as a Word document without macros (.docx) and upload it again',
  'docx-unreadable': (p) => `The file is damaged: its part ${p.part} cannot be read`,
  'docx-no-text': () => 'The file has no paragraph with text',
  'template-no-table': () => 'The file has no table with the commenting template’s columns (clause, type of comment, comment)',
  'template-focal-points-only': () => 'Only a focal point of an organisation posts comments on its behalf from a template',
} satisfies Partial<RefusalTexts>;
