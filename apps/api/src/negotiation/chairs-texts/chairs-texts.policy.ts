import type { Verdict } from '@parley/contracts';
import { canEdit, type DraftingStanding } from '../../drafting/drafting.policy';

/**
 * Who issues a chair's text: a chair or a rapporteur of the document's group, with a current
 * affiliation, in a group that is not closed (the drafting editors). Members, observers, chairs of
 * other groups and everyone else are refused `editors-only` (or the standing's own refusal).
 */
export function canIssueChairsText(s: DraftingStanding): Verdict {
  return canEdit(s);
}
