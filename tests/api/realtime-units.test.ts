import fc from 'fast-check';
import { parseRoom, type JoinRoomResult, type LiveEvent, type ParsedRoom, type RoomName } from '@parley/contracts';
import type { AffiliationSnapshot, AuditEvent } from '@parley/domain';
import { ChainFanout, type FanoutPort } from '../../apps/api/src/realtime/chain-fanout';
import { presenceOf } from '../../apps/api/src/realtime/presence.service';
import { roomsOf } from '../../apps/api/src/realtime/room-mapping';
import { joinVerdict, liveView, showsPresence, type BallotDisclosure } from '../../apps/api/src/realtime/room.policy';
import { cookieValue, credentialsOf, sameOrigin } from '../../apps/api/src/realtime/socket-auth';
import { takeJoinToken } from '../../apps/api/src/realtime/realtime.gateway';
import { JOIN_BURST, JOINS_PER_SECOND } from '@parley/contracts';
import { sample, SAMPLE_CHANGES } from '../support/audit-samples';

const G = '6f1c1a52-8a0e-4b8e-9a51-2b7f0f7d1c01';
const D = '0b5e3c61-2d1f-4f55-8c3c-6a9b7d3e2f02';
const B = 'c2a4e6f8-1b3d-4c5e-9f7a-8b6c4d2e0f03';
const wg = `wg:${G}` as RoomName;

function event(partial: Partial<AuditEvent> & Pick<AuditEvent, 'sequence'>): AuditEvent {
  return {
    scope: wg,
    occurredAt: '2026-11-23T10:00:00.000Z',
    actorId: 'actor',
    actorName: 'Amina Diallo',
    actorSnapshot: null,
    action: 'comment.posted',
    subjectType: 'comment',
    subjectId: 'x',
    change: {},
    changeDigest: '',
    previousHash: '',
    hash: '',
    ...partial,
  };
}

describe('parseRoom', () => {
  it.each([
    ['platform', { kind: 'platform', id: null }],
    [`wg:${G}`, { kind: 'wg', id: G }],
    [`doc:${D}`, { kind: 'doc', id: D }],
    [`ballot:${B}`, { kind: 'ballot', id: B }],
  ])('%s is a room', (name, expected) => expect(parseRoom(name)).toMatchObject(expected));

  it.each([['wg:'], ['wg:abc'], [`WG:${G}`], [`doc:${G.toUpperCase()}`], [`person:${G}`], ['platform:x'], [''], [42], [null], [{ room: wg }], [`doc:${D}x`]])(
    '%p is not',
    (name) => expect(parseRoom(name)).toBeNull(),
  );
});

describe('roomsOf: which rooms an event belongs to', () => {
  it.each<[string, Partial<AuditEvent>, string[]]>([
    ['a platform event', { scope: 'platform', subjectType: 'organisation', subjectId: D }, ['platform']],
    ['a membership change', { ...sample('membership.admitted'), subjectId: D }, [wg]],
    ['a document created', { ...sample('document.created', { documentId: D }), subjectId: D }, [wg, `doc:${D}`]],
    ['a comment on a document', { ...sample('comment.posted', { documentId: D }), subjectId: 'c1' }, [wg, `doc:${D}`]],
    ['an amendment on a document', { ...sample('amendment.proposed', { documentId: D }), subjectId: 'a1' }, [wg, `doc:${D}`]],
    ['a ballot opened', { ...sample('ballot.opened'), subjectId: B }, [wg, `ballot:${B}`]],
    ['a vote', { ...sample('vote.cast'), subjectId: B }, [wg, `ballot:${B}`]],
    ['an amendment decided by a ballot', { ...sample('amendment.accepted', { documentId: D, ballotId: B }), subjectId: 'a1' }, [wg, `doc:${D}`, `ballot:${B}`]],
    ['a change naming a malformed document id', { ...sample('comment.posted', { documentId: 'nope' }), subjectId: 'c1' }, [wg]],
    ['an event the catalogue cannot read: only its chain, and its subject’s room', { action: 'comment.posted', subjectType: 'comment', subjectId: 'c1', change: { documentId: D } }, [wg]],
    ['a chain that is no room', { scope: 'wg:concurrency', subjectType: 'test' }, []],
  ])('%s', (_what, partial, rooms) => expect(roomsOf(event({ sequence: 1, ...partial }))).toEqual(rooms));
});

describe('room policy', () => {
  const room = (name: string) => parseRoom(name) as ParsedRoom;
  it.each([
    ['platform', 'live-unavailable', {}],
    [wg, 'not-found', { resource: 'working-group' }],
    [`doc:${D}`, 'not-found', { resource: 'document' }],
    [`ballot:${B}`, 'not-found', { resource: 'ballot' }],
  ])('anyone may join %s when it exists (all rooms show public data); one that does not is refused by its code', (name, code, params) => {
    expect(joinVerdict(room(name), { scope: wg })).toBe(true);
    expect(joinVerdict(room(name), null)).toMatchObject({ code, params });
  });

  it.each([
    ['platform', false],
    [wg, false],
    [`doc:${D}`, true],
    [`ballot:${B}`, true],
  ] as const)('%s shows presence: %p', (name, shows) => expect(showsPresence(room(name))).toBe(shows));

  const snapshot = { organisationId: 'org', stakeholderGroup: 'private-sector' } as AffiliationSnapshot;
  const vote = event({
    sequence: 9,
    action: 'vote.cast',
    subjectType: 'ballot',
    subjectId: B,
    actorId: 'voter',
    actorSnapshot: snapshot,
    change: { choice: 'no', reason: 'Too vague', changes: 0, countedUnder: { organisationId: 'org', stakeholderGroup: 'private-sector' } },
  });
  const secretVote = {
    ...vote,
    change: { commitment: 'abc', commitmentScheme: 'sha256', changes: 0, countedUnder: { organisationId: 'org', stakeholderGroup: 'private-sector' } },
  };

  it.each<[string, AuditEvent, BallotDisclosure | null, LiveEvent['redacted'], Record<string, unknown>, boolean]>([
    ['roll-call, live tallies: everything', vote, { visibility: 'roll-call', tallies: 'live' }, null, vote.change, true],
    [
      'roll-call, hidden until close: the voter, not the choice (nor the nonce that keeps the log’s digest unguessable)',
      { ...vote, change: { ...vote.change, nonce: 'f00d'.repeat(16) } },
      { visibility: 'roll-call', tallies: 'hidden-until-close' },
      'choice',
      { changes: 0, countedUnder: vote.change.countedUnder },
      true,
    ],
    ['secret, live tallies: only that a vote happened', secretVote, { visibility: 'secret', tallies: 'live' }, 'vote', {}, false],
    ['secret, hidden until close: only that a vote happened', secretVote, { visibility: 'secret', tallies: 'hidden-until-close' }, 'vote', {}, false],
    ['a ballot whose terms are unknown: treated as secret', vote, null, 'vote', {}, false],
  ])('a vote on a %s', (_what, e, ballot, redacted, change, actorShown) => {
    for (const r of [`ballot:${B}`, wg] as RoomName[]) {
      const shown = liveView(e, r, ballot);
      expect(shown).toMatchObject({ room: r, scope: wg, sequence: 9, action: 'vote.cast', subjectId: B, redacted });
      expect(shown.change).toEqual(change);
      expect(shown.actor).toEqual(actorShown ? { id: 'voter', name: 'Amina Diallo', snapshot } : null);
    }
  });

  it('other events are shown as recorded', () => {
    const e = event({ sequence: 3, change: { ...SAMPLE_CHANGES['comment.posted'], documentId: D, body: 'Define “critical”' } });
    expect(liveView(e, `doc:${D}` as RoomName, null)).toEqual({
      room: `doc:${D}`,
      scope: wg,
      sequence: 3,
      action: 'comment.posted',
      occurredAt: e.occurredAt,
      subjectType: 'comment',
      subjectId: 'x',
      actor: { id: 'actor', name: 'Amina Diallo', snapshot: null },
      change: e.change,
      redacted: null,
    });
  });
});

describe('presence', () => {
  const p = (id: string, name: string) => ({ viewer: { id, name, snapshot: null } });
  it('lists each signed-in person once, by name, and counts anonymous viewers', () => {
    const snap = presenceOf(`doc:${D}`, [p('2', 'Zoe'), { viewer: null }, p('1', 'Ana'), p('2', 'Zoe'), { viewer: null }], new Date('2026-11-23T10:00:00Z'));
    expect(snap).toEqual({
      room: `doc:${D}`,
      people: [
        { id: '1', name: 'Ana', snapshot: null },
        { id: '2', name: 'Zoe', snapshot: null },
      ],
      anonymous: 2,
      at: '2026-11-23T10:00:00.000Z',
    });
  });
});

describe('socket credentials', () => {
  const hs = (auth: Record<string, unknown>, headers: Record<string, string>) => ({ auth, headers });
  it.each<[string, ReturnType<typeof hs>, { token: string; explicit: boolean } | null]>([
    ['auth.token', hs({ token: 'T' }, {}), { token: 'T', explicit: true }],
    ['a bearer header', hs({}, { authorization: 'Bearer T' }), { token: 'T', explicit: true }],
    [
      'a same-origin cookie',
      hs({}, { cookie: 'a=1; parley_session=T', host: 'parley.example', origin: 'https://parley.example' }),
      { token: 'T', explicit: false },
    ],
    ['a cookie without Origin (not a browser page)', hs({}, { cookie: 'parley_session=T', host: 'h' }), { token: 'T', explicit: false }],
    ['a cookie from another site’s page', hs({}, { cookie: 'parley_session=T', host: 'parley.example', origin: 'https://evil.example' }), null],
    ['nothing', hs({}, {}), null],
    ['auth.token wins over a cookie', hs({ token: 'A' }, { cookie: 'parley_session=C' }), { token: 'A', explicit: true }],
  ])('%s', (_what, handshake, expected) => expect(credentialsOf(handshake as never)).toEqual(expected));

  it('reads cookies and compares origins', () => {
    expect(cookieValue('x=1; parley_session=a%2Bb', 'parley_session')).toBe('a+b');
    expect(cookieValue('parley_sessionx=1', 'parley_session')).toBeNull();
    expect(sameOrigin('http://127.0.0.1:5173', '127.0.0.1:5173')).toBe(true);
    expect(sameOrigin('not a url', 'h')).toBe(false);
  });
});

describe('join rate', () => {
  it('allows a burst (every room again after a reconnect), then JOINS_PER_SECOND', () => {
    const conn = { joinTokens: JOIN_BURST, filledAt: 0 };
    const burst = Array.from({ length: JOIN_BURST + 5 }, () => takeJoinToken(conn, 0));
    expect(burst.filter(Boolean)).toHaveLength(JOIN_BURST);
    expect(takeJoinToken(conn, 1000 / JOINS_PER_SECOND - 1)).toBe(false);
    expect(takeJoinToken(conn, 1000 / JOINS_PER_SECOND + 1)).toBe(true);
    expect(Array.from({ length: 100 }, () => takeJoinToken(conn, 60_000)).filter(Boolean)).toHaveLength(JOIN_BURST);
  });
});

// ---------------------------------------------------------------------------------------------
// The sequencer, against a simulated log and network: publications late, duplicated, reordered
// or lost; joins at any moment with any last sequence. Every member must end up with exactly the
// events of its room after its `after` (or after the position it was given), in order, once.

interface FakeMember {
  id: string;
  connected: boolean;
  received: LiveEvent[];
}

function simulation(seed: number) {
  let s = seed >>> 0 || 1;
  const random = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pause = async () => {
    for (let i = Math.floor(random() * 4); i > 0; i--) await new Promise((r) => setImmediate(r));
  };
  const log: AuditEvent[] = [];
  const rooms = new Map<RoomName, Set<FakeMember>>();
  const port: FanoutPort<FakeMember> = {
    head: async () => {
      const n = log.length;
      await pause();
      return n;
    },
    readAfter: async (_scope, after, limit) => {
      const rows = log.slice(after, after + limit);
      await pause();
      return rows;
    },
    prepare: async () => pause(),
    view: (e, room) => liveView(e, room, null),
    deliverToRoom: (room, e) => rooms.get(room)?.forEach((m) => m.received.push(e)),
    sendTo: (m, e) => m.received.push(e),
    resync: () => undefined,
    enterRoom: (m, room) => rooms.set(room, (rooms.get(room) ?? new Set()).add(m)),
    exitRoom: (m, room) => rooms.get(room)?.delete(m),
    isConnected: (m) => m.connected,
    onError: (e) => {
      throw e;
    },
  };
  return { random, log, port };
}

type Step =
  { kind: 'commit'; doc: boolean; published: 'once' | 'twice' | 'late' | 'lost' } | { kind: 'join'; doc: boolean; back: number | null } | { kind: 'tick' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('commit' as const),
      doc: fc.boolean(),
      published: fc.constantFrom('once', 'once', 'once', 'twice', 'late', 'lost'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), doc: fc.boolean(), back: fc.option(fc.nat(12), { freq: 5 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
);

describe('ChainFanout', () => {
  it('shows each member its room’s events in order, once, with nothing missing, whatever the network does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 60 }), fc.integer({ min: 1, max: 2 ** 31 }), async (steps, seed) => {
        const { random, log, port } = simulation(seed);
        const fanout = new ChainFanout<FakeMember>(port, 1000);
        const doc = `doc:${D}` as RoomName;
        const late: AuditEvent[] = [];
        const members: { m: FakeMember; room: RoomName; after: number | null; joined: Promise<JoinRoomResult> }[] = [];
        for (const step of steps) {
          if (step.kind === 'commit') {
            const e = event({ sequence: log.length + 1, subjectId: `e${log.length + 1}`, ...(step.doc ? sample('comment.posted', { documentId: D }) : sample('membership.requested')) });
            log.push(e);
            if (step.published === 'once') fanout.accept([e]);
            if (step.published === 'twice') fanout.accept([e, e]);
            if (step.published === 'late') late.push(e);
          } else if (step.kind === 'join') {
            const m: FakeMember = { id: `m${members.length}`, connected: true, received: [] };
            const after = step.back === null ? null : Math.max(0, log.length - step.back);
            const room = step.doc ? doc : wg;
            members.push({ m, room, after, joined: fanout.join(m, room, wg, after) });
          } else {
            if (late.length && random() < 0.7) fanout.accept(late.splice(Math.floor(random() * late.length), 1));
            await new Promise((r) => setImmediate(r));
          }
        }
        fanout.accept(late.splice(0));
        await fanout.idle();
        await fanout.catchUp();
        await fanout.idle();
        for (const { m, room, after, joined } of members) {
          const result = await joined;
          if (!result.ok) throw new Error('join refused');
          const from = result.resync ? result.sequence : (after as number);
          const expected = log.filter((e) => e.sequence > from && roomsOf(e).includes(room)).map((e) => e.sequence);
          expect(m.received.map((e) => e.sequence)).toEqual(expected);
          expect(m.received.every((e) => e.room === room)).toBe(true);
          if (!result.resync) expect(result.replayed).toBe(expected.filter((q) => q <= result.sequence).length);
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('forgets a chain once nobody follows it, and ignores events of chains nobody follows', async () => {
    const { log, port } = simulation(7);
    const fanout = new ChainFanout<FakeMember>(port);
    log.push(event({ sequence: 1 }));
    fanout.accept([log[0]]);
    expect(fanout.positions().size).toBe(0);
    const m: FakeMember = { id: 'm', connected: true, received: [] };
    await fanout.join(m, wg, wg, 0);
    expect(fanout.positions().get(wg)).toBe(1);
    await fanout.leave(m, wg, wg);
    await fanout.idle();
    expect(fanout.positions().size).toBe(0);
    await fanout.join(m, wg, wg, 1);
    fanout.forget('m');
    await fanout.idle();
    expect(fanout.positions().size).toBe(0);
  });

  it('asks rooms to resync when a gap is too large to read', async () => {
    const { log, port } = simulation(9);
    const resyncs: unknown[] = [];
    const fanout = new ChainFanout<FakeMember>({ ...port, resync: (room, notice) => resyncs.push(notice) }, 10);
    const m: FakeMember = { id: 'm', connected: true, received: [] };
    log.push(event({ sequence: 1 }));
    await fanout.join(m, wg, wg, 0);
    for (let i = 2; i <= 30; i++) log.push(event({ sequence: i }));
    fanout.accept([log[29]]);
    await fanout.idle();
    expect(resyncs).toEqual([{ room: wg, scope: wg, sequence: 30, reason: 'gap-too-large' }]);
    expect(fanout.positions().get(wg)).toBe(30);
  });
});
