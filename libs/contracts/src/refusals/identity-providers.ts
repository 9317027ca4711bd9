import { spec } from './define';

/** Institutional sign-in (issue #24, decision record 0049). */
export const IDENTITY_PROVIDER_REFUSALS = {
  'identity-provider-name-taken': spec<{ name: string }>(409),
  'identity-provider-disabled': spec<{ provider: string }>(409),
  'identity-provider-unreachable': spec<{ provider: string }>(409),
  'already-linked': spec<{ provider: string }>(409),
  /** Unlinking the only way in (no password, no other provider) would lock the person out. */
  'last-way-in': spec<{ provider: string }>(409),
} as const;
