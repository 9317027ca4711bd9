import { HttpException } from '@nestjs/common';
import { PROBLEM_TYPES, Problem, type Reason } from '@parley/contracts';

/** An error answered as RFC 9457 problem+json, with the stable `type` the web and scripts can rely on. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}

export const validationProblem = (field: string, message: string) =>
  new ProblemException({ type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: `${field}: ${message}`, errors: [{ field, message }] });

export const notFound = (what: string) => new ProblemException({ type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: `${what} was not found` });

/** `code` and `params` beside the English detail, when the reason has a machine form. */
const coded = (reason?: Reason) => (reason ? { code: reason.code, params: reason.params } : {});

export const forbidden = (detail: string, reason?: Reason) => new ProblemException({ type: PROBLEM_TYPES.forbidden, title: 'Not allowed', status: 403, detail, ...coded(reason) });

export const conflict = (detail: string, field?: string, reason?: Reason) =>
  new ProblemException({ type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409, detail, ...(field ? { errors: [{ field, message: detail }] } : {}), ...coded(reason) });

export const unauthenticated = (detail = 'Sign in to do this') => new ProblemException({ type: PROBLEM_TYPES.unauthenticated, title: 'Not signed in', status: 401, detail });

/** A policy's refusal answered as 403 (not allowed) or 409 (the state of the thing forbids it now). */
export const refusalProblem = (r: { kind: 'forbidden' | 'conflict'; message: string; reason?: Reason }): ProblemException =>
  r.kind === 'conflict' ? conflict(r.message, undefined, r.reason) : forbidden(r.message, r.reason);
