/**
 * Two-factor authentication's rules (decision 0050): TOTP as authenticator apps compute it
 * (RFC 6238: SHA-1, 6 digits, 30 s steps), a code accepted at most once and never an older one,
 * a lock after repeated wrong answers, and the requirement for roles that carry power.
 */
export const TOTP = { algorithm: 'sha1', digits: 6, period: 30, issuer: 'Parley' } as const;

/** A code of the step before or after the server's is accepted too (clocks drift; typing takes time). */
export const TOTP_TOLERANCE_SECONDS = TOTP.period;

/**
 * Wrong answers after which the second factor is locked, and the first lock's length. Wrong answers
 * add up across locks until a right answer: each further lock lasts twice the one before, up to a day
 * (so a guesser gets a few dozen tries a day, not hundreds).
 */
export const MAX_SECOND_FACTOR_FAILURES = 5;
export const SECOND_FACTOR_LOCK_MINUTES = 15;
export const SECOND_FACTOR_MAX_LOCK_MINUTES = 24 * 60;

/** How long the second sign-in step may be answered after the first. */
export const SIGN_IN_CHALLENGE_MINUTES = 5;

export const RECOVERY_CODE_COUNT = 10;
export const DEFAULT_TWO_FACTOR_GRACE_DAYS = 14;

/** A code of this step may be accepted: only a step later than the last accepted one (a replay is refused). */
export const isFreshStep = (step: number, lastAcceptedStep: number | null): boolean => lastAcceptedStep === null || step > lastAcceptedStep;

/** Whether a lock still holds at `now`. */
export const isLocked = (lockedUntil: Date | null, now: Date): boolean => lockedUntil !== null && lockedUntil.getTime() > now.getTime();

/** After one more wrong answer: the count to store (kept until a right answer), and the lock every fifth one sets, doubling each time. */
export function afterWrongAnswer(failures: number, now: Date): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  if (next % MAX_SECOND_FACTOR_FAILURES !== 0) return { failures: next, lockedUntil: null };
  const locks = next / MAX_SECOND_FACTOR_FAILURES;
  const minutes = Math.min(SECOND_FACTOR_LOCK_MINUTES * 2 ** Math.min(locks - 1, 16), SECOND_FACTOR_MAX_LOCK_MINUTES);
  return { failures: next, lockedUntil: new Date(now.getTime() + minutes * 60_000) };
}

/** What a person types for a code: spaces and dashes are tolerated; anything but six digits is not a code. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** Recovery codes are shown as xxxxx-xxxxx in lower case; typed in any case, with or without the dash. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toLowerCase();
  return /^[a-z0-9]{10}$/.test(code) ? code : null;
}

export const formatRecoveryCode = (raw: string): string => `${raw.slice(0, 5)}-${raw.slice(5, 10)}`;

/** A secret shown for typing by hand: groups of four characters. */
export const groupedSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The moment a role's requirement of a second factor starts to bind: the later of when the role
 * began and when the person first signed in after two-factor authentication was released, plus the
 * grace period. Null when nothing is known to count from (never signed in since: the next sign-in starts it).
 */
export function twoFactorDueAt(clockFrom: Date | null, roleSince: Date | null, graceDays: number): Date | null {
  if (clockFrom === null) return null;
  const from = roleSince && roleSince.getTime() > clockFrom.getTime() ? roleSince : clockFrom;
  return new Date(from.getTime() + graceDays * 86_400_000);
}

export interface TwoFactorStanding {
  /** The person has a second factor turned on. */
  enabled: boolean;
  /** Their first sign-in after the release (see twoFactorDueAt). */
  clockFrom: Date | null;
}

/**
 * Whether a person may use a role that requires a second factor now: they have one, or the grace
 * period has not run out. Null: they may.
 */
export function twoFactorRequirementRefusal(s: TwoFactorStanding, roleSince: Date | null, graceDays: number, now: Date): 'two-factor-required' | null {
  if (s.enabled) return null;
  const due = twoFactorDueAt(s.clockFrom, roleSince, graceDays);
  return due !== null && due.getTime() <= now.getTime() ? 'two-factor-required' : null;
}

/**
 * The one rule for the acts of a role whose start does not move the clock (a steward's, a focal
 * point's): refused once the actor is overdue (no second factor, grace over; computed with the session).
 */
export const actingRoleRefusal = (actorTwoFactorOverdue: boolean | undefined): 'two-factor-required' | null =>
  actorTwoFactorOverdue ? 'two-factor-required' : null;
