import type { CaptureAlarmCode } from './capture-alarm';
import { captureAlarms, type CaptureAlarmInput } from './capture-alarms';
import { affiliationEndedAlarms, affiliationUnconfirmedAlarms, affiliationUnverifiedAlarms } from './member-alarms';
import { ACME, FRANCE, GLOBEX, UNIVERSITY, newMember } from './test-factories';

const now = new Date('2026-06-01T00:00:00.000Z');
const alarmsOf = (code: CaptureAlarmCode, input: CaptureAlarmInput) => captureAlarms(input, now).filter((a) => a.code === code);
const others = [newMember(FRANCE), newMember(UNIVERSITY)];

describe('member-affiliation-ended', () => {
  it('fires for a voting member with no current affiliation, since the affiliation ended', () => {
    const ana = newMember(ACME, { name: 'Ana Costa', currentAffiliation: null, affiliationEndedOn: '2026-04-01' });
    expect(alarmsOf('member-affiliation-ended', { members: [ana, ...others], chairTerms: [] })).toEqual([
      {
        code: 'member-affiliation-ended',
        severity: 'critical',
        params: { people: [{ personId: ana.personId, name: 'Ana Costa', endedOn: '2026-04-01' }], count: 1 },
        message: 'Ana Costa, a voting member, has had no current affiliation since 2026-04-01.',
        since: '2026-04-01T00:00:00.000Z',
      },
    ]);
  });

  it('lists several people in one alarm, dated by the earliest known end', () => {
    const ana = newMember(ACME, { name: 'Ana Costa', currentAffiliation: null, affiliationEndedOn: '2026-04-01' });
    const ben = newMember(GLOBEX, { name: 'Ben Ode', currentAffiliation: null, affiliationEndedOn: '2026-03-15' });
    const cy = newMember(GLOBEX, { name: 'Cy Ng', currentAffiliation: null });
    const [alarm, ...rest] = alarmsOf('member-affiliation-ended', { members: [cy, ana, ben, ...others], chairTerms: [] });
    expect(rest).toEqual([]);
    expect(alarm.since).toBe('2026-03-15T00:00:00.000Z');
    expect(alarm.message).toBe(
      '3 voting members have no current affiliation, the first since 2026-03-15: Ana Costa (ended 2026-04-01), Ben Ode (ended 2026-03-15) and Cy Ng.',
    );
  });

  it('in a group of 500, names the first 10 by name, counts all 500 and dates by the earliest end of all', () => {
    const members = Array.from({ length: 500 }, (_, i) =>
      newMember(ACME, { name: `Member ${500 - i}`, currentAffiliation: null, affiliationEndedOn: i === 0 ? '2025-12-01' : '2026-04-01' }),
    );
    const [alarm] = affiliationEndedAlarms(members);
    expect(alarm.params.count).toBe(500);
    expect(alarm.params.people.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Member ${i + 1}`));
    expect(alarm.since).toBe('2025-12-01T00:00:00.000Z');
    expect(alarm.message).toBe(
      '500 voting members have no current affiliation, the first since 2025-12-01: ' +
        `${Array.from({ length: 10 }, (_, i) => `Member ${i + 1} (ended 2026-04-01)`).join(', ')} and 490 more.`,
    );
  });

  it('does not fire when every voting member holds a current affiliation, nor for observers', () => {
    const observer = newMember(ACME, { kind: 'observer', currentAffiliation: null });
    expect(alarmsOf('member-affiliation-ended', { members: [observer, ...others], chairTerms: [] })).toEqual([]);
  });
});

describe('member-affiliation-unverified', () => {
  it('fires for a voting member acting for an unverified organisation, since admission', () => {
    const ana = newMember(ACME, { name: 'Ana Costa', currentAffiliationVerified: false, admittedAt: '2026-03-01T09:30:00.000Z' });
    expect(alarmsOf('member-affiliation-unverified', { members: [ana, ...others], chairTerms: [] })).toEqual([
      {
        code: 'member-affiliation-unverified',
        severity: 'warning',
        params: {
          people: [{ personId: ana.personId, name: 'Ana Costa', organisationId: ACME.organisationId, organisationName: 'Acme', since: '2026-03-01T09:30:00.000Z' }],
          count: 1,
        },
        message: 'Ana Costa, a voting member, has acted for Acme, an unverified organisation, since 2026-03-01.',
        since: '2026-03-01T09:30:00.000Z',
      },
    ]);
  });

  it('does not date a member who moved to the unverified organisation after admission', () => {
    const moved = newMember(ACME, { name: 'Ben Ode', currentAffiliation: GLOBEX, currentAffiliationVerified: false });
    const [alarm] = alarmsOf('member-affiliation-unverified', { members: [moved, ...others], chairTerms: [] });
    expect(alarm.since).toBeNull();
    expect(alarm.message).toBe('Ben Ode, a voting member, has acted for Globex, an unverified organisation.');
  });

  it('names at most 10 of many, dated by the earliest admission of all', () => {
    const members = Array.from({ length: 12 }, (_, i) =>
      newMember(GLOBEX, { name: `Member ${i + 1}`, currentAffiliationVerified: false, admittedAt: i === 11 ? '2026-02-01T00:00:00.000Z' : '2026-03-01T00:00:00.000Z' }),
    );
    const [alarm] = affiliationUnverifiedAlarms(members);
    expect(alarm.params).toMatchObject({ count: 12 });
    expect(alarm.params.people).toHaveLength(10);
    expect(alarm.since).toBe('2026-02-01T00:00:00.000Z');
    expect(alarm.message).toMatch(/^12 voting members act for unverified organisations, the first since 2026-02-01: Member 1 \(Globex\), .* Member 10 \(Globex\) and 2 more\.$/);
  });

  it('does not fire for verified organisations, observers, or members with no current affiliation', () => {
    const members = [
      newMember(ACME, { kind: 'observer', currentAffiliationVerified: false }),
      newMember(ACME, { currentAffiliation: null, currentAffiliationVerified: false }),
      ...others,
    ];
    expect(alarmsOf('member-affiliation-unverified', { members, chairTerms: [] })).toEqual([]);
  });
});

describe('member-affiliation-unconfirmed', () => {
  it('fires for a voting member whose organisation has not confirmed their affiliation, and names the organisation', () => {
    const fake = newMember({ ...FRANCE, confirmation: null }, { name: 'Eve Faux' });
    expect(alarmsOf('member-affiliation-unconfirmed', { members: [fake, ...others], chairTerms: [] })).toEqual([
      {
        code: 'member-affiliation-unconfirmed',
        severity: 'critical',
        params: { people: [{ personId: fake.personId, name: 'Eve Faux', organisationId: FRANCE.organisationId, organisationName: 'France' }], count: 1 },
        message: 'Eve Faux, a voting member, acts with an affiliation to France that the organisation has not confirmed.',
        since: null,
      },
    ]);
  });

  it('counts a snapshot without any confirmation record as unconfirmed; not for observers nor confirmed members', () => {
    const { confirmation: _dropped, ...legacy } = ACME;
    const old = newMember(legacy, { name: 'Old Timer' });
    const observer = newMember({ ...GLOBEX, confirmation: null }, { kind: 'observer' });
    const alarms = affiliationUnconfirmedAlarms([old, observer, ...others]);
    expect(alarms.map((a) => a.params.people.map((p) => p.name))).toEqual([['Old Timer']]);
  });

  it('in a group of 500 unconfirmed members, names the first 10 by name and counts all 500', () => {
    const unconfirmed = { ...ACME, confirmation: null };
    const members = Array.from({ length: 500 }, (_, i) => newMember(unconfirmed, { name: `Member ${500 - i}` }));
    const [alarm, ...rest] = affiliationUnconfirmedAlarms(members);
    expect(rest).toEqual([]);
    expect(alarm.params.count).toBe(500);
    expect(alarm.params.people.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Member ${i + 1}`));
    expect(alarm.message).toBe(
      '500 voting members act with affiliations their organisations have not confirmed: ' +
        `${Array.from({ length: 10 }, (_, i) => `Member ${i + 1} (Acme)`).join(', ')} and 490 more.`,
    );
    expect(JSON.stringify(alarm).length).toBeLessThan(3_000);
  });

  it('names everyone, with no "more", when there are exactly 10', () => {
    const members = Array.from({ length: 10 }, (_, i) => newMember({ ...ACME, confirmation: null }, { name: `Member ${i + 1}` }));
    const [alarm] = affiliationUnconfirmedAlarms(members);
    expect(alarm.params).toMatchObject({ count: 10 });
    expect(alarm.params.people).toHaveLength(10);
    expect(alarm.message).toMatch(/Member 9 \(Acme\) and Member 10 \(Acme\)\.$/);
  });
});
