import { refusal, type Verdict } from '@parley/contracts';
import type { DraftingStanding } from '../../drafting/drafting.policy';
import { canAct } from '../../policy/standing';

/**
 * Who may ask for a separate vote, and who decides it (decision record 0038):
 * - a voting member of the group (or a chair) asks, for themselves, with a reason;
 * - a chair puts it to a ballot or declines it (the ballots' own rule, canOpenBallot).
 */
export function canRequestDivision(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership?.kind === 'member' || s.isChair ? true : refusal('division-members-only');
}

export { canOpenBallot as canDecideDivision } from '../../decisions/ballot.policy';
