import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';

/** How a person was admitted: `member` votes, `observer` reads and comments without a vote. */
export const MEMBERSHIP_KINDS = ['member', 'observer'] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

/** Offices held on top of a membership. Chair terms (see chair-term.ts) are the confirmed record of chairing. */
export const OFFICE_ROLES = ['chair', 'rapporteur'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

/** The four roles the product speaks of: a membership kind plus any offices. */
export type WorkingGroupRole = MembershipKind | OfficeRole;

/**
 * A person's current membership of one working group, as the composition rules need it.
 *
 * Voting rights follow `kind` alone: a chair or rapporteur admitted as `member` votes and counts
 * among voting members; one admitted as `observer` stays an observer for composition purposes.
 */
export interface WorkingGroupMember {
  personId: string;
  name: string;
  kind: MembershipKind;
  offices: readonly OfficeRole[];
  /** Affiliation recorded when the person was admitted; never rewritten. */
  admissionSnapshot: AffiliationSnapshot;
  /** The person's affiliation today, or null when none is current (they may no longer act). */
  currentAffiliation: AffiliationSnapshot | null;
  /** Whether the organisation of `currentAffiliation` is verified today (authoritative over the snapshot's copy). */
  currentAffiliationVerified: boolean;
  /** When `currentAffiliation` is null: the day (yyyy-mm-dd) their last affiliation ended, if known. */
  affiliationEndedOn?: string | null;
  /** ISO datetime of admission. */
  admittedAt: string;
}

export function isVotingMember(member: Pick<WorkingGroupMember, 'kind'>): boolean {
  return member.kind === 'member';
}

export function rolesOf(member: Pick<WorkingGroupMember, 'kind' | 'offices'>): WorkingGroupRole[] {
  return [member.kind, ...member.offices];
}

/**
 * The affiliation a member is counted under: the current one where present (someone who changed
 * employer counts for the new employer), else the snapshot taken at admission.
 */
export function compositionAffiliation(member: Pick<WorkingGroupMember, 'admissionSnapshot' | 'currentAffiliation'>): AffiliationSnapshot {
  return member.currentAffiliation ?? member.admissionSnapshot;
}
