import type { DeclarationKind, PROBLEM_TYPES as ContractProblemTypes } from '@parley/contracts';

// The few runtime values the web needs from @parley/contracts, restated here so the bundle does not
// pull in zod (contracts defines them next to its request schemas). The types keep them honest:
// a kind or problem type added or renamed in contracts fails the web's type-check until copied.

export const DECLARATION_KINDS = ['employment', 'board', 'equity', 'funding', 'consultancy', 'other'] as const satisfies readonly DeclarationKind[];
type MissingKind = Exclude<DeclarationKind, (typeof DECLARATION_KINDS)[number]>;
const everyKind: [MissingKind] extends [never] ? true : MissingKind = true;
void everyKind;

export const PROBLEM_TYPES = {
  validation: '/problems/validation-failed',
  notFound: '/problems/not-found',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  rateLimited: '/problems/rate-limited',
  payloadTooLarge: '/problems/payload-too-large',
  csrf: '/problems/csrf-token-invalid',
  unavailable: '/problems/service-unavailable',
  internal: '/problems/internal-error',
} as const satisfies typeof ContractProblemTypes;
