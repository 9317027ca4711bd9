import type { BallotResponse, HomeResponse, Problem, VoteResponse } from '@parley/contracts';
import { ApiClient } from '../support/http-client';
import { Chamber, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 15, item 5: members who left or were removed still voted on ballots opened before they
 * went. The rule (decision record 0015): only a current voting member votes, even on a ballot
 * opened while they were one; a vote cast while a member stays counted; the electorate stays as
 * frozen at opening.
 */
describe('ballots: members who left, were removed or became observers', () => {
  let t: TestApp;
  let c: Chamber;
  let anon: ApiClient;
  let ballot: BallotResponse;

  const vote = (who: { client: ApiClient }, choice: string) => who.client.post<VoteResponse>(`/api/ballots/${ballot.id}/votes`, { choice });
  const refused = (res: { status: number; body: unknown; headers: Headers }, code: string) => {
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const p = res.body as Problem;
    expect(p.code).toBe(code);
    return p;
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    anon = new ApiClient(t.baseUrl);
    ballot = await openMotion(c.chair, c.group, { rule: 'majority' });
    expect((await vote(c.government, 'yes')).status).toBe(200);
  });
  afterAll(() => t.close());

  it('a member who left cannot change the vote they cast before leaving (403, voter-left-group, saying when)', async () => {
    expect((await c.government.client.post(`/api/working-groups/${c.group.id}/leave`, {})).status).toBe(204);
    const p = refused(await vote(c.government, 'no'), 'voter-left-group');
    expect(p.detail).toMatch(/left this working group on \d{4}-\d\d-\d\d/);
    expect(p.detail).toMatch(/a vote you cast while a member stays counted/);
    const seen = await c.government.client.get<BallotResponse>(`/api/ballots/${ballot.id}`);
    expect(seen.body.can.vote).toMatchObject({ code: 'voter-left-group', detail: expect.stringMatching(/left this working group/) });
  });

  it('a member removed by a chair cannot vote on a ballot opened before (403, voter-removed-from-group), and nothing is written', async () => {
    const awaiting = async () => (await c.company.client.get<HomeResponse>('/api/home')).body.me!.ballotsToVote.items.map((b) => b.id);
    expect(await awaiting()).toContain(ballot.id);
    expect(
      (await c.chair.client.post(`/api/working-groups/${c.group.id}/members/${c.company.id}/removal`, { reason: 'Repeatedly disrupted meetings' })).status,
    ).toBe(200);
    refused(await vote(c.company, 'no'), 'voter-removed-from-group');
    const rows = await t.dataSource.query(`SELECT 1 FROM votes WHERE ballot_id = $1 AND voter_id = $2`, [ballot.id, c.company.id]);
    expect(rows).toEqual([]);
    // Their front page no longer lists it among the ballots waiting for their vote.
    expect(await awaiting()).not.toContain(ballot.id);
  });

  it('a member who stepped down to observer cannot vote either (403, voter-now-observer)', async () => {
    expect((await c.civil.client.post(`/api/working-groups/${c.group.id}/members/${c.civil.id}/role`, { kind: 'observer' })).status).toBe(200);
    refused(await vote(c.civil, 'yes'), 'voter-now-observer');
  });

  it('the electorate stays as frozen; the vote cast while a member counts, those who went without voting did not vote', async () => {
    expect((await vote(c.chair, 'no')).status).toBe(200);
    expect((await c.chair.client.post(`/api/ballots/${ballot.id}/close`, { reason: 'Closed early in a test.' })).status).toBe(200);
    const b = (await anon.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body;
    expect(b.electorateSize).toBe(4);
    expect(b.result).toMatchObject({ totals: { yes: 1, no: 1, abstain: 0, recuse: 0, notVoted: 2 }, outcome: 'failed' });
    const roll = b.rollCall!.items.map((i) => [i.voter.id, i.choice]);
    expect(roll).toEqual(
      expect.arrayContaining([
        [c.government.id, 'yes'],
        [c.company.id, null],
        [c.civil.id, null],
      ]),
    );
  });
});
