import { spec } from './define';

/** Endorsing an adopted text on behalf of an organisation (endorsements/endorsement.policy.ts). */
export const ENDORSEMENT_REFUSALS = {
  'sign-in-to-endorse': spec(401),
  'needs-affiliation-to-endorse': spec(403),
  'all-organisations-endorsed': spec(409),
  'endorse-needs-adoption': spec<{ version: number }>(409),
  'no-affiliation-to-endorse': spec<{ organisation: string }>(403),
  'unconfirmed-affiliation': spec<{ organisation: string; act: 'endorse' | 'withdraw' }>(403),
  'already-endorsed': spec<{ organisation: string; version: number; endorser: string; date: string }>(409),
  'endorsement-withdrawn': spec<{ date: string }>(409),
  'no-affiliation-to-withdraw': spec<{ organisation: string }>(403),
} as const;
