import { z } from 'zod';
import { lineText, uuid } from './common';
import { instant } from './api/domain-shapes';
import { fieldCode } from './refusals/field-errors';

/** An e-mail domain a provider vouches for, as a steward types it (`ministry.example`, no `@`). */
const domain = /* @__PURE__ */ z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, '').replace(/\.$/, ''))
  .refine((d) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d), fieldCode('not-a-domain'));

const domains = /* @__PURE__ */ z.array(domain).max(50);
/** Days without a sign-in through the provider after which its vouch for a person lapses. */
const lapseDays = /* @__PURE__ */ z.number().int().min(1).max(365);
const issuer = /* @__PURE__ */ z.url({ protocol: /^https?$/ }).max(500);
const clientId = /* @__PURE__ */ z.string().min(1).max(500);
const clientSecret = /* @__PURE__ */ z.string().min(1).max(2000);

/** A steward registers an institution's OpenID Connect provider (decision record 0049). */
export const createIdentityProviderRequest = /* @__PURE__ */ z.strictObject({
  name: lineText(120),
  issuer,
  clientId,
  clientSecret,
  domains: domains.default([]),
  organisationId: uuid.nullable().default(null),
  enabled: z.boolean().default(true),
  lapseDays: lapseDays.default(30),
});
export type CreateIdentityProviderRequest = z.input<typeof createIdentityProviderRequest>;

/** What a steward changes; a new client secret replaces the stored one (it is never read back). */
export const updateIdentityProviderRequest = /* @__PURE__ */ z.strictObject({
  name: lineText(120).optional(),
  issuer: issuer.optional(),
  clientId: clientId.optional(),
  clientSecret: clientSecret.optional(),
  domains: domains.optional(),
  organisationId: uuid.nullable().optional(),
  enabled: z.boolean().optional(),
  lapseDays: lapseDays.optional(),
});
export type UpdateIdentityProviderRequest = z.input<typeof updateIdentityProviderRequest>;

/** A provider as stewards see it: never its client secret. */
export const identityProviderResponse = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    domains: z.array(z.string()),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    enabled: z.boolean(),
    lapseDays: z.number(),
    /** Where the provider sends people back: register it with the provider. */
    redirectUri: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'IdentityProviderResponse' });
export type IdentityProviderResponse = z.infer<typeof identityProviderResponse>;

/** An enabled provider on the sign-in page: its button. */
export const signInProviderResponse = /* @__PURE__ */ z.strictObject({ id: z.string(), name: z.string() }).meta({ id: 'SignInProvider' });
export type SignInProviderResponse = z.infer<typeof signInProviderResponse>;

/** Where `start` goes back to once signed in: a path of this site only. */
export const oidcStartQuery = /* @__PURE__ */ z.strictObject({ returnTo: z.string().max(500).optional() });
export const oidcCallbackQuery = /* @__PURE__ */ z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});
/** Linking needs the person's password again (decision record 0049, security review H3). */
export const linkStartRequest = /* @__PURE__ */ z.strictObject({ returnTo: z.string().max(500).optional(), password: z.string().max(1000).optional() });
export const linkStartResponse = /* @__PURE__ */ z.strictObject({ redirectUrl: z.string() });
export type LinkStartResponse = z.infer<typeof linkStartResponse>;

export const linkedAccountResponse = /* @__PURE__ */ z.strictObject({
  providerId: z.string(),
  providerName: z.string(),
  linkedAt: instant,
  lastSignInAt: instant.nullable(),
});
/** The person's ways in: their password (or none) and the providers linked to them. */
export const linkedAccountsResponse = /* @__PURE__ */ z.strictObject({ hasPassword: z.boolean(), links: z.array(linkedAccountResponse) }).meta({ id: 'LinkedAccounts' });
export type LinkedAccountsResponse = z.infer<typeof linkedAccountsResponse>;

/** Why an institutional sign-in ended on the sign-in page (`/login?error=`): nothing was written. */
export const OIDC_ERRORS = ['provider-unavailable', 'sign-in-expired', 'provider-refused', 'provider-answer-invalid', 'email-unverified', 'no-account-for-identity', 'already-linked-elsewhere', 'link-session-ended', 'identity-invalid'] as const;
export type OidcError = (typeof OIDC_ERRORS)[number];
