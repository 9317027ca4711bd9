import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyChain } from '@parley/domain';
import { PROBLEM_TYPES, WITHHELD_UNTIL_CLOSE, type AuditEventDetailResponse, type AuditEventResponse, type AuditLogResponse } from '@parley/contracts';
import { newChamber, openMotion, type Chamber } from '../support/ballot-fixtures';
import { expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);
const run = promisify(execFile);
const root = join(__dirname, '../..');

describe('the public audit log: filters, keyset pages, links along the chain, and what it withholds', () => {
  let t: TestApp;
  let c: Chamber;
  let other: Chamber;
  const anon = () => new ApiClient(t.baseUrl);
  const log = (query: string) => anon().get<AuditLogResponse>(`/api/audit?${query}`);
  /** Every page of a query, following nextCursor. */
  async function all(query: string, limit = 7): Promise<AuditLogResponse> {
    const items: AuditEventResponse[] = [];
    const links: AuditLogResponse['links'] = [];
    let cursor: string | null = null;
    do {
      const res = await log(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      links.push(...res.body.links);
      cursor = res.body.nextCursor;
    } while (cursor);
    return { items, links, nextCursor: null };
  }
  const key = (e: AuditEventResponse) => `${e.scope}#${e.sequence}`;

  beforeAll(async () => {
    t = await startTestApp();
    c = await newChamber(t.baseUrl, t.dataSource);
    other = await newChamber(t.baseUrl, t.dataSource);
    const live = await openMotion(c.chair, c.group, { title: 'That the group meets in Nairobi' });
    await c.company.client.post(`/api/ballots/${live.id}/votes`, { choice: 'no' });
    await c.civil.client.post(`/api/ballots/${live.id}/votes`, { choice: 'yes' });
    await openMotion(other.chair, other.group, { title: 'That the group publishes its minutes' });
  });
  afterAll(() => t.close());

  it('scope=all reads every chain as one log in time order; keyset pages give each event exactly once', async () => {
    const everything = await all('scope=all');
    const exported = (await (await fetch(`${t.baseUrl}/api/audit/export.jsonl`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEventResponse);
    expect(everything.items.map(key).sort()).toEqual(exported.map(key).sort());
    expect(new Set(everything.items.map(key)).size).toBe(everything.items.length);
    const times = everything.items.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort());
    expect(new Set(everything.items.map((e) => e.scope))).toEqual(new Set(['platform', `wg:${c.group.id}`, `wg:${other.group.id}`]));

    const backwards = await all('scope=all&order=desc', 11);
    expect(backwards.items.map(key)).toEqual(everything.items.map(key).reverse());
  });

  it('one chain reads in sequence order, and what it returns verifies as it is', async () => {
    const chain = await all(`scope=wg:${c.group.id}`, 5);
    expect(chain.items.map((e) => e.sequence)).toEqual(chain.items.map((_, i) => i + 1));
    expect(verifyChain(chain.items)).toMatchObject({ ok: true, chains: 1 });
    expect(chain.items.length).toBeGreaterThanOrEqual(3);
    const after = await log(`scope=wg:${c.group.id}&after=1&limit=2`);
    expect(after.body.items).toEqual(chain.items.slice(1, 3));
  });

  it('filters by actor, by the organisation of the actor’s snapshot, by action or family, and by date', async () => {
    const byActor = await all(`scope=all&actor=${c.company.id}`);
    expect(byActor.items.length).toBeGreaterThan(2);
    expect(byActor.items.every((e) => e.actorId === c.company.id)).toBe(true);
    expect(byActor.items.map((e) => e.action)).toEqual(expect.arrayContaining(['person.registered', 'organisation.created', 'affiliation.added', 'vote.cast']));

    const byOrganisation = await all(`scope=all&organisation=${c.civil.organisation.id}`);
    expect(byOrganisation.items.length).toBeGreaterThan(0);
    expect(byOrganisation.items.every((e) => e.actorSnapshot?.organisationId === c.civil.organisation.id)).toBe(true);
    expect(byOrganisation.items.map((e) => e.action)).toContain('vote.cast');

    const opened = await all('scope=all&action=ballot.opened');
    expect(opened.items.map((e) => e.scope).sort()).toEqual([`wg:${c.group.id}`, `wg:${other.group.id}`].sort());
    const family = await all('scope=all&action=affiliation');
    expect(family.items.length).toBeGreaterThan(0);
    expect(family.items.every((e) => e.action.startsWith('affiliation.'))).toBe(true);
    expect((await all('scope=all&action=affiliation.*')).items.map(key)).toEqual(family.items.map(key));
    expect((await all(`scope=wg:${other.group.id}&action=vote`)).items).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const everything = await all('scope=all');
    expect((await all(`scope=all&from=${today}&to=${today}`)).items.length).toBe(everything.items.length);
    expect((await all(`scope=all&to=${yesterday}`)).items).toEqual([]);
    const middle = everything.items[Math.floor(everything.items.length / 2)];
    const since = await all(`scope=all&from=${encodeURIComponent(middle.occurredAt)}`);
    expect(since.items.every((e) => e.occurredAt >= middle.occurredAt)).toBe(true);
    expect(since.items.map(key)).toContain(key(middle));
    const until = await all(`scope=all&to=${encodeURIComponent(middle.occurredAt)}`);
    expect(until.items.every((e) => e.occurredAt <= middle.occurredAt)).toBe(true);
    expect(until.items.length + since.items.length).toBeGreaterThanOrEqual(everything.items.length);
  });

  it('each event comes with its hash, its previous hash and a link to the previous event, whose hash it is', async () => {
    const page = await log(`scope=wg:${c.group.id}&limit=20`);
    page.body.items.forEach((e, i) => {
      const l = page.body.links[i];
      expect(l.page).toBe(`/audit/events/${encodeURIComponent(e.scope)}/${e.sequence}`);
      expect(l.api).toBe(`/api/audit/events/${encodeURIComponent(e.scope)}/${e.sequence}`);
      if (e.sequence === 1) expect(l.previous).toBeNull();
      else expect(l.previous).toMatchObject({ scope: e.scope, sequence: e.sequence - 1, hash: e.previousHash });
    });
    const third = page.body.links[2];
    const prev = await anon().get<AuditEventDetailResponse>(third.previous!.api);
    expect(prev.status).toBe(200);
    expect(prev.body.event.hash).toBe(page.body.items[2].previousHash);
    expect(prev.body.next).toMatchObject({ sequence: 3, hash: page.body.items[2].hash });
    expect(prev.body.links.previous).toMatchObject({ sequence: 1, hash: page.body.items[0].hash });
    const first = await anon().get<AuditEventDetailResponse>(`/api/audit/events/platform/1`);
    expect(first.body.links.previous).toBeNull();
  });

  it('withholds a roll-call vote’s choice while the ballot hides its tallies until close, and shows it once closed; the chain verifies either way', async () => {
    const hidden = await openMotion(c.chair, c.group, { title: 'That the group elects a rapporteur', tallies: 'hidden-until-close' });
    await c.government.client.post(`/api/ballots/${hidden.id}/votes`, { choice: 'no', reason: 'Too early' });
    const votes = async () => (await all(`scope=wg:${c.group.id}&action=vote.cast`)).items.filter((e) => e.subjectId === hidden.id);
    const [during] = await votes();
    expect(during).toMatchObject({ actorId: c.government.id, change: {}, withheld: WITHHELD_UNTIL_CLOSE });
    expect(JSON.stringify(during)).not.toMatch(/Too early|"no"/);
    const single = await anon().get<AuditEventDetailResponse>(`/api/audit/events/${encodeURIComponent(during.scope)}/${during.sequence}`);
    expect(single.body.event).toMatchObject({ change: {}, withheld: WITHHELD_UNTIL_CLOSE });

    const dir = mkdtempSync(join(tmpdir(), 'parley-withheld-'));
    try {
      const exported = await (await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=wg:${c.group.id}`)).text();
      expect(exported).not.toMatch(/Too early/);
      writeFileSync(join(dir, 'during.jsonl'), exported);
      const { stdout } = await run(process.execPath, [join(root, 'dist/api/tools/audit-verify.js'), join(dir, 'during.jsonl')]);
      expect(stdout).toMatch(/^OK: \d+ events in 1 chains verified; 1 changes withheld until their ballots close/);
      expect(verifyChain((await all(`scope=wg:${c.group.id}`)).items)).toMatchObject({ ok: true });

      await c.chair.client.post(`/api/ballots/${hidden.id}/close`, { reason: 'Closed early in a test.' });
      const [after] = await votes();
      expect(after).toMatchObject({ change: { choice: 'no', reason: 'Too early' } });
      expect(after.withheld).toBeUndefined();
      writeFileSync(join(dir, 'after.jsonl'), await (await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=wg:${c.group.id}`)).text());
      const again = await run(process.execPath, [join(root, 'dist/api/tools/audit-verify.js'), join(dir, 'after.jsonl')]);
      expect(again.stdout).toMatch(/^OK: \d+ events in 1 chains verified\nNot proved without --head: that the export is complete/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a live roll-call vote and a secret vote are shown as recorded: the choice, or only a commitment', async () => {
    const secret = await openMotion(c.chair, c.group, { title: 'That the chair stays', visibility: 'secret' });
    await c.civil.client.post(`/api/ballots/${secret.id}/votes`, { choice: 'abstain' });
    const votes = (await all(`scope=wg:${c.group.id}&action=vote.cast`)).items;
    const live = votes.find((e) => e.actorId === c.company.id)!;
    expect(live.change).toMatchObject({ choice: 'no' });
    const sealed = votes.find((e) => e.subjectId === secret.id)!;
    expect(sealed.change).toEqual(expect.objectContaining({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    expect(sealed.change).not.toHaveProperty('choice');
    expect(sealed.withheld).toBeUndefined();
  });

  it.each([
    ['a cursor it did not give', 'scope=all&cursor=bm9wZQ', 'cursor'],
    ['a malformed action', 'scope=all&action=Chair!', 'action'],
    ['a sequence without a chain', 'scope=all&after=3', 'after'],
    ['a range that ends before it starts', 'scope=all&from=2026-02-01&to=2026-01-01', 'to'],
    ['a malformed date', 'scope=all&from=yesterday', 'from'],
    ['a malformed actor', 'scope=all&actor=me', 'actor'],
    ['an unknown parameter', 'scope=all&who=me', 'who'],
  ])('refuses %s with 400 naming it', async (_, query, field) => {
    expectProblem(await log(query), 400, { type: PROBLEM_TYPES.validation, fields: [field] });
  });

  it('answers 404 for an event that does not exist, 400 for a malformed one', async () => {
    expectProblem(await anon().get('/api/audit/events/platform/999999'), 404);
    expectProblem(await anon().get('/api/audit/events/platform/0'), 400, { fields: ['sequence'] });
    expectProblem(await anon().get(`/api/audit/events/${encodeURIComponent('no such; chain')}/1`), 400, { fields: ['scope'] });
  });
});
