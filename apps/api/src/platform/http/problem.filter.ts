import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { fieldError, fieldErrorsOf, PROBLEM_TYPE_OF_STATUS, PROBLEM_TYPES, refusal, type Problem, type RefusalStatus } from '@parley/contracts';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { invalidProblem, problemOf, ProblemException } from './problem';
import { problemTitle } from './refusal-text';

/** 22021 bad byte sequence, 22P05 untranslatable character, 22P02 invalid text for the type, 22001 too long, 22003 number out of range, 22007/22008 bad or out-of-range date. */
const VALUE_NOT_STORABLE_CODES = new Set(['22021', '22P05', '22P02', '22001', '22003', '22007', '22008']);
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

export function zodProblem(error: ZodError): Problem {
  return invalidProblem(error.issues.flatMap(fieldErrorsOf));
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
    if (e instanceof ThrottlerException) return problemOf(refusal('rate-limited'));
    if (e instanceof HttpException) return frameworkProblem(e);
    const err = e as { code?: string; type?: string; status?: number; message?: string };
    if (err?.type === 'entity.too.large' || err?.status === 413) return problemOf(refusal('body-too-large'));
    if (err?.type === 'entity.parse.failed') return problemOf(refusal('body-not-json'), [fieldError('(body)', 'not-json')]);
    // Text PostgreSQL cannot store (a NUL byte) or read as the column's type, a number or date out of
    // its range: the input's fault, never a 500.
    if (err?.code && VALUE_NOT_STORABLE_CODES.has(err.code)) return problemOf(refusal('value-not-storable'));
    if (err?.code && DB_DOWN_CODES.has(err.code)) return problemOf(refusal('database-unavailable'));
    // When PostgreSQL cuts a connection in the middle of a transaction, TypeORM releases the query
    // runner and the transaction's next statement fails with one of these (seen in the PostgreSQL
    // restart drill, tests/fault/restart-postgres.drill.ts): the database went away, not a bug.
    if (e instanceof QueryRunnerAlreadyReleasedError || e instanceof QueryRunnerProviderAlreadyReleasedError) return problemOf(refusal('database-unavailable'));
    if (err?.message && /Connection terminated|timeout exceeded when trying to connect|Connection is not established/i.test(err.message))
      return problemOf(refusal('database-unavailable'));
    return problemOf(refusal('internal-error'));
  }
}

/** An HTTP error the framework raised itself (an unknown route, a pipe): its status and message, under `http-error`. */
export function frameworkProblem(e: HttpException): Problem {
  const status = e.getStatus();
  const body = e.getResponse();
  const raw = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? e.message);
  const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
  const problem = problemOf(refusal('http-error', { message }));
  return { ...problem, status, type: PROBLEM_TYPE_OF_STATUS[status as RefusalStatus] ?? PROBLEM_TYPES.internal, title: problemTitle('http-error', status as RefusalStatus) };
}
