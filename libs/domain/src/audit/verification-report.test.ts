import { chainOfChanges } from './chain.fixture';
import { verifyChain } from './hash-chain';
import { verificationReport } from './verification-report';

const chain = (scope: string, n: number) =>
  chainOfChanges(
    scope,
    Array.from({ length: n }, (_, i) => ({ n: i + 1 })),
  );

describe('what the offline verifier says', () => {
  it('an empty export is not OK: it proves nothing', () => {
    const report = verificationReport(verifyChain([]), { pinned: false, withheld: 0 });
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toBe('NOTHING VERIFIED: the export holds no events.');
  });

  it('without pinned heads, an export cut at the end verifies but is told it proves no completeness, and where each chain ends', () => {
    const events = chain('platform', 4);
    const report = verificationReport(verifyChain(events.slice(0, 3)), { pinned: false, withheld: 0 });
    expect(report.ok).toBe(true);
    expect(report.lines[0]).toBe('OK: 3 events in 1 chains verified');
    expect(report.lines[1]).toMatch(/^Not proved without --head: that the export is complete\. Events cut from the end of a chain, or a whole chain left out/);
    expect(report.lines[2]).toContain(`platform at 3 (${events[2].hash.slice(0, 12)}…)`);
    expect(report.lines[2]).toMatch(/run again with --head head\.json/);
  });

  it('with pinned heads, the cut export is broken and the full one needs no caveat', () => {
    const events = chain('platform', 4);
    const pin = { platform: { sequence: 4, hash: events[3].hash } };
    const cut = verificationReport(verifyChain(events.slice(0, 3), pin), { pinned: true, withheld: 0 });
    expect(cut).toEqual({ ok: false, lines: ['BROKEN: chain platform, sequence 4 (head): the pinned head 4 is missing (the export ends at 3)'] });
    const whole = verificationReport(verifyChain(events, pin), { pinned: true, withheld: 2 });
    expect(whole).toEqual({
      ok: true,
      lines: [expect.stringMatching(/^OK: 4 events in 1 chains verified, pinned heads match; 2 changes withheld until their ballots close/)],
    });
  });

  it('a last line cut mid-way is named as a cut download; another bad line as not JSON', () => {
    const ok = verifyChain(chain('platform', 2));
    expect(verificationReport(ok, { pinned: false, withheld: 0, badLine: { line: 3, cutShort: true } }).lines[0]).toBe(
      'BROKEN at line 3: the export is cut short (its last line is incomplete); download it again',
    );
    expect(verificationReport(ok, { pinned: false, withheld: 0, badLine: { line: 2, cutShort: false } })).toEqual({
      ok: false,
      lines: ['BROKEN at line 2: not valid JSON'],
    });
  });

  it('lists the first chains’ ends and counts the rest', () => {
    const events = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].flatMap((s) => chain(`wg:${s}`, 1));
    expect(verificationReport(verifyChain(events), { pinned: false, withheld: 0 }).lines[2]).toMatch(/wg:e at 1 \([0-9a-f]{12}…\) and 2 more\./);
  });
});
