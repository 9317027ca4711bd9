import type { NextFunction, Request, Response } from 'express';
import { DOCX_MEDIA_TYPE, fieldError, MAX_UPLOAD_BYTES, refusal, type Problem } from '@parley/contracts';
import { problemOf, ProblemException } from './problem';

/** An error raised by the body parser (http-errors): a status, and a `type` for the ones it names. */
type BodyParserError = { type?: string; status?: number; code?: string };

/** The parser's named errors (http-errors `type`), as problems naming what is at fault. */
const NAMED: Record<string, () => Problem> = {
  'entity.parse.failed': () => problemOf(refusal('body-not-json'), [fieldError('(body)', 'not-json')]),
  'encoding.unsupported': () => problemOf(refusal('encoding-unsupported'), [fieldError('Content-Encoding', 'encoding-unsupported')]),
  'charset.unsupported': () => problemOf(refusal('charset-unsupported'), [fieldError('Content-Type', 'charset-unsupported')]),
  'request.aborted': () => problemOf(refusal('body-incomplete'), [fieldError('(body)', 'body-incomplete')]),
  'request.size.invalid': () => problemOf(refusal('body-incomplete'), [fieldError('(body)', 'body-incomplete')]),
};

/** The problem for a body the parser could not read, naming what is wrong with it; null for any other error. */
export function bodyParseProblem(err: unknown, req: Pick<Request, 'headers'>): Problem | null {
  const e = err as BodyParserError | null;
  if (!e || typeof e !== 'object') return null;
  // A Word file over the upload limit (decision 0044): the limit is named, in megabytes.
  if (e.type === 'entity.too.large' && String(req.headers['content-type'] ?? '').startsWith(DOCX_MEDIA_TYPE))
    return problemOf(refusal('upload-too-large', { limitMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024) }), [fieldError('(body)', 'too-big', { maximum: MAX_UPLOAD_BYTES })]);
  const named = e.type && Object.hasOwn(NAMED, e.type) ? NAMED[e.type] : undefined;
  if (named) return named();
  // A body that says it is compressed but does not decompress: zlib's error, wrapped in a 400 without a type.
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (e.status === 400 && e.type === undefined && encoding !== 'identity')
    return problemOf(refusal('body-not-decodable', { encoding }), [fieldError('Content-Encoding', 'not-decodable', { encoding })]);
  return null;
}

/**
 * Express error middleware placed right after the JSON body parser: a body it cannot read becomes a
 * problem naming the field or header at fault (`(body)`, `Content-Encoding`, `Content-Type`), instead
 * of Nest's bare 400 with the parser's message, or a 500 for zlib's errors.
 */
export function bodyParseProblems(err: unknown, req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyParseProblem(err, req);
  next(problem ? new ProblemException(problem) : err);
}
