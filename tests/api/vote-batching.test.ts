import { randomBytes } from 'node:crypto';
import type { MeResponse, Problem, VoteResponse } from '@parley/contracts';
import { VOTE_CHOICES, verifyChain } from '@parley/domain';
import { ApiClient } from '../support/http-client';
import { newDelegate } from '../support/factories';
import { ballotEvents, chainEvents, Chamber, Delegate, moreVoters, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

// A busy ballot's votes are written in batches (docs/decisions/0011-group-commit-of-votes.md):
// what each voter sees must be exactly what it would be if each vote had its own transaction.
describe('votes of a busy ballot, written in batches', () => {
  let t: TestApp;
  let c: Chamber;
  let voters: Delegate[];
  let anon: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    const more = await moreVoters(t.baseUrl, t.dataSource, c, 20);
    voters = [c.chair, c.government, c.company, c.civil, ...more];
    anon = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  const vote = (who: Delegate, ballotId: string, choice: string) => who.client.post<VoteResponse>(`/api/ballots/${ballotId}/votes`, { choice });

  it('a whole group voting at once: each voter gets their own vote back, fewer commits than votes, one event per vote, a valid chain', async () => {
    const b = await openMotion(c.chair, c.group);
    const choices = voters.map((_, i) => VOTE_CHOICES[i % 3]);
    const answers = await Promise.all(voters.map((v, i) => vote(v, b.id, choices[i])));

    expect(answers.map((a) => a.status)).toEqual(voters.map(() => 200));
    expect(answers.map((a) => [a.body.action, a.body.vote.choice])).toEqual(choices.map((choice) => ['vote.cast', choice]));

    // Group commit happened: the vote rows were written by fewer transactions than there are votes.
    const [{ votes, transactions }] = await t.dataSource.query(`SELECT count(*)::int AS votes, count(DISTINCT xmin::text)::int AS transactions FROM votes WHERE ballot_id = $1`, [b.id]);
    expect(votes).toBe(voters.length);
    expect(transactions).toBeLessThan(voters.length);

    const events = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.action === 'vote.cast');
    expect(events.map((e) => [e.actorId, e.change.choice]).sort()).toEqual(voters.map((v, i) => [v.id, choices[i]]).sort());
    expect(events.every((e) => e.actorName !== null && e.actorSnapshot !== null)).toBe(true);
    expect(verifyChain(await chainEvents(anon, `wg:${c.group.id}`))).toMatchObject({ ok: true });

    const tally = (await anon.get<{ runningTally: { totals: Record<string, number> } }>(`/api/ballots/${b.id}`)).body.runningTally.totals;
    expect([tally.yes, tally.no, tally.abstain]).toEqual(['yes', 'no', 'abstain'].map((choice) => choices.filter((x) => x === choice).length));
  });

  it('in a busy minute, a refused vote is refused alone: the outsider gets 403, the recusal without a reason 400 naming the field, the others count', async () => {
    const b = await openMotion(c.chair, c.group);
    const outsider = await newDelegate(t.baseUrl, { stakeholderGroup: 'private-sector', subtype: 'company' });
    const [first, ...rest] = voters;
    const firstAnswer = vote(first, b.id, 'yes'); // a batch of one runs; what follows queues into the next batch
    const [outsiderAnswer, recusal, ...others] = await Promise.all([
      vote(outsider, b.id, 'yes'),
      rest[0].client.post(`/api/ballots/${b.id}/votes`, { choice: 'recuse' }),
      ...rest.slice(1).map((v) => vote(v, b.id, 'no')),
    ]);

    expect((await firstAnswer).status).toBe(200);
    expect(outsiderAnswer.status).toBe(403);
    expect(outsiderAnswer.headers.get('content-type')).toContain('application/problem+json');
    expect((outsiderAnswer.body as unknown as Problem).detail).toMatch(/not in this ballot's electorate/);
    expect(recusal.status).toBe(400);
    expect((recusal.body as Problem).errors?.map((e) => e.field)).toContain('reason');
    expect(others.map((a) => a.status)).toEqual(rest.slice(1).map(() => 200));

    const rows: { voter_id: string }[] = await t.dataSource.query(`SELECT voter_id FROM votes WHERE ballot_id = $1`, [b.id]);
    expect(rows.map((r) => r.voter_id).sort()).toEqual([first, ...rest.slice(1)].map((v) => v.id).sort());
    const events = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.action.startsWith('vote.'));
    expect(events).toHaveLength(rest.length); // the first voter and the rest but the recusal
    expect(events.map((e) => e.actorId)).not.toContain(outsider.id);
  });

  it('a voter who votes twice at once has two votes applied one after the other, never in one write', async () => {
    const b = await openMotion(c.chair, c.group);
    const answers = await Promise.all([vote(c.civil, b.id, 'yes'), vote(c.civil, b.id, 'no'), ...voters.slice(4, 10).map((v) => vote(v, b.id, 'abstain'))]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const mine = answers.slice(0, 2).map((a) => a.body);
    expect(mine.map((m) => m.action).sort()).toEqual(['vote.cast', 'vote.changed']);
    const [row] = await t.dataSource.query(`SELECT choice, changes FROM votes WHERE ballot_id = $1 AND voter_id = $2`, [b.id, c.civil.id]);
    expect(row.changes).toBe(1);
    // The row holds the choice the chain recorded last for this voter.
    const last = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.actorId === c.civil.id).pop();
    expect(last?.action).toBe('vote.changed');
    expect(row.choice).toBe(last?.change.choice);
  });

  it('sessions looked up together are each answered for their own token: live, revoked, expired and unknown', async () => {
    const [live, revoked, expired] = voters.slice(10, 13);
    const revokedToken = revoked.session.token;
    expect((await revoked.client.post('/api/auth/logout', {})).status).toBeLessThan(300);
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE person_id = $1`, [expired.id]);
    const asToken = (token: string) => new ApiClient(t.baseUrl).withToken(token).get<MeResponse>('/api/me');
    const tokens = Array.from({ length: 10 }, () => [live.session.token, revokedToken, expired.session.token, randomBytes(32).toString('base64url')]).flat();
    const answers = await Promise.all(tokens.map(asToken));
    expect(answers.map((a) => a.status)).toEqual(tokens.map((_, i) => (i % 4 === 0 ? 200 : 401)));
    expect(answers.filter((a) => a.status === 200).every((a) => a.body.id === live.id)).toBe(true);
  });
});
