import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { DEFAULT_COMPOSITION_CAPS } from './caps';
import { computeComposition } from './composition';
import { mostPrivateSectorAlarms, type WorkingGroupComposition } from './cross-group-alarms';
import { ACCESS_NOW, ACME, FRANCE, GLOBEX, TRADE_ASSOCIATION, newMember } from './test-factories';

const group = (id: string, affiliations: AffiliationSnapshot[], observers: AffiliationSnapshot[] = []): WorkingGroupComposition => ({
  workingGroupId: id,
  workingGroupName: `Group ${id}`,
  composition: computeComposition(
    [...affiliations.map((a) => newMember(a)), ...observers.map((a) => newMember(a, { kind: 'observer' }))],
    [],
    DEFAULT_COMPOSITION_CAPS,
  ),
});

describe('most-private-sector-members', () => {
  it('flags the group with the most private-sector voting members, by count', () => {
    const alarms = mostPrivateSectorAlarms([
      group('a', [ACME, FRANCE]),
      group('b', [ACME, GLOBEX, TRADE_ASSOCIATION, FRANCE, FRANCE, ACCESS_NOW]),
      group('c', [ACME, GLOBEX], [ACME, ACME, ACME]),
    ]);
    expect(alarms).toEqual([
      {
        code: 'most-private-sector-members',
        severity: 'info',
        params: { workingGroupId: 'b', workingGroupName: 'Group b', count: 3, votingMembers: 6, groupsCompared: 3, tiedWith: [] },
        message: 'Group b has the most private-sector voting members of all 3 working groups: 3 of its 6 (50%).',
        since: null,
      },
    ]);
  });

  it('flags every tied group', () => {
    const alarms = mostPrivateSectorAlarms([group('a', [ACME, GLOBEX]), group('b', [ACME, GLOBEX, FRANCE]), group('c', [ACME])]);
    expect(alarms.map((a) => [a.params.workingGroupId, a.params.tiedWith])).toEqual([
      ['a', ['b']],
      ['b', ['a']],
    ]);
    expect(alarms[1].message).toBe('Group b is tied with 1 other group for the most private-sector voting members of all 3 working groups: 2 of its 3 (67%).');
  });

  it('does not fire when no group has private-sector members, or with a single group', () => {
    expect(mostPrivateSectorAlarms([group('a', [FRANCE]), group('b', [ACCESS_NOW])])).toEqual([]);
    expect(mostPrivateSectorAlarms([group('a', [ACME, GLOBEX])])).toEqual([]);
    expect(mostPrivateSectorAlarms([])).toEqual([]);
  });
});
