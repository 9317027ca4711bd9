import { lastCallClosesAt, lastCallOpen, lastCallWarnings, minimumLastCallDays, raisedDuring } from './last-call';

const opensAt = new Date('2026-12-01T10:00:00Z');
const w = (days: number) => ({ opensAt, closesAt: lastCallClosesAt(opensAt, days), days });

describe('last call', () => {
  it('lasts at least the group’s lastCallDays, or one day when the group sets none', () => {
    expect(minimumLastCallDays(14)).toBe(14);
    expect(minimumLastCallDays(0)).toBe(1);
  });

  it('is open until its closing instant, and counts comments raised from its opening up to its close', () => {
    const lc = w(2);
    expect(lastCallOpen(lc, new Date('2026-12-03T09:59:59Z'))).toBe(true);
    expect(lastCallOpen(lc, new Date('2026-12-03T10:00:00Z'))).toBe(false);
    expect(raisedDuring(lc, opensAt)).toBe(true);
    expect(raisedDuring(lc, new Date('2026-12-03T10:00:00Z'))).toBe(false);
    expect(raisedDuring(lc, new Date('2026-11-30T10:00:00Z'))).toBe(false);
  });

  const after = new Date('2026-12-20T00:00:00Z');
  it('warns that no last call was held when the group asks for one', () => {
    expect(lastCallWarnings({ lastCallDays: 7, lastCall: null, undisposed: 0 }, after)).toEqual(['last-call-not-held']);
    expect(lastCallWarnings({ lastCallDays: 7, lastCall: w(3), undisposed: 0 }, after)).toEqual(['last-call-not-held']);
  });

  it('says nothing when the group asks for none and none was held, or when a long enough one completed with every comment disposed of', () => {
    expect(lastCallWarnings({ lastCallDays: 0, lastCall: null, undisposed: 0 }, after)).toEqual([]);
    expect(lastCallWarnings({ lastCallDays: 7, lastCall: w(7), undisposed: 0 }, after)).toEqual([]);
  });

  it('warns while the last call is still open, and while comments raised in it await a disposition', () => {
    expect(lastCallWarnings({ lastCallDays: 7, lastCall: w(7), undisposed: 0 }, new Date('2026-12-02T00:00:00Z'))).toEqual(['last-call-open']);
    expect(lastCallWarnings({ lastCallDays: 0, lastCall: w(1), undisposed: 2 }, after)).toEqual(['last-call-undisposed']);
  });
});
