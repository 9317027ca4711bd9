import { percent } from './alarm-text';
import { alarm, type CaptureAlarm } from './capture-alarm';
import type { Composition } from './composition';

export interface WorkingGroupComposition {
  workingGroupId: string;
  workingGroupName: string;
  composition: Composition;
}

/**
 * The working group(s) with the most private-sector voting members among all groups compared:
 * every tied group is flagged, and nothing when the most is zero or fewer than two groups are
 * compared. Counts, not shares: the complaint is about groups packed with corporations. `since`
 * is null: the comparison has no history.
 */
export function mostPrivateSectorAlarms(groups: readonly WorkingGroupComposition[]): CaptureAlarm<'most-private-sector-members'>[] {
  if (groups.length < 2) return [];
  const countOf = (g: WorkingGroupComposition) => g.composition.votingMembers.byStakeholderGroup['private-sector'].count;
  const most = Math.max(...groups.map(countOf));
  if (most === 0) return [];
  const leaders = groups.filter((g) => countOf(g) === most);
  return leaders.map((g) => {
    const { total } = g.composition.votingMembers;
    const tiedWith = leaders.filter((other) => other !== g).map((other) => other.workingGroupId);
    const standing = tiedWith.length === 0 ? 'has the most' : `is tied with ${tiedWith.length} other group${tiedWith.length === 1 ? '' : 's'} for the most`;
    return alarm(
      'most-private-sector-members',
      {
        workingGroupId: g.workingGroupId,
        workingGroupName: g.workingGroupName,
        count: most,
        votingMembers: total,
        groupsCompared: groups.length,
        tiedWith,
      },
      `${g.workingGroupName} ${standing} private-sector voting members of all ${groups.length} working groups: ` +
        `${most} of its ${total} (${percent(most / total)}).`,
      null,
    );
  });
}
