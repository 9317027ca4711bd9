import { refusal, type Verdict } from '@parley/contracts';
import { canEdit, type DraftingStanding } from '../../drafting/drafting.policy';
import { canAct } from '../../policy/standing';

/**
 * Who streamlines and recommends (decision 0034): pure functions over the actor's standing in the
 * document's group, answering `true` or the refusal.
 * - Chairs and rapporteurs streamline (they hold the pen, as they consolidate).
 * - Only a chair recommends, and opens the one ballot adopting a set of recommendations.
 */
export const canStreamline = (s: DraftingStanding): Verdict => canEdit(s);

export function canRecommend(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.isChair ? true : refusal('chairs-only');
}

export const canOpenRecommendationsBallot = canRecommend;
