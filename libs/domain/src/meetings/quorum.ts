import { STAKEHOLDER_GROUPS } from '../identity/stakeholders';
import type { MeetingQuorum, QuorumGroupStanding, QuorumInput } from './types';

/** Tolerance so that 0.5 × 10 needs 5, not 6, whatever floating point makes of the product. */
const EPSILON = 1e-9;

const neededOf = (quorum: number, members: number) => (members === 0 ? 0 : Math.max(1, Math.ceil(quorum * members - EPSILON)));

/**
 * Whether a meeting is quorate, by the group's own quorum rule for ballots: at least `quorum` of
 * the voting members present (observers attend but do not count). With `perStakeholderGroup`, each
 * stakeholder group that has voting members must reach the share on its own too. A group with no
 * voting members is never quorate.
 */
export function meetingQuorum(input: QuorumInput): MeetingQuorum {
  const members = input.votingMembers.length;
  const present = input.votingMembers.filter((m) => input.presentPersonIds.has(m.personId)).length;
  const needed = neededOf(input.quorum, members);
  let byStakeholderGroup: QuorumGroupStanding[] | null = null;
  if (input.perStakeholderGroup) {
    byStakeholderGroup = STAKEHOLDER_GROUPS.map((stakeholderGroup) => {
      const of = input.votingMembers.filter((m) => m.stakeholderGroup === stakeholderGroup);
      const here = of.filter((m) => input.presentPersonIds.has(m.personId)).length;
      return { stakeholderGroup, present: here, members: of.length, met: here >= neededOf(input.quorum, of.length) };
    }).filter((g) => g.members > 0);
  }
  const met = members > 0 && present >= needed && (byStakeholderGroup?.every((g) => g.met) ?? true);
  return { quorum: input.quorum, present, members, needed, met, byStakeholderGroup };
}
