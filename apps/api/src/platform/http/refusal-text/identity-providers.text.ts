import type { RefusalTexts } from './texts';

export const IDENTITY_PROVIDER_TEXT = {
  'identity-provider-name-taken': (p) => `An identity provider is already called ${p.name}`,
  'identity-provider-disabled': (p) => `${p.provider} is disabled: nobody signs in through it for now`,
  'identity-provider-unreachable': (p) => `${p.provider} does not answer just now: try again later`,
  'already-linked': (p) => `Your account is already linked to ${p.provider}`,
  'last-way-in': (p) => `${p.provider} is your only way in: set a password or link another provider before unlinking it`,
} satisfies Partial<RefusalTexts>;
