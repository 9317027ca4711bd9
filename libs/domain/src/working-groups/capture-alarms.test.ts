import { CAPTURE_ALARM_CODES } from './capture-alarm';
import { captureAlarms } from './capture-alarms';
import { ACCESS_NOW, ACME, FRANCE, UNIVERSITY, admittedInOrder, newChairTerm, newMember } from './test-factories';

const now = new Date('2026-06-01T00:00:00.000Z');

describe('captureAlarms', () => {
  it('raises nothing for a balanced group with confirmed chairs from two groups', () => {
    const members = admittedInOrder([ACME, FRANCE, UNIVERSITY, ACCESS_NOW]);
    const chairTerms = [newChairTerm(members[0]), newChairTerm(members[1], { endsAt: '2026-12-31' })];
    expect(captureAlarms({ members, chairTerms }, now)).toEqual([]);
  });

  it('returns several alarms in the order of the codes, each with an English message', () => {
    const members = [
      ...admittedInOrder([ACME, ACME, ACME, FRANCE]),
      newMember(UNIVERSITY, { currentAffiliation: null }),
      newMember(ACCESS_NOW, { currentAffiliationVerified: false }),
    ];
    const chairTerms = [newChairTerm(members[0], { confirmingBallotId: null, endsAt: '2026-05-01' }), newChairTerm(members[1])];
    const alarms = captureAlarms({ members, chairTerms }, now);
    expect(alarms.map((a) => a.code)).toEqual([
      'organisation-above-cap',
      'chairs-single-stakeholder-group',
      'chairs-single-organisation',
      'chair-unconfirmed',
      'chair-term-expired',
      'member-affiliation-ended',
      'member-affiliation-unverified',
    ]);
    const ranks = alarms.map((a) => CAPTURE_ALARM_CODES.indexOf(a.code));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const a of alarms) expect(a.message).toMatch(/^[^\n]+\.$/);
  });

  it('in a group of 500, every alarm about members names at most 10 and counts all 500', () => {
    const members = Array.from({ length: 500 }, (_, i) => newMember(ACME, { name: `Member ${i + 1}`, currentAffiliationVerified: false }));
    const alarms = captureAlarms({ members, chairTerms: [] }, now);
    const aboutMembers = alarms.filter((a) => 'people' in a.params);
    expect(aboutMembers.map((a) => a.code)).toEqual(['organisation-above-cap', 'member-affiliation-unverified']);
    for (const a of aboutMembers) {
      expect(a.params).toMatchObject({ count: 500 });
      expect('people' in a.params && a.params.people.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Member ${i + 1}`));
    }
    expect(JSON.stringify(alarms).length).toBeLessThan(5_000);
  });
});
