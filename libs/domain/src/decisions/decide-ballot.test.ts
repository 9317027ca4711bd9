import fc from 'fast-check';
import { STAKEHOLDER_GROUPS, SUBTYPES_BY_GROUP } from '../identity/stakeholders';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import { decideBallot } from './decide-ballot';
import { renderExplanation } from './explain';
import { newBallot, Seat } from './test-factories';
import { COUNTING_UNITS, DECISION_RULES } from './types';
import type { BallotResult, BreakdownCounts, ChoiceCounts, CountingUnit, DecisionRule, BallotQuorum, VoteChoice } from './types';

// Organisations interleaved by group (government-0, private-sector-0, civil-society-0, government-1, …);
// each case draws its seats from the first few, so that organisations often have several voters.
const ORGANISATIONS = [0, 1, 2, 3].flatMap((i) =>
  STAKEHOLDER_GROUPS.flatMap((group: StakeholderGroup) => {
    const subtypes: readonly OrganisationSubtype[] = SUBTYPES_BY_GROUP[group];
    return i < subtypes.length ? [{ organisationId: `${group}-${i}`, stakeholderGroup: group, subtype: subtypes[i] }] : [];
  }),
);
const choiceArb = fc.constantFrom<VoteChoice | null>('yes', 'no', 'abstain', 'recuse', null);
const seatsArb: fc.Arbitrary<Seat[]> = fc.integer({ min: 1, max: ORGANISATIONS.length }).chain((pool) =>
  fc.array(
    fc.record({ organisation: fc.constantFrom(...ORGANISATIONS.slice(0, pool)), choice: choiceArb }).map(({ organisation, choice }): Seat => ({ ...organisation, choice })),
    { maxLength: 24 },
  ),
);
const ruleArb = fc.constantFrom<DecisionRule>(...DECISION_RULES);
const unitArb = fc.constantFrom<CountingUnit>(...COUNTING_UNITS);
const quorumArb: fc.Arbitrary<BallotQuorum | null> = fc.option(
  fc.record({
    share: fc.oneof(fc.integer({ min: 0, max: 20 }).map((n) => n / 20), fc.constantFrom(1 / 3, 2 / 3, 0.1 + 0.2), fc.double({ min: 0, max: 1, noNaN: true })),
    perStakeholderGroup: fc.boolean(),
  }),
);

const decide = (seats: Seat[], rule: DecisionRule, countingUnit: CountingUnit, quorum: BallotQuorum | null) => decideBallot(newBallot(seats, { rule, countingUnit, quorum }));

const KEYS = ['yes', 'no', 'abstain', 'recuse', 'notVoted'] as const;
function sum(rows: readonly BreakdownCounts[]): ChoiceCounts & { eligible: number } {
  const total = { yes: 0, no: 0, abstain: 0, recuse: 0, notVoted: 0, eligible: 0 };
  for (const row of rows) {
    for (const k of KEYS) total[k] += row[k];
    total.eligible += row.eligible;
  }
  return total;
}

describe('decideBallot properties', () => {
  it('never turns a passed ballot into a failed one when a person moves from not voting or abstaining to yes (counting people)', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, quorumArb, fc.nat(), (seats, rule, quorum, pick) => {
        const movable = seats.map((s, i) => [s, i] as const).filter(([s]) => s.choice === null || s.choice === 'abstain');
        fc.pre(movable.length > 0);
        const index = movable[pick % movable.length][1];
        const before = decide(seats, rule, 'person', quorum);
        const after = decide(seats.map((s, i) => (i === index ? { ...s, choice: 'yes' as const } : s)), rule, 'person', quorum);
        if (before.outcome === 'passed') expect(after.outcome).toBe('passed');
        expect(after.participation.participants).toBeGreaterThanOrEqual(before.participation.participants);
      }),
      { numRuns: 500 },
    );
  });

  it('never turns a passed ballot into a failed one when a silent person votes yes (counting organisations)', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, quorumArb, fc.nat(), (seats, rule, quorum, pick) => {
        const silent = seats.map((s, i) => [s, i] as const).filter(([s]) => s.choice === null);
        fc.pre(silent.length > 0);
        const index = silent[pick % silent.length][1];
        const before = decide(seats, rule, 'organisation', quorum);
        const after = decide(seats.map((s, i) => (i === index ? { ...s, choice: 'yes' as const } : s)), rule, 'organisation', quorum);
        if (before.outcome === 'passed') expect(after.outcome).toBe('passed');
      }),
      { numRuns: 500 },
    );
  });

  it('never turns a passed ballot into a failed one when an organisation’s silent and abstaining voters all vote yes (counting organisations)', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, quorumArb, fc.constantFrom(...ORGANISATIONS), (seats, rule, quorum, organisation) => {
        const moved = seats.map((s) => (s.organisationId === organisation.organisationId && (s.choice === null || s.choice === 'abstain') ? { ...s, choice: 'yes' as const } : s));
        const before = decide(seats, rule, 'organisation', quorum);
        if (before.outcome === 'passed') expect(decide(moved, rule, 'organisation', quorum).outcome).toBe('passed');
      }),
      { numRuns: 500 },
    );
  });

  it('never gives an organisation more than one counted vote when counting organisations', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, quorumArb, (seats, rule, quorum) => {
        const result = decide(seats, 'majority', 'organisation', quorum);
        const organisations = new Set(seats.map((s) => s.organisationId));
        expect(result.electorate.size).toBe(organisations.size);
        expect(result.byOrganisation).toHaveLength(organisations.size);
        for (const row of result.byOrganisation) {
          expect(row.eligible).toBe(1);
          expect(row.yes + row.no + row.abstain + row.recuse + row.notVoted).toBe(1);
          expect(row.voters.eligible).toBe(seats.filter((s) => s.organisationId === row.organisationId).length);
        }
        expect(result.totals.yes + result.totals.no + result.totals.abstain).toBeLessThanOrEqual(organisations.size);
        expect(decide(seats, rule, 'organisation', quorum).totals).toEqual(result.totals);
      }),
      { numRuns: 300 },
    );
  });

  it('has totals equal to the sum of each breakdown', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, unitArb, quorumArb, (seats, rule, unit, quorum) => {
        const result: BallotResult = decide(seats, rule, unit, quorum);
        const expected = { ...result.totals, eligible: result.electorate.size };
        expect(sum(result.byStakeholderGroup)).toEqual(expected);
        expect(sum(result.bySubtype)).toEqual(expected);
        expect(sum(result.byOrganisation)).toEqual(expected);
        expect(KEYS.reduce((n, k) => n + result.totals[k], 0)).toBe(result.electorate.size);
        expect(sum(result.byOrganisation.map((o) => o.voters)).eligible).toBe(seats.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never passes a ballot without a yes, and gives no-quorum exactly when a quorum was missed', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, unitArb, quorumArb, (seats, rule, unit, quorum) => {
        const result = decide(seats, rule, unit, quorum);
        if (result.totals.yes === 0) expect(result.outcome).not.toBe('passed');
        expect(result.outcome === 'no-quorum').toBe(!result.quorumMet);
        expect(result.quorumMet).toBe(quorum === null || result.quorum?.met === true);
        expect(result.explanationParts[0]).toHaveProperty('outcome', result.outcome);
        expect(result.explanation).toBe(renderExplanation(result.explanationParts));
      }),
      { numRuns: 300 },
    );
  });

  it('meets a quorum exactly when participants × denominator ≥ numerator × base (and someone took part)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(20), fc.nat(60), fc.nat(60), fc.nat(10), (denominator, k, participants, silent, recused) => {
        const numerator = Math.min(k, denominator);
        const seats: Seat[] = [
          ...Array.from({ length: participants }, (_, i): Seat => ({ organisationId: `p${i}`, stakeholderGroup: 'government', choice: 'yes' })),
          ...Array.from({ length: silent }, (_, i): Seat => ({ organisationId: `s${i}`, stakeholderGroup: 'government', choice: null })),
          ...Array.from({ length: recused }, (_, i): Seat => ({ organisationId: `r${i}`, stakeholderGroup: 'government', choice: 'recuse' })),
        ];
        const result = decide(seats, 'majority', 'person', { share: numerator / denominator });
        const base = participants + silent;
        const expected = numerator === 0 || (participants > 0 && participants * denominator >= numerator * base);
        expect(result.quorumMet).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('is the same whatever the order of the electorate', () => {
    fc.assert(
      fc.property(seatsArb, ruleArb, unitArb, quorumArb, (seats, rule, unit, quorum) => {
        const forward = decide(seats, rule, unit, quorum);
        const { electorate, votes } = newBallot(seats);
        const reversed = decideBallot({ electorate: [...electorate].reverse(), votes: [...votes].reverse(), rule, countingUnit: unit, quorum });
        expect(reversed.outcome).toBe(forward.outcome);
        expect(reversed.totals).toEqual(forward.totals);
        expect(reversed.explanation).toBe(forward.explanation);
      }),
      { numRuns: 200 },
    );
  });
});
