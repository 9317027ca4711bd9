import { refusal, type Verdict } from '@parley/contracts';
import type { DraftingStanding } from '../../drafting/drafting.policy';
import { canOpenBallot } from '../../drafting/drafting.policy';
import { canAct } from '../../policy/standing';

/**
 * Who acts in a silence procedure (decision 0036), as pure functions over the actor's standing in
 * the document's group:
 * - a chair of the group puts a version under silence and withdraws it (as a chair opens an adoption ballot);
 * - a voting member with a current affiliation breaks silence. Observers do not: as in the General
 *   Assembly, where only a Member State breaks silence, an objection is a member's act. A chair who
 *   is not a voting member does not object either: the chair withdraws instead.
 */
export const canStartSilence = canOpenBallot;
export const canWithdrawSilence = canOpenBallot;

export function canObjectToSilence(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership?.kind === 'member' ? true : refusal('silence-objection-members-only');
}
