import type { TFunction } from 'i18next';
import type en from '../../i18n/en.json';
import { isProblem } from '../../api/client';
import { problemMessage, refusalMessage } from '../../i18n/server-messages';

/**
 * What the API says a refused upload was ("this file is a PDF"), as it writes it, by the key of its
 * words in the reader's language. The API names the kind in English (apps/api/src/exchange/docx-file/
 * file-kind.ts); a kind not listed here is shown as the API wrote it.
 */
const FOUND_KEYS: Record<string, keyof (typeof en)['exchange']['file']['found']> = {
  'a PDF': 'pdf',
  'an RTF document': 'rtf',
  'an image (PNG)': 'png',
  'an image (JPEG)': 'jpeg',
  'an image (GIF)': 'gif',
  'a gzip archive': 'gzip',
  'a RAR archive': 'rar',
  'a 7-Zip archive': 'sevenZip',
  'not a Word document': 'other',
  'an old Word document (.doc)': 'doc',
  'a zip archive without a Word document in it': 'zip',
  'a damaged zip archive': 'damagedZip',
};

/** A refused upload in the reader's language, the kind of file it was included. */
export function fileProblemMessage(t: TFunction, error: unknown): string {
  if (isProblem(error) && error.code === 'upload-not-docx' && typeof error.params.found === 'string') {
    const key = FOUND_KEYS[error.params.found];
    const found = key ? t(`exchange.file.found.${key}`) : error.params.found;
    return refusalMessage(t, { code: error.code, params: { ...error.params, found } }) ?? problemMessage(t, error);
  }
  return problemMessage(t, error);
}
