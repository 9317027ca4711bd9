import { decideBallot } from './decide-ballot';
import { participantsNeeded, shareToFraction } from './quorum';
import { newBallot, seat, seats, seatsWithTotals } from './test-factories';
import type { BallotQuorum } from './types';

describe('shareToFraction', () => {
  it.each([
    [0, 0, 1],
    [1, 1, 1],
    [0.5, 1, 2],
    [2 / 3, 2, 3],
    [1 / 3, 1, 3],
    [0.6, 3, 5],
    [0.25, 1, 4],
    [0.1 + 0.2, 3, 10],
    [0.07, 7, 100],
    [0.123, 123, 1000],
  ])('reads %p as %p/%p', (share, numerator, denominator) => {
    expect(shareToFraction(share)).toEqual({ numerator, denominator });
  });

  it.each([-0.1, 1.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (share) => {
    expect(() => shareToFraction(share)).toThrow(RangeError);
  });
});

describe('participantsNeeded', () => {
  it.each([
    [1, 2, 6, 3],
    [1, 2, 12, 6],
    [1, 2, 7, 4],
    [2, 3, 3, 2],
    [2, 3, 9, 6],
    [2, 3, 10, 7],
    [1, 3, 3, 1],
    [3, 10, 10, 3],
    [7, 100, 100, 7],
    [1, 1, 5, 5],
    [0, 1, 5, 0],
    [1, 2, 0, 1], // a positive share is never met by nobody, even when everyone recused
    [1, 100, 3, 1],
  ])('%p/%p of %p needs %p', (numerator, denominator, base, needed) => {
    expect(participantsNeeded({ numerator, denominator }, base)).toBe(needed);
  });
});

describe('quorum in a ballot', () => {
  const decide = (totals: Parameters<typeof seatsWithTotals>[0], quorum: BallotQuorum) => decideBallot(newBallot(seatsWithTotals(totals), { quorum }));

  // [case, totals, share, quorum met]
  const cases: [string, Parameters<typeof seatsWithTotals>[0], number, boolean][] = [
    ['exactly half of 6 meets 50%', { yes: 3, notVoted: 3 }, 0.5, true],
    ['one short of half of 6 misses 50%', { yes: 2, notVoted: 4 }, 0.5, false],
    ['half of 7 rounds up: 4 meet 50%', { yes: 4, notVoted: 3 }, 0.5, true],
    ['3.5 of 7 is not enough: 3 miss 50%', { yes: 3, notVoted: 4 }, 0.5, false],
    ['2 of 3 meet two thirds given as 2/3', { yes: 2, notVoted: 1 }, 2 / 3, true],
    ['3 of 10 meet 0.1 + 0.2 despite floating point', { yes: 3, notVoted: 7 }, 0.1 + 0.2, true],
    ['7 of 100 meet 7% (0.07 × 100 is 7.000000000000001 in floating point)', { yes: 7, notVoted: 93 }, 0.07, true],
    ['6 of 100 miss 7%', { yes: 6, notVoted: 94 }, 0.07, false],
    ['abstentions take part', { abstain: 2, yes: 1, notVoted: 3 }, 0.5, true],
    ['no votes take part', { no: 3, notVoted: 3 }, 0.5, true],
    ['recusals leave the base: 3 of 6 after 4 recused', { yes: 3, recuse: 4, notVoted: 3 }, 0.5, true],
    ['recusals do not take part: 2 of 6 after 4 recused', { yes: 2, recuse: 4, notVoted: 4 }, 0.5, false],
    ['everyone recused: nobody took part', { recuse: 4 }, 0.5, false],
    ['a 100% quorum needs everyone not recused', { yes: 4, recuse: 1 }, 1, true],
    ['a 100% quorum misses one silent member', { yes: 4, notVoted: 1 }, 1, false],
    ['a 0% quorum is met by nobody', { notVoted: 5 }, 0, true],
    ['an empty electorate never meets a positive quorum', {}, 0.5, false],
  ];
  it.each(cases)('%s', (_, totals, share, met) => {
    const result = decide(totals, { share });
    expect(result.quorumMet).toBe(met);
    expect(result.quorum?.met).toBe(met);
    if (!met) expect(result.outcome).toBe('no-quorum');
  });

  it('reports the check in integers', () => {
    const result = decide({ yes: 4, notVoted: 8 }, { share: 0.5 });
    expect(result.quorum).toEqual({
      share: 0.5,
      fraction: { numerator: 1, denominator: 2 },
      perStakeholderGroup: false,
      overall: { participants: 4, base: 12, needed: 6, met: false },
      byStakeholderGroup: null,
      met: false,
    });
    expect(result.explanation).toBe('No quorum: 4 of 12 took part; 50% (6) was needed.');
  });

  it('has no quorum result when the ballot has no quorum', () => {
    const result = decideBallot(newBallot(seatsWithTotals({ yes: 1, notVoted: 9 })));
    expect(result).toMatchObject({ quorum: null, quorumMet: true, outcome: 'passed' });
  });
});

describe('quorum per stakeholder group', () => {
  const allGroups = [...seats(2, 'government', 'yes'), ...seats(2, 'government', null), ...seats(3, 'private-sector', 'yes'), ...seats(1, 'civil-society', 'yes')];

  it('applies the share in each stakeholder group under chambered', () => {
    const lagging = [...seats(1, 'government', 'yes'), ...seats(3, 'government', null), ...seats(3, 'private-sector', 'yes'), ...seats(1, 'civil-society', 'yes')];
    const result = decideBallot(newBallot(lagging, { rule: 'chambered', quorum: { share: 0.5, perStakeholderGroup: true } }));
    expect(result.quorum?.overall.met).toBe(true); // 5 of 8 overall
    expect(result.quorum?.byStakeholderGroup).toEqual([
      { stakeholderGroup: 'government', participants: 1, base: 4, needed: 2, met: false },
      { stakeholderGroup: 'private-sector', participants: 3, base: 3, needed: 2, met: true },
      { stakeholderGroup: 'civil-society', participants: 1, base: 1, needed: 1, met: true },
    ]);
    expect(result.outcome).toBe('no-quorum');
    expect(result.explanation).toBe('No quorum: government 1 of 4 took part (2 needed); 50% was needed in every stakeholder group.');
  });

  it('passes when every group meets the share exactly', () => {
    const result = decideBallot(newBallot(allGroups, { rule: 'chambered', quorum: { share: 0.5, perStakeholderGroup: true } }));
    expect(result).toMatchObject({ quorumMet: true, outcome: 'passed' });
  });

  it('ignores a stakeholder group with no eligible voters', () => {
    const noCivilSociety = [...seats(2, 'government', 'yes'), ...seats(2, 'private-sector', 'yes')];
    const result = decideBallot(newBallot(noCivilSociety, { rule: 'chambered', quorum: { share: 1, perStakeholderGroup: true } }));
    expect(result.quorum?.byStakeholderGroup?.map((g) => g.stakeholderGroup)).toEqual(['government', 'private-sector']);
    expect(result.outcome).toBe('passed');
  });

  it('applies the share to the whole electorate under other rules', () => {
    const lagging = [...seats(1, 'government', 'yes'), ...seats(3, 'government', null), ...seats(3, 'private-sector', 'yes'), ...seats(1, 'civil-society', 'yes')];
    const result = decideBallot(newBallot(lagging, { rule: 'majority', quorum: { share: 0.5, perStakeholderGroup: true } }));
    expect(result.quorum).toMatchObject({ perStakeholderGroup: false, byStakeholderGroup: null, met: true });
    expect(result.outcome).toBe('passed');
  });

  it('applies the share to the whole electorate under chambered when not asked per group', () => {
    const lagging = [...seats(1, 'government', 'yes'), ...seats(3, 'government', null), ...seats(3, 'private-sector', 'yes'), ...seats(1, 'civil-society', 'yes')];
    const result = decideBallot(newBallot(lagging, { rule: 'chambered', quorum: { share: 0.5 } }));
    expect(result).toMatchObject({ quorumMet: true, outcome: 'passed' });
  });
});

describe('quorum counting organisations', () => {
  it('uses organisations as the base, so a packed organisation cannot make the quorum alone', () => {
    const packed = [...Array.from({ length: 6 }, () => seat('acme', 'private-sector', 'yes')), ...seats(2, 'government', null)];
    const byPerson = decideBallot(newBallot(packed, { quorum: { share: 0.5 } }));
    const byOrganisation = decideBallot(newBallot(packed, { countingUnit: 'organisation', quorum: { share: 0.5 } }));
    expect(byPerson.outcome).toBe('passed');
    expect(byOrganisation.quorum?.overall).toEqual({ participants: 1, base: 3, needed: 2, met: false });
    expect(byOrganisation.explanation).toBe(
      'No quorum: 1 of 3 took part; 50% (2) was needed. Counted by organisation: 3 organisations for 8 voters, each with its voters\' most common choice (a tie counts as abstain).',
    );
  });
});
