import { admissionEffect } from './admission-effect';
import { ACME, FRANCE, GLOBEX, UNIVERSITY, admittedInOrder, newMember, newSnapshot } from './test-factories';

const now = new Date('2026-06-01T00:00:00.000Z');
const candidate = (affiliation: Parameters<typeof newMember>[0], overrides: Parameters<typeof newMember>[1] = {}) =>
  newMember(affiliation, { admittedAt: now.toISOString(), ...overrides });

describe('admissionEffect', () => {
  it('says nothing for a verified member who keeps every cap', () => {
    const group = { members: admittedInOrder([ACME, FRANCE]), chairTerms: [] };
    expect(admissionEffect(group, candidate(UNIVERSITY), now)).toEqual({ organisationUnverified: false, caps: [] });
  });

  it('names the stakeholder-group cap the admission would break, as the alarm words it', () => {
    // Private sector 2 of 4 is at the 50% cap; a third company delegate makes it 3 of 5.
    const group = { members: admittedInOrder([ACME, FRANCE, GLOBEX, UNIVERSITY]), chairTerms: [] };
    const effect = admissionEffect(group, candidate(newSnapshot('Initech', 'private-sector', 'company')), now);
    expect(effect.caps).toHaveLength(1);
    expect(effect.caps[0].alreadyAbove).toBe(false);
    expect(effect.caps[0].alarm).toMatchObject({ code: 'stakeholder-group-above-cap', params: { stakeholderGroup: 'private-sector', count: 3, votingMembers: 5 } });
  });

  it('names the organisation cap, and says when the group is already above a cap the admission feeds', () => {
    const group = { members: admittedInOrder([ACME, ACME, FRANCE, UNIVERSITY, FRANCE, UNIVERSITY]), chairTerms: [] };
    const effect = admissionEffect(group, candidate(ACME), now);
    expect(effect.caps.map((c) => [c.alarm.code, c.alreadyAbove])).toEqual([['organisation-above-cap', false]]);
    const above = { members: admittedInOrder([ACME, GLOBEX, ACME, FRANCE]), chairTerms: [] };
    expect(admissionEffect(above, candidate(GLOBEX), now).caps.map((c) => [c.alarm.code, c.alreadyAbove])).toEqual([['stakeholder-group-above-cap', true]]);
  });

  it('never counts an observer towards a cap, but still says their organisation is unverified', () => {
    const group = { members: admittedInOrder([ACME, FRANCE, GLOBEX, UNIVERSITY]), chairTerms: [] };
    const unverified = newSnapshot('Shell Co', 'private-sector', 'company', { organisationVerified: false });
    expect(admissionEffect(group, candidate(unverified, { kind: 'observer', currentAffiliationVerified: false }), now)).toEqual({ organisationUnverified: true, caps: [] });
  });
});
