import type { WordContent } from '@parley/domain';
import { refuse } from '../../platform/http/problem';

/** The uploaded body read as a Word file (C's reader: pending its merge). */
export function uploadedDocx(upload: unknown): WordContent {
  if (!Buffer.isBuffer(upload)) throw refuse('upload-not-docx', { found: 'not a Word document' });
  throw refuse('docx-unreadable', { part: 'word/document.xml' });
}
