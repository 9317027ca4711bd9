import type { VoteChoice } from './types';

export interface ReasonPolicy {
  /** The ballot asks a reason for `no` (as ISO asks technical reasons for negative votes). */
  requireReasonForNo: boolean;
}

/** A missing reason, as the field-error code of the API's catalogue. */
export interface VoteReasonProblem {
  code: 'reason-for-recusal' | 'reason-for-no';
  choice: VoteChoice;
}

/** `recuse` always needs a reason (a declared conflict); `no` does when the ballot requires it. */
export function choiceNeedsReason(choice: VoteChoice, policy: ReasonPolicy): boolean {
  switch (choice) {
    case 'recuse':
      return true;
    case 'no':
      return policy.requireReasonForNo;
    case 'yes':
    case 'abstain':
      return false;
  }
}

/** The problem with a vote's reason, or null. A reason of only white space is missing. */
export function validateVoteReason(vote: { choice: VoteChoice; reason?: string | null }, policy: ReasonPolicy): VoteReasonProblem | null {
  if (!choiceNeedsReason(vote.choice, policy) || (vote.reason ?? '').trim() !== '') return null;
  return { code: vote.choice === 'recuse' ? 'reason-for-recusal' : 'reason-for-no', choice: vote.choice };
}
