import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { PROBLEM_TYPES, Problem } from '@parley/contracts';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ProblemException } from './problem';

const TITLES: Record<number, [string, string]> = {
  400: [PROBLEM_TYPES.validation, 'Invalid request'],
  401: [PROBLEM_TYPES.unauthenticated, 'Not signed in'],
  403: [PROBLEM_TYPES.forbidden, 'Not allowed'],
  404: [PROBLEM_TYPES.notFound, 'Not found'],
  409: [PROBLEM_TYPES.conflict, 'Conflict'],
  413: [PROBLEM_TYPES.payloadTooLarge, 'Request too large'],
  415: [PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type'],
  429: [PROBLEM_TYPES.rateLimited, 'Too many requests'],
  503: [PROBLEM_TYPES.unavailable, 'Service unavailable'],
};

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

export function zodProblem(error: ZodError): Problem {
  const errors = error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: [...i.path, k].join('.'), message: 'Unknown field' }));
    return [{ field: i.path.join('.') || '(body)', message: i.message }];
  });
  return { type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors };
}

/**
 * The seconds until a rate-limited client may try again. The throttler names its header after the
 * limit (`Retry-After-auth`), which no client reads; RFC 9110's `Retry-After` carries the same value.
 */
function retryAfterSeconds(res: Response): string {
  const named = res.getHeaderNames().find((h) => h.startsWith('retry-after-'));
  const seconds = Number(named ? res.getHeader(named) : NaN);
  return String(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60);
}

/** Every error leaves as problem+json; database outages become 503, never a stack trace. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const problem = this.toProblem(exception);
    problem.instance = req.originalUrl?.split('?')[0];
    if (problem.status >= 500) this.logger.error({ err: exception, url: req.originalUrl }, problem.detail);
    if (problem.status === 503) res.setHeader('Retry-After', '5');
    if (problem.status === 429) res.setHeader('Retry-After', retryAfterSeconds(res));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(e: unknown): Problem {
    if (e instanceof ProblemException) return { ...e.problem };
    if (e instanceof ZodValidationException) return zodProblem(e.getZodError() as ZodError);
    if (e instanceof ZodError) return zodProblem(e);
    if (e instanceof ThrottlerException) return { type: PROBLEM_TYPES.rateLimited, title: 'Too many requests', status: 429, detail: 'Too many attempts; wait a minute and try again' };
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const [type, title] = TITLES[status] ?? [PROBLEM_TYPES.internal, 'Error'];
      const body = e.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? e.message);
      return { type, title, status, detail: Array.isArray(message) ? message.join('; ') : String(message) };
    }
    const err = e as { code?: string; type?: string; status?: number; message?: string };
    if (err?.type === 'entity.too.large' || err?.status === 413) return { type: PROBLEM_TYPES.payloadTooLarge, title: 'Request too large', status: 413, detail: 'The request body is larger than this endpoint accepts' };
    if (err?.type === 'entity.parse.failed') return { type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: 'The body is not valid JSON', errors: [{ field: '(body)', message: 'Not valid JSON' }] };
    // Text PostgreSQL cannot store (a NUL byte) or read as the column's type: the input's fault, never a 500.
    if (err?.code === '22021' || err?.code === '22P05' || err?.code === '22P02' || err?.code === '22001')
      return { type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: 'The request contains a value that cannot be stored (control characters, or the wrong format)' };
    if (err?.code && DB_DOWN_CODES.has(err.code)) return { type: PROBLEM_TYPES.unavailable, title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again in a few seconds' };
    // When PostgreSQL cuts a connection in the middle of a transaction, TypeORM releases the query
    // runner and the transaction's next statement fails with one of these (seen in the PostgreSQL
    // restart drill, tests/fault/restart-postgres.drill.ts): the database went away, not a bug.
    if (e instanceof QueryRunnerAlreadyReleasedError || e instanceof QueryRunnerProviderAlreadyReleasedError)
      return { type: PROBLEM_TYPES.unavailable, title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again in a few seconds' };
    if (err?.message && /Connection terminated|timeout exceeded when trying to connect|Connection is not established/i.test(err.message))
      return { type: PROBLEM_TYPES.unavailable, title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again in a few seconds' };
    return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500, detail: 'Something went wrong on our side; it has been logged' };
  }
}
