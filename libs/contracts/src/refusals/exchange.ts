import type { UploadFileKind } from '../exchange/vocabulary';
import { spec } from './define';

/**
 * Word and PDF files in and out (apps/api/src/exchange, decision 0044). An upload is checked before
 * anything in it is read; each refusal names what is wrong with the file, and nothing is created.
 */
export const EXCHANGE_REFUSALS = {
  /** The body is not a Word document (.docx): another media type, not a zip, an old .doc, or a zip without a Word document in it. */
  'upload-not-docx': spec<{ found: UploadFileKind }>(415),
  /** The file is larger than an upload may be. */
  'upload-too-large': spec<{ limitMegabytes: number }>(413),
  /** The file is password-protected (encrypted): Parley cannot read it. */
  'docx-encrypted': spec(400),
  /** The file would expand beyond what a Word document of this size can hold once unzipped (a zip bomb). */
  'docx-expands-too-much': spec<{ limitMegabytes: number }>(400),
  /** The text of the file (its document part) is larger than Parley reads. */
  'docx-text-too-large': spec<{ limitMegabytes: number }>(400),
  /** The file has more paragraphs than a document may have clauses. */
  'docx-too-many-paragraphs': spec<{ limit: number }>(400),
  /** The file carries macros (VBA): Parley accepts documents without them. */
  'docx-has-macros': spec(400),
  /** A part of the file is not well-formed (or declares a DTD): `part` names it. */
  'docx-unreadable': spec<{ part: string }>(400),
  /** The file has no paragraph with text. */
  'docx-no-text': spec(400),
  /** The file has no table with the commenting template's columns (clause, type, comment). */
  'template-no-table': spec(400),
  /** Only a focal point of an organisation posts a commenting template's comments on its behalf. */
  'template-focal-points-only': spec(403),
} as const;
