import type { WordContent } from '@parley/domain';
import { fileRefused } from './file-refusals';
import { openDocx } from './open-docx';

/**
 * The uploaded Word file: the raw body, which the body parser gives as bytes only when it was sent
 * as a Word document (app-factory.ts); any other body is not one.
 */
export function uploadedDocx(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw fileRefused('upload-not-docx', { found: 'other' });
  return body;
}

/** The uploaded body opened as a Word file (refused as `openDocx` refuses). */
export const readUploadedDocx = (body: unknown): WordContent => openDocx(uploadedDocx(body));
