/** Composition caps of a working group. */
export interface CompositionCaps {
  /** Largest share (0..1) of voting members one stakeholder group may hold; only a share strictly above it raises an alarm. */
  maxStakeholderGroupShare: number;
  /** Most voting members one organisation may have; only a count strictly above it raises an alarm. */
  maxVotingMembersPerOrganisation: number;
}

/** The spec's defaults: no stakeholder group above 50% of voting members, no organisation with more than 2. */
export const DEFAULT_COMPOSITION_CAPS: Readonly<CompositionCaps> = Object.freeze({
  maxStakeholderGroupShare: 0.5,
  maxVotingMembersPerOrganisation: 2,
});

export function resolveCaps(caps: Partial<CompositionCaps> = {}): CompositionCaps {
  return { ...DEFAULT_COMPOSITION_CAPS, ...caps };
}

/** Tolerance so that a share equal to the cap (e.g. 7/10 against 0.7) never counts as above it. */
const SHARE_EPSILON = 1e-9;

export function isShareAboveCap(count: number, total: number, caps: Pick<CompositionCaps, 'maxStakeholderGroupShare'>): boolean {
  return total > 0 && count / total > caps.maxStakeholderGroupShare + SHARE_EPSILON;
}

export function isOrganisationAboveCap(count: number, caps: Pick<CompositionCaps, 'maxVotingMembersPerOrganisation'>): boolean {
  return count > caps.maxVotingMembersPerOrganisation;
}
