import { conflict, forbidden, type ProblemException } from '../platform/http/problem';
import { reason, reasonOf } from './drafting.policy';

/**
 * Drafting's refusals as problem+json: the English detail and, beside it, the reason's stable `code`
 * and `params` (see DRAFTING_REASON_CODES) for a client that says it in another language.
 */
export const ADOPTED_FROZEN = (n: number) => `Version ${n} was adopted; its text is frozen`;

/** 403: the actor may not do this (a policy verdict). */
export const refused = (verdict: string): ProblemException => forbidden(verdict, reasonOf(verdict));

/** 409: the state of the thing forbids it now (a policy verdict about state). */
export const stateConflict = (verdict: string): ProblemException => conflict(verdict, undefined, reasonOf(verdict));

/** 409: version `n` was adopted; nothing changes its text any more. */
export const versionFrozen = (n: number, field?: string): ProblemException => conflict(ADOPTED_FROZEN(n), field, reason('version-frozen', { version: n }));
