import type { RefusalTexts } from './texts';

export const IDENTITY_PROVIDER_TEXT = {
  'identity-provider-name-taken': (p) => `An identity provider is already called ${p.name}`,
  'identity-provider-disabled': (p) => `${p.provider} is disabled: nobody signs in through it for now`,
  'identity-provider-unreachable': (p) => `${p.provider} does not answer just now: try again later`,
  'already-linked': (p) => `Your account is already linked to ${p.provider}`,
  'last-way-in': (p) => `${p.provider} is your only way in: set a password or link another provider before unlinking it`,
  'identity-provider-has-links': (p) => `People are linked through ${p.provider}: its issuer and client ID cannot change. Register a new identity provider for the new issuer`,
  'link-needs-password': () => 'Linking an institutional account needs your password, and this account has none',
  'link-needs-browser-session': () => 'Link an institutional account from your security page in the browser you are signed in with',
} satisfies Partial<RefusalTexts>;
