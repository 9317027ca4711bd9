import type { RefusalTexts } from './texts';

const ENDED: Record<string, string> = {
  revoked: 'revoked by its grantor',
  'grantor-left': 'ended: its grantor left the group',
  'holder-left': 'ended: its holder left the group',
  'grantor-removed': 'ended: its grantor was removed from the group',
  'holder-removed': 'ended: its holder was removed from the group',
  'grantor-not-voting': 'ended: its grantor is no longer a voting member',
  'holder-not-voting': 'ended: its holder is no longer a voting member',
  'grantor-affiliation-ended': 'ended: the affiliation of its grantor that made it valid ended',
  'holder-affiliation-ended': 'ended: the affiliation of its holder that made it valid ended',
};
const NO_LONGER: Record<string, string> = {
  'grantor-not-voting': 'is no longer a voting member of the group',
  'grantor-not-in-electorate': 'is not in the electorate of this ballot',
  'affiliation-changed': 'no longer shares the affiliation that made the proxy valid',
};

export const PROXY_TEXT = {
  'proxies-disabled': () => 'This working group’s rules of procedure allow no proxies',
  'proxy-to-self': () => 'A proxy goes to another voting member, not to yourself',
  'proxy-grantor-not-voting': () => 'Only a voting member of this working group, with a current affiliation, can give their vote',
  'proxy-holder-not-voting': (p) => `${p.name} is not a voting member of this working group with a current affiliation`,
  'proxy-other-constituency': (p) =>
    p.within === 'organisation' ? `${p.name} is of another organisation: a proxy goes to a voting member of your own organisation` : `${p.name} is of another stakeholder group: a proxy goes to a voting member of your organisation or stakeholder group`,
  'proxy-already-given': (p) => `You have already given your vote to ${p.holder} in this group: revoke that proxy first`,
  'proxy-grantor-holds': () => 'You hold a proxy in this group: a proxy is not passed on, so you cannot give your own vote while you hold one',
  'proxy-holder-gave': (p) => `${p.name} has given their own vote in this group and cannot hold a proxy`,
  'proxy-cap-reached': (p) => `${p.name} already holds ${p.cap} ${p.cap === 1 ? 'proxy' : 'proxies'}, as many as this group allows`,
  'proxy-ballot-not-open': () => 'A proxy for one ballot needs an open ballot of this working group',
  'proxy-not-in-electorate': (p) => `${p.name} is not in this ballot’s electorate (frozen when it opened)`,
  'proxy-not-yours': () => 'Only the person who gave this proxy can revoke it',
  'proxy-ended': (p) => `This proxy was already ${ENDED[p.reason] ?? 'ended'}`,
  'no-proxy-for-voter': (p) => `${p.name} has given you no proxy that covers this ballot now`,
  'proxy-no-longer-valid': (p) => `The proxy no longer holds: ${p.name} ${NO_LONGER[p.why] ?? 'cannot be represented'}`,
  'proxy-grantor-voted': (p) => `${p.name} voted on this ballot themselves: their own vote stands and the proxy is not used on it`,
} satisfies Partial<RefusalTexts>;
