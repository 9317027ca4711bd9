import type { NoParams, ParamsOfSpec, RefusalStatus } from './define';
import { AUDIT_REFUSALS } from './audit';
import { DECISION_REFUSALS } from './decisions';
import { DRAFTING_REFUSALS } from './drafting';
import { ENDORSEMENT_REFUSALS } from './endorsements';
import { NEGOTIATION_BRACKET_REFUSALS } from './negotiation-brackets';
import { NEGOTIATION_STREAMLINING_REFUSALS } from './negotiation-streamlining';
import { CHAIRS_TEXT_REFUSALS } from './negotiation-chairs-texts';
import { IDENTITY_REFUSALS } from './identity';
import { TWO_FACTOR_REFUSALS } from './two-factor';
import { IDENTITY_PROVIDER_REFUSALS } from './identity-providers';
import { ORGANISATION_REFUSALS } from './organisations';
import { PLATFORM_REFUSALS } from './platform';
import { REALTIME_REFUSALS } from './realtime';
import { STANDING_REFUSALS } from './standing';
import { WORKING_GROUP_REFUSALS } from './working-groups';
import { CLAUSE_STATUS_REFUSALS } from './negotiation-clause-status';
import { EXPLANATION_REFUSALS } from './procedures-explanations';
import { ACCREDITATION_REFUSALS } from './procedures-accreditation';
import { PROXY_REFUSALS } from './procedures-proxies';
import { SILENCE_REFUSALS } from './procedures-silence';
import { PROCEDURES_DIVISION_REFUSALS } from './procedures-division';
import { PUBLICATION_REFUSALS } from './procedures-publication';
import { MEETING_REFUSALS } from './meetings';
import { LANGUAGE_VERSION_REFUSALS } from './language-versions';
import { EXCHANGE_REFUSALS } from './exchange';

/**
 * Every refusal the API can give: a stable kebab-case code (never renamed once shipped), its HTTP
 * status and problem type, and the type of the facts it names. The English sentence is rendered
 * from it by the API (platform/http/refusal-text), the web says it in the reader's language.
 */
export const REFUSALS = {
  ...PLATFORM_REFUSALS,
  ...STANDING_REFUSALS,
  ...IDENTITY_REFUSALS,
  ...IDENTITY_PROVIDER_REFUSALS,
  ...ORGANISATION_REFUSALS,
  ...WORKING_GROUP_REFUSALS,
  ...DECISION_REFUSALS,
  ...DRAFTING_REFUSALS,
  ...ENDORSEMENT_REFUSALS,
  ...NEGOTIATION_BRACKET_REFUSALS,
  ...AUDIT_REFUSALS,
  ...REALTIME_REFUSALS,
  ...NEGOTIATION_STREAMLINING_REFUSALS,
  ...CLAUSE_STATUS_REFUSALS,
  ...CHAIRS_TEXT_REFUSALS,
  ...EXPLANATION_REFUSALS,
  ...ACCREDITATION_REFUSALS,
  ...PROXY_REFUSALS,
  ...SILENCE_REFUSALS,
  ...PROCEDURES_DIVISION_REFUSALS,
  ...PUBLICATION_REFUSALS,
  ...MEETING_REFUSALS,
  ...LANGUAGE_VERSION_REFUSALS,
  ...EXCHANGE_REFUSALS,
  ...TWO_FACTOR_REFUSALS,
} as const;

export type RefusalCode = keyof typeof REFUSALS;
export type RefusalParamsOf<C extends RefusalCode> = ParamsOfSpec<(typeof REFUSALS)[C]>;
export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];

/** A refusal in machine form, typed per code: narrowing on `code` types its `params`. */
export type Refusal<C extends RefusalCode = RefusalCode> = { [K in C]: { code: K; params: RefusalParamsOf<K>; status: RefusalStatus } }[C];

/** What a policy answers: allowed, or the refusal. */
export type Verdict<C extends RefusalCode = RefusalCode> = true | Refusal<C>;

type ParamsArg<P> = NoParams extends P ? [params?: P] : [params: P];

/** `refusal('not-proposed', { status, act: 'withdraw' })`: the params are checked against the code. */
export function refusal<C extends RefusalCode>(code: C, ...[params]: ParamsArg<RefusalParamsOf<C>>): Refusal<C> {
  return { code, params: params ?? {}, status: REFUSALS[code].status } as Refusal<C>;
}

export const isRefusalCode = (c: unknown): c is RefusalCode => typeof c === 'string' && Object.hasOwn(REFUSALS, c);

/** A refusal as responses carry it where they say what the reader may do (`can`, `allowed`): its code, facts and English sentence. */
export interface StatedRefusal {
  code: RefusalCode;
  params: Record<string, string | number | null>;
  detail: string;
}
