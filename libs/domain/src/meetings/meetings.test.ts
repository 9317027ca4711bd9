import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import type { StakeholderGroup } from '../identity/stakeholders';
import { orderFloorQueue } from './floor-queue';
import { meetingQuorum } from './quorum';
import { MIN_TURNS_FOR_SPEAKING_ALARM, secondsBetween, speakingTime } from './speaking-time';
import type { SpokenTurn } from './types';

const snapshot = (organisationId: string, stakeholderGroup: StakeholderGroup): AffiliationSnapshot => ({
  affiliationId: `a-${organisationId}`,
  organisationId,
  organisationName: organisationId.toUpperCase(),
  stakeholderGroup,
  subtype: stakeholderGroup === 'government' ? 'national' : stakeholderGroup === 'private-sector' ? 'company' : 'ngo',
  country: null,
  title: 'Delegate',
  organisationVerified: true,
});
const turn = (organisationId: string, group: StakeholderGroup, seconds: number): SpokenTurn => ({
  personId: `p-${organisationId}`,
  snapshot: snapshot(organisationId, group),
  kind: 'speech',
  seconds,
});

describe('speaking time by stakeholder group and organisation', () => {
  it('adds each turn to its speaker’s organisation and stakeholder group as they were, and lists the silent groups with zero', () => {
    const t = speakingTime([turn('fr', 'government', 120), turn('msft', 'private-sector', 60), turn('fr', 'government', 60), turn('an', 'civil-society', 60)], 0.5);
    expect(t.totalSeconds).toBe(300);
    expect(t.turns).toBe(4);
    expect(t.byStakeholderGroup).toEqual([
      { stakeholderGroup: 'government', seconds: 180, turns: 2, share: 0.6 },
      { stakeholderGroup: 'private-sector', seconds: 60, turns: 1, share: 0.2 },
      { stakeholderGroup: 'civil-society', seconds: 60, turns: 1, share: 0.2 },
    ]);
    expect(t.byOrganisation.map((o) => [o.organisationId, o.seconds, o.turns])).toEqual([
      ['fr', 180, 2],
      ['an', 60, 1],
      ['msft', 60, 1],
    ]);
    expect(t.alarms).toEqual([{ stakeholderGroup: 'government', share: 0.6, cap: 0.5 }]);
  });

  it('raises the alarm only strictly above the cap, and not before the third turn', () => {
    const even = [turn('fr', 'government', 60), turn('an', 'civil-society', 60), turn('de', 'government', 60), turn('ms', 'private-sector', 60)];
    expect(speakingTime(even, 0.5).alarms).toEqual([]);
    const opening = [turn('fr', 'government', 300), turn('de', 'government', 300)];
    expect(opening.length).toBeLessThan(MIN_TURNS_FOR_SPEAKING_ALARM);
    expect(speakingTime(opening, 0.5).alarms).toEqual([]);
    expect(speakingTime([...opening, turn('an', 'civil-society', 10)], 0.5).alarms.map((a) => a.stakeholderGroup)).toEqual(['government']);
  });

  it('is empty and calm before anyone speaks', () => {
    const t = speakingTime([], 0.5);
    expect(t.totalSeconds).toBe(0);
    expect(t.byStakeholderGroup.every((g) => g.share === 0)).toBe(true);
    expect(t.alarms).toEqual([]);
  });

  it('counts whole seconds between two instants and never a negative time', () => {
    expect(secondsBetween(new Date('2026-12-10T09:00:00.000Z'), new Date('2026-12-10T09:02:15.400Z'))).toBe(135);
    expect(secondsBetween(new Date('2026-12-10T09:00:05Z'), new Date('2026-12-10T09:00:00Z'))).toBe(0);
  });
});

describe('the meeting’s quorum', () => {
  const members = [
    { personId: 'g1', stakeholderGroup: 'government' as const },
    { personId: 'g2', stakeholderGroup: 'government' as const },
    { personId: 'p1', stakeholderGroup: 'private-sector' as const },
    { personId: 'c1', stakeholderGroup: 'civil-society' as const },
  ];
  it('needs the group’s share of voting members present; observers are not in the count', () => {
    const q = meetingQuorum({ quorum: 0.5, perStakeholderGroup: false, votingMembers: members, presentPersonIds: new Set(['g1', 'observer']) });
    expect(q).toMatchObject({ present: 1, members: 4, needed: 2, met: false, byStakeholderGroup: null });
    expect(meetingQuorum({ quorum: 0.5, perStakeholderGroup: false, votingMembers: members, presentPersonIds: new Set(['g1', 'g2']) }).met).toBe(true);
  });

  it('with a quorum per stakeholder group, each group with voting members must reach the share', () => {
    const q = meetingQuorum({ quorum: 0.5, perStakeholderGroup: true, votingMembers: members, presentPersonIds: new Set(['g1', 'g2', 'p1']) });
    expect(q.present).toBe(3);
    expect(q.met).toBe(false);
    expect(q.byStakeholderGroup).toEqual([
      { stakeholderGroup: 'government', present: 2, members: 2, met: true },
      { stakeholderGroup: 'private-sector', present: 1, members: 1, met: true },
      { stakeholderGroup: 'civil-society', present: 0, members: 1, met: false },
    ]);
  });

  it('is never met in a group with no voting members', () => {
    expect(meetingQuorum({ quorum: 0.5, perStakeholderGroup: false, votingMembers: [], presentPersonIds: new Set(['x']) })).toMatchObject({ needed: 0, met: false });
  });
});

describe('the order the floor is given in', () => {
  it('puts points of order first, then speeches by the time they were asked for', () => {
    const order = orderFloorQueue([
      { id: 'b', kind: 'speech' as const, requestedAt: '2026-12-10T09:01:00Z' },
      { id: 'a', kind: 'speech' as const, requestedAt: '2026-12-10T09:00:00Z' },
      { id: 'p', kind: 'point-of-order' as const, requestedAt: '2026-12-10T09:05:00Z' },
      { id: 'c', kind: 'speech' as const, requestedAt: '2026-12-10T09:01:00Z' },
    ]);
    expect(order.map((r) => r.id)).toEqual(['p', 'a', 'b', 'c']);
  });
});
