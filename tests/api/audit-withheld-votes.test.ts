import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestChange, VOTE_CHOICES, type AuditEvent, type VoteChoice } from '@parley/domain';
import { WITHHELD_UNTIL_CLOSE } from '@parley/contracts';
import { verifyExport } from '../support/audit-verify-cli';
import { newChamber, openMotion, type Chamber, type Delegate } from '../support/ballot-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

/**
 * The attacks of issue 15 on withheld changes, replayed: reading hidden roll-call votes from their
 * digests while the ballot is open, and forging lines the offline verifier used to accept.
 */
describe('withheld votes in the audit export: unguessable while hidden, checkable once revealed, never a cover for forgery', () => {
  let t: TestApp;
  let c: Chamber;
  const dir = mkdtempSync(join(tmpdir(), 'parley-withheld-votes-'));
  const exportOf = async (scope: string) => (await (await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=${scope}`)).text()).trim().split('\n');
  const save = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
    return join(dir, name);
  };
  /** The pinned heads of the chains given (an export of one chain is checked against that chain's head). */
  const head = async (...scopes: string[]) => {
    const all = (await (await fetch(`${t.baseUrl}/api/audit/head`)).json()) as { chains: { scope: string }[] };
    return save('head.json', [JSON.stringify({ chains: all.chains.filter((h) => scopes.includes(h.scope)) })]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('while a hidden roll-call ballot is open, trying the four choices against each vote’s digest finds none; once closed, the export verifies with every change revealed', async () => {
    const ballot = await openMotion(c.chair, c.group, { title: 'That the group elects a rapporteur', tallies: 'hidden-until-close' });
    const cast: [Delegate, VoteChoice, string | null][] = [
      [c.chair, 'yes', null],
      [c.government, 'no', null],
      [c.company, 'abstain', null],
      [c.civil, 'recuse', 'I advise one of the candidates'],
    ];
    for (const [who, choice, reason] of cast) expect((await who.client.post(`/api/ballots/${ballot.id}/votes`, { choice, reason })).status).toBe(200);
    const scope = `wg:${c.group.id}`;
    const votesIn = (lines: string[]) => lines.map((l) => JSON.parse(l) as AuditEvent).filter((e) => e.action === 'vote.cast' && e.subjectId === ballot.id);

    // The attacker's guess for each choice: everything else in the change is public (who voted, counted under
    // which organisation and group, that it is a first vote) — and, at worst, the reason too.
    const guess = (e: AuditEvent, choice: VoteChoice) => {
      const reason = cast.find(([who]) => who.id === e.actorId)![2];
      const snapshot = e.actorSnapshot!;
      return { choice, reason, changes: 0, countedUnder: { organisationId: snapshot.organisationId, stakeholderGroup: snapshot.stakeholderGroup } };
    };

    const during = await exportOf(scope);
    const hidden = votesIn(during);
    expect(hidden).toHaveLength(4);
    for (const e of hidden) {
      expect(e).toMatchObject({ change: {}, withheld: WITHHELD_UNTIL_CLOSE });
      const recovered = VOTE_CHOICES.filter((choice) => digestChange(guess(e, choice)) === e.changeDigest);
      expect({ voter: e.actorName, recovered }).toEqual({ voter: e.actorName, recovered: [] });
    }
    const whileOpen = await verifyExport(save('during.jsonl', during), await head(scope));
    expect(whileOpen).toEqual({
      code: 0,
      out: expect.stringMatching(/^OK: \d+ events in 1 chains verified, pinned heads match; 4 changes withheld until their ballots close/),
    });

    expect((await c.chair.client.post(`/api/ballots/${ballot.id}/close`, { reason: 'Closed early in a test.' })).status).toBe(200);
    const after = await exportOf(scope);
    const revealed = votesIn(after);
    for (const e of revealed) {
      expect(e.withheld).toBeUndefined();
      const [, choice] = cast.find(([who]) => who.id === e.actorId)!;
      // The change the attacker guessed, plus the nonce that was withheld with it: the guess was right, the nonce defeated it.
      const { nonce, ...rest } = e.change;
      expect(rest).toEqual(guess(e, choice));
      expect(nonce).toMatch(/^[0-9a-f]{64}$/);
      expect(digestChange(e.change)).toBe(e.changeDigest);
    }
    expect(new Set(revealed.map((e) => e.change.nonce)).size).toBe(4);
    const closed = await verifyExport(save('after.jsonl', after), await head(scope));
    expect(closed.code).toBe(0);
    expect(closed.out).toMatch(/^OK: \d+ events in 1 chains verified, pinned heads match\n$/);
  });

  it('the verifier names a line that claims to be withheld where the server never withholds, or carries a change under the notice', async () => {
    const live = await openMotion(c.chair, c.group, { title: 'That the group meets in Nairobi' });
    expect((await c.company.client.post(`/api/ballots/${live.id}/votes`, { choice: 'no' })).status).toBe(200);
    const lines = await exportOf(`wg:${c.group.id}`);
    const pinned = await head(`wg:${c.group.id}`);
    const at = lines.findIndex((l) => {
      const e = JSON.parse(l) as AuditEvent;
      return e.action === 'vote.cast' && e.subjectId === live.id;
    });
    const vote = JSON.parse(lines[at]) as AuditEvent;
    expect(vote.change).toMatchObject({ choice: 'no' });
    const forged = (edit: Partial<AuditEvent> & Record<string, unknown>) => lines.map((l, i) => (i === at ? JSON.stringify({ ...vote, ...edit }) : l));
    const named = new RegExp(`^BROKEN: chain wg:${c.group.id}, sequence ${vote.sequence} \\(withheld\\)`);

    // The review's forgery: a made-up notice, and the roll-call no turned into yes.
    for (const withHead of [undefined, pinned]) {
      const res = await verifyExport(save('yes.jsonl', forged({ withheld: 'x', change: { ...vote.change, choice: 'yes' } })), withHead);
      expect(res).toEqual({ code: 1, out: expect.stringMatching(named) });
    }
    // The genuine notice, still carrying a (rewritten) change.
    const carried = await verifyExport(save('carried.jsonl', forged({ withheld: WITHHELD_UNTIL_CLOSE, change: { ...vote.change, choice: 'yes' } })));
    expect(carried).toEqual({ code: 1, out: expect.stringMatching(named) });
    // Exactly the withheld form, on a ballot whose terms never hide choices: the vote made to vanish.
    const vanished = await verifyExport(save('vanished.jsonl', forged({ withheld: WITHHELD_UNTIL_CLOSE, change: {} })), pinned);
    expect(vanished).toEqual({ code: 1, out: expect.stringMatching(named) });
    expect(vanished.out).toMatch(/not opened earlier in this chain with terms that hide its choices until it closes/);

    // The platform chain: an event of another kind blanked under the notice.
    const platform = await exportOf('platform');
    const blanked = platform.map((l, i) => (i === 2 ? JSON.stringify({ ...JSON.parse(l), change: {}, withheld: WITHHELD_UNTIL_CLOSE }) : l));
    expect(await verifyExport(save('blanked.jsonl', blanked))).toEqual({
      code: 1,
      out: expect.stringMatching(/^BROKEN: chain platform, sequence 3 \(withheld\): the change is marked withheld, but the server never withholds/),
    });
  });
});
