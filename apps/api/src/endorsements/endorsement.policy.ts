import { refusal, type Verdict } from '@parley/contracts';
import { isConfirmed, type AffiliationSnapshot } from '@parley/domain';

/**
 * Who may endorse or withdraw, as small pure functions over plain facts answering `true` or the refusal. An organisation endorses
 * through a person holding a current affiliation to it THAT IT CONFIRMED (a focal point's or a
 * steward's word, not just the person's declaration), and only an adopted text; one active
 * endorsement per organisation and version. Tables of cases in tests/api/endorsements.test.ts.
 */
export interface EndorseFacts {
  version: number;
  adopted: boolean;
  organisationName: string;
  /** The person's current affiliation to the organisation, or null. */
  affiliation: AffiliationSnapshot | null;
  /** The organisation's active endorsement of this version, if any. */
  existing: { endorserName: string; endorsedAt: Date } | null;
}

export function canEndorse(f: EndorseFacts): Verdict {
  const organisation = f.organisationName;
  if (!f.adopted) return refusal('endorse-needs-adoption', { version: f.version });
  if (!f.affiliation) return refusal('no-affiliation-to-endorse', { organisation });
  if (!isConfirmed(f.affiliation)) return refusal('unconfirmed-affiliation', { organisation, act: 'endorse' });
  if (f.existing)
    return refusal('already-endorsed', { organisation, version: f.version, endorser: f.existing.endorserName, date: f.existing.endorsedAt.toISOString() });
  return true;
}

export interface WithdrawFacts {
  organisationName: string;
  affiliation: AffiliationSnapshot | null;
  withdrawnAt: Date | null;
}

export function canWithdrawEndorsement(f: WithdrawFacts): Verdict {
  const organisation = f.organisationName;
  if (f.withdrawnAt) return refusal('endorsement-withdrawn', { date: f.withdrawnAt.toISOString() });
  if (!f.affiliation) return refusal('no-affiliation-to-withdraw', { organisation });
  if (!isConfirmed(f.affiliation)) return refusal('unconfirmed-affiliation', { organisation, act: 'withdraw' });
  return true;
}
