import { z } from 'zod';
import { SUBTYPES_BY_GROUP } from '@parley/domain';
import { fieldCode } from './refusals/field-errors';
import { affiliationConfirmationResponse } from './affiliation-confirmation';
import { affiliationSnapshotSchema, instant, organisationSubtypeValue, stakeholderGroupValue } from './api/domain-shapes';
import { countryCode, isoDate, lineText, organisationSubtype, plainText, stakeholderGroup, text, uuid } from './common';

export const registerRequest = /* @__PURE__ */ z.strictObject({
  name: lineText(120, 2),
  email: z.email().max(254).toLowerCase(),
  password: z.string().min(10).max(200),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

/** The one answer to every well-formed registration, whether or not the address already had an account (decision record 0016). */
export const registrationResponse = /* @__PURE__ */ z.object({ status: z.literal('received'), detail: z.string() }).meta({ id: 'RegistrationResponse' });
export type RegistrationResponse = z.infer<typeof registrationResponse>;

export const REGISTRATION_RECEIVED: RegistrationResponse = {
  status: 'received',
  detail:
    'If this e-mail address had no account, it has one now: sign in with it and this password. If it already had one, sign in with that account’s password.',
};

export const loginRequest = /* @__PURE__ */ z.strictObject({
  email: plainText(254).transform((e) => e.trim().toLowerCase()),
  password: z.string().max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const meResponse = /* @__PURE__ */ z
  .object({ id: z.string(), name: z.string(), email: z.string(), isSteward: z.boolean(), currentSnapshot: affiliationSnapshotSchema.nullable() })
  .meta({ id: 'MeResponse' });
export type MeResponse = z.infer<typeof meResponse>;

export const sessionResponse = /* @__PURE__ */ z
  .object({ token: z.string(), csrfToken: z.string(), expiresAt: instant, me: meResponse })
  .meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const createOrganisationRequest = /* @__PURE__ */ z
  .strictObject({
    name: lineText(200, 2),
    stakeholderGroup,
    subtype: organisationSubtype,
    country: countryCode.nullable().optional(),
    // http(s) only: the web renders it as a link, and `javascript:` or `data:` URLs would run when clicked.
    website: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
    lobbyingRegisterId: lineText(100).nullable().optional(),
  })
  .superRefine((o, ctx) => {
    const allowed: Record<string, readonly string[]> = SUBTYPES_BY_GROUP;
    if (!allowed[o.stakeholderGroup]?.includes(o.subtype))
      ctx.addIssue({ code: 'custom', path: ['subtype'], ...fieldCode('subtype-mismatch', { stakeholderGroup: o.stakeholderGroup, allowed: allowed[o.stakeholderGroup].join(', ') }) });
  });
export type CreateOrganisationRequest = z.infer<typeof createOrganisationRequest>;

export const organisationListQuery = /* @__PURE__ */ z.strictObject({
  q: plainText(200)
    .transform((q) => q.trim())
    .optional(),
  stakeholderGroup: stakeholderGroup.optional(),
  subtype: organisationSubtype.optional(),
  country: countryCode.optional(),
  verified: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

export const organisationResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    stakeholderGroup: stakeholderGroupValue,
    subtype: organisationSubtypeValue,
    country: z.string().nullable(),
    website: z.string().nullable(),
    lobbyingRegisterId: z.string().nullable(),
    verified: z.boolean(),
    verifiedAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'OrganisationResponse' });
export type OrganisationResponse = z.infer<typeof organisationResponse>;

export const organisationPage = /* @__PURE__ */ z
  .object({ items: z.array(organisationResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'OrganisationPage' });

export const addAffiliationRequest = /* @__PURE__ */ z
  .strictObject({
    organisationId: uuid,
    title: lineText(200),
    startDate: isoDate,
    endDate: isoDate.nullable().optional(),
    primary: z.boolean().optional(),
    funding: z.strictObject({ note: text(2000), organisationId: uuid.optional(), organisationName: lineText(200).optional() }).optional(),
  })
  .refine((a) => !a.endDate || a.endDate > a.startDate, { path: ['endDate'], ...fieldCode('end-after-start') });
export type AddAffiliationRequest = z.infer<typeof addAffiliationRequest>;

export const updateAffiliationRequest = /* @__PURE__ */ z
  .strictObject({ endDate: isoDate.optional(), primary: z.literal(true).optional() })
  .refine((u) => u.endDate !== undefined || u.primary !== undefined, { path: ['endDate'], ...fieldCode('end-or-primary') });
export type UpdateAffiliationRequest = z.infer<typeof updateAffiliationRequest>;

export const affiliationResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    organisation: organisationResponse,
    title: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    primary: z.boolean(),
    current: z.boolean(),
    /** Where the affiliation stands with its organisation: only `confirmed` speaks for it. */
    confirmation: affiliationConfirmationResponse,
  })
  .meta({ id: 'AffiliationResponse' });
export type AffiliationResponse = z.infer<typeof affiliationResponse>;

export const DECLARATION_KINDS = ['employment', 'board', 'equity', 'funding', 'consultancy', 'other'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export const addDeclarationRequest = /* @__PURE__ */ z
  .strictObject({
    kind: z.enum(DECLARATION_KINDS),
    organisationId: uuid.optional(),
    organisationName: lineText(200).optional(),
    note: text(2000),
    since: isoDate.optional(),
  })
  .refine((d) => d.organisationId || d.organisationName, { path: ['organisationId'], ...fieldCode('organisation-concerned') });
export type AddDeclarationRequest = z.infer<typeof addDeclarationRequest>;

export const declarationResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    kind: z.enum(DECLARATION_KINDS),
    organisationId: z.string().nullable(),
    organisationName: z.string(),
    note: z.string(),
    since: z.string().nullable(),
    declaredAt: instant,
  })
  .meta({ id: 'DeclarationResponse' });
export type DeclarationResponse = z.infer<typeof declarationResponse>;

export const personProfileResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    isSteward: z.boolean(),
    joinedAt: instant,
    currentSnapshot: affiliationSnapshotSchema.nullable(),
    affiliations: z.array(affiliationResponse),
    declarations: z.array(declarationResponse),
  })
  .meta({ id: 'PersonProfileResponse' });
export type PersonProfileResponse = z.infer<typeof personProfileResponse>;
