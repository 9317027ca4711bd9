import type { TFunction } from 'i18next';
import type { AmendmentStatus, DraftingReasonCode, Reason } from '@parley/contracts';
import { CLIENT_PROBLEM_TYPES, isProblem } from '../api/client';
import { DRAFTING_REASON_CODES, PROBLEM_TYPES } from '../api/contract-values';

/**
 * The API answers in English. Its messages are a small, stable set, so the web translates the
 * ones it knows and shows any other verbatim rather than hiding it.
 */
const KNOWN: [RegExp, (t: TFunction, m: RegExpMatchArray) => string][] = [
  [/^Required$/, (t) => t('server.required')],
  [/^Invalid input: expected \w+, received undefined$/, (t) => t('server.required')],
  [/^At least (\d+) characters?$/, (t, m) => t('server.atLeast', { count: Number(m[1]) })],
  [/^At most (\d+) characters?$/, (t, m) => t('server.atMost', { count: Number(m[1]) })],
  [/^Too small: expected string to have >=(\d+) characters$/, (t, m) => t('server.atLeast', { count: Number(m[1]) })],
  [/^Too big: expected string to have <=(\d+) characters$/, (t, m) => t('server.atMost', { count: Number(m[1]) })],
  [/^Contains control characters$/, (t) => t('server.controlCharacters')],
  [/^A date as YYYY-MM-DD$/, (t) => t('server.date')],
  [/^A date from (\d{4}-\d{2}-\d{2}) on$/, (t, m) => t('server.dateFrom', { date: m[1] })],
  [/^Contains characters that reorder or hide text$/, (t) => t('server.hiddenCharacters')],
  [/^Nothing visible$/, (t) => t('server.nothingVisible')],
  [/^One line only$/, (t) => t('server.oneLine')],
  [/^Too easy to guess/, (t) => t('server.weakPassword')],
  [/^Not a valid id$/, (t) => t('server.id')],
  [/^A two-letter country code/, (t) => t('server.country')],
  [/^Not a valid e-mail address$/, (t) => t('server.email')],
  [/^Not a valid URL$/, (t) => t('server.url')],
  [/^The end date must be after the start date$/, (t) => t('server.endAfterStart')],
  [/^Name the organisation concerned/, (t) => t('server.organisationConcerned')],
  [/^No organisation with this id$/, (t) => t('server.noOrganisation')],
  [/^An independent expert must declare how their work is funded$/, (t) => t('server.fundingRequired')],
  [/^This affiliation already ended on (\S+); history is never rewritten$/, (t, m) => t('server.alreadyEnded', { date: m[1] })],
  [/^An ended affiliation cannot be primary$/, (t) => t('server.endedNotPrimary')],
  [/^An account with this e-mail address already exists$/, (t) => t('server.emailTaken')],
  [/^The e-mail address or the password is wrong$/, (t) => t('server.wrongCredentials')],
  [/^An organisation named “(.+)” already exists$/, (t, m) => t('server.organisationExists', { name: m[1] })],
  [/^(.+) is already verified$/, (t, m) => t('server.alreadyVerified', { name: m[1] })],
  [/^A [\w-]+ organisation's sub-type is one of/, (t) => t('server.subtypeMismatch')],
  [/^Unknown field$/, (t) => t('server.unknownField')],
  [/^Invalid option/, (t) => t('server.invalidOption')],
  [/^Invalid input/, (t) => t('server.invalid')],
  [/^Sign in to do this$/, (t) => t('server.signIn')],
  [/^Only platform stewards can do this$/, (t) => t('server.stewardOnly')],
  [/^The request body is larger than this endpoint accepts$/, (t) => t('server.tooLarge')],
  [/^Not valid JSON$|^The body is not valid JSON$/, (t) => t('server.notJson')],
  // Vote refusals of someone no longer a voting member (ballot.policy.ts, decision 0015).
  [/^You left this working group on (.+?): only its current voting members vote/, (t, m) => t('ballots.vote.leftGroup', { date: m[1] })],
  [/^You were removed from this working group on (.+?): only its current voting members vote/, (t, m) => t('ballots.vote.removedFromGroup', { date: m[1] })],
  [/^You are now an observer of this working group: only its current voting members vote/, (t) => t('ballots.vote.nowObserver')],
];

export function translateServerMessage(t: TFunction, message: string): string {
  for (const [pattern, render] of KNOWN) {
    const m = message.match(pattern);
    if (m) return render(t, m);
  }
  return message;
}

const isDraftingReason = (code: string): code is DraftingReasonCode => (DRAFTING_REASON_CODES as readonly string[]).includes(code);

/** A reason the API gave as a code with its facts, in the reader's language; null for a code this web does not know. */
export function reasonMessage(t: TFunction, reason: Reason): string | null {
  if (!isDraftingReason(reason.code)) return null;
  const { status, ...params } = reason.params;
  const statusWord = typeof status === 'string' ? t(`documents.amendmentStatus.${status as AmendmentStatus}`).toLowerCase() : '';
  return t(`problems.${reason.code}`, { ...params, status: statusWord });
}

/** One sentence for an error that is not about a particular field, in the reader's language. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isProblem(error)) return t('errors.generic');
  // A code the web knows says it in the reader's language; any other falls back to the English detail below.
  const coded = error.code ? reasonMessage(t, { code: error.code, params: error.params }) : null;
  if (coded) return coded;
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
    case PROBLEM_TYPES.notFound:
      return t('errors.notFound');
  }
  if (error.status === 401) return error.detail === 'Sign in to do this' ? t('errors.unauthenticated') : translateServerMessage(t, error.detail);
  if (error.status === 403 && !error.detail) return t('errors.forbidden');
  if (error.status >= 500) return t('errors.generic');
  return error.detail ? translateServerMessage(t, error.detail) : t('errors.generic');
}
