import type { LiveEvent, RoomName, VoteResponse } from '@parley/contracts';
import { newDelegate } from '../support/factories';
import { admit } from '../support/governance-fixtures';
import { Chamber, Delegate, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

// Real API instances and sockets on a shared, sometimes busy machine: generous time, exact assertions.
jest.setTimeout(60_000);

/** Ballots over the real API, watched live: what each room shows of votes. */
describe('live ballot rooms', () => {
  let t: TestApp;
  let c: Chamber;
  let observer: Delegate;
  const clients: LiveClient[] = [];
  const connect = async (token?: string) => {
    const client = await LiveClient.connect(t.baseUrl, { token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    observer = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'academia', country: 'DE' });
    await admit(t.dataSource, c.group, observer, 'observer');
  });
  afterEach(() => {
    for (const x of clients.splice(0)) x.close();
  });
  afterAll(() => t.close());

  const vote = async (who: Delegate, ballotId: string, choice: string, reason?: string) => {
    const res = await who.client.post<VoteResponse>(`/api/ballots/${ballotId}/votes`, { choice, ...(reason ? { reason } : {}) });
    expect(res.status).toBeLessThan(300);
  };
  const votesIn = (client: LiveClient, room: string) => client.in(room).filter((e) => e.action.startsWith('vote.'));

  /** Three votes and one change: yes (chair), no with a reason (government), yes then abstain (company). */
  async function voteOn(ballotId: string) {
    await vote(c.chair, ballotId, 'yes');
    await vote(c.government, ballotId, 'no', 'Needs a clearer definition of "critical"');
    await vote(c.company, ballotId, 'yes');
    await vote(c.company, ballotId, 'abstain');
  }

  it('a secret ballot’s rooms never carry who voted or how, live or replayed, to an observer or an anonymous viewer', async () => {
    const ballot = await openMotion(c.chair, c.group, { visibility: 'secret', title: 'That the chair’s term is extended' });
    const ballotRoom = `ballot:${ballot.id}` as RoomName;
    const groupRoom = `wg:${c.group.id}` as RoomName;
    const watcher = await connect(observer.session.token);
    const anonymous = await connect();
    for (const x of [watcher, anonymous]) {
      expect(await x.join(ballotRoom, 0)).toMatchObject({ ok: true });
      expect(await x.join(groupRoom, 0)).toMatchObject({ ok: true });
    }
    await voteOn(ballot.id);
    await watcher.waitFor('four votes in both rooms', () => votesIn(watcher, ballotRoom).length === 4 && votesIn(watcher, groupRoom).length === 4);
    await anonymous.waitFor('four votes', () => votesIn(anonymous, ballotRoom).length === 4);

    // A late joiner replays them from the audit table: the same rule applies.
    const late = await connect();
    await late.join(ballotRoom, 0);
    expect(votesIn(late, ballotRoom)).toHaveLength(4);

    const voters = [c.chair, c.government, c.company];
    for (const x of [watcher, anonymous, late]) {
      for (const e of [...votesIn(x, ballotRoom), ...votesIn(x, groupRoom)]) {
        expect(e).toMatchObject({ redacted: 'vote', actor: null, change: {} });
        const text = JSON.stringify(e);
        for (const v of voters) {
          expect(text).not.toContain(v.id);
          expect(text).not.toContain(v.organisation.id);
        }
        expect(text).not.toMatch(/"(yes|no|abstain|recuse)"|commitment|critical/);
      }
    }
    expect(votesIn(watcher, ballotRoom).map((e) => e.action)).toEqual(['vote.cast', 'vote.cast', 'vote.cast', 'vote.changed']);
  });

  it('a roll-call ballot with tallies hidden until close shows who voted, not what', async () => {
    const ballot = await openMotion(c.chair, c.group, { tallies: 'hidden-until-close', title: 'That the group adopts its rules of procedure' });
    const room = `ballot:${ballot.id}` as RoomName;
    const watcher = await connect(observer.session.token);
    await watcher.join(room, 0);
    await voteOn(ballot.id);
    await watcher.waitFor('four votes', () => votesIn(watcher, room).length === 4);
    const votes = votesIn(watcher, room);
    expect(votes.map((e) => e.actor?.id)).toEqual([c.chair.id, c.government.id, c.company.id, c.company.id]);
    for (const e of votes) {
      expect(e.redacted).toBe('choice');
      expect(e.change).not.toHaveProperty('choice');
      expect(e.change).not.toHaveProperty('reason');
      expect(e.change).not.toHaveProperty('nonce');
      expect(e).not.toHaveProperty('changeDigest');
      expect(JSON.stringify(e)).not.toMatch(/"(yes|no|abstain)"|critical/);
    }
  });

  it('a roll-call ballot with live tallies shows each vote with its voter’s affiliation and choice', async () => {
    const ballot = await openMotion(c.chair, c.group, { title: 'That the group meets in Nairobi' });
    const room = `ballot:${ballot.id}` as RoomName;
    const watcher = await connect();
    await watcher.join(room, 0);
    await voteOn(ballot.id);
    await watcher.waitFor('four votes', () => votesIn(watcher, room).length === 4);
    const votes: LiveEvent[] = votesIn(watcher, room);
    expect(votes.map((e) => [e.action, e.actor?.id, 'choice' in e.change ? e.change.choice : null])).toEqual([
      ['vote.cast', c.chair.id, 'yes'],
      ['vote.cast', c.government.id, 'no'],
      ['vote.cast', c.company.id, 'yes'],
      ['vote.changed', c.company.id, 'abstain'],
    ]);
    expect(votes[1]).toMatchObject({
      redacted: null,
      change: { reason: 'Needs a clearer definition of "critical"' },
      actor: { snapshot: { organisationId: c.government.organisation.id, stakeholderGroup: 'government' } },
    });
    // Closing shows the result in the room.
    expect((await c.chair.client.post(`/api/ballots/${ballot.id}/close`, { reason: 'Closed early in a test.' })).status).toBeLessThan(300);
    await watcher.waitFor('ballot.closed', () => watcher.in(room).some((e) => e.action === 'ballot.closed'));
    expect(watcher.in(room).find((e) => e.action === 'ballot.closed')!.change).toMatchObject({
      totals: expect.objectContaining({ yes: 1, no: 1, abstain: 1 }),
    });
  });
});
