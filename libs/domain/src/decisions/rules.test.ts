import { decideBallot } from './decide-ballot';
import { newBallot, seat, seats, seatsWithTotals } from './test-factories';
import type { BallotOutcome, DecisionRule } from './types';

type Totals = { yes?: number; no?: number; abstain?: number; recuse?: number; notVoted?: number };
const decide = (rule: DecisionRule, totals: Totals) => decideBallot(newBallot(seatsWithTotals(totals), { rule }));

// [case, totals, outcome, explanation]
type Case = [string, Totals, BallotOutcome, string];

describe('majority: yes > no, abstentions and recusals count neither way', () => {
  const cases: Case[] = [
    ['more yes than no', { yes: 7, no: 2, abstain: 3 }, 'passed', 'Passed: 7 yes – 2 no (3 abstentions); a simple majority of yes over no was needed.'],
    ['a single yes', { yes: 1, notVoted: 9 }, 'passed', 'Passed: 1 yes – 0 no; a simple majority of yes over no was needed.'],
    ['a tie', { yes: 3, no: 3, abstain: 1 }, 'failed', 'Failed: 3 yes – 3 no (1 abstention); a simple majority of yes over no was needed.'],
    ['more no than yes', { yes: 2, no: 3 }, 'failed', 'Failed: 2 yes – 3 no; a simple majority of yes over no was needed.'],
    ['abstentions outnumbering yes do not matter', { yes: 2, no: 1, abstain: 10 }, 'passed', 'Passed: 2 yes – 1 no (10 abstentions); a simple majority of yes over no was needed.'],
    ['recusals do not matter', { yes: 1, recuse: 5 }, 'passed', 'Passed: 1 yes – 0 no (5 recused); a simple majority of yes over no was needed.'],
    ['all abstain', { abstain: 4 }, 'failed', 'Failed: 0 yes – 0 no (4 abstentions); a simple majority of yes over no was needed.'],
    ['no votes at all', { notVoted: 5 }, 'failed', 'Failed: nobody took part.'],
    ['everyone recused', { recuse: 3 }, 'failed', 'Failed: nobody took part (3 recused).'],
    ['an empty electorate', {}, 'failed', 'Failed: nobody took part; the electorate was empty.'],
  ];
  it.each(cases)('%s', (_, totals, outcome, explanation) => {
    expect(decide('majority', totals)).toMatchObject({ outcome, explanation });
  });
});

describe('supermajority: yes ≥ 2/3 of (yes + no), and at least one yes', () => {
  const cases: Case[] = [
    ['exactly two thirds', { yes: 2, no: 1 }, 'passed', 'Passed: 2 yes – 1 no; a two-thirds majority of the yes and no votes (2 of 3) was needed.'],
    ['exactly two thirds of 9', { yes: 6, no: 3, abstain: 2 }, 'passed', 'Passed: 6 yes – 3 no (2 abstentions); a two-thirds majority of the yes and no votes (6 of 9) was needed.'],
    ['just under two thirds', { yes: 5, no: 3 }, 'failed', 'Failed: 5 yes – 3 no; a two-thirds majority of the yes and no votes (6 of 8) was needed.'],
    ['66 of 100 is under two thirds', { yes: 66, no: 34 }, 'failed', 'Failed: 66 yes – 34 no; a two-thirds majority of the yes and no votes (67 of 100) was needed.'],
    ['67 of 100 is over two thirds', { yes: 67, no: 33 }, 'passed', 'Passed: 67 yes – 33 no; a two-thirds majority of the yes and no votes (67 of 100) was needed.'],
    ['a simple majority is not enough', { yes: 3, no: 2 }, 'failed', 'Failed: 3 yes – 2 no; a two-thirds majority of the yes and no votes (4 of 5) was needed.'],
    ['unanimous yes', { yes: 1 }, 'passed', 'Passed: 1 yes – 0 no; a two-thirds majority of the yes and no votes (1 of 1) was needed.'],
    ['only no', { no: 1 }, 'failed', 'Failed: 0 yes – 1 no; a two-thirds majority of the yes and no votes (1 of 1) was needed.'],
    ['all abstain: 0 – 0 fails', { abstain: 3 }, 'failed', 'Failed: 0 yes – 0 no (3 abstentions); at least one yes and a two-thirds majority of the yes and no votes were needed.'],
    ['no votes at all', { notVoted: 3 }, 'failed', 'Failed: nobody took part.'],
  ];
  it.each(cases)('%s', (_, totals, outcome, explanation) => {
    expect(decide('supermajority', totals)).toMatchObject({ outcome, explanation });
  });
});

describe('consensus: nobody voted no, abstaining is standing aside, at least one yes', () => {
  const cases: Case[] = [
    ['yes with some standing aside', { yes: 5, abstain: 2 }, 'passed', 'Passed: 5 yes – 0 no (2 standing aside); consensus needed at least one yes and nobody voting no.'],
    ['a single yes and silence', { yes: 1, notVoted: 4 }, 'passed', 'Passed: 1 yes – 0 no; consensus needed at least one yes and nobody voting no.'],
    ['one no blocks', { yes: 9, no: 1 }, 'failed', 'Failed: 9 yes – 1 no; consensus needed at least one yes and nobody voting no.'],
    ['recusals do not block', { yes: 2, recuse: 1 }, 'passed', 'Passed: 2 yes – 0 no (1 recused); consensus needed at least one yes and nobody voting no.'],
    ['all stand aside: nobody supports it', { abstain: 4 }, 'failed', 'Failed: 0 yes – 0 no (4 standing aside); consensus needed at least one yes and nobody voting no.'],
    ['no votes at all', { notVoted: 4 }, 'failed', 'Failed: nobody took part.'],
    ['everyone recused', { recuse: 2 }, 'failed', 'Failed: nobody took part (2 recused).'],
  ];
  it.each(cases)('%s', (_, totals, outcome, explanation) => {
    expect(decide('consensus', totals)).toMatchObject({ outcome, explanation });
  });

  it('is no-quorum, not failed, when nobody took part and a quorum applies', () => {
    const result = decideBallot(newBallot(seatsWithTotals({ notVoted: 4 }), { rule: 'consensus', quorum: { share: 0.25 } }));
    expect(result).toMatchObject({ outcome: 'no-quorum', explanation: 'No quorum: 0 of 4 took part; 25% (1) was needed.' });
  });
});

describe('chambered: a majority in each stakeholder group that has eligible voters', () => {
  const chambered = (...all: ReturnType<typeof seats>[]) => decideBallot(newBallot(all.flat(), { rule: 'chambered' }));
  const g = (group: Parameters<typeof seats>[1], yes: number, no: number, abstain = 0, recuse = 0, notVoted = 0) => seatsWithTotals({ yes, no, abstain, recuse, notVoted }, group);

  const cases: [string, ReturnType<typeof seats>[], BallotOutcome, string][] = [
    [
      'a majority in every group',
      [g('government', 3, 1), g('private-sector', 2, 1), g('civil-society', 4, 0)],
      'passed',
      'Passed: government 3 yes – 1 no, private-sector 2 yes – 1 no, civil-society 4 yes – 0 no; a majority is needed in every stakeholder group.',
    ],
    [
      'one group against, though the total is for',
      [g('government', 5, 0), g('private-sector', 2, 5), g('civil-society', 6, 0)],
      'failed',
      'Failed: private-sector 2 yes – 5 no; a majority is needed in every stakeholder group.',
    ],
    [
      'a tie in one group',
      [g('government', 2, 1), g('private-sector', 1, 1, 1), g('civil-society', 1, 0)],
      'failed',
      'Failed: private-sector 1 yes – 1 no (1 abstention); a majority is needed in every stakeholder group.',
    ],
    [
      'a group where everyone abstained',
      [g('government', 2, 0), g('private-sector', 0, 0, 3), g('civil-society', 1, 0)],
      'failed',
      'Failed: private-sector 0 yes – 0 no (3 abstentions); a majority is needed in every stakeholder group.',
    ],
    [
      'a group where nobody voted',
      [g('government', 2, 0), g('private-sector', 1, 0), g('civil-society', 0, 0, 0, 0, 2)],
      'failed',
      'Failed: civil-society 0 yes – 0 no; a majority is needed in every stakeholder group.',
    ],
    [
      'a group where everyone recused',
      [g('government', 2, 0), g('private-sector', 0, 0, 0, 2), g('civil-society', 1, 0)],
      'failed',
      'Failed: private-sector 0 yes – 0 no (2 recused); a majority is needed in every stakeholder group.',
    ],
    [
      'two groups against',
      [g('government', 0, 1), g('private-sector', 3, 0), g('civil-society', 1, 2)],
      'failed',
      'Failed: government 0 yes – 1 no, civil-society 1 yes – 2 no; a majority is needed in every stakeholder group.',
    ],
    [
      'a group with no eligible voters is ignored',
      [g('government', 2, 1), g('private-sector', 1, 0)],
      'passed',
      'Passed: government 2 yes – 1 no, private-sector 1 yes – 0 no; a majority is needed in every stakeholder group. civil-society had no eligible voters and was not counted.',
    ],
    [
      'two groups with no eligible voters are ignored',
      [g('private-sector', 0, 1)],
      'failed',
      'Failed: private-sector 0 yes – 1 no; a majority is needed in every stakeholder group. government and civil-society had no eligible voters and were not counted.',
    ],
    ['an empty electorate', [], 'failed', 'Failed: nobody took part; the electorate was empty.'],
  ];
  it.each(cases)('%s', (_, groups, outcome, explanation) => {
    expect(chambered(...groups)).toMatchObject({ outcome, explanation });
  });

  it('gives the tally of each counted group in machine form', () => {
    const result = chambered(g('government', 5, 0), g('private-sector', 2, 5));
    expect(result.explanationParts).toEqual([
      {
        code: 'chambered',
        outcome: 'failed',
        groups: [
          { stakeholderGroup: 'government', yes: 5, no: 0, abstain: 0, recuse: 0, passed: true },
          { stakeholderGroup: 'private-sector', yes: 2, no: 5, abstain: 0, recuse: 0, passed: false },
        ],
        failedGroups: ['private-sector'],
      },
      { code: 'groups-without-voters', groups: ['civil-society'] },
    ]);
  });
});

describe('counting organisations', () => {
  // Five delegates of one company against two governments.
  const packed = [...Array.from({ length: 5 }, () => seat('acme', 'private-sector', 'yes')), seat('gov-a', 'government', 'no'), seat('gov-b', 'government', 'no')];

  it('stops a packed organisation from outvoting others', () => {
    expect(decideBallot(newBallot(packed)).outcome).toBe('passed');
    const result = decideBallot(newBallot(packed, { countingUnit: 'organisation' }));
    expect(result.totals).toEqual({ yes: 1, no: 2, abstain: 0, recuse: 0, notVoted: 0 });
    expect(result.outcome).toBe('failed');
    expect(result.explanation).toBe(
      "Failed: 1 yes – 2 no; a simple majority of yes over no was needed. Counted by organisation: 3 organisations for 7 voters, each with its voters' most common choice (a tie counts as abstain).",
    );
  });

  it('counts an organisation split evenly as an abstention', () => {
    const split = [seat('acme', 'private-sector', 'yes'), seat('acme', 'private-sector', 'no'), seat('gov-a', 'government', 'yes')];
    const result = decideBallot(newBallot(split, { countingUnit: 'organisation', rule: 'consensus' }));
    expect(result.totals).toMatchObject({ yes: 1, no: 0, abstain: 1 });
    expect(result.outcome).toBe('passed');
  });

  it('counts organisations in each chamber', () => {
    const chambers = [...packed, seat('ngo-a', 'civil-society', 'yes')];
    const result = decideBallot(newBallot(chambers, { countingUnit: 'organisation', rule: 'chambered' }));
    expect(result.explanation).toMatch(/^Failed: government 0 yes – 2 no; a majority is needed in every stakeholder group\./);
  });

  it('can turn an organisation from abstain to no when one of its voters moves from abstain to yes (the tie rule)', () => {
    // Documented limit of "a tie counts as abstain": the no–abstain tie becomes a clear no.
    const before = [seat('acme', 'private-sector', 'no'), seat('acme', 'private-sector', 'no'), seat('acme', 'private-sector', 'abstain'), seat('acme', 'private-sector', 'abstain'), seat('gov-a', 'government', 'yes')];
    const after = before.map((s, i) => (i === 2 ? { ...s, choice: 'yes' as const } : s));
    expect(decideBallot(newBallot(before, { countingUnit: 'organisation' })).outcome).toBe('passed');
    expect(decideBallot(newBallot(after, { countingUnit: 'organisation' })).outcome).toBe('failed');
  });
});

describe('precedence', () => {
  it('reports no quorum before the rule', () => {
    const result = decideBallot(newBallot(seatsWithTotals({ yes: 2, notVoted: 8 }), { quorum: { share: 0.5 } }));
    expect(result).toMatchObject({ quorumMet: false, outcome: 'no-quorum' });
    expect(result.explanationParts).toEqual([
      { code: 'quorum-not-met', outcome: 'no-quorum', participants: 2, base: 10, recused: 0, needed: 5, share: { numerator: 1, denominator: 2 } },
    ]);
  });

  it('names recusals in a missed quorum', () => {
    const result = decideBallot(newBallot(seatsWithTotals({ yes: 4, recuse: 2, notVoted: 6 }), { quorum: { share: 0.5 } }));
    expect(result.explanation).toBe('No quorum: 4 of 10 took part (2 recused); 50% (5) was needed.');
  });

  it('decides by the rule once the quorum is met', () => {
    const result = decideBallot(newBallot(seatsWithTotals({ yes: 2, no: 3, notVoted: 5 }), { quorum: { share: 0.5 } }));
    expect(result).toMatchObject({ quorumMet: true, outcome: 'failed' });
  });

  it('formats a share that is not a whole percentage', () => {
    const result = decideBallot(newBallot(seatsWithTotals({ yes: 1, notVoted: 2 }), { quorum: { share: 2 / 3 } }));
    expect(result.explanation).toBe('No quorum: 1 of 3 took part; 66.7% (2) was needed.');
  });
});
