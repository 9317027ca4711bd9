/** The stable `type` of every problem+json answer (RFC 9457); a refusal's code says more within it. */
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
  unansweredClarifications: '/problems/unanswered-clarifications',
} as const;
export type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];
