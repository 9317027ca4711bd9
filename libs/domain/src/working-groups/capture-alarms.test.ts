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
});
