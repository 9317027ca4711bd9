import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_TYPES } from '@parley/contracts';
import { ProblemException } from './problem';

/**
 * Express error middleware placed right after the JSON body parser: a body that is not JSON becomes
 * a validation problem naming `(body)`. Without it Nest maps the parser's SyntaxError to a bare 400
 * carrying the parser's message and no field errors.
 */
export function bodyParseProblems(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if ((err as { type?: string } | null)?.type === 'entity.parse.failed')
    return next(new ProblemException({ type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: 'The body is not valid JSON', errors: [{ field: '(body)', message: 'Not valid JSON' }] }));
  next(err);
}
