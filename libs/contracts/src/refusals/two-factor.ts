import { spec } from './define';

/** Two-factor authentication and the second sign-in step (decision 0050). */
export const TWO_FACTOR_REFUSALS = {
  /** The code does not match the person's authenticator (named on the `code` field). */
  'wrong-second-factor-code': spec(400),
  /** A code of a time step already used, or older (a replay). */
  'second-factor-code-used': spec(400),
  /** Not one of the person's unused recovery codes (named on the `recoveryCode` field). */
  'wrong-recovery-code': spec(400),
  /** Too many wrong answers: the second factor is locked until `until`. */
  'second-factor-locked': spec<{ until: string }>(429),
  /** The second sign-in step is unknown, used, or expired: sign in again. */
  'sign-in-challenge-expired': spec(401),
  'two-factor-already-enabled': spec(409),
  'two-factor-not-enabled': spec(409),
  'two-factor-not-started': spec(409),
  /** The person holds a role that requires a second factor: it cannot be turned off. */
  'two-factor-required-by-role': spec(409),
  /** The act belongs to a role (steward, focal point, chair) that requires a second factor, and the grace period is over. */
  'two-factor-required': spec(403),
  /** A steward resets someone else's second factor, never their own (they turn it off with a code). */
  'two-factor-reset-own': spec(403),
} as const;
