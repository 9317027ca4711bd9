import { spec } from './define';

/** Institutional sign-in (issue #24, decision record 0049). */
export const IDENTITY_PROVIDER_REFUSALS = {
  'identity-provider-name-taken': spec<{ name: string }>(409),
  'identity-provider-disabled': spec<{ provider: string }>(409),
  'identity-provider-unreachable': spec<{ provider: string }>(409),
  'already-linked': spec<{ provider: string }>(409),
  /** Unlinking the only way in (no password, no other provider) would lock the person out. */
  'last-way-in': spec<{ provider: string }>(409),
  /** A provider's issuer or client id cannot change once people are linked through it: register a new provider. */
  'identity-provider-has-links': spec<{ provider: string }>(409),
  /** Linking needs the password again: an account without one cannot link another provider. */
  'link-needs-password': spec(409),
  /** Linking is started from the browser (its session cookie is checked again at the callback), never with a bearer token. */
  'link-needs-browser-session': spec(403),
} as const;
