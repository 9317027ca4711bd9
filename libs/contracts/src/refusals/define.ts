import { PROBLEM_TYPES, type ProblemType } from './problem-types';

/** The statuses a refusal is answered with. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/** The facts a refusal names: flat values a client can put into its own sentence. */
export type RefusalParamValue = string | number | null;
export type RefusalParams = Record<string, RefusalParamValue>;
export type NoParams = Record<string, never>;

/** One entry of a catalogue: its HTTP status, its problem type, and (as a type only) its params. */
export interface RefusalSpec<P extends RefusalParams = NoParams> {
  readonly status: RefusalStatus;
  readonly type: ProblemType;
  /** Never set: carries the params' type for `refusal()` and the renderers. */
  readonly params?: P;
}

/** The problem type a status is answered with, unless a refusal names its own. */
export const PROBLEM_TYPE_OF_STATUS: Record<RefusalStatus, ProblemType> = {
  400: PROBLEM_TYPES.validation,
  401: PROBLEM_TYPES.unauthenticated,
  403: PROBLEM_TYPES.forbidden,
  404: PROBLEM_TYPES.notFound,
  409: PROBLEM_TYPES.conflict,
  413: PROBLEM_TYPES.payloadTooLarge,
  415: PROBLEM_TYPES.unsupportedMediaType,
  429: PROBLEM_TYPES.rateLimited,
  500: PROBLEM_TYPES.internal,
  503: PROBLEM_TYPES.unavailable,
};

/** A catalogue entry: `spec<{ version: number }>(409)`; the type defaults from the status. */
export const spec = <P extends RefusalParams = NoParams>(status: RefusalStatus, type: ProblemType = PROBLEM_TYPE_OF_STATUS[status]): RefusalSpec<P> => ({ status, type });

/** A field error's entry: only its params' type (a field error is always part of a 400 or 409). */
export type FieldErrorSpec<P extends RefusalParams = NoParams> = { readonly params?: P };
export const field = <P extends RefusalParams = NoParams>(): FieldErrorSpec<P> => ({});

export type ParamsOfSpec<S> = S extends RefusalSpec<infer P> ? P : S extends FieldErrorSpec<infer P> ? P : never;
