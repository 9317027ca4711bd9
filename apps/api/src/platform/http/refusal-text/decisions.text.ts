import { utc, type RefusalTexts } from './texts';

const SINCE_AND_AFTER = 'only its current voting members vote, even on a ballot opened before; a vote you cast while a member stays counted';

export const DECISION_TEXT = {
  'sign-in-to-vote': () => 'Sign in to vote',
  'sign-in-to-close': () => 'Sign in to close a ballot',
  'chairs-only-close': () => 'Only a chair of this working group can close a ballot early',
  'no-electorate': () => 'This working group has no voting members with a current affiliation: nobody could vote on this ballot',
  'ballot-group-closed': () => 'This working group is closed',
  'ballot-already-open': () => 'A ballot on this subject is already open',
  'ballot-already-closed': () => 'This ballot is already closed',
  'ballot-closed-at': (p) => `This ballot is already closed (${utc(p.closedAt)})`,
  'ballot-closed': (p) => `This ballot closed on ${utc(p.closedAt)}; votes can no longer be cast or changed`,
  'ballot-past-closing': (p) => `This ballot closed at its closing time, ${utc(p.closesAt)}; votes can no longer be cast or changed`,
  'not-in-electorate': (p) =>
    `You are not in this ballot's electorate: it was fixed when the ballot opened on ${utc(p.openedAt)}, and only the group's voting members at that moment can vote on it`,
  'voter-now-observer': () =>
    'You are now an observer of this working group: only its current voting members vote, even on a ballot opened before; a vote you cast as a member stays counted',
  'voter-left-group': (p) => `You left this working group on ${utc(p.since)}: ${SINCE_AND_AFTER}`,
  'voter-removed-from-group': (p) => `You were removed from this working group on ${utc(p.since)}: ${SINCE_AND_AFTER}`,
  'secret-roll-call': () => 'This ballot is secret: only its totals and breakdowns are published, never a roll call',
  'secret-ballot-votes': () => 'This ballot is secret: its totals are published when it closes, never a voter’s choice',
} satisfies Partial<RefusalTexts>;
