import { createHash } from 'node:crypto';
import type { BallotResponse, GroupProxiesResponse, Problem, ProxyView, RollCallPage, VoteResponse } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { ApiClient } from '../support/http-client';
import { confirmAffiliation, newDelegate, newPerson, type SignedIn } from '../support/factories';
import { admit, makeChair, newWorkingGroup, type GroupFixture } from '../support/governance-fixtures';
import { ballotEvents, chainEvents, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

type Delegate = SignedIn & { organisation: { id: string; name: string } };

/** Proxy votes with a public trail (issue #19, decision record 0040). */
describe('proxies', () => {
  let t: TestApp;
  let anon: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    anon = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  /** A second delegate of the same organisation (affiliation confirmed). */
  async function colleagueOf(d: Delegate): Promise<Delegate> {
    const p = await newPerson(t.baseUrl);
    const res = await p.client.post<{ id: string }>('/api/me/affiliations', { organisationId: d.organisation.id, title: 'Deputy', startDate: '2020-01-01' });
    if (res.status !== 201) throw new Error(`affiliation failed: ${res.status} ${JSON.stringify(res.body)}`);
    await confirmAffiliation(t.baseUrl, res.body.id);
    return { ...p, organisation: d.organisation };
  }

  interface Delegation {
    group: GroupFixture;
    chair: Delegate;
    /** Three delegates of one organisation (Canada) and one of another government (Kenya). */
    ana: Delegate;
    ben: Delegate;
    cleo: Delegate;
    kenya: Delegate;
  }

  async function delegation(rules: Record<string, unknown> = {}): Promise<Delegation> {
    const chair = (await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'FR' }, 'Ambassador')) as Delegate;
    const ana = (await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'CA' }, 'Cyber diplomat')) as Delegate;
    const ben = await colleagueOf(ana);
    const cleo = await colleagueOf(ana);
    const kenya = (await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'KE' }, 'Envoy')) as Delegate;
    const group = await newWorkingGroup(t.dataSource, chair);
    await t.dataSource.query(`UPDATE working_groups SET procedure_rules = $2 WHERE id = $1`, [group.id, JSON.stringify(rules)]);
    for (const p of [chair, ana, ben, cleo, kenya]) await admit(t.dataSource, group, p);
    await makeChair(t.dataSource, group, chair);
    return { group, chair, ana, ben, cleo, kenya };
  }

  const give = (who: SignedIn, group: GroupFixture, body: Record<string, unknown>) =>
    who.client.post<ProxyView>(`/api/working-groups/${group.id}/proxies`, body);
  const vote = (who: SignedIn, ballotId: string, body: Record<string, unknown>) => who.client.post<VoteResponse>(`/api/ballots/${ballotId}/votes`, body);
  const list = (client: ApiClient, group: GroupFixture) => client.get<GroupProxiesResponse>(`/api/working-groups/${group.id}/proxies`);
  const today = () => new Date().toISOString().slice(0, 10);
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const code = (res: { body: unknown }) => (res.body as Problem & { code?: string }).code;
  const rollCallRow = (page: RollCallPage | null, id: string) => page?.items.find((i) => i.voter.id === id);

  it('a holder casts for the grantor on a roll-call ballot: the row is the grantor’s, the roll call says cast by whom, the event names both', async () => {
    const d = await delegation();
    const ballot = await openMotion(d.chair, d.group);
    const given = await give(d.ana, d.group, { holderId: d.ben.id, scope: 'ballot', ballotId: ballot.id });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({
      grantor: { id: d.ana.id },
      holder: { id: d.ben.id },
      scope: 'ballot',
      ballot: { id: ballot.id },
      live: true,
      endedAt: null,
    });

    // The holder sees the vote they hold, and may cast it.
    const seen = await d.ben.client.get<BallotResponse>(`/api/ballots/${ballot.id}`);
    expect(seen.body.me?.proxyVotes).toEqual([
      expect.objectContaining({ grantor: { id: d.ana.id, name: d.ana.name }, vote: null, castByGrantor: false, can: true }),
    ]);

    const own = await vote(d.ben, ballot.id, { choice: 'no', reason: 'Too soon' });
    const cast = await vote(d.ben, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect([own.status, cast.status]).toEqual([200, 200]);
    expect(cast.body.action).toBe('vote.cast');

    const [row] = await t.dataSource.query(
      `SELECT voter_id, choice, cast_by, proxy_id, cast_by_snapshot->>'organisationId' AS org FROM votes WHERE ballot_id = $1 AND voter_id = $2`,
      [ballot.id, d.ana.id],
    );
    expect(row).toMatchObject({ voter_id: d.ana.id, choice: 'yes', cast_by: d.ben.id, proxy_id: given.body.id, org: d.ana.organisation.id });

    const b = (await anon.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body;
    expect(rollCallRow(b.rollCall, d.ana.id)).toMatchObject({ voted: true, choice: 'yes', castBy: { id: d.ben.id, name: d.ben.name } });
    expect(rollCallRow(b.rollCall, d.ben.id)).toMatchObject({ voted: true, choice: 'no', castBy: null });
    expect(b.runningTally?.totals).toMatchObject({ yes: 1, no: 1 });

    const events = await ballotEvents(anon, d.group, ballot.id);
    const byProxy = events.find((e) => e.action === 'vote.cast' && (e.change as { castFor?: unknown }).castFor);
    expect(byProxy).toMatchObject({ actorId: d.ben.id, change: { choice: 'yes', castFor: { id: d.ana.id, name: d.ana.name }, proxyId: given.body.id } });

    // The grantor sees who cast her vote.
    expect((await d.ana.client.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body.me?.vote).toMatchObject({
      choice: 'yes',
      castBy: { id: d.ben.id, name: d.ben.name },
    });

    // The holder changes the grantor's vote; then the grantor votes themselves: their own vote wins, and the proxy is not used again.
    expect((await vote(d.ben, ballot.id, { choice: 'abstain', forVoterId: d.ana.id })).body.action).toBe('vote.changed');
    const mine = await vote(d.ana, ballot.id, { choice: 'no' });
    expect(mine.status).toBe(200);
    const again = await vote(d.ben, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect(again.status).toBe(409);
    expect(code(again)).toBe('proxy-grantor-voted');
    const after = (await anon.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body;
    expect(rollCallRow(after.rollCall, d.ana.id)).toMatchObject({ choice: 'no', castBy: null });
    const overridden = (await ballotEvents(anon, d.group, ballot.id)).filter((e) => e.action === 'vote.changed').pop();
    expect(overridden).toMatchObject({ actorId: d.ana.id, change: { choice: 'no', overridesProxyVote: { proxyId: given.body.id, castBy: d.ben.id } } });
    expect((await d.ben.client.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body.me?.proxyVotes?.[0]).toMatchObject({
      castByGrantor: true,
      can: { code: 'proxy-grantor-voted' },
    });

    // Closed: the grantor's own vote is the one counted.
    await d.chair.client.post(`/api/ballots/${ballot.id}/close`, { reason: 'Everyone has voted' });
    const closed = (await anon.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body;
    expect(closed.result?.totals).toMatchObject({ no: 2, yes: 0 });
    expect(verifyChain((await chainEvents(anon, `wg:${d.group.id}`)) as never).ok).toBe(true);
  });

  it('a secret ballot counts the vote cast by proxy without revealing it; the trail (who for whom) is public, the commitment holds', async () => {
    const d = await delegation();
    const ballot = await openMotion(d.chair, d.group, { visibility: 'secret' });
    expect((await give(d.ana, d.group, { holderId: d.ben.id, scope: 'period', from: today(), to: inDays(7) })).status).toBe(201);
    const cast = await vote(d.ben, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect(cast.status).toBe(200);
    expect(cast.body.vote.choice).toBeNull();

    const [e] = (await ballotEvents(anon, d.group, ballot.id)).filter((x) => x.action === 'vote.cast');
    const change = e.change as { commitment: string; castFor: { id: string } };
    expect(e.actorId).toBe(d.ben.id);
    expect(change.castFor.id).toBe(d.ana.id);
    expect(JSON.stringify(e.change)).not.toMatch(/"yes"/);
    const [row] = await t.dataSource.query(`SELECT salt FROM votes WHERE ballot_id = $1 AND voter_id = $2`, [ballot.id, d.ana.id]);
    expect(change.commitment).toBe(createHash('sha256').update(`${ballot.id}|${d.ana.id}|yes|${row.salt}`).digest('hex'));

    await d.chair.client.post(`/api/ballots/${ballot.id}/close`, { reason: 'Test' });
    const closed = (await anon.get<BallotResponse>(`/api/ballots/${ballot.id}`)).body;
    expect(closed.result?.totals.yes).toBe(1);
    expect(closed.rollCall).toBeNull();
  });

  it('the attacker’s view: no proxy, another ballot, after revocation, after leaving, another organisation', async () => {
    const d = await delegation();
    const ballot = await openMotion(d.chair, d.group);
    const other = await openMotion(d.chair, d.group, { title: 'Another motion' });

    // No proxy at all.
    const none = await vote(d.cleo, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect([none.status, code(none)]).toEqual([403, 'no-proxy-for-voter']);

    // A proxy for one ballot does not reach another.
    const p = await give(d.ana, d.group, { holderId: d.ben.id, scope: 'ballot', ballotId: ballot.id });
    const outside = await vote(d.ben, other.id, { choice: 'yes', forVoterId: d.ana.id });
    expect([outside.status, code(outside)]).toEqual([403, 'no-proxy-for-voter']);

    // Another organisation: refused (and no stakeholder-group rule here).
    const foreign = await give(d.kenya, d.group, { holderId: d.ana.id, scope: 'ballot', ballotId: ballot.id });
    expect([foreign.status, code(foreign)]).toEqual([403, 'proxy-other-constituency']);

    // Revoked by someone else: refused; by the grantor: recorded, and the holder can no longer cast.
    expect(code(await d.ben.client.post(`/api/proxies/${p.body.id}/revoke`, {}))).toBe('proxy-not-yours');
    const revoked = await d.ana.client.post<ProxyView>(`/api/proxies/${p.body.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ endReason: 'revoked', live: false, endedBy: { id: d.ana.id } });
    const late = await vote(d.ben, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect([late.status, code(late)]).toEqual([403, 'no-proxy-for-voter']);
    expect(code(await d.ana.client.post(`/api/proxies/${p.body.id}/revoke`, {}))).toBe('proxy-ended');

    // After the grantor leaves, the proxy is ended with its reason, and cannot be used.
    const q = await give(d.ana, d.group, { holderId: d.cleo.id, scope: 'period', from: today(), to: inDays(3) });
    expect(q.status).toBe(201);
    expect((await d.ana.client.post(`/api/working-groups/${d.group.id}/leave`, {})).status).toBeLessThan(300);
    const gone = await vote(d.cleo, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect(gone.status).toBe(403);
    const trail = (await list(anon, d.group)).body;
    expect(trail.items.find((x) => x.id === q.body.id)).toMatchObject({ endReason: 'grantor-left', live: false, endedBy: { id: d.ana.id } });
    const ended = (await chainEvents(anon, `wg:${d.group.id}`)).filter((e) => e.action === 'proxy.ended');
    expect(ended).toEqual([
      expect.objectContaining({ subjectId: q.body.id, change: expect.objectContaining({ reason: 'grantor-left', holderId: d.cleo.id }) }),
    ]);
  });

  it('a proxy valid when given is checked again at use: the affiliation that made it valid ended', async () => {
    const d = await delegation();
    const ballot = await openMotion(d.chair, d.group);
    expect((await give(d.ana, d.group, { holderId: d.ben.id, scope: 'ballot', ballotId: ballot.id })).status).toBe(201);
    // The grantor's affiliation to Canada ended: the holder still votes, but no longer for her.
    await t.dataSource.query(`UPDATE affiliations SET end_date = (now() - interval '2 days')::date WHERE person_id = $1`, [d.ana.id]);
    const res = await vote(d.ben, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect([res.status, code(res)]).toEqual([409, 'proxy-no-longer-valid']);
    expect((await vote(d.ben, ballot.id, { choice: 'yes' })).status).toBe(200);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM votes WHERE ballot_id = $1 AND voter_id = $2`, [ballot.id, d.ana.id]);
    expect(n).toBe(0);
  });

  it('ends, with its reason, the proxies a delegate gave or held when she ends the affiliation that made them valid', async () => {
    const d = await delegation();
    const ballot = await openMotion(d.chair, d.group);
    const given = await give(d.ana, d.group, { holderId: d.ben.id, scope: 'ballot', ballotId: ballot.id });
    expect(given.status).toBe(201);
    // Ben leaves his post at Canada today: the proxy he held for Ana ends with it, on the record.
    const [{ id: affiliationId }] = await t.dataSource.query(`SELECT id FROM affiliations WHERE person_id = $1 AND organisation_id = $2`, [
      d.ben.id,
      d.ana.organisation.id,
    ]);
    const ended = await d.ben.client.patch(`/api/me/affiliations/${affiliationId}`, { endDate: today() });
    expect(ended.status).toBe(200);
    const trail = (await list(anon, d.group)).body;
    expect(trail.items.find((x) => x.id === given.body.id)).toMatchObject({ endReason: 'holder-affiliation-ended', live: false, endedBy: { id: d.ben.id } });
    const events = (await chainEvents(anon, `wg:${d.group.id}`)).filter((e) => e.action === 'proxy.ended');
    expect(events).toEqual([
      expect.objectContaining({ subjectId: given.body.id, change: expect.objectContaining({ reason: 'holder-affiliation-ended', grantorId: d.ana.id }) }),
    ]);
    // Ana's vote is hers again: nobody casts it for her.
    const res = await vote(d.ben, ballot.id, { choice: 'yes', forVoterId: d.ana.id });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('ends proxies held by a member a chair removes, and keeps chains and self-proxies out', async () => {
    const d = await delegation({ proxyCap: 2 });
    const p = await give(d.ana, d.group, { holderId: d.ben.id, scope: 'period', from: today(), to: inDays(1) });
    expect(p.status).toBe(201);
    // No chains: the holder cannot give, and the grantor cannot hold.
    expect(code(await give(d.ben, d.group, { holderId: d.cleo.id, scope: 'period', from: today(), to: inDays(1) }))).toBe('proxy-grantor-holds');
    expect(code(await give(d.cleo, d.group, { holderId: d.ana.id, scope: 'period', from: today(), to: inDays(1) }))).toBe('proxy-holder-gave');
    expect(code(await give(d.ana, d.group, { holderId: d.cleo.id, scope: 'period', from: today(), to: inDays(1) }))).toBe('proxy-already-given');
    expect(code(await give(d.cleo, d.group, { holderId: d.cleo.id, scope: 'period', from: today(), to: inDays(1) }))).toBe('proxy-to-self');

    const removed = await d.chair.client.post(`/api/working-groups/${d.group.id}/members/${d.ben.id}/removal`, { reason: 'No longer attends' });
    expect(removed.status).toBeLessThan(300);
    const after = (await list(anon, d.group)).body.items.find((x) => x.id === p.body.id);
    expect(after).toMatchObject({ endReason: 'holder-removed', endedBy: { id: d.chair.id }, live: false });
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const d = await delegation();
    const before = Number((await t.dataSource.query(`SELECT count(*) AS n FROM proxies`))[0].n);
    const cases: [Record<string, unknown>, string][] = [
      [{ holderId: d.ben.id, scope: 'ballot' }, 'ballotId'],
      [{ holderId: d.ben.id, scope: 'period', to: inDays(2) }, 'from'],
      [{ holderId: d.ben.id, scope: 'period', from: inDays(3), to: inDays(2) }, 'to'],
      [{ holderId: d.ben.id, scope: 'period', from: '2020-01-01', to: inDays(2) }, 'from'],
      [{ holderId: 'not-a-uuid', scope: 'period', from: today(), to: inDays(2) }, 'holderId'],
      [{ holderId: d.ben.id, scope: 'forever' }, 'scope'],
    ];
    for (const [body, field] of cases) {
      const res = await give(d.ana, d.group, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((res.body as unknown as Problem).errors ?? []).map((e) => e.field)).toContain(field);
    }
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM proxies`))[0].n)).toBe(before);
    expect((await anon.post(`/api/working-groups/${d.group.id}/proxies`, { holderId: d.ben.id, scope: 'period', from: today(), to: inDays(1) })).status).toBe(
      401,
    );
  });

  it('the cap cannot be beaten by concurrent grants to one holder; a cap of 0 allows none', async () => {
    const d = await delegation();
    const extra = await Promise.all([colleagueOf(d.ana), colleagueOf(d.ana), colleagueOf(d.ana)]);
    for (const p of extra) await admit(t.dataSource, d.group, p);
    const grantors = [d.ana, d.cleo, ...extra];
    const results = await Promise.all(grantors.map((g) => give(g, d.group, { holderId: d.ben.id, scope: 'period', from: today(), to: inDays(2) })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map(code)).toEqual(Array(grantors.length - 1).fill('proxy-cap-reached'));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM proxies WHERE holder_id = $1 AND ended_at IS NULL`, [d.ben.id]);
    expect(n).toBe(1);

    const closed = await delegation({ proxyCap: 0 });
    const res = await give(closed.ana, closed.group, { holderId: closed.ben.id, scope: 'period', from: today(), to: inDays(2) });
    expect([res.status, code(res)]).toEqual([409, 'proxies-disabled']);
  });

  it('a stakeholder-group rule lets a proxy cross organisations of the same stakeholder group; the list shows only eligible holders', async () => {
    const d = await delegation({ proxyWithinStakeholderGroup: true });
    const mine = (await list(d.kenya.client, d.group)).body;
    expect(mine.me?.can.give).toBe(true);
    expect(mine.me?.eligibleHolders.map((h) => h.id).sort()).toEqual([d.chair.id, d.ana.id, d.ben.id, d.cleo.id].sort());
    expect((await give(d.kenya, d.group, { holderId: d.ana.id, scope: 'period', from: today(), to: inDays(2) })).status).toBe(201);
    const anonList = (await list(anon, d.group)).body;
    expect(anonList).toMatchObject({ cap: 1, withinStakeholderGroup: true, me: null });
    expect(anonList.items[0]).toMatchObject({ grantor: { id: d.kenya.id }, holder: { id: d.ana.id }, scope: 'period', from: today(), to: inDays(2) });
    // Ana now holds one (the cap): she is no longer listed for Ben.
    expect((await list(d.ben.client, d.group)).body.me?.eligibleHolders.map((h) => h.id)).not.toContain(d.ana.id);
  });
});
