import { HttpException } from '@nestjs/common';
import {
  fieldError,
  PROBLEM_TYPES,
  refusal,
  REFUSALS,
  type CodedFieldError,
  type FieldErrorCode,
  type FieldErrorParamsOf,
  type NoParams,
  type NotFoundResource,
  type Problem,
  type Refusal,
  type RefusalCode,
  type RefusalParamsOf,
  type StatedRefusal,
} from '@parley/contracts';
import { fieldErrorText, problemTitle, refusalText } from './refusal-text';

/** An error answered as RFC 9457 problem+json, with the stable `type` and `code` the web and scripts rely on. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}

const withMessages = (errors: CodedFieldError[]) => errors.map((e) => ({ ...e, message: fieldErrorText(e) }));

/**
 * The one converter from a refusal to problem+json: status, type and title from the catalogue, the
 * English detail rendered from the code. `errors` names the fields at fault: a field name (the refusal
 * is about that field) or field errors of their own.
 */
export function problemOf(r: Refusal, errors?: string | CodedFieldError[], extra: Record<string, unknown> = {}): Problem {
  const detail = refusalText(r);
  const fields =
    errors === undefined ? undefined : typeof errors === 'string' ? [{ field: errors, code: r.code, params: r.params, message: detail }] : withMessages(errors);
  return {
    ...extra,
    type: REFUSALS[r.code].type,
    title: problemTitle(r.code, r.status),
    status: r.status,
    detail,
    code: r.code,
    params: r.params,
    ...(fields ? { errors: fields } : {}),
  };
}

/** 400 naming each invalid field with its code; the detail lists them in English. */
export function invalidProblem(errors: CodedFieldError[]): Problem {
  const fields = withMessages(errors);
  const detail = fields.map((e) => `${e.field}: ${e.message}`).join('; ');
  return { type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail, code: 'invalid-request', params: {}, errors: fields };
}

/** A policy's or a service's refusal, as the exception the problem filter answers. */
export const refused = (r: Refusal, errors?: string | CodedFieldError[], extra?: Record<string, unknown>): ProblemException =>
  new ProblemException(problemOf(r, errors, extra));

type ParamsArg<P> = NoParams extends P ? [params?: P] : [params: P];

/** `throw refuse('email-taken')`: a refusal by its code, not about one field. */
export const refuse = <C extends RefusalCode>(code: C, ...params: ParamsArg<RefusalParamsOf<C>>): ProblemException => refused(refusal(code, ...params) as Refusal);

/** 400 naming one field and why. */
export const validationProblem = <C extends FieldErrorCode>(field: string, code: C, ...params: ParamsArg<FieldErrorParamsOf<C>>): ProblemException =>
  new ProblemException(invalidProblem([fieldError(field, code, ...params) as CodedFieldError]));

export const notFound = (resource: NotFoundResource): ProblemException => refuse('not-found', { resource });

export const unauthenticated = (): ProblemException => refuse('unauthenticated');

/** Throws a policy's refusal; lets `true` through. */
export function authorise(verdict: true | Refusal): void {
  if (verdict !== true) throw refused(verdict);
}

/** A verdict as responses carry it (`can`, `allowed`): true, or the refusal's code, facts and English sentence. */
export const stated = (verdict: true | Refusal): true | StatedRefusal =>
  verdict === true ? true : { code: verdict.code, params: verdict.params, detail: refusalText(verdict) };
