import { ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS, SUBTYPES_BY_GROUP } from '../identity/stakeholders';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import { countedUnits, CountedUnit, emptyCounts, latestVotes } from './counting-units';
import type {
  BallotTally,
  BreakdownCounts,
  ChoiceCounts,
  OrganisationBreakdown,
  Participation,
  StakeholderGroupBreakdown,
  SubtypeBreakdown,
  TallyInput,
} from './types';

const emptyRow = (): BreakdownCounts => ({ ...emptyCounts(), eligible: 0 });

function addUnit(row: BreakdownCounts, unit: CountedUnit): void {
  row[unit.choice]++;
  row.eligible++;
}

function addCounts(row: BreakdownCounts, counts: ChoiceCounts): void {
  row.yes += counts.yes;
  row.no += counts.no;
  row.abstain += counts.abstain;
  row.recuse += counts.recuse;
  row.notVoted += counts.notVoted;
  row.eligible += counts.yes + counts.no + counts.abstain + counts.recuse + counts.notVoted;
}

/** Who took part (yes + no + abstain) out of the base (everyone but those who recused). */
export function participationOf(counts: ChoiceCounts): Participation {
  const participants = counts.yes + counts.no + counts.abstain;
  const base = participants + counts.notVoted;
  return { participants, base, ratio: base === 0 ? null : participants / base };
}

function subtypeGroup(subtype: OrganisationSubtype): StakeholderGroup {
  return STAKEHOLDER_GROUPS.find((g) => (SUBTYPES_BY_GROUP[g] as readonly string[]).includes(subtype)) as StakeholderGroup;
}

/**
 * Counts a ballot without deciding it (running tallies use this while the ballot is open).
 * Every stakeholder group and sub-type has a row, in canonical order, even when empty;
 * organisations are those of the electorate, by name.
 */
export function tallyBallot(input: TallyInput): BallotTally {
  const { byVoter, ignoredVoterIds } = latestVotes(input.electorate, input.votes);
  const units = countedUnits(input.electorate, byVoter, input.countingUnit);

  const totals = emptyCounts();
  const groups = new Map(STAKEHOLDER_GROUPS.map((g) => [g, emptyRow()]));
  const subtypes = new Map(ORGANISATION_SUBTYPES.map((s) => [s, emptyRow()]));
  const organisations = new Map<string, OrganisationBreakdown>();
  for (const unit of units) {
    const s = unit.snapshot;
    totals[unit.choice]++;
    addUnit(groups.get(s.stakeholderGroup) as BreakdownCounts, unit);
    addUnit(subtypes.get(s.subtype) as BreakdownCounts, unit);
    let org = organisations.get(s.organisationId);
    if (!org) {
      org = {
        organisationId: s.organisationId,
        organisationName: s.organisationName,
        stakeholderGroup: s.stakeholderGroup,
        subtype: s.subtype,
        ...emptyRow(),
        voters: emptyRow(),
      };
      organisations.set(s.organisationId, org);
    }
    addUnit(org, unit);
    addCounts(org.voters, unit.voters);
  }

  const byStakeholderGroup: StakeholderGroupBreakdown[] = [...groups].map(([stakeholderGroup, row]) => ({ stakeholderGroup, ...row }));
  const bySubtype: SubtypeBreakdown[] = [...subtypes].map(([subtype, row]) => ({ stakeholderGroup: subtypeGroup(subtype), subtype, ...row }));
  const byOrganisation = [...organisations.values()].sort(
    (a, b) => a.organisationName.localeCompare(b.organisationName) || (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0),
  );

  return {
    countingUnit: input.countingUnit,
    electorate: { size: units.length, people: input.electorate.length, organisations: organisations.size },
    totals,
    participation: participationOf(totals),
    byStakeholderGroup,
    bySubtype,
    byOrganisation,
    rollCall: input.electorate.map((v) => {
      const vote = byVoter.get(v.voterId);
      return { voterId: v.voterId, snapshot: v.snapshot, choice: vote?.choice ?? null, reason: vote?.reason ?? null };
    }),
    ignoredVoterIds,
  };
}
