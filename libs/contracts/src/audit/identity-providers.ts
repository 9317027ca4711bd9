import { z } from 'zod';
import { event, id } from './define';

/** A provider as its audit events record it: never its client secret. */
const providerFacts = {
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  domains: z.array(z.string()),
  organisationId: id.nullable(),
  organisationName: z.string().nullable(),
  enabled: z.boolean(),
  lapseDays: z.number(),
};

/** Institutional sign-in (issue #24, decision record 0049): providers registered by stewards, and the identities linked to people. */
export const IDENTITY_PROVIDER_EVENTS = {
  'identity-provider.registered': event('identity-provider', z.strictObject(providerFacts)),
  /** The provider as it is after the change, and whether its client secret was replaced (never the secret). */
  'identity-provider.updated': event('identity-provider', z.strictObject({ ...providerFacts, secretReplaced: z.boolean() })),
  'identity-provider.linked': event('person', z.strictObject({ name: z.string(), providerId: id, providerName: z.string(), via: z.enum(['sign-up', 'link']) })),
  'identity-provider.unlinked': event('person', z.strictObject({ name: z.string(), providerId: id, providerName: z.string() })),
} as const;
