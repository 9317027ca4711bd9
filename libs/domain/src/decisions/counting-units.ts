import { isConfirmed } from '../identity/affiliation-confirmation';
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import type { ChoiceCounts, CountingUnit, UnitChoice, Vote, VoteChoice, Voter } from './types';

/** One counted voice: a person, or an organisation under the `organisation` unit. */
export interface CountedUnit {
  key: string;
  snapshot: AffiliationSnapshot;
  choice: UnitChoice;
  /** The people behind this unit, per person. */
  voters: ChoiceCounts;
}

export const emptyCounts = (): ChoiceCounts => ({ yes: 0, no: 0, abstain: 0, recuse: 0, notVoted: 0 });

/**
 * An organisation's choice from its voters' choices (null: did not vote). Recusing voters are
 * removed; the most common of yes/no/abstain among the rest wins and a tie between the most
 * common counts as abstain (spec). All voters recused: `recuse`. Otherwise, when none of the
 * remaining voters voted: `notVoted` (one recusal plus one silent member is a silent organisation).
 */
export function resolveOrganisationChoice(choices: readonly (VoteChoice | null)[]): UnitChoice {
  const remaining = choices.filter((c): c is Exclude<VoteChoice, 'recuse'> | null => c !== 'recuse');
  if (choices.length > 0 && remaining.length === 0) return 'recuse';
  const counts = { yes: 0, no: 0, abstain: 0 };
  for (const c of remaining) if (c !== null) counts[c]++;
  const top = Math.max(counts.yes, counts.no, counts.abstain);
  if (top === 0) return 'notVoted';
  const leaders = (['yes', 'no', 'abstain'] as const).filter((c) => counts[c] === top);
  return leaders.length === 1 ? leaders[0] : 'abstain';
}

/** The last vote of each electorate member, and who voted without being in the electorate. */
export function latestVotes(electorate: readonly Voter[], votes: readonly Vote[]): { byVoter: Map<string, Vote>; ignoredVoterIds: string[] } {
  const members = new Set<string>();
  for (const v of electorate) {
    if (members.has(v.voterId)) throw new RangeError(`voter ${v.voterId} appears twice in the electorate`);
    members.add(v.voterId);
  }
  const byVoter = new Map<string, Vote>();
  const ignored = new Set<string>();
  for (const vote of votes) {
    if (members.has(vote.voterId)) byVoter.set(vote.voterId, vote);
    else ignored.add(vote.voterId);
  }
  return { byVoter, ignoredVoterIds: [...ignored] };
}

/**
 * The units that are counted. Under `organisation`, each organisation of the electorate is one
 * unit described by its first listed voter's snapshot (the electorate's snapshots are taken at
 * the same moment, so an organisation's group and sub-type agree across its voters). A voter whose
 * affiliation was unconfirmed when the ballot opened does not speak for the organisation: they are
 * a unit of their own (key `unconfirmed:<voter>`), never merged into the organisation's choice.
 */
export function countedUnits(electorate: readonly Voter[], byVoter: ReadonlyMap<string, Vote>, unit: CountingUnit): CountedUnit[] {
  const choiceOf = (v: Voter): VoteChoice | null => byVoter.get(v.voterId)?.choice ?? null;
  if (unit === 'person') {
    return electorate.map((v) => {
      const choice = choiceOf(v) ?? 'notVoted';
      const voters = emptyCounts();
      voters[choice]++;
      return { key: v.voterId, snapshot: v.snapshot, choice, voters };
    });
  }
  const byOrganisation = new Map<string, Voter[]>();
  for (const v of electorate) {
    const key = isConfirmed(v.snapshot) ? v.snapshot.organisationId : `unconfirmed:${v.voterId}`;
    const list = byOrganisation.get(key);
    if (list) list.push(v);
    else byOrganisation.set(key, [v]);
  }
  return [...byOrganisation].map(([key, members]) => {
    const choices = members.map(choiceOf);
    const voters = emptyCounts();
    for (const c of choices) voters[c ?? 'notVoted']++;
    return { key, snapshot: members[0].snapshot, choice: resolveOrganisationChoice(choices), voters };
  });
}
