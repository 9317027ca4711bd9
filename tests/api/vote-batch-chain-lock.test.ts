import type { BallotResponse, VoteResponse } from '@parley/contracts';
import { VOTE_CHOICES, verifyChain } from '@parley/domain';
import { ApiClient } from '../support/http-client';
import { ballotEvents, chainEvents, Chamber, Delegate, moreVoters, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

// A batch of votes locks its group's audit chain in its first statement, right after the ballot
// (decision 0057). Closing a ballot takes the same two locks in the same order, and two ballots of
// one group share the chain: neither may deadlock, lose a vote or break the chain.
describe('votes batched on a group chain the batch locks with its first read', () => {
  let t: TestApp;
  let c: Chamber;
  let voters: Delegate[];
  let anon: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    const more = await moreVoters(t.baseUrl, t.dataSource, c, 12);
    voters = [c.government, c.company, c.civil, ...more];
    anon = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  const vote = (who: Delegate, ballotId: string, choice: string) => who.client.post<VoteResponse>(`/api/ballots/${ballotId}/votes`, { choice });

  it('two ballots of one group voted on at once: every vote answered 200, one event each, in one valid chain', async () => {
    const [b1, b2] = [await openMotion(c.chair, c.group), await openMotion(c.chair, c.group)];
    await vote(c.chair, b1.id, 'yes'); // the ballots' group is known from now on: later batches lock the chain first
    await vote(c.chair, b2.id, 'yes');
    const rounds = 3;
    const answers = [];
    for (let r = 0; r < rounds; r++)
      answers.push(...(await Promise.all(voters.flatMap((v, i) => [vote(v, b1.id, VOTE_CHOICES[(i + r) % 3]), vote(v, b2.id, VOTE_CHOICES[(i + r + 1) % 3])]))));

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const [k, b] of [b1, b2].entries()) {
      const events = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.action.startsWith('vote.'));
      expect(events).toHaveLength(1 + voters.length * rounds);
      const last = voters.map((v, i) => [v.id, VOTE_CHOICES[(i + rounds - 1 + k) % 3]]);
      const rows: { voter_id: string; choice: string; changes: number }[] = await t.dataSource.query(`SELECT voter_id, choice, changes FROM votes WHERE ballot_id = $1`, [b.id]);
      expect(rows.filter((r) => r.voter_id !== c.chair.id).map((r) => [r.voter_id, r.choice]).sort()).toEqual(last.sort());
      expect(rows.filter((r) => r.voter_id !== c.chair.id).every((r) => r.changes === rounds - 1)).toBe(true);
    }
    expect(verifyChain(await chainEvents(anon, `wg:${c.group.id}`))).toMatchObject({ ok: true });
  });

  it('a ballot closed by its chair in the middle of a storm of votes: no error, each vote either counted in the result or refused as too late', async () => {
    const b = await openMotion(c.chair, c.group);
    await vote(c.chair, b.id, 'yes');
    const storm = voters.map((v, i) => vote(v, b.id, VOTE_CHOICES[i % 3]));
    const close = c.chair.client.post<BallotResponse>(`/api/ballots/${b.id}/close`, { reason: 'Closed during a storm of votes in a test.' });
    const [answers, closed] = await Promise.all([Promise.all(storm), close]);

    expect(closed.status).toBe(200);
    expect(answers.every((a) => a.status === 200 || a.status === 409 || a.status === 403)).toBe(true);
    const accepted = voters.filter((_, i) => answers[i].status === 200);
    const result = (await anon.get<BallotResponse>(`/api/ballots/${b.id}`)).body;
    const counted = result.result!.totals;
    // Every vote answered 200 was committed before the close read the votes, so it is in the result.
    expect(counted.yes + counted.no + counted.abstain).toBe(1 + accepted.length);
    const events = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.action.startsWith('vote.'));
    expect(events).toHaveLength(1 + accepted.length);
    expect(verifyChain(await chainEvents(anon, `wg:${c.group.id}`))).toMatchObject({ ok: true });
  });
});
