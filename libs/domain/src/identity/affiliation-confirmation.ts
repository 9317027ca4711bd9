import { actingRoleRefusal } from './two-factor';

/**
 * Affiliations are confirmed by the organisation, not just declared (SPEC, Identity). A declared
 * affiliation is `pending` until a focal point of its organisation (or a steward, with a reason)
 * confirms or refuses it; a confirmation can be ended later (`ended`). Only `confirmed` lets a
 * person act for the organisation: endorse for it, count under it, vote where the group requires it.
 */
export const CONFIRMATION_STATUSES = ['pending', 'confirmed', 'refused', 'ended'] as const;
export type ConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number];

/**
 * Who can vouch for an affiliation: a focal point of its organisation, a platform steward, or an
 * institution's identity provider registered for the organisation (its verified e-mail domain
 * vouches; decision record 0049). A provider never decides through confirmationVerdict: it
 * confirms at sign-in and its confirmation ends when it stops vouching (provider-vouching.ts).
 */
export const CONFIRMER_ROLES = ['focal-point', 'steward', 'identity-provider'] as const;
export type ConfirmerRole = (typeof CONFIRMER_ROLES)[number];

export const CONFIRMATION_DECISIONS = ['confirm', 'refuse', 'end'] as const;
export type ConfirmationDecision = (typeof CONFIRMATION_DECISIONS)[number];

/** What an act's snapshot records of a confirmed affiliation: who vouched for it, as what, and when. */
export interface ConfirmationMark {
  by: { id: string; name: string };
  as: ConfirmerRole;
  /** ISO datetime of the confirmation. */
  at: string;
}

/**
 * Is this affiliation confirmed? `confirmation` is absent on snapshots recorded before
 * confirmations existed, and null on unconfirmed ones: both are unconfirmed.
 */
export function isConfirmed(a: { confirmation?: ConfirmationMark | null } | null | undefined): boolean {
  return !!a?.confirmation;
}

/** The facts a confirmation decision needs, read by the caller (no clock, no database). */
export interface ConfirmationFacts extends SecondFactorFact {
  actorId: string;
  actorIsSteward: boolean;
  /** The actor is a current focal point of the affiliation's organisation. */
  actorIsFocalPoint: boolean;
  /** `ended`: the affiliation itself has ended (an end date today or before). */
  affiliation: { personId: string; status: ConfirmationStatus; ended: boolean; organisationName: string };
  /** The person whose affiliation it is is a current focal point of that organisation (their appointment vouches for them). */
  holderIsFocalPoint: boolean;
  decision: ConfirmationDecision;
  reason: string | null;
}

/**
 * Why a confirmation or appointment is refused, as a refusal code of the API's catalogue with the
 * organisation it names; `reason-required` names the field and the field-error code instead.
 */
export type ConfirmationRefusal =
  | {
      code:
        | 'own-affiliation'
        | 'not-a-confirmer'
        | 'holder-is-focal-point'
        | 'organisation-has-focal-points'
        | 'not-an-appointer'
        | 'already-focal-point'
        | 'appointee-not-affiliated'
        | 'not-an-appointment-ender';
      params: { organisation: string };
    }
  | { code: 'self-appointment' | 'affiliation-ended' | 'appointment-ended' | 'two-factor-required'; params: Record<string, never> }
  | { code: 'confirmation-state'; params: { decision: ConfirmationDecision; status: ConfirmationStatus } }
  | { code: 'appointee-affiliation-closed'; params: { organisation: string; status: 'refused' | 'ended' } }
  | {
      code: 'reason-required';
      field: 'reason';
      fieldCode: 'steward-confirms-with-reason' | 'steward-appoints-with-reason' | 'reason-required' | 'reason-for-ending-appointment';
    };

/** The acting role, unless it requires a second factor the actor lacks past the grace period (decision 0050: focal points and stewards). */
function granted(f: SecondFactorFact, as: ConfirmerRole): { as: ConfirmerRole } | ConfirmationRefusal {
  const refused = actingRoleRefusal(f.actorTwoFactorOverdue);
  return refused ? { code: refused, params: {} } : { as };
}

export interface SecondFactorFact {
  /** The actor has no second factor and the grace period since their first sign-in after its release is over (computed with the session). */
  actorTwoFactorOverdue?: boolean;
}

/**
 * Who may confirm, refuse or end the confirmation of an affiliation, and in which state. Nobody
 * decides on their own affiliation: a focal point's own is confirmed by whoever appointed them.
 * A steward always gives a reason (they vouch from outside the organisation); refusing and ending
 * always need one. Returns the acting role, or why not.
 */
export function confirmationVerdict(f: ConfirmationFacts): { as: ConfirmerRole } | ConfirmationRefusal {
  const org = f.affiliation.organisationName;
  if (f.affiliation.personId === f.actorId)
    return { code: 'own-affiliation', params: { organisation: org } };
  const as: ConfirmerRole | null = f.actorIsFocalPoint ? 'focal-point' : f.actorIsSteward ? 'steward' : null;
  if (as === null) return { code: 'not-a-confirmer', params: { organisation: org } };
  const expected: Record<ConfirmationDecision, ConfirmationStatus> = { confirm: 'pending', refuse: 'pending', end: 'confirmed' };
  if (f.affiliation.status !== expected[f.decision]) return { code: 'confirmation-state', params: { decision: f.decision, status: f.affiliation.status } };
  if (f.decision !== 'end' && f.affiliation.ended) return { code: 'affiliation-ended', params: {} };
  if (f.decision === 'end' && f.holderIsFocalPoint)
    return { code: 'holder-is-focal-point', params: { organisation: org } };
  if ((as === 'steward' || f.decision !== 'confirm') && !f.reason?.trim())
    return { code: 'reason-required', field: 'reason', fieldCode: f.decision === 'confirm' ? 'steward-confirms-with-reason' : 'reason-required' };
  return granted(f, as);
}

/** The facts of a focal-point appointment. */
export interface AppointmentFacts extends SecondFactorFact {
  actorId: string;
  actorIsSteward: boolean;
  actorIsFocalPoint: boolean;
  /** The organisation has at least one current focal point. */
  organisationHasFocalPoints: boolean;
  organisationName: string;
  reason: string | null;
  /** The appointee's current affiliation to the organisation (null: none), and its status. */
  appointee: { personId: string; affiliation: { status: ConfirmationStatus } | null; alreadyFocalPoint: boolean };
}

/**
 * A steward appoints an organisation's first focal point (or a new one when none is left); after
 * that, its focal points appoint the others. The appointee must hold a current affiliation to the
 * organisation that was not refused nor ended; nobody appoints themself. The appointment confirms
 * that affiliation (the appointer vouches for it), so a steward gives a reason, as for a confirmation.
 */
export function appointmentVerdict(f: AppointmentFacts): { as: ConfirmerRole } | ConfirmationRefusal {
  const org = f.organisationName;
  if (f.appointee.personId === f.actorId) return { code: 'self-appointment', params: {} };
  let as: ConfirmerRole;
  if (f.actorIsFocalPoint) as = 'focal-point';
  else if (f.actorIsSteward && !f.organisationHasFocalPoints) as = 'steward';
  else if (f.actorIsSteward) return { code: 'organisation-has-focal-points', params: { organisation: org } };
  else return { code: 'not-an-appointer', params: { organisation: org } };
  if (f.appointee.alreadyFocalPoint) return { code: 'already-focal-point', params: { organisation: org } };
  const a = f.appointee.affiliation;
  if (a === null) return { code: 'appointee-not-affiliated', params: { organisation: org } };
  if (a.status === 'refused' || a.status === 'ended') return { code: 'appointee-affiliation-closed', params: { organisation: org, status: a.status } };
  if (as === 'steward' && !f.reason?.trim()) return { code: 'reason-required', field: 'reason', fieldCode: 'steward-appoints-with-reason' };
  return granted(f, as);
}

/** A focal point's appointment is ended by a focal point of the organisation (themself included) or a steward, with a reason for a steward or another person. */
export function endAppointmentVerdict(f: SecondFactorFact & { actorId: string; actorIsSteward: boolean; actorIsFocalPoint: boolean; focalPointId: string; organisationName: string; ended: boolean; reason: string | null }): { as: ConfirmerRole } | ConfirmationRefusal {
  if (f.ended) return { code: 'appointment-ended', params: {} };
  const as: ConfirmerRole | null = f.actorIsFocalPoint ? 'focal-point' : f.actorIsSteward ? 'steward' : null;
  if (as === null) return { code: 'not-an-appointment-ender', params: { organisation: f.organisationName } };
  if (f.focalPointId !== f.actorId && !f.reason?.trim()) return { code: 'reason-required', field: 'reason', fieldCode: 'reason-for-ending-appointment' };
  return granted(f, as);
}
