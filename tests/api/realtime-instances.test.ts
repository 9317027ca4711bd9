import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { RoomName } from '@parley/contracts';
import { AuditedTransaction } from '../../apps/api/src/audit/audited-transaction';
import { sample, type SampleAct } from '../support/audit-samples';
import { newDelegate } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { LiveClient, range } from './realtime-client';

// Real API instances and sockets on a shared, sometimes busy machine: generous time, exact assertions.
jest.setTimeout(60_000);

/** Redis for the Redis-adapter case: REDIS_URL when set, else the local one when it answers (these machines and CI run one). */
function redisUrl(): string | null {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const probe = `const s=require('net').connect(6379,'127.0.0.1');s.setTimeout(1000);s.on('connect',()=>{s.write('PING\\r\\n')});s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));s.on('timeout',()=>process.exit(1));`;
  try {
    execFileSync(process.execPath, ['-e', probe], { timeout: 3000, stdio: 'ignore' });
    return 'redis://127.0.0.1:6379';
  } catch {
    return null;
  }
}

const REDIS = redisUrl();
const adapters: [string, Record<string, string> | null][] = [
  ['postgres adapter', {}],
  ['redis adapter', REDIS ? { REDIS_URL: REDIS } : null],
];
if (!REDIS) console.warn('realtime-instances: no Redis (REDIS_URL unset, nothing at 127.0.0.1:6379): the Redis-adapter case is skipped');

describe.each(adapters.filter((a): a is [string, Record<string, string>] => a[1] !== null))('two API instances on one database (%s)', (_name, env) => {
  let a: TestApp;
  let b: TestApp;
  const clients: LiveClient[] = [];
  const connect = async (app: TestApp, token?: string) => {
    const c = await LiveClient.connect(app.baseUrl, { token });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  const actor = { id: null, name: 'test', snapshot: null };
  const append = (app: TestApp, scope: string, act: SampleAct = sample('membership.requested'), subjectId: string = randomUUID()) =>
    app.app.get(AuditedTransaction).run((x) => x.record({ scope, actor, subjectId, ...act }));

  it('a client on instance A sees, in order and once each, what writes on B (and A) did', async () => {
    const room = `wg:${randomUUID()}` as RoomName;
    await append(b, room);
    const onA = await connect(a);
    const onB = await connect(b);
    expect(await onA.join(room, 0)).toMatchObject({ ok: true, replayed: 1 });
    expect(await onB.join(room, 1)).toMatchObject({ ok: true, replayed: 0 });
    // Writers on both instances, racing on one chain.
    await Promise.all(range(1, 60).map((i) => append(i % 3 === 0 ? a : b, room)));
    expect((await onA.waitForCount(room, 61)).map((e) => e.sequence)).toEqual(range(1, 61));
    expect((await onB.waitForCount(room, 60)).map((e) => e.sequence)).toEqual(range(2, 61));
  });

  it('an organisation created over HTTP on B appears live on A', async () => {
    const delegate = await newDelegate(b.baseUrl);
    const onA = await connect(a);
    const head = (await onA.join('platform', 0)) as { sequence: number };
    const res = await delegate.client.post('/api/organisations', {
      name: `Cross-instance ${randomUUID().slice(0, 8)}`,
      stakeholderGroup: 'civil-society',
      subtype: 'ngo',
      country: 'KE',
    });
    expect(res.status).toBe(201);
    // Live within the promise of "seconds": the wait itself is the bound.
    await onA.waitFor('organisation.created on A', () => onA.in('platform').some((e) => e.subjectId === res.body.id), 5000);
    const event = onA.in('platform').find((e) => e.subjectId === res.body.id)!;
    expect(event).toMatchObject({ action: 'organisation.created', actor: { id: delegate.id } });
    expect(event.sequence).toBeGreaterThan(head.sequence);
  });

  it('presence spans instances: each sees who is viewing, with their affiliation; a leave on B is seen on A within seconds', async () => {
    const room = `wg:${randomUUID()}`;
    const documentId = randomUUID();
    await append(a, room, sample('document.created', { documentId }), documentId);
    const doc = `doc:${documentId}` as RoomName;
    const gov = await newDelegate(a.baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'FR' }, 'Cyber ambassador');
    const ngo = await newDelegate(a.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'CH' }, 'Policy lead');
    const onA = await connect(a, gov.session.token);
    const onB = await connect(b, ngo.session.token);
    const anonymousOnB = await connect(b);
    await onA.join(doc, 1);
    await onB.join(doc, 1);
    await anonymousOnB.join(doc, 1);

    const both = () =>
      onA.presence
        .get(doc)
        ?.people.map((p) => p.id)
        .sort()
        .join() === [gov.id, ngo.id].sort().join() && onA.presence.get(doc)?.anonymous === 1;
    await onA.waitFor('both delegates and one anonymous viewer in presence on A', both);
    await onB.waitFor('both in presence on B', () => onB.presence.get(doc)?.people.length === 2);
    expect(onA.presence.get(doc)!.people.find((p) => p.id === ngo.id)).toMatchObject({
      name: ngo.name,
      snapshot: { organisationId: ngo.organisation.id, stakeholderGroup: 'civil-society', title: 'Policy lead' },
    });

    onB.close();
    await onA.waitFor(
      'the NGO delegate gone from presence on A',
      () =>
        onA.presence
          .get(doc)
          ?.people.map((p) => p.id)
          .join() === gov.id,
      5000,
    );
    expect(onA.presence.get(doc)!.anonymous).toBe(1);
  });

  it('presence:get answers for a room the client is in, and nothing for others', async () => {
    const room = `wg:${randomUUID()}`;
    const ballotId = randomUUID();
    await append(a, room, sample('ballot.opened', { visibility: 'roll-call', tallies: 'live' }), ballotId);
    const viewer = await newDelegate(b.baseUrl);
    const c = await connect(b, viewer.session.token);
    expect(await c.socket.timeout(5000).emitWithAck('presence:get', { room: `ballot:${ballotId}` })).toBeNull();
    await c.join(`ballot:${ballotId}`, 1);
    expect(await c.socket.timeout(5000).emitWithAck('presence:get', { room: `ballot:${ballotId}` })).toMatchObject({
      room: `ballot:${ballotId}`,
      people: [{ id: viewer.id }],
      anonymous: 0,
    });
  });
});

describe('presence when an instance goes away', () => {
  it('viewers on an instance that stops disappear from presence elsewhere within seconds', async () => {
    const a = await startTestApp();
    const b = await startTestApp({ databaseUrl: a.databaseUrl });
    const clients: LiveClient[] = [];
    try {
      const room = `wg:${randomUUID()}`;
      const documentId = randomUUID();
      await a.app.get(AuditedTransaction).run((x) =>
        x.record({
          scope: room,
          actor: { id: null, name: null, snapshot: null },
          subjectId: documentId,
          ...sample('document.created', { documentId }),
        }),
      );
      const doc = `doc:${documentId}` as RoomName;
      const stays = await newDelegate(a.baseUrl);
      const goes = await newDelegate(a.baseUrl);
      const onA = await LiveClient.connect(a.baseUrl, { token: stays.session.token });
      const onB = await LiveClient.connect(b.baseUrl, { token: goes.session.token });
      clients.push(onA, onB);
      await onA.join(doc, 1);
      await onB.join(doc, 1);
      await onA.waitFor('two people on A', () => onA.presence.get(doc)?.people.length === 2);
      await b.stop();
      await onA.waitFor(
        'only the one on A left',
        () =>
          onA.presence
            .get(doc)
            ?.people.map((p) => p.id)
            .join() === stays.id,
        12_000,
      );
    } finally {
      for (const c of clients) c.close();
      await b.stop();
      await a.close();
    }
  }, 30_000);
});
