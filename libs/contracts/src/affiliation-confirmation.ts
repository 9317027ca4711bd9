import { z } from 'zod';
import { CONFIRMATION_DECISIONS } from '@parley/domain';
import {
  affiliationSnapshotSchema,
  confirmationStatusValue,
  confirmerRoleValue,
  instant,
  organisationSubtypeValue,
  stakeholderGroupValue,
} from './api/domain-shapes';
import { personRef } from './api/refs';
import { text, uuid } from './common';

/** A reason: optional where the rule allows it, required where the domain rule says so (refusals, ends, stewards). */
const reason = text(2000).nullable().optional();

export const affiliationDecisionRequest = /* @__PURE__ */ z.strictObject({
  decision: z.enum(CONFIRMATION_DECISIONS),
  reason,
});
export type AffiliationDecisionRequest = z.infer<typeof affiliationDecisionRequest>;

export const appointFocalPointRequest = /* @__PURE__ */ z.strictObject({ personId: uuid, reason });
export type AppointFocalPointRequest = z.infer<typeof appointFocalPointRequest>;

/** A focal point's or steward's queue, optionally of one organisation. */
export const affiliationRequestsQuery = /* @__PURE__ */ z.strictObject({ organisation: uuid.optional() });
export type AffiliationRequestsQuery = z.infer<typeof affiliationRequestsQuery>;

export const endFocalPointRequest = /* @__PURE__ */ z.strictObject({ reason });
export type EndFocalPointRequest = z.infer<typeof endFocalPointRequest>;

/** Where a declared affiliation stands with its organisation, as the person and everyone else sees it. */
export const affiliationConfirmationResponse = /* @__PURE__ */ z
  .object({
    status: confirmationStatusValue,
    /** Who confirmed it, as what, when, and the reason a steward gave (set once confirmed, kept after an end). */
    confirmedBy: personRef.nullable(),
    confirmedAs: confirmerRoleValue.nullable(),
    confirmedAt: instant.nullable(),
    confirmationReason: z.string().nullable(),
    /** Who refused it, or ended the confirmation, as what, when and why. */
    closedBy: personRef.nullable(),
    closedAs: confirmerRoleValue.nullable(),
    closedAt: instant.nullable(),
    closedReason: z.string().nullable(),
  })
  .meta({ id: 'AffiliationConfirmationResponse' });
export type AffiliationConfirmationResponse = z.infer<typeof affiliationConfirmationResponse>;

const organisationBrief = /* @__PURE__ */ z.object({
  id: z.string(),
  name: z.string(),
  stakeholderGroup: stakeholderGroupValue,
  subtype: organisationSubtypeValue,
  verified: z.boolean(),
});

/** One entry of a focal point's (or a steward's) queue: an affiliation awaiting its organisation's word. */
export const affiliationRequestResponse = /* @__PURE__ */ z
  .object({
    affiliationId: z.string(),
    person: personRef,
    organisation: organisationBrief,
    title: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    declaredAt: instant,
    /** The actor may decide it as this role (a steward always with a reason). */
    decideAs: confirmerRoleValue,
  })
  .meta({ id: 'AffiliationRequestResponse' });
export type AffiliationRequestResponse = z.infer<typeof affiliationRequestResponse>;

export const focalPointResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    organisationId: z.string(),
    person: personRef,
    title: z.string().nullable(),
    appointedBy: personRef,
    appointedAs: confirmerRoleValue,
    appointedAt: instant,
    appointmentReason: z.string().nullable(),
    endedAt: instant.nullable(),
    endedBy: personRef.nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'FocalPointResponse' });
export type FocalPointResponse = z.infer<typeof focalPointResponse>;

/** An organisation's roster: its focal points, the people it confirmed, and what the viewer may do. */
export const organisationRosterResponse = /* @__PURE__ */ z
  .object({
    organisationId: z.string(),
    focalPoints: z.array(focalPointResponse),
    /** Current affiliations the organisation confirmed, with each one's snapshot (as an act would record it). */
    confirmedDelegates: z.array(z.object({ person: personRef, title: z.string(), snapshot: affiliationSnapshotSchema })),
    /** How many current affiliations await confirmation (names only in the queue, for focal points and stewards). */
    pendingCount: z.number(),
    allowed: z.object({
      /** The viewer may appoint a focal point (a steward while there is none, or a focal point). */
      appointFocalPoint: z.boolean(),
      /** The viewer may see and decide this organisation's queue. */
      decideAffiliations: z.boolean(),
    }),
  })
  .meta({ id: 'OrganisationRosterResponse' });
export type OrganisationRosterResponse = z.infer<typeof organisationRosterResponse>;

/** The viewer's own standing as a focal point: the organisations they answer for. */
export const myFocalPointsResponse = /* @__PURE__ */ z
  .object({ organisations: z.array(z.object({ id: z.string(), name: z.string() })) })
  .meta({ id: 'MyFocalPointsResponse' });
export type MyFocalPointsResponse = z.infer<typeof myFocalPointsResponse>;
