import { adRefExpired, adRefExpiringSoon, adRefOpen, effectiveStatus, negotiationCounts, type CountedClause } from './clause-status';

const at = (iso: string) => new Date(iso);

describe('clause status', () => {
  it('reads `not-read` for a clause never moved', () => {
    expect(effectiveStatus(null)).toEqual({ status: 'not-read', recorded: 'not-read', changedSinceAgreed: false });
  });

  it('keeps every recorded status as is while the text stands', () => {
    for (const status of ['not-read', 'under-negotiation', 'informal-group', 'agreed'] as const)
      expect(effectiveStatus({ status, textChanged: false })).toEqual({ status, recorded: status, changedSinceAgreed: false });
  });

  it('an agreed clause whose text changed since is no longer agreed: under negotiation, changed since agreed', () => {
    expect(effectiveStatus({ status: 'agreed', textChanged: true })).toEqual({ status: 'under-negotiation', recorded: 'agreed', changedSinceAgreed: true });
  });

  it('an agreed clause with words in open brackets is not agreed: it reads under negotiation, as recorded agreed', () => {
    expect(effectiveStatus({ status: 'agreed', textChanged: false, bracketed: true })).toEqual({ status: 'under-negotiation', recorded: 'agreed', changedSinceAgreed: false });
    expect(effectiveStatus({ status: 'informal-group', textChanged: false, bracketed: true }).status).toBe('informal-group');
  });

  it('a text change does not touch the other statuses', () => {
    expect(effectiveStatus({ status: 'informal-group', textChanged: true })).toEqual({ status: 'informal-group', recorded: 'informal-group', changedSinceAgreed: false });
  });
});

describe('ad ref expiry', () => {
  it('holds through its expiry day and expires the day after (UTC)', () => {
    expect(adRefExpired('2026-12-06', at('2026-12-06T23:59:00Z'))).toBe(false);
    expect(adRefExpired('2026-12-06', at('2026-12-07T00:00:00Z'))).toBe(true);
  });

  it('is open only when not ended and not expired', () => {
    const now = at('2026-12-06T10:00:00Z');
    expect(adRefOpen({ ended: null, expiresOn: '2026-12-10' }, now)).toBe(true);
    expect(adRefOpen({ ended: 'lifted', expiresOn: '2026-12-10' }, now)).toBe(false);
    expect(adRefOpen({ ended: 'withdrawn', expiresOn: '2026-12-10' }, now)).toBe(false);
    expect(adRefOpen({ ended: null, expiresOn: '2026-12-05' }, now)).toBe(false);
  });

  it('is expiring soon within a week', () => {
    const now = at('2026-12-06T10:00:00Z');
    expect(adRefExpiringSoon('2026-12-08', now)).toBe(true);
    expect(adRefExpiringSoon('2026-12-13', now)).toBe(true);
    expect(adRefExpiringSoon('2026-12-14', now)).toBe(false);
    expect(adRefExpiringSoon('2026-12-05', now)).toBe(false);
  });
});

describe('negotiation counts', () => {
  const clause = (over: Partial<CountedClause>): CountedClause => ({ kind: 'operative', status: 'not-read', openAdRefs: 0, openBrackets: 0, ...over });

  it('counts paragraphs (not headings) by status, with ad ref and bracketed paragraphs', () => {
    const counts = negotiationCounts([
      clause({ kind: 'heading', status: 'agreed', openAdRefs: 1, openBrackets: 1 }),
      clause({ kind: 'preamble', status: 'agreed' }),
      clause({ status: 'agreed', openAdRefs: 2 }),
      clause({ status: 'under-negotiation', openBrackets: 3 }),
      clause({ status: 'informal-group', openAdRefs: 1, openBrackets: 1 }),
      clause({}),
    ]);
    expect(counts).toEqual({ paragraphs: 5, agreed: 2, underNegotiation: 1, informalGroup: 1, notRead: 1, adRef: 2, bracketed: 2 });
  });

  it('is all zeros for a text of headings only', () => {
    expect(negotiationCounts([clause({ kind: 'heading' })])).toEqual({ paragraphs: 0, agreed: 0, underNegotiation: 0, informalGroup: 0, notRead: 0, adRef: 0, bracketed: 0 });
  });
});
