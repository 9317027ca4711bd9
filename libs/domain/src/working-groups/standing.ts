import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';

export type GroupStatus = 'forming' | 'active' | 'closed';

/** What the first condition of every act in a group looks at. */
export interface ActingStanding {
  /** The person's affiliation now; null means they cannot act in any group. */
  currentSnapshot: AffiliationSnapshot | null;
  groupStatus: GroupStatus;
  /** Holds a role in the group that requires a second factor (a chair, where the group asks it), has none, and the grace period is over (decision 0050). */
  twoFactorMissing?: boolean;
}

/** Why a person cannot act in a group at all (refusal codes of the API's catalogue). */
export type StandingRefusalCode = 'needs-affiliation' | 'group-closed' | 'two-factor-required';

/**
 * The first condition of every act in a working group (drafting, membership, chairs, ballots): a
 * current affiliation, in a group that is not closed. Null when the person may go on to the act's own rule.
 */
export function standingRefusal(s: ActingStanding): StandingRefusalCode | null {
  if (s.currentSnapshot === null) return 'needs-affiliation';
  if (s.groupStatus === 'closed') return 'group-closed';
  if (s.twoFactorMissing) return 'two-factor-required';
  return null;
}
