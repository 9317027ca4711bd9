import type { CaptureAlarmCode } from './capture-alarm';
import { captureAlarms, type CaptureAlarmInput } from './capture-alarms';
import { ACCESS_NOW, ACME, FRANCE, GLOBEX, TRADE_ASSOCIATION, UNIVERSITY, admittedInOrder, newMember } from './test-factories';

const now = new Date('2026-06-01T00:00:00.000Z');
const alarmsOf = (code: CaptureAlarmCode, input: CaptureAlarmInput) => captureAlarms(input, now).filter((a) => a.code === code);

describe('stakeholder-group-above-cap', () => {
  it('fires when a stakeholder group holds more than half the voting members, dated by the admission that pushed it above', () => {
    // Admitted one day apart from 2026-01-01. Private sector: 1/1 above, 1/2 at cap, 1/3, 2/4 at cap, 3/5 above from 2026-01-05.
    const members = admittedInOrder([ACME, FRANCE, UNIVERSITY, GLOBEX, TRADE_ASSOCIATION]);
    const [alarm, ...rest] = alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [] });
    expect(rest).toEqual([]);
    expect(alarm).toEqual({
      code: 'stakeholder-group-above-cap',
      severity: 'warning',
      params: { stakeholderGroup: 'private-sector', count: 3, votingMembers: 5, share: 0.6, capShare: 0.5 },
      message: 'private-sector holds 3 of 5 voting members (60%), above the 50% cap, since 2026-01-05.',
      since: '2026-01-05T09:00:00.000Z',
    });
  });

  it('does not fire exactly at the cap', () => {
    const members = admittedInOrder([ACME, GLOBEX, FRANCE, UNIVERSITY]);
    expect(alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [] })).toEqual([]);
  });

  it('does not count observers', () => {
    const members = [...admittedInOrder([ACME, FRANCE]), newMember(GLOBEX, { kind: 'observer' }), newMember(ACME, { kind: 'observer' })];
    expect(alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [] })).toEqual([]);
  });

  it('honours a group-specific cap, still strictly', () => {
    const members = admittedInOrder([ACME, GLOBEX, FRANCE]);
    expect(alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [], caps: { maxStakeholderGroupShare: 2 / 3 } })).toEqual([]);
    expect(alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [], caps: { maxStakeholderGroupShare: 0.6 } })).toHaveLength(1);
  });

  it('words the alarm as in the spec example', () => {
    // Private sector reaches 4 of 7 with the seventh admission, on 2026-03-02, and stays above.
    const members = admittedInOrder([FRANCE, UNIVERSITY, ACCESS_NOW, ACME, GLOBEX, TRADE_ASSOCIATION, ACME, GLOBEX, TRADE_ASSOCIATION, ACME, GLOBEX], '2026-02-24');
    const [alarm] = alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [] });
    expect(alarm.message).toBe('private-sector holds 8 of 11 voting members (73%), above the 50% cap, since 2026-03-02.');
  });

  it('dates the latest climb above the cap, after a dip back to it', () => {
    // 1/1 above (01-01), 1/2 at cap (01-02), 2/3 above (01-03), 2/4 at cap (01-04), 3/5 above (01-05).
    const members = admittedInOrder([ACME, FRANCE, GLOBEX, UNIVERSITY, TRADE_ASSOCIATION]);
    const [alarm] = alarmsOf('stakeholder-group-above-cap', { members, chairTerms: [] });
    expect(alarm.since).toBe('2026-01-05T09:00:00.000Z');
  });
});

describe('organisation-above-cap', () => {
  it('fires for an organisation with three voting members, dated by the third admission', () => {
    const members = admittedInOrder([ACME, FRANCE, ACME, UNIVERSITY, ACME, ACCESS_NOW, FRANCE]);
    const alarms = alarmsOf('organisation-above-cap', { members, chairTerms: [] });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      severity: 'warning',
      params: { organisationName: 'Acme', stakeholderGroup: 'private-sector', count: 3, cap: 2 },
      message: 'Acme has 3 voting members, above the cap of 2 per organisation, since 2026-01-05.',
      since: '2026-01-05T09:00:00.000Z',
    });
    expect(alarms[0].code === 'organisation-above-cap' && alarms[0].params.people.map((p) => p.personId)).toEqual(
      [members[0], members[2], members[4]].map((m) => m.personId),
    );
  });

  it('does not fire exactly at the cap, nor for observers', () => {
    const members = [...admittedInOrder([ACME, ACME, FRANCE, UNIVERSITY, ACCESS_NOW]), newMember(ACME, { kind: 'observer' })];
    expect(alarmsOf('organisation-above-cap', { members, chairTerms: [] })).toEqual([]);
  });

  it('counts a member for the organisation they work for now', () => {
    const members = [...admittedInOrder([ACME, ACME, FRANCE, UNIVERSITY, ACCESS_NOW]), newMember(GLOBEX, { currentAffiliation: ACME })];
    expect(alarmsOf('organisation-above-cap', { members, chairTerms: [] })).toHaveLength(1);
  });
});
