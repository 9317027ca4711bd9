import { refusal, type Verdict } from '@parley/contracts';
import type { GroupStanding } from '../working-groups/working-group-access';

/**
 * Who may list a group's members to mention one (issue #20): whoever may write in the group — its
 * current members (voting or observing) and chairs — and platform stewards. The list carries each
 * member's affiliation, which is public anyway; the point is that a stranger does not browse it
 * through the composer's search.
 */
export function canListMentionCandidates(s: Pick<GroupStanding, 'membership' | 'isChair'>, isSteward: boolean): Verdict {
  return s.membership !== null || s.isChair || isSteward ? true : refusal('not-in-group');
}
