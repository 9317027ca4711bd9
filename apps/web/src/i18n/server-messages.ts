import type { TFunction } from 'i18next';
import { FIELD_ERRORS, isRefusalCode, type FieldErrorCode, type FieldErrorParamsOf, type NoParams, PROBLEM_TYPES, type AmendmentAct, type RefusalCode, type RefusalParamsOf, type StatedRefusal } from '@parley/contracts';
import { CLIENT_PROBLEM_TYPES, isProblem, type FieldError } from '../api/client';
import { VALUE_PARAMS, valueInWords } from './refusal-values';

/**
 * The API refuses with a code and its facts (`{ code, params }`, see REFUSALS in libs/contracts);
 * the web says it in the reader's language from `refusal.<code>` and `fieldError.<code>`
 * (i18n/refusals/*.json). A code this web does not know falls back to the API's English.
 */

/** The param that chooses among a refusal's sentences, and its values (i18next context: `refusal.<code>_<value>`). */
export const REFUSAL_CONTEXT: Partial<Record<RefusalCode, { param: string; values: readonly string[] }>> = {
  'not-proposed': { param: 'act', values: ['withdraw', 'change', 'cosponsor', 'ballot'] satisfies AmendmentAct[] },
  'recommendation-target-invalid': { param: 'why', values: ['self', 'other-document', 'not-open', 'not-streamlined', 'not-found'] satisfies RefusalParamsOf<'recommendation-target-invalid'>['why'][] },
  'under-ballot': { param: 'what', values: ['amendment', 'cosponsorship'] satisfies RefusalParamsOf<'under-ballot'>['what'][] },
  'not-current-version': { param: 'act', values: ['amend', 'comment', 'adopt', 'view'] satisfies RefusalParamsOf<'not-current-version'>['act'][] },
  'adoption-ballot-open': { param: 'act', values: ['consolidate', 'adopt'] satisfies RefusalParamsOf<'adoption-ballot-open'>['act'][] },
  'unconfirmed-affiliation': { param: 'act', values: ['endorse', 'withdraw'] satisfies RefusalParamsOf<'unconfirmed-affiliation'>['act'][] },
  'confirmation-state': { param: 'decision', values: ['confirm', 'refuse', 'end'] satisfies RefusalParamsOf<'confirmation-state'>['decision'][] },
  'appointee-affiliation-closed': { param: 'status', values: ['refused', 'ended'] satisfies RefusalParamsOf<'appointee-affiliation-closed'>['status'][] },
  'request-decided': { param: 'status', values: ['admitted', 'refused', 'withdrawn'] },
};

type Params = Record<string, string | number | null>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Facts as a sentence shows them: instants as `2026-11-22 08:30` (the sentences say UTC), `date` as a day, values of Parley's lists in words. */
function shown(t: TFunction, code: string, params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const words = VALUE_PARAMS[code as keyof typeof VALUE_PARAMS];
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && words?.[k]) out[k] = valueInWords(t as unknown as Translate, words[k], v);
    else if (typeof v === 'string' && ISO_INSTANT.test(v)) out[k] = k === 'date' ? v.slice(0, 10) : v.slice(0, 16).replace('T', ' ');
    else out[k] = v ?? '';
  }
  return out;
}

/** A refusal in the reader's language; null for a code this web does not know. */
export function refusalMessage(t: TFunction, r: { code: string; params: Params }): string | null {
  if (!isRefusalCode(r.code)) return null;
  const choice = REFUSAL_CONTEXT[r.code];
  const context = choice ? { context: String(r.params[choice.param]) } : {};
  return (t as unknown as Translate)(`refusal.${r.code}`, { ...shown(t, r.code, r.params), ...context });
}

/** A verdict a response carries (`can.*`, `allowed.*`), in the reader's language, or the API's English. */
export const verdictMessage = (t: TFunction, v: StatedRefusal): string => refusalMessage(t, v) ?? v.detail;

const isFieldErrorCode = (c: string): c is FieldErrorCode => Object.hasOwn(FIELD_ERRORS, c);

type ParamsArg<P> = NoParams extends P ? [params?: P] : [params: P];

/** A field-error code in the reader's language: the server's field errors and the browser's own form checks say the same words. */
export const fieldErrorText = <C extends FieldErrorCode>(t: TFunction, code: C, ...[params]: ParamsArg<FieldErrorParamsOf<C>>): string =>
  (t as unknown as Translate)(`fieldError.${code}`, shown(t, code, (params ?? {}) as Params));

/** One field's error in the reader's language: its field-error code, or the refusal it names (a conflict on that field), or the API's English. */
export function fieldErrorMessage(t: TFunction, e: FieldError): string {
  if (isFieldErrorCode(e.code)) return fieldErrorText(t, e.code, e.params as never);
  return refusalMessage(t, e) ?? e.message;
}

/** One sentence for an error that is not about a particular field, in the reader's language. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isProblem(error)) return t('errors.generic');
  switch (error.type) {
    case CLIENT_PROBLEM_TYPES.network:
      return t('errors.network');
    case PROBLEM_TYPES.rateLimited:
      return t('errors.rateLimited');
    case PROBLEM_TYPES.csrf:
      return t('errors.csrf');
    case PROBLEM_TYPES.unavailable:
      return t('errors.unavailable');
    case PROBLEM_TYPES.internal:
      return t('errors.internal');
  }
  if (error.code === 'not-found') return t('errors.notFound');
  if (error.code === 'unauthenticated') return t('errors.unauthenticated');
  const coded = error.code ? refusalMessage(t, { code: error.code, params: error.params }) : null;
  if (coded) return coded;
  if (error.status >= 500) return t('errors.generic');
  return error.detail || t('errors.generic');
}
