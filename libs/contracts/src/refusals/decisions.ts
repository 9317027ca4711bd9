import { spec } from './define';

/** Ballots and votes (decisions/ballot.policy.ts and the ballot services). Dates are ISO 8601. */
export const DECISION_REFUSALS = {
  'sign-in-to-vote': spec(401),
  'sign-in-to-close': spec(401),
  'chairs-only-close': spec(403),
  'no-electorate': spec(409),
  'ballot-group-closed': spec(409),
  'ballot-already-open': spec(409),
  'ballot-already-closed': spec(409),
  'ballot-closed-at': spec<{ closedAt: string }>(409),
  'ballot-closed': spec<{ closedAt: string }>(409),
  'ballot-past-closing': spec<{ closesAt: string }>(409),
  'not-in-electorate': spec<{ openedAt: string }>(403),
  'voter-now-observer': spec(403),
  'voter-left-group': spec<{ since: string }>(403),
  'voter-removed-from-group': spec<{ since: string }>(403),
  'secret-roll-call': spec(403),
  'secret-ballot-votes': spec(409),
} as const;
