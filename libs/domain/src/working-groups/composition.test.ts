import fc from 'fast-check';
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { STAKEHOLDER_GROUPS, SUBTYPES_BY_GROUP } from '../identity/stakeholders';
import { DEFAULT_COMPOSITION_CAPS } from './caps';
import { computeComposition } from './composition';
import { rolesOf } from './membership';
import { ACCESS_NOW, ACME, CITY, FRANCE, GLOBEX, UNIVERSITY, newChairTerm, newMember, newSnapshot } from './test-factories';

describe('computeComposition', () => {
  it('counts voting members and observers separately, by stakeholder group, sub-type and organisation', () => {
    const members = [
      newMember(ACME),
      newMember(ACME),
      newMember(GLOBEX),
      newMember(FRANCE),
      newMember(ACCESS_NOW, { kind: 'observer' }),
      newMember(CITY, { kind: 'observer' }),
    ];
    const { votingMembers, observers } = computeComposition(members, [], DEFAULT_COMPOSITION_CAPS);

    expect(votingMembers.total).toBe(4);
    expect(votingMembers.byStakeholderGroup).toEqual({
      government: { count: 1, share: 0.25 },
      'private-sector': { count: 3, share: 0.75 },
      'civil-society': { count: 0, share: 0 },
    });
    expect(votingMembers.bySubtype.company).toEqual({ count: 3, share: 0.75 });
    expect(votingMembers.bySubtype.national).toEqual({ count: 1, share: 0.25 });
    expect(votingMembers.bySubtype.ngo).toEqual({ count: 0, share: 0 });
    expect(votingMembers.byOrganisation.map((o) => [o.organisationName, o.count, o.share])).toEqual([
      ['Acme', 2, 0.5],
      ['France', 1, 0.25],
      ['Globex', 1, 0.25],
    ]);

    expect(observers.total).toBe(2);
    expect(observers.byStakeholderGroup['civil-society']).toEqual({ count: 1, share: 0.5 });
    expect(observers.bySubtype.local).toEqual({ count: 1, share: 0.5 });
  });

  it('counts a member who changed employer for the new employer, and falls back to the admission snapshot when none is current', () => {
    const moved = newMember(ACME, { currentAffiliation: UNIVERSITY });
    const lapsed = newMember(FRANCE, { currentAffiliation: null });
    const { votingMembers } = computeComposition([moved, lapsed], [], DEFAULT_COMPOSITION_CAPS);
    expect(votingMembers.byStakeholderGroup['private-sector'].count).toBe(0);
    expect(votingMembers.byStakeholderGroup['civil-society'].count).toBe(1);
    expect(votingMembers.byStakeholderGroup.government.count).toBe(1);
  });

  it('lets the membership kind decide the vote: a chair admitted as observer stays an observer', () => {
    const chairObserver = newMember(ACME, { kind: 'observer', offices: ['chair'] });
    const rapporteur = newMember(FRANCE, { offices: ['rapporteur'] });
    const composition = computeComposition([chairObserver, rapporteur], [newChairTerm(chairObserver)], DEFAULT_COMPOSITION_CAPS);
    expect(rolesOf(chairObserver)).toEqual(['observer', 'chair']);
    expect(composition.votingMembers.total).toBe(1);
    expect(composition.observers.total).toBe(1);
    expect(composition.chairs.byStakeholderGroup['private-sector'].count).toBe(1);
  });

  it('counts acting chairs by stakeholder group under their current affiliation, leaving out ended terms', () => {
    const a = newMember(ACME);
    const b = newMember(FRANCE, { currentAffiliation: ACCESS_NOW });
    const c = newMember(GLOBEX);
    const terms = [
      newChairTerm(a),
      newChairTerm(b, { snapshot: FRANCE }),
      newChairTerm(c, { endedAt: '2026-03-01T00:00:00.000Z', endReason: 'resigned' }),
    ];
    const { chairs } = computeComposition([a, b, c], terms, DEFAULT_COMPOSITION_CAPS);
    expect(chairs.total).toBe(2);
    expect(chairs.byStakeholderGroup).toEqual({
      government: { count: 0, share: 0 },
      'private-sector': { count: 1, share: 0.5 },
      'civil-society': { count: 1, share: 0.5 },
    });
  });

  it('lists what is above the caps, strictly', () => {
    const atCap = computeComposition([newMember(ACME), newMember(ACME), newMember(FRANCE), newMember(UNIVERSITY)], [], DEFAULT_COMPOSITION_CAPS);
    expect(atCap.stakeholderGroupsAboveCap).toEqual([]);
    expect(atCap.organisationsAboveCap).toEqual([]);

    const above = computeComposition([newMember(ACME), newMember(ACME), newMember(ACME), newMember(FRANCE)], [], DEFAULT_COMPOSITION_CAPS);
    expect(above.stakeholderGroupsAboveCap).toEqual(['private-sector']);
    expect(above.organisationsAboveCap.map((o) => o.organisationName)).toEqual(['Acme']);
  });

  it('never counts an unconfirmed affiliation under its organisation: not towards its cap, but in its declared stakeholder group and as unconfirmed', () => {
    const fakes = [1, 2, 3].map(() => newMember({ ...ACME, confirmation: null }));
    const c = computeComposition([newMember(ACME), ...fakes, newMember(FRANCE)], [], DEFAULT_COMPOSITION_CAPS);
    expect(c.votingMembers.byOrganisation.map((o) => [o.organisationName, o.count])).toEqual([
      ['Acme', 1],
      ['France', 1],
    ]);
    expect(c.votingMembers.unconfirmed).toEqual({ count: 3, share: 0.6 });
    expect(c.votingMembers.byStakeholderGroup['private-sector'].count).toBe(4);
    expect(c.organisationsAboveCap).toEqual([]);
  });

  it('gives zero shares for an empty group', () => {
    const { votingMembers, chairs } = computeComposition([], [], DEFAULT_COMPOSITION_CAPS);
    expect(votingMembers.total).toBe(0);
    expect(Object.values(votingMembers.byStakeholderGroup).every((s) => s.count === 0 && s.share === 0)).toBe(true);
    expect(chairs.total).toBe(0);
  });

  describe('properties', () => {
    const snapshotArb: fc.Arbitrary<AffiliationSnapshot> = fc
      .record({ organisation: fc.integer({ min: 0, max: 6 }), group: fc.constantFrom(...STAKEHOLDER_GROUPS) })
      .chain(({ organisation, group }) =>
        fc.constantFrom(...SUBTYPES_BY_GROUP[group]).chain((subtype) => fc.boolean().map((confirmed) => newSnapshot(`Org ${organisation} ${subtype}`, group, subtype, confirmed ? {} : { confirmation: null }))),
      );
    const memberArb = fc
      .record({ snapshot: snapshotArb, kind: fc.constantFrom('member' as const, 'observer' as const), current: fc.option(snapshotArb) })
      .map(({ snapshot, kind, current }) => newMember(snapshot, { kind, currentAffiliation: current }));

    it('counts by stakeholder group, sub-type and organisation sum to the total; shares sum to 1 when there are members', () => {
      fc.assert(
        fc.property(fc.array(memberArb, { maxLength: 40 }), (members) => {
          const { votingMembers, observers } = computeComposition(members, [], DEFAULT_COMPOSITION_CAPS);
          expect(votingMembers.total + observers.total).toBe(members.length);
          for (const population of [votingMembers, observers]) {
            const groups = Object.values(population.byStakeholderGroup);
            const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
            expect(sum(groups.map((g) => g.count))).toBe(population.total);
            expect(sum(Object.values(population.bySubtype).map((s) => s.count))).toBe(population.total);
            expect(sum(population.byOrganisation.map((o) => o.count)) + population.unconfirmed.count).toBe(population.total);
            if (population.total > 0) {
              expect(Math.abs(sum(groups.map((g) => g.share)) - 1)).toBeLessThan(1e-9);
              expect(Math.abs(sum(Object.values(population.bySubtype).map((s) => s.share)) - 1)).toBeLessThan(1e-9);
            }
          }
        }),
      );
    });
  });
});
