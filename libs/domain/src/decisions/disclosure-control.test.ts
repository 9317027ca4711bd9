import fc from 'fast-check';
import { STAKEHOLDER_GROUPS, SUBTYPES_BY_GROUP } from '../identity/stakeholders';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import { decideBallot } from './decide-ballot';
import { cellIsSafe, cellsToWithhold, controlSecretResult, isWithheld, SECRET_BALLOT_MIN_CELL } from './disclosure-control';
import type { ControlledBallotResult, PublishedRow } from './disclosure-control';
import { renderExplanation } from './explain';
import { newBallot, seat, Seat, seats } from './test-factories';
import { COUNTING_UNITS, DECISION_RULES } from './types';
import type { BallotQuorum, BreakdownCounts, CountingUnit, DecisionRule, VoteChoice } from './types';

const N = SECRET_BALLOT_MIN_CELL;
const cell = (c: Partial<BreakdownCounts>): BreakdownCounts => {
  const full = { yes: 0, no: 0, abstain: 0, recuse: 0, notVoted: 0, ...c };
  return { ...full, eligible: full.yes + full.no + full.abstain + full.recuse + full.notVoted };
};
const control = (all: Seat[], options: { rule?: DecisionRule; quorum?: BallotQuorum | null; countingUnit?: CountingUnit } = {}) =>
  controlSecretResult(decideBallot(newBallot(all, options)));
const group = (r: ControlledBallotResult, g: StakeholderGroup) => r.byStakeholderGroup.find((x) => x.stakeholderGroup === g)!;
const subtype = (r: ControlledBallotResult, s: OrganisationSubtype) => r.bySubtype.find((x) => x.subtype === s)!;

describe('cellIsSafe', () => {
  it('publishes an empty cell, and a cell of at least N units whose voters did not all choose alike', () => {
    expect(cellIsSafe(cell({}))).toBe(true);
    expect(cellIsSafe(cell({ yes: 3, no: 2 }))).toBe(true);
    expect(cellIsSafe(cell({ notVoted: 7 }))).toBe(true);
  });

  it('withholds a cell under N units', () => {
    expect(cellIsSafe(cell({ yes: 1 }))).toBe(false);
    expect(cellIsSafe(cell({ yes: 2, no: 2 }))).toBe(false);
  });

  it('withholds a cell where everyone who voted chose alike, however large (who voted is public)', () => {
    expect(cellIsSafe(cell({ yes: 5 }))).toBe(false);
    expect(cellIsSafe(cell({ no: 1, notVoted: 9 }))).toBe(false);
    expect(cellIsSafe(cell({ recuse: 12 }))).toBe(false);
  });
});

describe('cellsToWithhold', () => {
  it('withholds nothing when every cell is safe', () => {
    expect([...cellsToWithhold([cell({ yes: 3, no: 3 }), cell({ yes: 4, abstain: 2 })])]).toEqual([]);
  });

  it('never leaves one withheld cell alone beside a published parent: its counts would be the parent less the others', () => {
    const withheld = cellsToWithhold([cell({ yes: 6, no: 4 }), cell({ yes: 1 }), cell({ yes: 3, no: 5 })]);
    expect(withheld.has(1)).toBe(true);
    expect(withheld.size).toBeGreaterThanOrEqual(2);
  });

  it('adds the smallest shown cell as the complement, and more until the withheld cells together tell nothing', () => {
    // {1 yes} + {2 yes}: 3 people, still too few; + {5: 3 yes 2 no} is safe.
    const withheld = cellsToWithhold([cell({ yes: 1 }), cell({ yes: 3, no: 2 }), cell({ yes: 6, no: 6 }), cell({ yes: 2 })]);
    expect([...withheld].sort()).toEqual([0, 1, 3]);
  });

  it('does not count an empty cell as a complement (its zeros are known)', () => {
    const withheld = cellsToWithhold([cell({ yes: 1 }), cell({}), cell({ yes: 4, no: 4 })]);
    expect([...withheld].sort()).toEqual([0, 2]);
  });
});

describe('controlSecretResult', () => {
  it('the reported attack: one academic voting yes is no longer readable from the sub-type breakdown', () => {
    const all = [
      ...seats(3, 'civil-society', 'yes', 'ngo-y'),
      ...seats(3, 'civil-society', 'no', 'ngo-n'),
      seat('uni', 'civil-society', 'yes', 'academia'),
      ...seats(4, 'government', 'yes', 'gov-y'),
      ...seats(3, 'government', 'no', 'gov-n'),
      ...seats(3, 'private-sector', 'abstain', 'co-a'),
      ...seats(3, 'private-sector', 'yes', 'co-y'),
    ];
    const r = control(all);
    expect(subtype(r, 'academia')).toMatchObject({ eligible: 1, yes: null, no: null, withheld: true });
    // Its sibling is withheld too: NGO counts published beside civil society's would give academia by subtraction.
    expect(subtype(r, 'ngo')).toMatchObject({ eligible: 6, yes: null, withheld: true });
    expect(group(r, 'civil-society')).toMatchObject({ eligible: 7, yes: 4, no: 3 });
    expect(r.disclosureControl).toEqual({ threshold: N, withheldStakeholderGroups: [], withheldSubtypes: ['ngo', 'academia'] });
    expect(r.totals).toEqual({ yes: 11, no: 6, abstain: 3, recuse: 0, notVoted: 0 });
    expect(r.outcome).toBe('passed');
  });

  it('withholds a large group where everyone voted alike, with a complement, and says so in the explanation instead of the counts', () => {
    const all = [
      ...seats(6, 'government', 'yes'),
      ...seats(3, 'private-sector', 'yes', 'p-y'),
      ...seats(3, 'private-sector', 'no', 'p-n'),
      ...seats(5, 'civil-society', 'no', 'c-n'),
      ...seats(2, 'civil-society', 'yes', 'c-y'),
    ];
    const raw = decideBallot(newBallot(all, { rule: 'chambered' }));
    const r = controlSecretResult(raw);
    expect(group(r, 'government')).toMatchObject({ withheld: true, yes: null });
    expect(r.disclosureControl.withheldStakeholderGroups.length).toBeGreaterThanOrEqual(2);
    expect(r.outcome).toBe(raw.outcome);
    const chambered = r.explanationParts[0];
    expect(chambered.code).toBe('chambered');
    if (chambered.code !== 'chambered') return;
    expect(chambered.groups.map((g) => g.stakeholderGroup)).not.toContain('government');
    expect(chambered.withheldGroups).toContain('government');
    expect(r.explanation).toBe(renderExplanation(r.explanationParts));
    expect(r.explanation).not.toMatch(/government 6 yes/);
    expect(r.explanation).toMatch(/counts of .*government.* are withheld/);
  });

  it('withholds every sub-type of a withheld group (published, they would add up to it)', () => {
    const all = [
      seat('g1', 'government', 'yes', 'national'),
      seat('g2', 'government', 'no', 'local'),
      ...seats(3, 'private-sector', 'yes', 'p-y'),
      ...seats(3, 'private-sector', 'no', 'p-n'),
      ...seats(4, 'civil-society', 'abstain', 'c-a'),
      ...seats(4, 'civil-society', 'yes', 'c-y'),
    ];
    const r = control(all);
    expect(isWithheld(group(r, 'government'))).toBe(true);
    expect(subtype(r, 'national')).toMatchObject({ withheld: true, yes: null });
    expect(subtype(r, 'local')).toMatchObject({ withheld: true, no: null });
    expect(subtype(r, 'intergovernmental')).toMatchObject({ eligible: 0, yes: 0 });
  });

  it('leaves out per-group quorum figures of withheld groups', () => {
    const all = [
      seat('g1', 'government', 'recuse'),
      ...seats(4, 'private-sector', 'yes', 'p-y'),
      ...seats(2, 'private-sector', null, 'p-s'),
      ...seats(3, 'civil-society', 'no', 'c-n'),
      ...seats(3, 'civil-society', 'yes', 'c-y'),
    ];
    const r = control(all, { rule: 'chambered', quorum: { share: 0.9, perStakeholderGroup: true } });
    expect(r.outcome).toBe('no-quorum');
    expect(r.quorum?.byStakeholderGroup?.map((g) => g.stakeholderGroup)).not.toContain('government');
    expect(JSON.stringify(r.explanationParts)).not.toMatch(/"stakeholderGroup":"government"/);
  });

  it('drops the roll call and the per-organisation rows, and is idempotent', () => {
    const r = control([...seats(5, 'government', 'yes'), ...seats(5, 'government', 'no', 'gn')]);
    expect(r.rollCall).toEqual([]);
    expect(r.byOrganisation).toEqual([]);
    expect(controlSecretResult(r)).toBe(r);
  });
});

// ---- properties: what an attacker can work out from what is published ----

const ORGANISATIONS = STAKEHOLDER_GROUPS.flatMap((g) =>
  (SUBTYPES_BY_GROUP[g] as readonly OrganisationSubtype[]).flatMap((s) =>
    [0, 1].map((i) => ({ organisationId: `${s}-${i}`, stakeholderGroup: g, subtype: s })),
  ),
);
const choiceArb = fc.constantFrom<VoteChoice | null>('yes', 'no', 'abstain', 'recuse', null);
const seatsArb: fc.Arbitrary<Seat[]> = fc.array(
  fc.record({ organisation: fc.constantFrom(...ORGANISATIONS), choice: choiceArb }).map(({ organisation, choice }): Seat => ({ ...organisation, choice })),
  { maxLength: 40 },
);
const KEYS = ['yes', 'no', 'abstain', 'recuse', 'notVoted'] as const;
function sumRaw(rows: readonly BreakdownCounts[]): BreakdownCounts {
  return rows.reduce((s, r) => ({ ...s, eligible: s.eligible + r.eligible, ...Object.fromEntries(KEYS.map((k) => [k, s[k] + r[k]])) }), cell({}));
}
const shown = <R extends BreakdownCounts>(rows: PublishedRow<R>[]) => rows.filter((r): r is R => !isWithheld(r));

describe('controlSecretResult properties', () => {
  it('every published cell is safe, and whatever subtraction from a published parent gives is safe too', () => {
    fc.assert(
      fc.property(seatsArb, fc.constantFrom<DecisionRule>(...DECISION_RULES), fc.constantFrom<CountingUnit>(...COUNTING_UNITS), (all, rule, countingUnit) => {
        const raw = decideBallot(newBallot(all, { rule, countingUnit }));
        const r = controlSecretResult(raw);
        for (const row of [...shown(r.byStakeholderGroup), ...shown(r.bySubtype)]) expect(cellIsSafe(row)).toBe(true);
        // The totals less the published groups: the sum of the withheld groups.
        const hiddenGroups = raw.byStakeholderGroup.filter((g) => r.disclosureControl.withheldStakeholderGroups.includes(g.stakeholderGroup));
        expect(cellIsSafe(sumRaw(hiddenGroups)) || sumRaw(hiddenGroups).eligible === r.electorate.size).toBe(true);
        for (const g of STAKEHOLDER_GROUPS) {
          const inGroup = raw.bySubtype.filter((s) => s.stakeholderGroup === g);
          const hidden = inGroup.filter((s) => r.disclosureControl.withheldSubtypes.includes(s.subtype));
          if (r.disclosureControl.withheldStakeholderGroups.includes(g)) {
            // A withheld group: none of its non-empty sub-types is published.
            expect(shown(r.bySubtype).filter((s) => s.stakeholderGroup === g && s.eligible > 0)).toEqual([]);
          } else {
            expect(cellIsSafe(sumRaw(hidden))).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never changes the totals, participation, electorate, quorum verdict or outcome', () => {
    fc.assert(
      fc.property(
        seatsArb,
        fc.constantFrom<DecisionRule>(...DECISION_RULES),
        fc.option(fc.record({ share: fc.constantFrom(0.25, 0.5, 0.9), perStakeholderGroup: fc.boolean() })),
        (all, rule, quorum) => {
          const raw = decideBallot(newBallot(all, { rule, quorum }));
          const r = controlSecretResult(raw);
          expect({ totals: r.totals, participation: r.participation, electorate: r.electorate, quorumMet: r.quorumMet, outcome: r.outcome }).toEqual({
            totals: raw.totals,
            participation: raw.participation,
            electorate: raw.electorate,
            quorumMet: raw.quorumMet,
            outcome: raw.outcome,
          });
          expect(r.byStakeholderGroup.map((g) => [g.stakeholderGroup, g.eligible])).toEqual(
            raw.byStakeholderGroup.map((g) => [g.stakeholderGroup, g.eligible]),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a voter in a withheld cell has a partner whose swapped choice leaves every published number the same', () => {
    fc.assert(
      fc.property(seatsArb, (all) => {
        const r = control(all);
        // Totals where everyone who voted chose alike tell every vote whatever the breakdowns do.
        fc.pre(cellIsSafe({ ...r.totals, eligible: r.electorate.size }));
        const withheldSubtypes = new Set(r.disclosureControl.withheldSubtypes);
        const hiddenGroups = new Set(r.disclosureControl.withheldStakeholderGroups);
        // Within a published group, swap with someone of another withheld sub-type of it; within a withheld group, with anyone of a withheld group.
        const pool = (s: Seat) => (hiddenGroups.has(s.stakeholderGroup) ? 'hidden-groups' : `in:${s.stakeholderGroup}`);
        all.forEach((v) => {
          if (v.choice === null || !withheldSubtypes.has(v.subtype as OrganisationSubtype)) return;
          const partner = all.findIndex(
            (w) => w.choice !== null && w.choice !== v.choice && withheldSubtypes.has(w.subtype as OrganisationSubtype) && pool(w) === pool(v),
          );
          expect(partner).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
