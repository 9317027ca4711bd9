import { choiceNeedsReason, validateVoteReason } from './reasons';
import type { VoteChoice } from './types';

describe('choiceNeedsReason', () => {
  const cases: [VoteChoice, boolean, boolean][] = [
    ['recuse', false, true],
    ['recuse', true, true],
    ['no', false, false],
    ['no', true, true],
    ['yes', true, false],
    ['yes', false, false],
    ['abstain', true, false],
    ['abstain', false, false],
  ];
  it.each(cases)('%s when a reason for no is required: %s → %s', (choice, requireReasonForNo, expected) => {
    expect(choiceNeedsReason(choice, { requireReasonForNo })).toBe(expected);
  });
});

describe('validateVoteReason', () => {
  const strict = { requireReasonForNo: true };
  const lenient = { requireReasonForNo: false };
  it.each([
    ['a recusal without a reason', { choice: 'recuse' as const }, lenient, 'recuse'],
    ['a recusal with a null reason', { choice: 'recuse' as const, reason: null }, lenient, 'recuse'],
    ['a recusal with a blank reason', { choice: 'recuse' as const, reason: '   ' }, lenient, 'recuse'],
    ['a no without a reason when one is required', { choice: 'no' as const, reason: '' }, strict, 'no'],
  ])('refuses %s', (_, vote, policy, choice) => {
    expect(validateVoteReason(vote, policy)).toEqual({ code: choice === 'recuse' ? 'reason-for-recusal' : 'reason-for-no', choice });
  });

  it.each([
    ['a recusal with a reason', { choice: 'recuse' as const, reason: 'I advise the company concerned' }, lenient],
    ['a no without a reason when none is required', { choice: 'no' as const }, lenient],
    ['a no with a reason when one is required', { choice: 'no' as const, reason: 'Clause 3 conflicts with clause 5' }, strict],
    ['a yes without a reason', { choice: 'yes' as const }, strict],
    ['an abstention without a reason', { choice: 'abstain' as const, reason: null }, strict],
  ])('accepts %s', (_, vote, policy) => {
    expect(validateVoteReason(vote, policy)).toBeNull();
  });
});
