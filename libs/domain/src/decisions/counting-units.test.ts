import { countedUnits, latestVotes, resolveOrganisationChoice } from './counting-units';
import { electorateOf, seat } from './test-factories';
import type { UnitChoice, VoteChoice } from './types';

describe('resolveOrganisationChoice', () => {
  const cases: [string, (VoteChoice | null)[], UnitChoice][] = [
    ['one yes', ['yes'], 'yes'],
    ['one no', ['no'], 'no'],
    ['one abstain', ['abstain'], 'abstain'],
    ['a clear most common choice', ['yes', 'yes', 'no'], 'yes'],
    ['most common no despite yes and abstain', ['no', 'no', 'yes', 'abstain'], 'no'],
    ['abstain as the most common choice', ['abstain', 'abstain', 'yes'], 'abstain'],
    ['a yes–no tie counts as abstain', ['yes', 'no'], 'abstain'],
    ['a three-way tie counts as abstain', ['yes', 'no', 'abstain'], 'abstain'],
    ['a no–abstain tie counts as abstain', ['no', 'no', 'abstain', 'abstain', 'yes'], 'abstain'],
    ['a yes–yes–no–no tie with a lone abstain counts as abstain', ['yes', 'yes', 'no', 'no', 'abstain'], 'abstain'],
    ['recusing voters are removed before counting', ['recuse', 'recuse', 'no'], 'no'],
    ['a tie left after removing recusals counts as abstain', ['recuse', 'yes', 'no'], 'abstain'],
    ['silent members do not count towards the most common choice', [null, null, 'no'], 'no'],
    ['all voters recused: recused', ['recuse', 'recuse'], 'recuse'],
    ['nobody voted: not voted', [null, null], 'notVoted'],
    ['one recusal and one silent member: not voted', ['recuse', null], 'notVoted'],
    ['no members at all: not voted', [], 'notVoted'],
  ];
  it.each(cases)('%s', (_, choices, expected) => {
    expect(resolveOrganisationChoice(choices)).toBe(expected);
  });

  it('does not depend on the order of the voters', () => {
    const choices: (VoteChoice | null)[] = ['no', 'yes', 'recuse', 'yes', null, 'abstain'];
    expect(resolveOrganisationChoice([...choices].reverse())).toBe(resolveOrganisationChoice(choices));
    expect(resolveOrganisationChoice(choices)).toBe('yes');
  });
});

describe('countedUnits under the organisation unit: unconfirmed affiliations', () => {
  it('never merge into the organisation’s choice: each unconfirmed voter is a unit of their own', () => {
    const { electorate, votes } = electorateOf([seat('japan', 'government', 'yes'), seat('japan', 'government', 'no'), seat('japan', 'government', 'no')]);
    // The two "no" voters declared Japan, but Japan never confirmed them.
    const declared = electorate.map((v, i) => (i === 0 ? v : { ...v, snapshot: { ...v.snapshot, confirmation: null } }));
    const units = countedUnits(declared, latestVotes(declared, votes).byVoter, 'organisation');
    expect(units.map((u) => [u.key, u.choice])).toEqual([
      ['japan', 'yes'],
      ['unconfirmed:voter-1', 'no'],
      ['unconfirmed:voter-2', 'no'],
    ]);
  });
});
