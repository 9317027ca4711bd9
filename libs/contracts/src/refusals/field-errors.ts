import type { z } from 'zod';
import type { StakeholderGroup } from '@parley/domain';
import { field, type NoParams, type ParamsOfSpec, type RefusalParams } from './define';

/**
 * Why one field of a request is refused: `errors[]` of a problem carries `{ field, code, params, message }`.
 * zod's own issues map to the generic codes (fieldErrorOf); Parley's rules carry their code in the
 * issue's params (`fieldCode('end-after-start')`) or are raised by the services (validationProblem).
 */
export const FIELD_ERRORS = {
  // zod's issues
  required: field(),
  'too-short': field<{ minimum: number }>(),
  'too-long': field<{ maximum: number }>(),
  'too-small': field<{ minimum: number }>(),
  'too-big': field<{ maximum: number }>(),
  above: field<{ minimum: number }>(),
  below: field<{ maximum: number }>(),
  'too-few': field<{ minimum: number }>(),
  'too-many': field<{ maximum: number }>(),
  'invalid-type': field<{ expected: string }>(),
  'invalid-option': field<{ options: string }>(),
  'unknown-field': field(),
  'not-a-date': field(),
  'not-a-date-time': field(),
  'invalid-id': field(),
  'invalid-email': field(),
  'invalid-url': field(),
  'invalid-format': field(),
  invalid: field(),
  // what people may type (text.ts)
  'control-characters': field(),
  'hidden-characters': field(),
  'nothing-visible': field(),
  'one-line': field(),
  'stacked-marks': field<{ limit: number }>(),
  // Parley's rules on fields
  'date-too-early': field<{ earliest: string }>(),
  'country-code': field(),
  'end-after-start': field(),
  'clause-index-out-of-range': field<{ clauses: number }>(),
  'end-or-primary': field(),
  'organisation-concerned': field(),
  /** `allowed`: the group's sub-types (ORGANISATION_SUBTYPES), joined by ', '. */
  'subtype-mismatch': field<{ stakeholderGroup: StakeholderGroup; allowed: string }>(),
  'clauses-or-text': field(),
  'quote-end-after-start': field(),
  'reason-for-refusing': field(),
  'reason-for-closing-early': field(),
  'kind-or-rapporteur': field(),
  'range-not-reversed': field(),
  'range-end-before-start': field(),
  'sequence-needs-scope': field(),
  'action-filter': field(),
  'not-a-chain': field(),
  'positive-whole-number': field(),
  'weak-password': field<{ why: string }>(),
  'no-such-organisation': field(),
  'no-such-person': field(),
  'funding-required': field(),
  'already-ended-not-primary': field(),
  'not-a-cursor': field(),
  'term-ends-after-today': field(),
  'title-length': field<{ maximum: number }>(),
  'closing-in-future': field(),
  share: field(),
  'reason-for-no': field(),
  'reason-for-recusal': field(),
  'steward-confirms-with-reason': field(),
  'steward-appoints-with-reason': field(),
  'reason-required': field(),
  'reason-for-ending-appointment': field(),
  'no-paragraph': field(),
  'too-many-clauses': field<{ maximum: number }>(),
  'paragraph-too-long': field<{ paragraph: number; maximum: number }>(),
  'no-such-version': field<{ version: number }>(),
  'not-a-version-number': field(),
  'not-a-clause': field<{ version: number }>(),
  /** A translation into the document's original language: the original is the text itself (decision 0045). */
  'is-original-language': field<{ language: string }>(),
  'same-text': field(),
  'quote-mismatch': field(),
  'duplicate-clause': field(),
  // members-only versions (decision 0041)
  'members-only-not-future': field(),
  'members-only-too-far': field<{ days: number }>(),
  // meetings (decision 0043)
  'unknown-time-zone': field(),
  'place-or-online': field(),
  'https-only': field(),
  /** A linked document, version, clause, amendment, ballot or silence procedure that is not in this group (or does not exist). */
  'not-in-this-group': field(),
  'no-such-agenda-item': field(),
  // the language of what people write (decision 0047)
  /** A translation into the very language the original was written in. */
  'translation-same-language': field(),
  // bodies the parser could not read
  'not-json': field(),
  'body-incomplete': field(),
  'not-decodable': field<{ encoding: string }>(),
  'encoding-unsupported': field(),
  'charset-unsupported': field(),
  'no-such-chain': field<{ scope: string }>(),
  // Identity providers (decision record 0049).
  'not-a-domain': field(),
  'issuer-not-https': field(),
  'issuer-discovery-failed': field<{ issuer: string }>(),
  /** Loopback, private or link-local addresses are refused as issuers (security review of #24, M3). */
  'issuer-not-allowed': field(),
  /** A new issuer or client id needs its own client secret: the old one is never sent to a new issuer. */
  'client-secret-required': field(),
  /** Linking a provider needs the person's password again. */
  'password-incorrect': field(),
  // agreed language (decision 0054): a citation's checks, on `citations.N.version` or `citations.N.passage`
  /** The cited version is not adopted, does not exist, or is one the proposer may not read (one answer for all three). */
  'not-agreed-language': field(),
  /** The passage is not, verbatim, in the cited adopted clause. */
  'passage-not-in-source': field(),
  /** The passage is not, verbatim and on word boundaries, in the proposed text, or every occurrence there is claimed by an earlier citation. */
  'passage-not-in-text': field(),
  /** The passage has fewer than `minimum` words and is not the whole cited clause: common words are no agreed language. */
  'passage-too-short': field<{ minimum: number }>(),
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERRORS;
export type FieldErrorParamsOf<C extends FieldErrorCode> = ParamsOfSpec<(typeof FIELD_ERRORS)[C]>;
export const FIELD_ERROR_CODES = Object.keys(FIELD_ERRORS) as FieldErrorCode[];

/** A field error in machine form; the server adds its English `message`. */
export type CodedFieldError<C extends FieldErrorCode = FieldErrorCode> = { [K in C]: { field: string; code: K; params: FieldErrorParamsOf<K> } }[C];

type ParamsArg<P> = NoParams extends P ? [params?: P] : [params: P];

export const fieldError = <C extends FieldErrorCode>(fieldName: string, code: C, ...[params]: ParamsArg<FieldErrorParamsOf<C>>): CodedFieldError<C> =>
  ({ field: fieldName, code, params: params ?? {} }) as CodedFieldError<C>;

/** zod refinement options naming Parley's code for the rule: `.refine(ok, { path: ['end'], ...fieldCode('end-after-start') })`. */
export const fieldCode = <C extends FieldErrorCode>(code: C, ...[params]: ParamsArg<FieldErrorParamsOf<C>>) => ({ params: { code, ...(params ?? {}) } });

const isFieldErrorCode = (c: unknown): c is FieldErrorCode => typeof c === 'string' && Object.hasOwn(FIELD_ERRORS, c);

const FORMAT_CODES: Partial<Record<string, FieldErrorCode>> = {
  email: 'invalid-email',
  url: 'invalid-url',
  uuid: 'invalid-id',
  guid: 'invalid-id',
  date: 'not-a-date',
  datetime: 'not-a-date-time',
};

const sizeCode = (origin: string, small: boolean, inclusive = true): FieldErrorCode => {
  if (origin === 'string') return small ? 'too-short' : 'too-long';
  if (origin === 'array' || origin === 'set') return small ? 'too-few' : 'too-many';
  if (!inclusive) return small ? 'above' : 'below';
  return small ? 'too-small' : 'too-big';
};

const codeOnly = (params: Record<string, unknown> | undefined): RefusalParams => {
  const { code: _code, ...rest } = params ?? {};
  return rest as RefusalParams;
};

/** One zod issue as field errors (an unknown-keys issue names each key). */
export function fieldErrorsOf(issue: z.core.$ZodIssue): CodedFieldError[] {
  const at = (...extra: PropertyKey[]) => [...issue.path, ...extra].map(String).join('.') || '(body)';
  const coded = (code: FieldErrorCode, params: RefusalParams = {}) => [{ field: at(), code, params } as CodedFieldError];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ field: at(k), code: 'unknown-field', params: {} }));
    case 'invalid_type':
      return issue.input === undefined ? coded('required') : coded('invalid-type', { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return coded('required');
      return coded(sizeCode(issue.origin, true, issue.inclusive), { minimum: Number(issue.minimum) });
    case 'too_big':
      return coded(sizeCode(issue.origin, false, issue.inclusive), { maximum: Number(issue.maximum) });
    case 'invalid_value':
      return coded('invalid-option', { options: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return coded(FORMAT_CODES[issue.format] ?? 'invalid-format');
    case 'custom':
      return isFieldErrorCode(issue.params?.code) ? coded(issue.params.code, codeOnly(issue.params)) : coded('invalid');
    default:
      return coded('invalid');
  }
}
