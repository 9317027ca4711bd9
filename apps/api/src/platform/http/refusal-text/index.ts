import { REFUSALS, type CodedFieldError, type Refusal, type RefusalCode } from '@parley/contracts';
import { DECISION_TEXT } from './decisions.text';
import { DRAFTING_TEXT } from './drafting.text';
import { FIELD_ERROR_TEXT } from './field-errors.text';
import { IDENTITY_TEXT } from './identity.text';
import { TWO_FACTOR_TEXT } from './two-factor.text';
import { IDENTITY_PROVIDER_TEXT } from './identity-providers.text';
import { NEGOTIATION_BRACKET_TEXT } from './negotiation-brackets.text';
import { NEGOTIATION_STREAMLINING_TEXT } from './negotiation-streamlining.text';
import { PLATFORM_TEXT } from './platform.text';
import { REALTIME_TEXT } from './realtime.text';
import { CHAIRS_TEXT_TEXT } from './negotiation-chairs-texts.text';
import type { RefusalTexts } from './texts';
import { WORKING_GROUP_TEXT } from './working-groups.text';
import { CLAUSE_STATUS_TEXT } from './negotiation-clause-status.text';
import { EXPLANATION_TEXT } from './procedures-explanations.text';
import { ACCREDITATION_TEXT } from './procedures-accreditation.text';
import { PROXY_TEXT } from './procedures-proxies.text';
import { SILENCE_TEXT } from './procedures-silence.text';
import { PROCEDURES_DIVISION_TEXT } from './procedures-division.text';
import { PUBLICATION_TEXT } from './procedures-publication.text';
import { LANGUAGE_VERSION_TEXT } from './language-versions.text';
import { MEETING_TEXT } from './meetings.text';
import { EXCHANGE_TEXT } from './exchange.text';

/**
 * The one place the API writes a refusal in English: services and policies name a code and its
 * facts; the problem filter and the responses that carry verdicts render the sentence here.
 */
export const REFUSAL_TEXT: RefusalTexts = { ...PLATFORM_TEXT, ...IDENTITY_TEXT, ...IDENTITY_PROVIDER_TEXT, ...WORKING_GROUP_TEXT, ...DECISION_TEXT, ...DRAFTING_TEXT, ...REALTIME_TEXT, ...NEGOTIATION_BRACKET_TEXT, ...NEGOTIATION_STREAMLINING_TEXT, ...CLAUSE_STATUS_TEXT, ...CHAIRS_TEXT_TEXT, ...EXPLANATION_TEXT, ...ACCREDITATION_TEXT, ...PROXY_TEXT, ...SILENCE_TEXT, ...PROCEDURES_DIVISION_TEXT, ...PUBLICATION_TEXT, ...MEETING_TEXT, ...EXCHANGE_TEXT, ...LANGUAGE_VERSION_TEXT, ...TWO_FACTOR_TEXT };

type Render = (p: unknown) => string;

export function refusalText(r: Pick<Refusal, 'code' | 'params'>): string {
  return (REFUSAL_TEXT[r.code] as Render)(r.params);
}

export function fieldErrorText(e: Pick<CodedFieldError, 'code' | 'params'>): string {
  return (FIELD_ERROR_TEXT[e.code] as Render)(e.params);
}

/** The title of a problem, from its refusal's status. */
const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};
const CODE_TITLES: Partial<Record<RefusalCode, string>> = {
  'csrf-token-invalid': 'Missing or invalid CSRF token',
  'unanswered-clarifications': 'Clarification questions are unanswered',
};

export const problemTitle = (code: RefusalCode, status = REFUSALS[code].status): string => CODE_TITLES[code] ?? TITLES[status] ?? 'Error';
