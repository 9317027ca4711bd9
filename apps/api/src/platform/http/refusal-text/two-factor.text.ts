import { utc, type RefusalTexts } from './texts';

export const TWO_FACTOR_TEXT = {
  'wrong-second-factor-code': () => 'This code is not the one your authenticator app shows',
  'second-factor-code-used': () => 'This code was already used: wait for the next one',
  'wrong-recovery-code': () => 'This is not one of your unused recovery codes',
  'second-factor-locked': (p) => `Too many wrong codes: try again after ${utc(p.until)}`,
  'sign-in-challenge-expired': () => 'This sign-in has expired: sign in again',
  'two-factor-already-enabled': () => 'Two-factor authentication is already on',
  'two-factor-not-enabled': () => 'Two-factor authentication is not on',
  'two-factor-not-started': () => 'Start setting up two-factor authentication first',
  'two-factor-required-by-role': () => 'Your role requires two-factor authentication: it cannot be turned off',
  'two-factor-required': () => 'This act requires two-factor authentication: turn it on in your security settings',
  'two-factor-reset-own': () => 'A steward cannot reset their own second factor: turn it off with a code, or ask another steward',
} satisfies Partial<RefusalTexts>;
