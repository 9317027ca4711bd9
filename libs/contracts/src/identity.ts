import { z } from 'zod';
import { SUBTYPES_BY_GROUP, type AffiliationSnapshot, type OrganisationSubtype, type StakeholderGroup } from '@parley/domain';
import { fieldCode } from './refusals/field-errors';
import type { AffiliationConfirmationResponse } from './affiliation-confirmation';
import { countryCode, isoDate, lineText, organisationSubtype, plainText, stakeholderGroup, text, uuid } from './common';

export const registerRequest = z.strictObject({
  name: lineText(120, 2),
  email: z.email().max(254).toLowerCase(),
  password: z.string().min(10).max(200),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

/** The one answer to every well-formed registration, whether or not the address already had an account (decision record 0016). */
export interface RegistrationResponse {
  status: 'received';
  detail: string;
}

export const REGISTRATION_RECEIVED: RegistrationResponse = {
  status: 'received',
  detail: 'If this e-mail address had no account, it has one now: sign in with it and this password. If it already had one, sign in with that account’s password.',
};

export const loginRequest = z.strictObject({
  email: plainText(254).transform((e) => e.trim().toLowerCase()),
  password: z.string().max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export interface SessionResponse {
  token: string;
  csrfToken: string;
  expiresAt: string;
  me: MeResponse;
}

export interface MeResponse {
  id: string;
  name: string;
  email: string;
  isSteward: boolean;
  currentSnapshot: AffiliationSnapshot | null;
}

export const createOrganisationRequest = z
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

export const organisationListQuery = z.strictObject({
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

export interface OrganisationResponse {
  id: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  subtype: OrganisationSubtype;
  country: string | null;
  website: string | null;
  lobbyingRegisterId: string | null;
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
}

export const addAffiliationRequest = z
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

export const updateAffiliationRequest = z
  .strictObject({ endDate: isoDate.optional(), primary: z.literal(true).optional() })
  .refine((u) => u.endDate !== undefined || u.primary !== undefined, { path: ['endDate'], ...fieldCode('end-or-primary') });
export type UpdateAffiliationRequest = z.infer<typeof updateAffiliationRequest>;

export interface AffiliationResponse {
  id: string;
  organisation: OrganisationResponse;
  title: string;
  startDate: string;
  endDate: string | null;
  primary: boolean;
  current: boolean;
  /** Where the affiliation stands with its organisation: only `confirmed` speaks for it. */
  confirmation: AffiliationConfirmationResponse;
}

export const DECLARATION_KINDS = ['employment', 'board', 'equity', 'funding', 'consultancy', 'other'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export const addDeclarationRequest = z
  .strictObject({
    kind: z.enum(DECLARATION_KINDS),
    organisationId: uuid.optional(),
    organisationName: lineText(200).optional(),
    note: text(2000),
    since: isoDate.optional(),
  })
  .refine((d) => d.organisationId || d.organisationName, { path: ['organisationId'], ...fieldCode('organisation-concerned') });
export type AddDeclarationRequest = z.infer<typeof addDeclarationRequest>;

export interface DeclarationResponse {
  id: string;
  kind: DeclarationKind;
  organisationId: string | null;
  organisationName: string;
  note: string;
  since: string | null;
  declaredAt: string;
}

export interface PersonProfileResponse {
  id: string;
  name: string;
  isSteward: boolean;
  joinedAt: string;
  currentSnapshot: AffiliationSnapshot | null;
  affiliations: AffiliationResponse[];
  declarations: DeclarationResponse[];
}
