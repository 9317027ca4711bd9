import type { ConfirmationMark, ConfirmationStatus } from './affiliation-confirmation';
import type { OrganisationSubtype, StakeholderGroup } from './stakeholders';

/**
 * What an act records of its actor's affiliation at that moment. Later changes to the person or
 * the organisation never rewrite it.
 */
export interface AffiliationSnapshot {
  affiliationId: string;
  organisationId: string;
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
  subtype: OrganisationSubtype;
  country: string | null;
  title: string;
  organisationVerified: boolean;
  /**
   * Who confirmed the affiliation for the organisation, and when; null while it is unconfirmed.
   * Absent on acts recorded before confirmations existed (they count as unconfirmed).
   */
  confirmation?: ConfirmationMark | null;
}

export interface AffiliationRecord {
  id: string;
  title: string;
  startDate: string; // ISO date, yyyy-mm-dd
  endDate: string | null;
  primary: boolean;
  confirmationStatus: ConfirmationStatus;
  /** Set while `confirmationStatus` is `confirmed`. */
  confirmation: ConfirmationMark | null;
  organisation: {
    id: string;
    name: string;
    stakeholderGroup: StakeholderGroup;
    subtype: OrganisationSubtype;
    country: string | null;
    verified: boolean;
  };
}

/** An affiliation is current on a day when it has started and not yet ended (end date exclusive). */
export function isAffiliationCurrent(a: Pick<AffiliationRecord, 'startDate' | 'endDate'>, today: string): boolean {
  return a.startDate <= today && (a.endDate === null || a.endDate > today);
}

/**
 * The snapshot an act records: the current primary affiliation, or, when none is marked primary,
 * the most recently started current one. Null when the person has no current affiliation, which
 * means they cannot act in any working group.
 */
export function snapshotFromAffiliations(affiliations: AffiliationRecord[], today: string): AffiliationSnapshot | null {
  const current = affiliations.filter((a) => isAffiliationCurrent(a, today));
  if (current.length === 0) return null;
  const chosen =
    current.find((a) => a.primary) ??
    [...current].sort((a, b) => (a.startDate === b.startDate ? a.id.localeCompare(b.id) : b.startDate.localeCompare(a.startDate)))[0];
  return {
    affiliationId: chosen.id,
    organisationId: chosen.organisation.id,
    organisationName: chosen.organisation.name,
    stakeholderGroup: chosen.organisation.stakeholderGroup,
    subtype: chosen.organisation.subtype,
    country: chosen.organisation.country,
    title: chosen.title,
    organisationVerified: chosen.organisation.verified,
    confirmation: chosen.confirmationStatus === 'confirmed' ? chosen.confirmation : null,
  };
}

/** Calendar date (UTC) of an instant, the unit affiliations are dated in. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
