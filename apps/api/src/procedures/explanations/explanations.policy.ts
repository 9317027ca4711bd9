import { refusal, type Verdict } from '@parley/contracts';
import type { DraftingStanding } from '../../drafting/drafting.policy';
import { canAct } from '../../policy/standing';

/**
 * Who may place an explanation of position (decision record 0037), as a pure function over the
 * actor's standing in the document's group, answering `true` or the refusal.
 * - A delegation speaks through a person with a current affiliation to it who is a member of the
 *   group, voting or observer: in the UN, observer delegations explain their positions too, and an
 *   explanation is not a vote. A chair who is not also a member does not speak for a delegation.
 * - Always for the organisation of their current affiliation: a request naming another organisation
 *   is refused (never silently corrected), whoever asks.
 */
export function canPlaceExplanation(s: DraftingStanding, organisationId?: string): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (s.membership === null) return refusal('explanations-members-only');
  const own = s.currentSnapshot!;
  if (organisationId !== undefined && organisationId !== own.organisationId) return refusal('explanation-other-delegation', { organisation: own.organisationName });
  return true;
}
