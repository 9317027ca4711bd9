import type { ProxyEndReason } from '@parley/domain';
import { spec } from './define';

/** Proxy votes (apps/api/src/procedures/proxies, decision record 0040). */
export const PROXY_REFUSALS = {
  /** The group's rules of procedure allow no proxies (a cap of 0). */
  'proxies-disabled': spec(409),
  /** A proxy goes to someone else. */
  'proxy-to-self': spec(409),
  /** Only a voting member of the group, with a current affiliation, gives their vote. */
  'proxy-grantor-not-voting': spec(403),
  /** The proxy holder must be a voting member of the group, with a current affiliation. */
  'proxy-holder-not-voting': spec<{ name: string }>(409),
  /** The holder is of another organisation (or, where the group allows it, another stakeholder group). */
  'proxy-other-constituency': spec<{ name: string; within: 'organisation' | 'stakeholder-group' }>(403),
  /** The grantor has a live proxy in this group already: revoke it first. */
  'proxy-already-given': spec<{ holder: string }>(409),
  /** No chains: someone holding a proxy does not give their own vote. */
  'proxy-grantor-holds': spec(409),
  /** No chains: someone who has given their vote holds no proxy. */
  'proxy-holder-gave': spec<{ name: string }>(409),
  /** The holder already holds as many proxies as the group allows. */
  'proxy-cap-reached': spec<{ name: string; cap: number }>(409),
  /** A ballot proxy needs the ballot open, in this group, with both people in its frozen electorate. */
  'proxy-ballot-not-open': spec(409),
  'proxy-not-in-electorate': spec<{ name: string }>(409),
  /** Only the grantor revokes their proxy. */
  'proxy-not-yours': spec(403),
  /** The proxy was already revoked or ended. */
  'proxy-ended': spec<{ reason: ProxyEndReason }>(409),
  /** Casting for someone: no live proxy from them to you covers this ballot now. */
  'no-proxy-for-voter': spec<{ name: string }>(403),
  /** The proxy no longer holds: the grantor stopped voting in the group, or the affiliation that made it valid ended. */
  'proxy-no-longer-valid': spec<{ name: string; why: 'grantor-not-voting' | 'grantor-not-in-electorate' | 'affiliation-changed' }>(409),
  /** The grantor voted on this ballot themselves: their own vote wins, the proxy is not used on it. */
  'proxy-grantor-voted': spec<{ name: string }>(409),
} as const;
