// Builders for the decision tests: real electorates and votes, no shared catalogue of stubs.
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { CONFIRMED_BY_FOCAL_POINT } from '../identity/confirmation-test-factories';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import type { BallotInput, CountingUnit, DecisionRule, BallotQuorum, Vote, VoteChoice, Voter } from './types';

const DEFAULT_SUBTYPE: Record<StakeholderGroup, OrganisationSubtype> = {
  government: 'national',
  'private-sector': 'company',
  'civil-society': 'ngo',
};

export function newSnapshot(organisationId: string, stakeholderGroup: StakeholderGroup, subtype?: OrganisationSubtype): AffiliationSnapshot {
  return {
    affiliationId: `aff-${organisationId}`,
    organisationId,
    organisationName: `Organisation ${organisationId}`,
    stakeholderGroup,
    subtype: subtype ?? DEFAULT_SUBTYPE[stakeholderGroup],
    country: null,
    title: 'Delegate',
    organisationVerified: true,
    confirmation: CONFIRMED_BY_FOCAL_POINT,
  };
}

/** One electorate member and what they did (null: did not vote). */
export interface Seat {
  organisationId: string;
  stakeholderGroup: StakeholderGroup;
  subtype?: OrganisationSubtype;
  choice: VoteChoice | null;
  reason?: string | null;
}

export const seat = (organisationId: string, stakeholderGroup: StakeholderGroup, choice: VoteChoice | null, subtype?: OrganisationSubtype): Seat => ({
  organisationId,
  stakeholderGroup,
  choice,
  subtype,
});

/** `count` people, each in their own organisation of the group, all with the same choice. */
export function seats(count: number, stakeholderGroup: StakeholderGroup, choice: VoteChoice | null, prefix = `${stakeholderGroup}-${choice ?? 'silent'}`): Seat[] {
  return Array.from({ length: count }, (_, i) => seat(`${prefix}-${i}`, stakeholderGroup, choice));
}

/** Seats across the three groups with the given totals, one person per organisation. */
export function seatsWithTotals(t: { yes?: number; no?: number; abstain?: number; recuse?: number; notVoted?: number }, group: StakeholderGroup = 'government'): Seat[] {
  return [
    ...seats(t.yes ?? 0, group, 'yes'),
    ...seats(t.no ?? 0, group, 'no'),
    ...seats(t.abstain ?? 0, group, 'abstain'),
    ...seats(t.recuse ?? 0, group, 'recuse'),
    ...seats(t.notVoted ?? 0, group, null),
  ];
}

export function electorateOf(all: readonly Seat[]): { electorate: Voter[]; votes: Vote[] } {
  const electorate = all.map((s, i) => ({ voterId: `voter-${i}`, snapshot: newSnapshot(s.organisationId, s.stakeholderGroup, s.subtype) }));
  const votes = all.flatMap((s, i) =>
    s.choice === null ? [] : [{ voterId: `voter-${i}`, choice: s.choice, reason: s.reason ?? (s.choice === 'recuse' ? 'declared conflict' : null) }],
  );
  return { electorate, votes };
}

export function newBallot(
  all: readonly Seat[],
  options: { rule?: DecisionRule; countingUnit?: CountingUnit; quorum?: BallotQuorum | null } = {},
): BallotInput {
  return { ...electorateOf(all), rule: options.rule ?? 'majority', countingUnit: options.countingUnit ?? 'person', quorum: options.quorum ?? null };
}
