import { QueryClient } from '@tanstack/react-query';
import type { LiveEvent, RoomName } from '@parley/contracts';
import { FakeSocket } from './fake-socket';
import { LiveConnection, type LiveSocket } from './live-connection';
import { Invalidator, stalenessOf } from './live-invalidation';

const G = '6f1c1a52-8a0e-4b8e-9a51-2b7f0f7d1c01';
const D = '0b5e3c61-2d1f-4f55-8c3c-6a9b7d3e2f02';
const doc = `doc:${D}` as RoomName;

const shown = { scope: `wg:${G}`, occurredAt: '2026-11-23T10:00:00.000Z', actor: { id: 'p1', name: 'Ana Ruiz', snapshot: null }, redacted: null } as const;
/** A comment posted on the document, as the document's room shows it. */
const ev = (sequence: number): LiveEvent => ({
  ...shown,
  room: doc,
  sequence,
  action: 'comment.posted',
  subjectType: 'comment',
  subjectId: `comment-${sequence}`,
  change: { documentId: D, version: 1, clauseId: 'c1', parentId: null, kind: 'general', body: 'Define “critical”', quote: null },
});

describe('LiveConnection', () => {
  let socket: FakeSocket;
  let live: LiveConnection;
  beforeEach(() => {
    socket = new FakeSocket();
    live = new LiveConnection(() => socket as unknown as LiveSocket);
  });

  it('connects on the first room followed, joins without a last sequence, and asks the page to reload once', () => {
    const resync = jest.fn();
    expect(live.status).toBe('idle');
    live.follow(doc, { resync });
    expect(live.status).toBe('live');
    expect(socket.joins).toEqual([{ room: doc, after: null }]);
    expect(resync).toHaveBeenCalledWith(doc);
    expect(live.lastSequence(doc)).toBe(0);
  });

  it('passes on each event once, in order, and rejoins after a reconnect from the last one seen', () => {
    const seen: number[] = [];
    live.follow(doc, { event: (e) => seen.push(e.sequence) });
    socket.answer = (req) => ({ ok: true, room: req.room, scope: `wg:${G}`, sequence: 7, replayed: 0, resync: false });
    for (const n of [3, 5, 5, 4, 7]) socket.fire('live:event', ev(n));
    expect(seen).toEqual([3, 5, 7]);
    socket.drop();
    expect(live.status).toBe('reconnecting');
    socket.connect();
    expect(live.status).toBe('live');
    expect(socket.joins.at(-1)).toEqual({ room: doc, after: 7 });
  });

  it('keeps the larger of its last sequence and the position the server answers', () => {
    live.follow(doc, {});
    socket.answer = (req) => ({ ok: true, room: req.room, scope: `wg:${G}`, sequence: 42, replayed: 0, resync: false });
    socket.drop();
    socket.connect();
    expect(live.lastSequence(doc)).toBe(42);
  });

  it('shares one join among followers and leaves when the last one stops', () => {
    const a = live.follow(doc, {});
    const b = live.follow(doc, {});
    expect(socket.joins).toHaveLength(1);
    a();
    expect(socket.leaves).toEqual([]);
    b();
    expect(socket.leaves).toEqual([doc]);
  });

  it('keeps presence per room and tells the followers', () => {
    const presence = jest.fn();
    live.follow(doc, { presence });
    const snap = { room: doc, people: [{ id: 'p', name: 'Amina Diallo', snapshot: null }], anonymous: 2, at: '2026-11-23T10:00:00.000Z' };
    socket.fire('presence', snap);
    expect(presence).toHaveBeenCalledWith(snap);
    expect(live.presenceOf(doc)).toEqual(snap);
  });

  it('keeps why a join was refused (its refusal code), tells who listens, and forgets it once a join succeeds', () => {
    const changed = jest.fn();
    live.onRefusal(changed);
    const tooMany = { ok: false, room: doc, code: 'too-many-rooms', params: { maximum: 50 }, detail: 'At most 50 rooms per connection' } as const;
    socket.answer = () => tooMany;
    live.follow(doc, {});
    expect(live.refusal).toEqual(tooMany);
    expect(changed).toHaveBeenCalledTimes(1);
    socket.answer = (req) => ({ ok: true, room: req.room, scope: `wg:${G}`, sequence: 3, replayed: 0, resync: false });
    socket.drop();
    socket.connect();
    expect(live.refusal).toBeNull();
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('live invalidation', () => {
  it('makes stale the queries that mention the ids an event is about, and group lists for membership changes', async () => {
    const qc = new QueryClient();
    const keys = [
      ['documents', D],
      ['documents', D, 'comments', { clauseId: 'x' }],
      ['ballots', 'b1'],
      ['working-groups'],
      ['working-groups', G],
      ['organisations'],
      ['chair-terms', {}],
    ];
    for (const k of keys) qc.setQueryData(k, 1);
    const inv = new Invalidator(qc, 0);
    inv.add(stalenessOf(ev(1)));
    await inv.flush();
    const stale = () => keys.filter((k) => qc.getQueryState(k)?.isInvalidated).map((k) => JSON.stringify(k));
    expect(stale()).toEqual([JSON.stringify(['documents', D]), JSON.stringify(['documents', D, 'comments', { clauseId: 'x' }])]);

    const snapshot = {
      affiliationId: 'a1',
      organisationId: 'o1',
      organisationName: 'Access Now',
      stakeholderGroup: 'civil-society',
      subtype: 'ngo',
      country: null,
      title: 'Policy lead',
      organisationVerified: true,
    } as const;
    const admitted: LiveEvent = {
      ...shown,
      room: `wg:${G}`,
      sequence: 2,
      action: 'membership.admitted',
      subjectType: 'membership',
      subjectId: 'membership-1',
      change: { personId: 'p2', name: 'Li Wei', kind: 'member', snapshot, requestId: 'r1', reason: null, via: 'chair' },
    };
    inv.add(stalenessOf(admitted));
    await inv.flush();
    expect(stale()).toEqual(
      expect.arrayContaining([JSON.stringify(['working-groups']), JSON.stringify(['working-groups', G]), JSON.stringify(['chair-terms', {}])]),
    );
    expect(stale()).not.toContain(JSON.stringify(['ballots', 'b1']));
  });
});
