import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { periodProblem, proxyCovers, proxyGiveProblem, proxyUseProblem, sameConstituency, type ProxyGiveFacts } from './proxies';

const snap = (organisationId: string, stakeholderGroup: AffiliationSnapshot['stakeholderGroup'] = 'government'): AffiliationSnapshot => ({
  affiliationId: `a-${organisationId}`,
  organisationId,
  organisationName: organisationId,
  stakeholderGroup,
  subtype: 'national' as AffiliationSnapshot['subtype'],
  country: null,
  title: 'Delegate',
  organisationVerified: true,
});

const facts = (over: Partial<ProxyGiveFacts> = {}): ProxyGiveFacts => ({
  cap: 1,
  withinStakeholderGroup: false,
  grantorId: 'g',
  holderId: 'h',
  grantor: snap('japan'),
  holder: snap('japan'),
  grantorGiven: 0,
  grantorHolds: 0,
  holderGave: 0,
  holderHolds: 0,
  ...over,
});

const now = new Date('2026-12-06T10:00:00Z');

describe('giving a proxy', () => {
  it('is allowed to a voting member of the same organisation who holds none', () => expect(proxyGiveProblem(facts())).toBeNull());
  it('is refused in a group whose cap is 0 (no proxies)', () => expect(proxyGiveProblem(facts({ cap: 0 }))).toBe('proxies-disabled'));
  it('is refused to oneself', () => expect(proxyGiveProblem(facts({ holderId: 'g' }))).toBe('proxy-to-self'));
  it('is refused when the grantor is not a voting member', () => expect(proxyGiveProblem(facts({ grantor: null }))).toBe('proxy-grantor-not-voting'));
  it('is refused when the holder is not a voting member', () => expect(proxyGiveProblem(facts({ holder: null }))).toBe('proxy-holder-not-voting'));
  it('is refused to another organisation', () => expect(proxyGiveProblem(facts({ holder: snap('france') }))).toBe('proxy-other-constituency'));
  it('goes to another organisation of the same stakeholder group only when the group allows it', () => {
    expect(proxyGiveProblem(facts({ holder: snap('france'), withinStakeholderGroup: true }))).toBeNull();
    expect(proxyGiveProblem(facts({ holder: snap('acme', 'private-sector'), withinStakeholderGroup: true }))).toBe('proxy-other-constituency');
  });
  it('is refused while the grantor has a live proxy given (revoke it first)', () => expect(proxyGiveProblem(facts({ grantorGiven: 1 }))).toBe('proxy-already-given'));
  it('makes no chains: a grantor who holds a proxy cannot give theirs', () => expect(proxyGiveProblem(facts({ grantorHolds: 1 }))).toBe('proxy-grantor-holds'));
  it('makes no chains: a holder who has given their vote cannot hold one', () => expect(proxyGiveProblem(facts({ holderGave: 1 }))).toBe('proxy-holder-gave'));
  it('stops at the cap: a holder at the cap holds no more; a cap of 2 allows a second', () => {
    expect(proxyGiveProblem(facts({ holderHolds: 1 }))).toBe('proxy-cap-reached');
    expect(proxyGiveProblem(facts({ holderHolds: 1, cap: 2 }))).toBeNull();
  });
});

describe('where a proxy applies', () => {
  const ballot = { scope: 'ballot' as const, ballotId: 'b1', fromDay: null, toDay: null, endedAt: null };
  const period = { scope: 'period' as const, ballotId: null, fromDay: '2026-12-01', toDay: '2026-12-06', endedAt: null };
  it('a ballot proxy covers its own ballot only', () => {
    expect(proxyCovers(ballot, 'b1', now)).toBe(true);
    expect(proxyCovers(ballot, 'b2', now)).toBe(false);
  });
  it('a period proxy covers any ballot of the group on the days of its period, both ends included', () => {
    expect(proxyCovers(period, 'b2', now)).toBe(true);
    expect(proxyCovers(period, 'b2', new Date('2026-12-07T00:00:00Z'))).toBe(false);
    expect(proxyCovers(period, 'b2', new Date('2026-11-30T23:59:59Z'))).toBe(false);
  });
  it('an ended proxy covers nothing', () => expect(proxyCovers({ ...ballot, endedAt: now }, 'b1', now)).toBe(false));
});

describe('using a proxy', () => {
  const ok = { withinStakeholderGroup: false, grantorVoting: true, grantorInElectorate: true, grantorNow: snap('japan'), holderNow: snap('japan') };
  it('is allowed while both still share the organisation', () => expect(proxyUseProblem(ok)).toBeNull());
  it('is refused when the grantor is not in the ballot’s electorate', () => expect(proxyUseProblem({ ...ok, grantorInElectorate: false })).toBe('grantor-not-in-electorate'));
  it('is refused when the grantor no longer votes in the group', () => expect(proxyUseProblem({ ...ok, grantorVoting: false })).toBe('grantor-not-voting'));
  it('is refused when the affiliation that made it valid ended', () => expect(proxyUseProblem({ ...ok, holderNow: snap('france') })).toBe('affiliation-changed'));
  it('same constituency reads the organisation, then the stakeholder group when allowed', () => {
    expect(sameConstituency(snap('a'), snap('a'), false)).toBe(true);
    expect(sameConstituency(snap('a'), snap('b'), false)).toBe(false);
    expect(sameConstituency(snap('a'), snap('b'), true)).toBe(true);
  });
});

describe('a proxy period', () => {
  it('starts today or later', () => expect(periodProblem('2026-12-05', '2026-12-10', now)).toEqual({ field: 'from', code: 'date-too-early' }));
  it('ends on or after its start', () => expect(periodProblem('2026-12-08', '2026-12-07', now)).toEqual({ field: 'to', code: 'end-after-start' }));
  it('spans at most a year', () => expect(periodProblem('2026-12-06', '2028-01-01', now)).toEqual({ field: 'to', code: 'too-long' }));
  it('a single day is a period', () => expect(periodProblem('2026-12-06', '2026-12-06', now)).toBeNull());
});
