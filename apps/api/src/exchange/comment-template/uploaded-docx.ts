import { refusal } from '@parley/contracts';
import type { WordContent } from '@parley/domain';
import { refused } from '../../platform/http/problem';
import { openDocx } from '../docx-file';

/** The uploaded body read as a Word file; a body sent as another media type (JSON, a form) is none. */
export function uploadedDocx(upload: unknown): WordContent {
  if (!Buffer.isBuffer(upload)) throw refused(refusal('upload-not-docx', { found: 'not a Word document' }), '(body)');
  return openDocx(upload);
}
