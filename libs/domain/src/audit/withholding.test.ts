import type { AuditEvent } from './audit-event';
import { chainOf, type ChainAct as Act } from './chain.fixture';
import { digestChange, verifyChain } from './hash-chain';
import { WITHHELD_UNTIL_CLOSE, withheldFormProblem } from './withholding';

const opened = (id: string, tallies: 'live' | 'hidden-until-close', visibility: 'roll-call' | 'secret' = 'roll-call'): Act => ({
  action: 'ballot.opened',
  subjectType: 'ballot',
  subjectId: id,
  change: { title: 'That the group meets in Geneva', visibility, tallies },
});
const vote = (ballotId: string, choice: string, extra: Record<string, unknown> = {}): Act => ({
  action: 'vote.cast',
  subjectType: 'ballot',
  subjectId: ballotId,
  change: { choice, reason: null, changes: 0, countedUnder: { organisationId: 'o1', stakeholderGroup: 'government' }, ...extra },
});
const nonce = 'c0ffee'.repeat(10) + 'abcd';

/** The group's chain as the server records it: a live ballot, a ballot hidden until close, a comment; then the platform's verification. */
function recorded(): { wg: AuditEvent[]; platform: AuditEvent[] } {
  const wg = chainOf('wg:1', [
    opened('live', 'live'),
    vote('live', 'no'),
    opened('hidden', 'hidden-until-close'),
    vote('hidden', 'yes', { nonce }),
    { action: 'comment.posted', subjectType: 'comment', subjectId: 'c1', change: { body: 'We support clause 3.' } },
  ]);
  const platform = chainOf('platform', [{ action: 'organisation.verified', subjectType: 'organisation', subjectId: 'o1', change: { verified: true } }]);
  return { wg, platform };
}

/** The public log's view while the hidden ballot is open: its vote served empty, with the notice. */
const servedWhileOpen = (wg: AuditEvent[]) => wg.map((e, i) => (i === 3 ? { ...e, change: {}, withheld: WITHHELD_UNTIL_CLOSE } : e));

const forge = (events: AuditEvent[], i: number, edit: Partial<AuditEvent>) => events.map((e, j) => (j === i ? { ...e, ...edit } : e));

describe('withheld changes in an export', () => {
  it('accepts a vote withheld in exactly the served form on a ballot whose opening hides choices until close, and the revealed change once it closes', () => {
    const { wg } = recorded();
    expect(verifyChain(servedWhileOpen(wg))).toMatchObject({ ok: true, events: 5 });
    expect(verifyChain(wg)).toMatchObject({ ok: true, events: 5 });
  });

  it('names a line given a made-up withheld notice whose change was rewritten: a roll-call no turned into yes', () => {
    const { wg } = recorded();
    const forged = forge(wg, 1, { change: { ...wg[1].change, choice: 'yes' }, withheld: 'x' });
    expect(verifyChain(forged)).toMatchObject({ ok: false, broken: { scope: 'wg:1', sequence: 2, problem: 'withheld' } });
  });

  it('names a vote changed under the genuine notice, on a live ballot and on a hidden one', () => {
    const { wg } = recorded();
    const live = forge(wg, 1, { change: { ...wg[1].change, choice: 'yes' }, withheld: WITHHELD_UNTIL_CLOSE });
    expect(verifyChain(live)).toMatchObject({ ok: false, broken: { sequence: 2, problem: 'withheld' } });
    const hidden = forge(wg, 3, { change: { ...wg[3].change, choice: 'no' }, withheld: WITHHELD_UNTIL_CLOSE });
    expect(verifyChain(hidden)).toMatchObject({ ok: false, broken: { sequence: 4, problem: 'withheld', detail: expect.stringMatching(/served empty/) } });
  });

  it('names a vote on a live ballot emptied as if withheld: that ballot’s terms never hide choices', () => {
    const { wg } = recorded();
    const hiddenLive = forge(wg, 1, { change: {}, withheld: WITHHELD_UNTIL_CLOSE });
    expect(verifyChain(hiddenLive)).toMatchObject({
      ok: false,
      broken: { sequence: 2, problem: 'withheld', detail: expect.stringMatching(/ballot live was not opened earlier in this chain with terms that hide/) },
    });
  });

  it('names a withheld vote whose ballot was opened in another chain, or not at all in the export', () => {
    const { wg } = recorded();
    const elsewhere = chainOf('wg:2', [opened('other', 'live'), vote('hidden', 'yes', { nonce })]);
    expect(verifyChain([...servedWhileOpen(wg), ...forge(elsewhere, 1, { change: {}, withheld: WITHHELD_UNTIL_CLOSE })])).toMatchObject({
      ok: false,
      broken: { scope: 'wg:2', sequence: 2, problem: 'withheld' },
    });
  });

  it('names a comment whose body was replaced under a withheld notice', () => {
    const { wg } = recorded();
    const forged = forge(wg, 4, { change: { body: 'We oppose clause 3.' }, withheld: WITHHELD_UNTIL_CLOSE });
    expect(verifyChain(forged)).toMatchObject({
      ok: false,
      broken: { sequence: 5, problem: 'withheld', detail: expect.stringMatching(/never withholds a comment.posted/) },
    });
  });

  it('names an organisation’s verification blanked under a withheld notice', () => {
    const { platform } = recorded();
    const forged = forge(platform, 0, { change: {}, withheld: WITHHELD_UNTIL_CLOSE });
    expect(verifyChain(forged)).toMatchObject({ ok: false, broken: { scope: 'platform', sequence: 1, problem: 'withheld' } });
  });

  it('the nonce is what makes a hidden vote’s digest unguessable: without it, trying the four choices finds the vote', () => {
    const { wg } = recorded();
    const { nonce: _nonce, ...guessable } = wg[3].change;
    const guesses = ['yes', 'no', 'abstain', 'recuse'].map((choice) => digestChange({ ...guessable, choice }));
    expect(guesses).not.toContain(wg[3].changeDigest);
    expect(guesses).toContain(digestChange(guessable));
  });

  it('says what is wrong with a withheld form', () => {
    const base = { action: 'vote.changed', subjectType: 'ballot', change: {}, withheld: WITHHELD_UNTIL_CLOSE };
    expect(withheldFormProblem(base)).toBeNull();
    expect(withheldFormProblem({ ...base, withheld: 'Hidden' })).toMatch(/reason the server never gives/);
    expect(withheldFormProblem({ ...base, change: { nonce } })).toMatch(/served empty/);
    expect(withheldFormProblem({ ...base, change: null as never })).toMatch(/served empty/);
    expect(withheldFormProblem({ ...base, subjectType: 'amendment' })).toMatch(/never withholds a vote.changed on a amendment/);
  });
});
