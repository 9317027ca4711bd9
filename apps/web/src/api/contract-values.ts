import type { DeclarationKind, DraftingReasonCode, PROBLEM_TYPES as ContractProblemTypes } from '@parley/contracts';

// The few runtime values the web needs from @parley/contracts, restated here so the bundle does not
// pull in zod (contracts defines them next to its request schemas). The types keep them honest:
// a kind or problem type added or renamed in contracts fails the web's type-check until copied.

export const DECLARATION_KINDS = ['employment', 'board', 'equity', 'funding', 'consultancy', 'other'] as const satisfies readonly DeclarationKind[];
type MissingKind = Exclude<DeclarationKind, (typeof DECLARATION_KINDS)[number]>;
const everyKind: [MissingKind] extends [never] ? true : MissingKind = true;
void everyKind;

export const DRAFTING_REASON_CODES = [
  'sign-in',
  'needs-affiliation',
  'group-closed',
  'not-in-group',
  'members-only-amend',
  'members-only-cosponsor',
  'editors-only',
  'chairs-only',
  'own-amendment',
  'author-only-withdraw',
  'under-ballot',
  'not-proposed',
  'already-cosponsor',
  'not-cosponsor',
  'version-frozen',
  'not-current-version',
  'nothing-to-consolidate',
  'adoption-ballot-open',
] as const satisfies readonly DraftingReasonCode[];
type MissingReason = Exclude<DraftingReasonCode, (typeof DRAFTING_REASON_CODES)[number]>;
const everyReason: [MissingReason] extends [never] ? true : MissingReason = true;
void everyReason;

export const PROBLEM_TYPES = {
  validation: '/problems/validation-failed',
  notFound: '/problems/not-found',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  rateLimited: '/problems/rate-limited',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  csrf: '/problems/csrf-token-invalid',
  unavailable: '/problems/service-unavailable',
  internal: '/problems/internal-error',
} as const satisfies typeof ContractProblemTypes;
