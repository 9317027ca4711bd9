import type { BallotResponse, VoteResponse } from '@parley/contracts';
import { VOTE_CHOICES, verifyChain } from '@parley/domain';
import { ApiClient } from '../support/http-client';
import { ballotEvents, Chamber, chainEvents, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(30_000);

describe('ballots under load', () => {
  let t: TestApp;
  let c: Chamber;
  let anon: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    anon = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  it('100 concurrent casts by one voter leave exactly one vote, one vote.cast, 99 vote.changed and a valid chain', async () => {
    const b = await openMotion(c.chair, c.group);
    const choices = Array.from({ length: 100 }, (_, i) => VOTE_CHOICES[i % 3]); // yes, no, abstain
    const results = await Promise.all(choices.map((choice) => c.company.client.post<VoteResponse>(`/api/ballots/${b.id}/votes`, { choice })));
    expect(results.map((r) => r.status)).toEqual(choices.map(() => 200));
    expect(results.filter((r) => r.body.action === 'vote.cast')).toHaveLength(1);

    const rows = await t.dataSource.query(`SELECT choice, changes FROM votes WHERE ballot_id = $1`, [b.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toBe(99);

    const events = (await ballotEvents(anon, c.group, b.id)).filter((e) => e.action.startsWith('vote.'));
    expect(events).toHaveLength(100);
    expect(events[0].action).toBe('vote.cast');
    expect(events.slice(1).every((e) => e.action === 'vote.changed')).toBe(true);
    // The row holds the vote the chain recorded last.
    expect(events[99].change.choice).toBe(rows[0].choice);
    expect(verifyChain(await chainEvents(anon, `wg:${c.group.id}`))).toMatchObject({ ok: true });
  });

  it('reads the running tally of a ballot with 10,000 votes from SQL aggregates, then decides it once at close', async () => {
    const b = await openMotion(c.chair, c.group, { rule: 'chambered', quorum: 0.5 });
    // 10,000 more electors and their votes, written straight into the tables (the API path is covered above).
    await t.dataSource.query(
      `
      WITH p AS (
        INSERT INTO people (name, email, password_hash)
        SELECT 'Voter ' || lpad(i::text, 5, '0'), 'voter' || i || '-' || $1 || '@example.org', 'x' FROM generate_series(1, 10000) i
        RETURNING id, name
      ), numbered AS (SELECT id, name, row_number() OVER (ORDER BY name) AS n FROM p)
      INSERT INTO ballot_electors (ballot_id, person_id, name, snapshot, stakeholder_group, organisation_id)
      SELECT $1::uuid, numbered.id, numbered.name,
             jsonb_build_object('affiliationId', gen_random_uuid(), 'organisationId', o.id, 'organisationName', 'Org ' || o.g, 'stakeholderGroup', o.g,
                                'subtype', o.s, 'country', null, 'title', 'Delegate', 'organisationVerified', false),
             o.g, o.id
        FROM numbered
        CROSS JOIN LATERAL (SELECT CASE n % 3 WHEN 0 THEN 'government' WHEN 1 THEN 'private-sector' ELSE 'civil-society' END AS g,
                                   CASE n % 3 WHEN 0 THEN 'national' WHEN 1 THEN 'company' ELSE 'ngo' END AS s,
                                   ('00000000-0000-4000-8000-00000000000' || (n % 3))::uuid AS id) o`,
      [b.id],
    );
    await t.dataSource.query(
      `INSERT INTO votes (ballot_id, voter_id, choice, salt, cast_at, changed_at)
       SELECT ballot_id, person_id, CASE WHEN stakeholder_group = 'private-sector' THEN 'no' ELSE 'yes' END, 'salt', now(), now()
         FROM ballot_electors WHERE ballot_id = $1 AND name LIKE 'Voter %'`,
      [b.id],
    );

    // Its speed is measured by `npm run bench:tally-read` against the bare SQL aggregate, not timed here.
    const res = await anon.get<BallotResponse>(`/api/ballots/${b.id}`);
    expect(res.status).toBe(200);
    const tally = res.body.runningTally!;
    const sum = (k: 'yes' | 'no' | 'notVoted') => tally.byStakeholderGroup.reduce((n, g) => n + g[k], 0);
    expect(tally.totals.yes + tally.totals.no + tally.totals.notVoted).toBe(10000 + 4);
    expect(tally.totals.yes).toBe(sum('yes'));
    expect(tally.totals.no).toBe(sum('no'));
    expect(tally.byStakeholderGroup.find((g) => g.stakeholderGroup === 'private-sector')).toMatchObject({ no: 3334, notVoted: 1 });
    expect(res.body.votesCast).toBe(10000);
    // One page of the roll call, not ten thousand entries.
    expect(res.body.rollCall?.items).toHaveLength(50);
    expect(JSON.stringify(res.body).length).toBeLessThan(60_000);

    const closed = await c.chair.client.post<BallotResponse>(`/api/ballots/${b.id}/close`, { reason: 'Closed early in a test.' });
    expect(closed.status).toBe(200);
    expect(closed.body.result).toMatchObject({ outcome: 'failed', totals: { yes: tally.totals.yes, no: tally.totals.no } });
    expect(closed.body.result?.explanationParts[0]).toMatchObject({ code: 'chambered', failedGroups: ['private-sector'] });
    // Reading the closed ballot serves the stored result without its ten-thousand-entry roll call.
    const again = await anon.get<BallotResponse>(`/api/ballots/${b.id}`);
    expect(again.body.result).toEqual(closed.body.result);
    expect(JSON.stringify(again.body).length).toBeLessThan(60_000);
  });
});
