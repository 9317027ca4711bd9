import { isConfirmed } from '../identity/affiliation-confirmation';
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS, type OrganisationSubtype, type StakeholderGroup } from '../identity/stakeholders';
import { DEFAULT_COMPOSITION_CAPS, isOrganisationAboveCap, isShareAboveCap, type CompositionCaps } from './caps';
import type { ChairTerm } from './chair-term';
import { compositionAffiliation, isVotingMember, type WorkingGroupMember } from './membership';

export interface CompositionShare {
  count: number;
  /** count / total of the population; 0 when the population is empty. */
  share: number;
}

export interface OrganisationShare extends CompositionShare {
  organisationId: string;
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
  subtype: OrganisationSubtype;
}

/** Counts and shares of one population (voting members, observers or chairs). */
export interface PopulationComposition {
  total: number;
  byStakeholderGroup: Record<StakeholderGroup, CompositionShare>;
  bySubtype: Record<OrganisationSubtype, CompositionShare>;
  /** Organisations present, most represented first, then by name: confirmed affiliations only. */
  byOrganisation: OrganisationShare[];
  /** People whose affiliation is not confirmed: counted in their declared stakeholder group, never under the organisation. */
  unconfirmed: CompositionShare;
}

export interface Composition {
  votingMembers: PopulationComposition;
  observers: PopulationComposition;
  /** Acting chairs: terms given with no recorded end (a term past its due end still counts). */
  chairs: PopulationComposition;
  caps: CompositionCaps;
  /** Stakeholder groups holding strictly more than the cap share of voting members. */
  stakeholderGroupsAboveCap: StakeholderGroup[];
  /** Organisations with strictly more voting members than the cap. */
  organisationsAboveCap: OrganisationShare[];
}

/**
 * Composition of a working group. Members count under their CURRENT affiliation where present,
 * else their admission snapshot (see compositionAffiliation). Chairs count under their member's
 * current affiliation where present, else the snapshot on the term. Clock-free: pass the group's
 * chair terms; those with a recorded end (`endedAt`) are left out.
 */
export function computeComposition(
  members: readonly WorkingGroupMember[],
  chairTerms: readonly ChairTerm[],
  caps: CompositionCaps = DEFAULT_COMPOSITION_CAPS,
): Composition {
  const voting = members.filter(isVotingMember);
  const observing = members.filter((m) => !isVotingMember(m));
  const votingMembers = tallyAffiliations(voting.map(compositionAffiliation));
  const acting = chairTerms.filter((t) => t.endedAt === null);
  const membersById = new Map(members.map((m) => [m.personId, m]));
  return {
    votingMembers,
    observers: tallyAffiliations(observing.map(compositionAffiliation)),
    chairs: tallyAffiliations(acting.map((t) => chairAffiliation(t, membersById))),
    caps,
    stakeholderGroupsAboveCap: STAKEHOLDER_GROUPS.filter((g) =>
      isShareAboveCap(votingMembers.byStakeholderGroup[g].count, votingMembers.total, caps),
    ),
    organisationsAboveCap: votingMembers.byOrganisation.filter((o) => isOrganisationAboveCap(o.count, caps)),
  };
}

/** The affiliation a chair counts under: their member's current one where present, else the term's snapshot. */
export function chairAffiliation(term: ChairTerm, membersById: ReadonlyMap<string, WorkingGroupMember>): AffiliationSnapshot {
  return membersById.get(term.personId)?.currentAffiliation ?? term.snapshot;
}

export function tallyAffiliations(affiliations: readonly AffiliationSnapshot[]): PopulationComposition {
  const total = affiliations.length;
  const share = (count: number): CompositionShare => ({ count, share: total === 0 ? 0 : count / total });
  const countWhere = (keep: (a: AffiliationSnapshot) => boolean) => share(affiliations.filter(keep).length);

  const organisations = new Map<string, AffiliationSnapshot[]>();
  // An organisation counts only the people it confirmed: a declared affiliation does not speak for it.
  for (const a of affiliations.filter(isConfirmed)) organisations.set(a.organisationId, [...(organisations.get(a.organisationId) ?? []), a]);
  const byOrganisation = [...organisations.values()]
    .map(([first, ...rest]): OrganisationShare => ({
      organisationId: first.organisationId,
      organisationName: first.organisationName,
      stakeholderGroup: first.stakeholderGroup,
      subtype: first.subtype,
      ...share(rest.length + 1),
    }))
    .sort((a, b) => b.count - a.count || a.organisationName.localeCompare(b.organisationName));

  return {
    total,
    byStakeholderGroup: Object.fromEntries(
      STAKEHOLDER_GROUPS.map((g) => [g, countWhere((a) => a.stakeholderGroup === g)]),
    ) as Record<StakeholderGroup, CompositionShare>,
    bySubtype: Object.fromEntries(
      ORGANISATION_SUBTYPES.map((s) => [s, countWhere((a) => a.subtype === s)]),
    ) as Record<OrganisationSubtype, CompositionShare>,
    byOrganisation,
    unconfirmed: countWhere((a) => !isConfirmed(a)),
  };
}
