import { refusal, type Verdict } from '@parley/contracts';
import { canEdit, type DraftingStanding } from '../../drafting/drafting.policy';
import { canAct } from '../../policy/standing';

/**
 * Who may do what with brackets (decision record 0031), over the actor's standing in the document's
 * working group:
 * - brackets are requested by delegations: voting members (and the group's chairs) open a bracket and
 *   propose options; observers comment but do not bracket;
 * - a chair or rapporteur removes a bracket (choosing an option or agreeing the text), as they give
 *   dispositions and consolidate.
 * Nobody acts without a current affiliation, or in a closed group. Whether the document is still being
 * drafted and the version current is the service's check: a state, not a right.
 */
export function canOpenBracket(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership?.kind === 'member' || s.isChair ? true : refusal('members-only-bracket');
}

export const canProposeOption = canOpenBracket;

export const canRemoveBracket = (s: DraftingStanding): Verdict => canEdit(s);
