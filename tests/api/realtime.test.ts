import { randomUUID } from 'node:crypto';
import { sealEvent, type AuditEvent } from '@parley/domain';
import { REFUSALS, type RefusalCode } from '@parley/contracts';
import { AuditedTransaction } from '../../apps/api/src/audit/audited-transaction';
import { AuditRepository } from '../../apps/api/src/audit/audit.repository';
import { sample, type SampleAct } from '../support/audit-samples';
import { LivePublisher } from '../../apps/api/src/realtime/live-publisher';
import { newDelegate, newPerson } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { LiveClient, range } from './realtime-client';

// Real API instances and sockets on a shared, sometimes busy machine: generous time, exact assertions.
jest.setTimeout(60_000);

describe('live rooms on one instance', () => {
  let t: TestApp;
  let tx: AuditedTransaction;
  const clients: LiveClient[] = [];
  const connect = async (options: Parameters<typeof LiveClient.connect>[1] = {}) => {
    const c = await LiveClient.connect(t.baseUrl, options);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    tx = t.app.get(AuditedTransaction);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.close());

  const actor = { id: null, name: 'test', snapshot: null };
  const append = (scope: string, act: SampleAct = sample('membership.requested'), subjectId: string = randomUUID()) =>
    tx.run((x) => x.record({ scope, actor, subjectId, ...act }));
  const newChain = async () => {
    const scope = `wg:${randomUUID()}`;
    await append(scope);
    return scope as `wg:${string}`;
  };

  it('a client in a working-group room gets every event of the chain, in order, once, while 100 writers race', async () => {
    const room = await newChain();
    const c = await connect();
    const joined = await c.join(room, 0);
    expect(joined).toMatchObject({ ok: true, room, scope: room, sequence: 1, replayed: 1, resync: false });
    await Promise.all(range(1, 100).map(() => append(room)));
    const events = await c.waitForCount(room, 101);
    expect(events.map((e) => e.sequence)).toEqual(range(1, 101));
    expect(events.every((e) => e.scope === room && e.action === 'membership.requested')).toBe(true);
  });

  it('a rolled-back transaction publishes nothing, and the chain goes on without a gap', async () => {
    const room = await newChain();
    const c = await connect();
    await c.join(room, 1);
    await expect(
      tx.run(async (x) => {
        await x.record({ scope: room, actor, subjectId: 'rolled-back', ...sample('membership.requested') });
        throw new Error('the use case failed after recording');
      }),
    ).rejects.toThrow('failed after recording');
    await append(room, sample('membership.requested'), 'committed');
    const events = await c.waitForCount(room, 1);
    expect(events.map((e) => [e.sequence, e.subjectId])).toEqual([[2, 'committed']]);
  });

  it('a client that disconnects, misses 50 events and reconnects with its last sequence gets exactly those 50, then live ones', async () => {
    const room = await newChain();
    const first = await connect();
    await first.join(room, 0);
    for (let i = 0; i < 9; i++) await append(room);
    const seen = await first.waitForCount(room, 10);
    const last = seen[seen.length - 1].sequence;
    first.close();

    const missed: AuditEvent[] = [];
    for (let i = 0; i < 50; i++) missed.push(await append(room));

    const again = await connect();
    const joined = await again.join(room, last);
    expect(joined).toMatchObject({ ok: true, sequence: last + 50, replayed: 50, resync: false });
    // The replay went out before the answer: it is all there already.
    expect(again.sequences(room)).toEqual(missed.map((e) => e.sequence));
    expect(again.in(room).map((e) => e.subjectId)).toEqual(missed.map((e) => e.subjectId));
    await append(room);
    const all = await again.waitForCount(room, 51);
    expect(all.map((e) => e.sequence)).toEqual(range(last + 1, last + 51));
  });

  it('clients joining at random moments with random last sequences, while writes go on, each get exactly what they missed and what followed', async () => {
    const room = await newChain();
    const writer = (async () => {
      for (let i = 0; i < 150; i++) await append(room);
    })();
    const joiners = await Promise.all(
      range(1, 12).map(async (i) => {
        await new Promise((r) => setTimeout(r, i * 25));
        const c = await connect();
        const head = (await t.app.get(AuditRepository).heads()).find((h) => h.scope === room)?.sequence ?? 1;
        const after = Math.max(0, head - ((i * 7) % 40));
        const joined = await c.join(room, after);
        return { c, after, joined };
      }),
    );
    await writer;
    for (const { c, after, joined } of joiners) {
      expect(joined.ok).toBe(true);
      const events = await c.waitForCount(room, 151 - after);
      expect(events.map((e) => e.sequence)).toEqual(range(after + 1, 151));
    }
  });

  it('an event committed but never published (a crash between commit and publish) still reaches live and reconnecting clients, in order', async () => {
    const room = await newChain();
    const live = await connect();
    await live.join(room, 1);
    const audit = t.app.get(AuditRepository);
    // Commit an event the way AuditedTransaction does, but without handing it to the publisher.
    await t.dataSource.transaction(async (manager) => {
      const head = await audit.lockChain(manager, room);
      const event = sealEvent({
        scope: room,
        sequence: head.sequence + 1,
        occurredAt: new Date().toISOString(),
        actorId: null,
        actorName: 'crash',
        actorSnapshot: null,
        action: 'membership.requested',
        subjectType: 'test',
        subjectId: 'unpublished',
        change: {},
        previousHash: head.hash,
      });
      await audit.insert(manager, event);
    });
    // A reconnecting client reads it from the table.
    const late = await connect();
    expect(await late.join(room, 1)).toMatchObject({ ok: true, sequence: 2, replayed: 1 });
    expect(late.in(room).map((e) => e.subjectId)).toEqual(['unpublished']);
    // The live client gets it before the next event (that join brought the instance up to the head).
    await append(room, sample('membership.requested'), 'next');
    const events = await live.waitForCount(room, 2);
    expect(events.map((e) => [e.sequence, e.subjectId])).toEqual([
      [2, 'unpublished'],
      [3, 'next'],
    ]);
  });

  it('a lost publication with nothing after it is caught up with periodically', async () => {
    const room = await newChain();
    const live = await connect();
    await live.join(room, 1);
    const audit = t.app.get(AuditRepository);
    await t.dataSource.transaction(async (manager) => {
      const head = await audit.lockChain(manager, room);
      await audit.insert(
        manager,
        sealEvent({
          scope: room,
          sequence: head.sequence + 1,
          occurredAt: new Date().toISOString(),
          actorId: null,
          actorName: null,
          actorSnapshot: null,
          action: 'membership.requested',
          subjectType: 'test',
          subjectId: 'lost',
          change: {},
          previousHash: head.hash,
        }),
      );
    });
    await t.app.get(LivePublisher).fanout.catchUp();
    const events = await live.waitForCount(room, 1);
    expect(events.map((e) => e.subjectId)).toEqual(['lost']);
  });

  it('document and ballot rooms carry only the events about them; the group room carries all', async () => {
    const room = await newChain();
    const documentId = randomUUID();
    const ballotId = randomUUID();
    await append(room, sample('document.created', { documentId, title: 'Norm' }), documentId);
    await append(room, sample('ballot.opened', { visibility: 'roll-call', tallies: 'live' }), ballotId);
    const c = await connect();
    const doc = `doc:${documentId}` as const;
    const ballot = `ballot:${ballotId}` as const;
    expect(await c.join(doc, 0)).toMatchObject({ ok: true, scope: room, replayed: 1 });
    expect(await c.join(ballot, 0)).toMatchObject({ ok: true, scope: room, replayed: 1 });
    expect(await c.join(room, 3)).toMatchObject({ ok: true, replayed: 0 });

    await append(room, sample('comment.posted', { documentId, body: 'Clarify “critical infrastructure”' }));
    await append(room, sample('membership.admitted'));
    await append(room, sample('amendment.proposed', { documentId }));
    await append(room, sample('vote.cast', { choice: 'yes', reason: null, changes: 0 }), ballotId);

    await c.waitForCount(room, 4);
    expect(c.in(doc).map((e) => e.action)).toEqual(['document.created', 'comment.posted', 'amendment.proposed']);
    expect(c.in(ballot).map((e) => e.action)).toEqual(['ballot.opened', 'vote.cast']);
    expect(c.in(ballot)[1]).toMatchObject({ redacted: null, change: { choice: 'yes' } });
    expect(c.in(room).map((e) => e.sequence)).toEqual([4, 5, 6, 7]);
  });

  it('refuses rooms that do not exist or are not rooms, and bad sequences', async () => {
    const c = await connect();
    expect(await c.join(`doc:${randomUUID()}`)).toMatchObject({ ok: false, code: 'not-found', params: { resource: 'document' }, detail: 'The document was not found' });
    expect(await c.join(`wg:${randomUUID()}`)).toMatchObject({ ok: false, code: 'not-found', params: { resource: 'working-group' } });
    expect(await c.join('wg:not-a-uuid')).toMatchObject({ ok: false, code: 'not-a-room' });
    expect(await c.join('secret-room')).toMatchObject({ ok: false, code: 'not-a-room' });
    const room = await newChain();
    expect(await c.join(room, -1)).toMatchObject({ ok: false, code: 'not-a-sequence' });
    expect(await c.join(room, 1.5)).toMatchObject({ ok: false, code: 'not-a-sequence' });
    for (const code of ['not-a-room', 'not-a-sequence']) expect(REFUSALS[code as RefusalCode].status).toBe(400);
  });

  it('asks for a resync when it cannot replay: no last sequence, or one ahead of the chain', async () => {
    const room = await newChain();
    const c = await connect();
    expect(await c.join(room)).toMatchObject({ ok: true, sequence: 1, replayed: 0, resync: true });
    expect(await c.join(room, 99)).toMatchObject({ ok: true, sequence: 1, replayed: 0, resync: true });
    expect(c.in(room)).toHaveLength(0);
  });

  it('after leaving a room a client gets nothing more from it', async () => {
    const room = await newChain();
    const c = await connect();
    await c.join(room, 1);
    await append(room);
    await c.waitForCount(room, 1);
    await c.leave(room);
    await append(room);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.sequences(room)).toEqual([2]);
  });

  it('the platform room shows an organisation created over HTTP, with its actor’s affiliation', async () => {
    const delegate = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'FR' });
    const c = await connect();
    const head = (await t.app.get(AuditRepository).heads()).find((h) => h.scope === 'platform')!.sequence;
    expect(await c.join('platform', head)).toMatchObject({ ok: true, scope: 'platform', replayed: 0 });
    const res = await delegate.client.post('/api/organisations', {
      name: 'Agence nationale de la sécurité des systèmes d’information',
      stakeholderGroup: 'government',
      subtype: 'national',
      country: 'FR',
    });
    expect(res.status).toBe(201);
    const [event] = await c.waitForCount('platform', 1);
    expect(event).toMatchObject({
      room: 'platform',
      scope: 'platform',
      sequence: head + 1,
      action: 'organisation.created',
      subjectId: res.body.id,
      actor: { id: delegate.id, name: delegate.name, snapshot: { organisationId: delegate.organisation.id, stakeholderGroup: 'government' } },
    });
  });

  describe('authentication', () => {
    it('accepts the session token as auth.token or as the session cookie, and anonymous connections', async () => {
      const person = await newPerson(t.baseUrl);
      await expect(connect({ token: person.session.token })).resolves.toBeInstanceOf(LiveClient);
      await expect(connect({ cookie: `parley_session=${person.session.token}` })).resolves.toBeInstanceOf(LiveClient);
      await expect(connect()).resolves.toBeInstanceOf(LiveClient);
    });

    it('refuses a token that is not a live session', async () => {
      await expect(connect({ token: 'not-a-session' })).rejects.toMatchObject({ message: 'unauthenticated', data: { code: 'unauthenticated' } });
      const person = await newPerson(t.baseUrl);
      expect((await person.client.post('/api/auth/logout')).status).toBeLessThan(300);
      await expect(connect({ token: person.session.token })).rejects.toMatchObject({ message: 'unauthenticated' });
    });
  });
});
