import { z } from 'zod';
import { CONFIRMATION_DECISIONS, type AffiliationSnapshot, type ConfirmationStatus, type ConfirmerRole, type OrganisationSubtype, type StakeholderGroup } from '@parley/domain';
import { text, uuid } from './common';
import type { PersonRef } from './working-groups';

/** A reason: optional where the rule allows it, required where the domain rule says so (refusals, ends, stewards). */
const reason = text(2000).nullable().optional();

export const affiliationDecisionRequest = z.strictObject({
  decision: z.enum(CONFIRMATION_DECISIONS),
  reason,
});
export type AffiliationDecisionRequest = z.infer<typeof affiliationDecisionRequest>;

export const appointFocalPointRequest = z.strictObject({ personId: uuid, reason });
export type AppointFocalPointRequest = z.infer<typeof appointFocalPointRequest>;

export const endFocalPointRequest = z.strictObject({ reason });
export type EndFocalPointRequest = z.infer<typeof endFocalPointRequest>;

/** Where a declared affiliation stands with its organisation, as the person and everyone else sees it. */
export interface AffiliationConfirmationResponse {
  status: ConfirmationStatus;
  /** Who confirmed it, as what, when, and the reason a steward gave (set once confirmed, kept after an end). */
  confirmedBy: PersonRef | null;
  confirmedAs: ConfirmerRole | null;
  confirmedAt: string | null;
  confirmationReason: string | null;
  /** Who refused it, or ended the confirmation, as what, when and why. */
  closedBy: PersonRef | null;
  closedAs: ConfirmerRole | null;
  closedAt: string | null;
  closedReason: string | null;
}

/** One entry of a focal point's (or a steward's) queue: an affiliation awaiting its organisation's word. */
export interface AffiliationRequestResponse {
  affiliationId: string;
  person: PersonRef;
  organisation: { id: string; name: string; stakeholderGroup: StakeholderGroup; subtype: OrganisationSubtype; verified: boolean };
  title: string;
  startDate: string;
  endDate: string | null;
  declaredAt: string;
  /** The actor may decide it as this role (a steward always with a reason). */
  decideAs: ConfirmerRole;
}

export interface FocalPointResponse {
  id: string;
  organisationId: string;
  person: PersonRef;
  title: string | null;
  appointedBy: PersonRef;
  appointedAs: ConfirmerRole;
  appointedAt: string;
  appointmentReason: string | null;
  endedAt: string | null;
  endedBy: PersonRef | null;
  endReason: string | null;
}

/** An organisation's roster: its focal points, the people it confirmed, and what the viewer may do. */
export interface OrganisationRosterResponse {
  organisationId: string;
  focalPoints: FocalPointResponse[];
  /** Current affiliations the organisation confirmed, with each one's snapshot (as an act would record it). */
  confirmedDelegates: { person: PersonRef; title: string; snapshot: AffiliationSnapshot }[];
  /** How many current affiliations await confirmation (names only in the queue, for focal points and stewards). */
  pendingCount: number;
  allowed: {
    /** The viewer may appoint a focal point (a steward while there is none, or a focal point). */
    appointFocalPoint: boolean;
    /** The viewer may see and decide this organisation's queue. */
    decideAffiliations: boolean;
  };
}

/** The viewer's own standing as a focal point: the organisations they answer for. */
export interface MyFocalPointsResponse {
  organisations: { id: string; name: string }[];
}
