import type { BallotResponse } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { BallotService } from '../../apps/api/src/decisions/ballot.service';
import { ApiClient } from '../support/http-client';
import { ballotEvents, Chamber, chainEvents, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(30_000);

describe('closing ballots at their closing time, with two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let c: Chamber;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
    c = await newChamber(a.baseUrl, a.dataSource);
  });
  afterAll(async () => {
    await b.stop();
    await a.close();
  });

  it('exactly one instance closes each ballot, on time, and the stored result reads the same from both', async () => {
    const closesAt = new Date(Date.now() + 4000);
    const ballots: BallotResponse[] = [];
    for (let i = 0; i < 8; i++)
      ballots.push(await openMotion(c.chair, c.group, { title: `Motion ${i}`, rule: 'chambered', quorum: 0.5, closesAt: closesAt.toISOString() }));
    // Votes go to either instance.
    for (const ballot of ballots) {
      await c.government.client.post(`/api/ballots/${ballot.id}/votes`, { choice: 'yes' });
      await new ApiClient(b.baseUrl).withToken(c.company.client.token).post(`/api/ballots/${ballot.id}/votes`, { choice: 'no' });
      await c.civil.client.post(`/api/ballots/${ballot.id}/votes`, { choice: 'yes' });
    }

    const anonA = new ApiClient(a.baseUrl);
    const anonB = new ApiClient(b.baseUrl);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const open = await a.dataSource.query(`SELECT count(*)::int AS n FROM ballots WHERE id = ANY($1::uuid[]) AND status = 'open'`, [
        ballots.map((x) => x.id),
      ]);
      if (open[0].n === 0) break;
      if (Date.now() > deadline) throw new Error('the scheduler did not close the ballots within 15 s');
      await sleep(200);
    }

    for (const ballot of ballots) {
      const fromA = await anonA.get<BallotResponse>(`/api/ballots/${ballot.id}`);
      const fromB = await anonB.get<BallotResponse>(`/api/ballots/${ballot.id}`);
      expect(fromA.body).toMatchObject({ status: 'closed', outcome: 'failed', closedBy: null });
      expect(fromB.body.result).toEqual(fromA.body.result);
      expect(fromA.body.result?.explanation).toBe('Failed: private-sector 0 yes – 1 no; a majority is needed in every stakeholder group.');
      const closedAt = new Date(fromA.body.closedAt!).getTime();
      expect(closedAt).toBeGreaterThanOrEqual(closesAt.getTime());
      expect(closedAt - closesAt.getTime()).toBeLessThan(3000);

      const closed = (await ballotEvents(anonA, c.group, ballot.id)).filter((e) => e.action === 'ballot.closed');
      expect(closed).toHaveLength(1);
      expect(closed[0]).toMatchObject({
        actorId: null,
        actorName: 'Parley (closing time)',
        change: expect.objectContaining({ closedBy: 'closing-time', outcome: 'failed' }),
      });
    }

    // A late vote is refused, and the stored result does not move on later reads.
    const late = await c.civil.client.post(`/api/ballots/${ballots[0].id}/votes`, { choice: 'no' });
    expect(late.status).toBe(409);
    const before = (await anonA.get<BallotResponse>(`/api/ballots/${ballots[0].id}`)).body.result;
    await sleep(1500);
    expect((await anonB.get<BallotResponse>(`/api/ballots/${ballots[0].id}`)).body.result).toEqual(before);
    expect(verifyChain(await chainEvents(anonA, `wg:${c.group.id}`))).toMatchObject({ ok: true });
  });

  it('two instances sweeping at the same moment close each due ballot once between them', async () => {
    // One closing time for the six, far enough ahead that opening them all stays before it on a loaded machine.
    const closesAt = new Date(Date.now() + 5000);
    const due = [];
    for (let i = 0; i < 6; i++) due.push(await openMotion(c.chair, c.group, { title: `Race ${i}`, closesAt: closesAt.toISOString() }));
    await sleep(Math.max(0, closesAt.getTime() - Date.now()) + 50);
    const [byA, byB] = await Promise.all([a.app.get(BallotService).closeDue(), b.app.get(BallotService).closeDue()]);
    // The interval schedulers may also have taken some; what matters is that nobody closed one twice.
    expect(byA.filter((id) => byB.includes(id))).toEqual([]);
    for (const ballot of due) {
      const events = (await ballotEvents(new ApiClient(a.baseUrl), c.group, ballot.id)).filter((e) => e.action === 'ballot.closed');
      expect(events).toHaveLength(1);
    }
  });

  it('refuses votes once the closing time has passed, even before the scheduler has run', async () => {
    const ballot = await openMotion(c.chair, c.group, { closesAt: new Date(Date.now() + 400).toISOString() });
    await a.dataSource.query(`SELECT pg_sleep(0.5)`);
    // Whether or not a scheduler got there first, the answer is 409.
    const res = await c.government.client.post(`/api/ballots/${ballot.id}/votes`, { choice: 'yes' });
    expect(res.status).toBe(409);
  });
});
