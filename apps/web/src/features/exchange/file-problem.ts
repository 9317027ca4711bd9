import type { TFunction } from 'i18next';
import { UPLOAD_FILE_KINDS, type UploadFileKind } from '@parley/contracts';
import { isProblem } from '../../api/client';
import { problemMessage, refusalMessage } from '../../i18n/server-messages';

/** A refused upload in the reader's language, the kind of file it was included. */
export function fileProblemMessage(t: TFunction, error: unknown): string {
  if (isProblem(error) && error.code === 'upload-not-docx' && typeof error.params.found === 'string') {
    // The kind of file is a code (UPLOAD_FILE_KINDS); one this web does not know yet reads as "not a Word document".
    const kind: UploadFileKind = (UPLOAD_FILE_KINDS as readonly string[]).includes(error.params.found) ? (error.params.found as UploadFileKind) : 'other';
    const found = t(`exchange.file.found.${kind}`);
    return refusalMessage(t, { code: error.code, params: { ...error.params, found } }) ?? problemMessage(t, error);
  }
  return problemMessage(t, error);
}
