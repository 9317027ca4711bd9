import { fileRefused } from '../docx-file/file-refusals';

/**
 * The uploaded Word file: the raw body, which the body parser gives as bytes only when it was sent
 * as a Word document (app-factory.ts); any other body is not one.
 */
export function uploadedDocx(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw fileRefused('upload-not-docx', { found: 'not a Word document' });
  return body;
}
