import { ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS } from '../identity/stakeholders';
import { tallyBallot } from './tally';
import { electorateOf, seat, seats } from './test-factories';

describe('tallyBallot, counting people', () => {
  const { electorate, votes } = electorateOf([
    seat('gov-fr', 'government', 'yes'),
    seat('gov-fr', 'government', 'no'),
    seat('city-paris', 'government', 'abstain', 'local'),
    seat('acme', 'private-sector', 'yes'),
    seat('acme', 'private-sector', 'recuse'),
    seat('acme', 'private-sector', null),
    seat('ngo-a', 'civil-society', 'yes', 'ngo'),
  ]);
  const tally = tallyBallot({ electorate, votes, countingUnit: 'person' });

  it('counts each choice and who did not vote', () => {
    expect(tally.totals).toEqual({ yes: 3, no: 1, abstain: 1, recuse: 1, notVoted: 1 });
    expect(tally.electorate).toEqual({ size: 7, people: 7, organisations: 4 });
  });

  it('removes recusals from the participation base', () => {
    expect(tally.participation).toEqual({ participants: 5, base: 6, ratio: 5 / 6 });
  });

  it('breaks the count down by stakeholder group, with a row for every group', () => {
    expect(tally.byStakeholderGroup.map((g) => g.stakeholderGroup)).toEqual([...STAKEHOLDER_GROUPS]);
    expect(tally.byStakeholderGroup).toEqual([
      { stakeholderGroup: 'government', yes: 1, no: 1, abstain: 1, recuse: 0, notVoted: 0, eligible: 3 },
      { stakeholderGroup: 'private-sector', yes: 1, no: 0, abstain: 0, recuse: 1, notVoted: 1, eligible: 3 },
      { stakeholderGroup: 'civil-society', yes: 1, no: 0, abstain: 0, recuse: 0, notVoted: 0, eligible: 1 },
    ]);
  });

  it('breaks the count down by sub-type, with a row for every sub-type', () => {
    expect(tally.bySubtype.map((s) => s.subtype)).toEqual(ORGANISATION_SUBTYPES);
    expect(tally.bySubtype.find((s) => s.subtype === 'local')).toEqual({
      stakeholderGroup: 'government',
      subtype: 'local',
      yes: 0,
      no: 0,
      abstain: 1,
      recuse: 0,
      notVoted: 0,
      eligible: 1,
    });
    expect(tally.bySubtype.find((s) => s.subtype === 'academia')).toMatchObject({ stakeholderGroup: 'civil-society', eligible: 0 });
  });

  it('breaks the count down by organisation, sorted by name', () => {
    expect(tally.byOrganisation.map((o) => o.organisationId)).toEqual(['acme', 'city-paris', 'gov-fr', 'ngo-a']);
    expect(tally.byOrganisation[0]).toMatchObject({ organisationName: 'Organisation acme', yes: 1, recuse: 1, notVoted: 1, eligible: 3 });
    expect(tally.byOrganisation[0].voters).toEqual({ yes: 1, no: 0, abstain: 0, recuse: 1, notVoted: 1, eligible: 3 });
  });

  it('keeps every vote and its reason in the roll call, in electorate order', () => {
    expect(tally.rollCall).toHaveLength(7);
    expect(tally.rollCall[4]).toMatchObject({ voterId: 'voter-4', choice: 'recuse', reason: 'declared conflict' });
    expect(tally.rollCall[5]).toMatchObject({ voterId: 'voter-5', choice: null, reason: null });
  });
});

describe('tallyBallot, votes', () => {
  const { electorate } = electorateOf(seats(2, 'government', null));

  it('ignores votes from people outside the electorate, and names them', () => {
    const tally = tallyBallot({ electorate, votes: [{ voterId: 'stranger', choice: 'yes' }, { voterId: 'voter-0', choice: 'no' }], countingUnit: 'person' });
    expect(tally.totals).toEqual({ yes: 0, no: 1, abstain: 0, recuse: 0, notVoted: 1 });
    expect(tally.ignoredVoterIds).toEqual(['stranger']);
  });

  it('counts the last of a voter’s votes when a vote was changed', () => {
    const votes = [
      { voterId: 'voter-0', choice: 'no' as const, reason: 'first thoughts' },
      { voterId: 'voter-0', choice: 'yes' as const },
    ];
    const tally = tallyBallot({ electorate, votes, countingUnit: 'person' });
    expect(tally.totals).toMatchObject({ yes: 1, no: 0 });
    expect(tally.rollCall[0]).toMatchObject({ choice: 'yes', reason: null });
  });

  it('refuses an electorate that lists a voter twice', () => {
    expect(() => tallyBallot({ electorate: [electorate[0], electorate[0]], votes: [], countingUnit: 'person' })).toThrow(/twice/);
  });

  it('gives an empty participation ratio for an empty electorate', () => {
    expect(tallyBallot({ electorate: [], votes: [], countingUnit: 'organisation' }).participation).toEqual({ participants: 0, base: 0, ratio: null });
  });
});

describe('tallyBallot, counting organisations', () => {
  const { electorate, votes } = electorateOf([
    ...Array.from({ length: 5 }, () => seat('acme', 'private-sector', 'yes')), // a packed organisation
    seat('gov-fr', 'government', 'no'),
    seat('ngo-a', 'civil-society', 'yes'),
    seat('ngo-a', 'civil-society', 'no'), // a tie: abstain
    seat('ngo-b', 'civil-society', 'recuse'),
    seat('ngo-b', 'civil-society', 'recuse'), // all recused: recused
    seat('uni', 'civil-society', null, 'academia'), // nobody voted: not voted
  ]);
  const tally = tallyBallot({ electorate, votes, countingUnit: 'organisation' });

  it('counts each organisation once', () => {
    expect(tally.totals).toEqual({ yes: 1, no: 1, abstain: 1, recuse: 1, notVoted: 1 });
    expect(tally.electorate).toEqual({ size: 5, people: 11, organisations: 5 });
  });

  it('uses organisations as the participation base', () => {
    expect(tally.participation).toEqual({ participants: 3, base: 4, ratio: 0.75 });
  });

  it('counts organisations in the breakdowns and keeps the people behind them', () => {
    const acme = tally.byOrganisation.find((o) => o.organisationId === 'acme');
    expect(acme).toMatchObject({ yes: 1, eligible: 1, voters: { yes: 5, eligible: 5 } });
    expect(tally.byStakeholderGroup.find((g) => g.stakeholderGroup === 'civil-society')).toMatchObject({
      yes: 0,
      no: 0,
      abstain: 1,
      recuse: 1,
      notVoted: 1,
      eligible: 3,
    });
    expect(tally.bySubtype.find((s) => s.subtype === 'academia')).toMatchObject({ notVoted: 1, eligible: 1 });
  });

  it('still lists every person’s vote in the roll call', () => {
    expect(tally.rollCall).toHaveLength(11);
  });
});
