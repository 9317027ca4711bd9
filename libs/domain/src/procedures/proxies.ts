/**
 * Proxy votes with a public trail (issue #19, decision record 0040). A voting member (the grantor)
 * gives their vote in a working group to another voting member (the holder) of the same organisation
 * — or, where the group allows it, of the same stakeholder group — for one ballot or for a period of
 * days. The holder casts the grantor's vote as the grantor's (counted under the grantor's affiliation);
 * the grantor's own vote always wins. Nobody holds more proxies at once than the group's cap, and there
 * are no chains: whoever has given their vote holds none, and whoever holds one gives none. Pure rules;
 * the API locks, counts and records.
 */
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { isoDay } from '../identity/affiliation-snapshot';

export const PROXY_SCOPES = ['ballot', 'period'] as const;
export type ProxyScope = (typeof PROXY_SCOPES)[number];

/** How a proxy ended: revoked by its grantor, or ended because one of the two left, was removed, or stopped being a voting member. */
export const PROXY_END_REASONS = [
  'revoked',
  'grantor-left',
  'holder-left',
  'grantor-removed',
  'holder-removed',
  'grantor-not-voting',
  'holder-not-voting',
  'grantor-affiliation-ended',
  'holder-affiliation-ended',
] as const;
export type ProxyEndReason = (typeof PROXY_END_REASONS)[number];

/** The longest period one proxy may cover, in days (a proxy is a stand-in, not a transfer of membership). */
export const PROXY_MAX_PERIOD_DAYS = 366;

export interface ProxyTerms {
  scope: ProxyScope;
  ballotId: string | null;
  /** Period proxies: the first and last day (YYYY-MM-DD, UTC), both included. */
  fromDay: string | null;
  toDay: string | null;
  endedAt: Date | null;
}

/** Whether the proxy may be used on this ballot at this instant: not ended, and the ballot is its ballot or today is within its period. */
export function proxyCovers(p: ProxyTerms, ballotId: string, now: Date): boolean {
  if (p.endedAt !== null) return false;
  if (p.scope === 'ballot') return p.ballotId === ballotId;
  const today = isoDay(now);
  return p.fromDay! <= today && today <= p.toDay!;
}

/** Whether the holder's affiliation lets them hold the grantor's vote: same organisation, or (when the group allows it) same stakeholder group. */
export function sameConstituency(
  grantor: Pick<AffiliationSnapshot, 'organisationId' | 'stakeholderGroup'>,
  holder: Pick<AffiliationSnapshot, 'organisationId' | 'stakeholderGroup'>,
  withinStakeholderGroup: boolean,
): boolean {
  if (grantor.organisationId === holder.organisationId) return true;
  return withinStakeholderGroup && grantor.stakeholderGroup === holder.stakeholderGroup;
}

/** Why a proxy may not be given (a refusal code of the API), or null when it may. */
export type ProxyGiveProblem =
  | 'proxies-disabled'
  | 'proxy-to-self'
  | 'proxy-grantor-not-voting'
  | 'proxy-holder-not-voting'
  | 'proxy-other-constituency'
  | 'proxy-already-given'
  | 'proxy-grantor-holds'
  | 'proxy-holder-gave'
  | 'proxy-cap-reached';

export interface ProxyGiveFacts {
  cap: number;
  withinStakeholderGroup: boolean;
  grantorId: string;
  holderId: string;
  /** Voting member of the group now, with a current affiliation (null when either is missing). */
  grantor: AffiliationSnapshot | null;
  holder: AffiliationSnapshot | null;
  /** Live proxies (not ended, not past) the grantor has given in the group. */
  grantorGiven: number;
  /** Live proxies the grantor holds in the group (no chains). */
  grantorHolds: number;
  /** Live proxies the holder has given in the group (no chains). */
  holderGave: number;
  /** Live proxies the holder holds in the group (counted under a lock: the cap). */
  holderHolds: number;
}

/** The rule for giving a proxy, in the order a person would fix the problems. */
export function proxyGiveProblem(f: ProxyGiveFacts): ProxyGiveProblem | null {
  if (f.cap <= 0) return 'proxies-disabled';
  if (f.grantorId === f.holderId) return 'proxy-to-self';
  if (!f.grantor) return 'proxy-grantor-not-voting';
  if (!f.holder) return 'proxy-holder-not-voting';
  if (!sameConstituency(f.grantor, f.holder, f.withinStakeholderGroup)) return 'proxy-other-constituency';
  if (f.grantorGiven > 0) return 'proxy-already-given';
  if (f.grantorHolds > 0) return 'proxy-grantor-holds';
  if (f.holderGave > 0) return 'proxy-holder-gave';
  if (f.holderHolds >= f.cap) return 'proxy-cap-reached';
  return null;
}

/** Why a holder may not use a proxy on a ballot now (beyond the holder's own right to vote), or null. */
export type ProxyUseProblem = 'grantor-not-voting' | 'grantor-not-in-electorate' | 'affiliation-changed';

export interface ProxyUseFacts {
  withinStakeholderGroup: boolean;
  /** The grantor is a voting member now, with a current affiliation. */
  grantorVoting: boolean;
  grantorInElectorate: boolean;
  grantorNow: AffiliationSnapshot | null;
  holderNow: AffiliationSnapshot | null;
}

/** A proxy is checked again when used: the grantor still votes in the group and the two still share the organisation (or stakeholder group) that made it valid. */
export function proxyUseProblem(f: ProxyUseFacts): ProxyUseProblem | null {
  if (!f.grantorInElectorate) return 'grantor-not-in-electorate';
  if (!f.grantorVoting || !f.grantorNow) return 'grantor-not-voting';
  if (!f.holderNow || !sameConstituency(f.grantorNow, f.holderNow, f.withinStakeholderGroup)) return 'affiliation-changed';
  return null;
}

/** Whether a period (days, both included) is acceptable: starts no earlier than today, ends on or after it starts, spans at most PROXY_MAX_PERIOD_DAYS. */
export function periodProblem(
  fromDay: string,
  toDay: string,
  now: Date,
): { field: 'from' | 'to'; code: 'date-too-early' | 'end-after-start' | 'too-long' } | null {
  if (fromDay < isoDay(now)) return { field: 'from', code: 'date-too-early' };
  if (toDay < fromDay) return { field: 'to', code: 'end-after-start' };
  const days = (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > PROXY_MAX_PERIOD_DAYS) return { field: 'to', code: 'too-long' };
  return null;
}
