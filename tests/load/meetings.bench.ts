// Benchmark: the list of speakers of a crowded session, live on the room screen (issue #21).
//
// A group of 300 voting members (seedGroup), all checked in to one open session over HTTP. 500
// socket.io clients (real, over WebSocket, not signed in: the room screen is public) follow the
// session's room `meeting:<id>`. The chair then runs 200 turns at the floor over HTTP, one act after
// another as a chair clicks: a delegate asks for the floor (every tenth a point of order), the chair
// gives it, the chair ends the turn: 600 queue changes. Each client notes when each change reaches it.
//
// The limit, measured in the same run: a bare socket.io server in its own process (no database, no
// auth), 500 clients in one room, an HTTP trigger that emits a payload of the same size, at the same
// pace. Parley and the bare server run interleaved, block by block (A B, then B A…; each block a
// share of the turns), so a machine that drifts during the run weighs on both alike; the ratio is the
// median of the pairs' p99 ratios (pooled for information). Goal: every change reaches every client
// (0 lost, 0 duplicated) and p99 within 2× the bare p99 at the same client count.
//
// Environment: BENCH_CLIENTS (500), BENCH_ATTENDEES (300), BENCH_TURNS (200), BENCH_GAP_MS (40: the
// least time between two acts), BENCH_BLOCKS (BENCH_ROUNDS, 5).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import type { JoinRoomResult, LiveEvent, MeetingView } from '@parley/contracts';
import { emitResult, freePort, http, log, machine, machineLine, ms, runMain, seedGroup, sleep, startApi, startCluster, summarise, today, writeSection } from './support/harness';
import { interleave, judgedRow, pairsTable, ratioText } from './support/interleave';
import { loadText, ROUNDS } from './support/rounds';

const CLIENTS = Math.max(2, Math.min(2000, Number(process.env.BENCH_CLIENTS ?? 500)));
const ATTENDEES = Math.max(3, Math.min(1000, Number(process.env.BENCH_ATTENDEES ?? 300)));
const TURNS = Math.max(4, Math.min(2000, Number(process.env.BENCH_TURNS ?? 200)));
const GAP_MS = Math.max(0, Number(process.env.BENCH_GAP_MS ?? 40));
const BLOCKS = Math.max(1, Math.min(20, Number(process.env.BENCH_BLOCKS ?? ROUNDS)));
const DRAIN_MS = 10_000;
const CONNECT_BATCH = 50;
const RATIO = 2;

// ---------------------------------------------------------------------------------------------
// What the clients receive: per client, which changes (by key) it saw and when.

class Deliveries {
  /** key → when the act that makes it was sent (performance.now()). */
  readonly sentAt = new Map<string, number>();
  /** per client: key → when it arrived. */
  readonly seen: Map<string, number>[];
  duplicates = 0;
  constructor(clients: number) {
    this.seen = Array.from({ length: clients }, () => new Map());
  }
  arrive(client: number, key: string): void {
    const mine = this.seen[client];
    if (mine.has(key)) this.duplicates++;
    else mine.set(key, performance.now());
  }
  complete(keys: string[]): boolean {
    return this.seen.every((m) => keys.every((k) => m.has(k)));
  }
  /** Latencies of these keys over every client, and how many (client, key) pairs never arrived. */
  figures(keys: string[]): { latencies: number[]; lost: number } {
    const latencies: number[] = [];
    let lost = 0;
    for (const m of this.seen)
      for (const k of keys) {
        const at = m.get(k);
        const sent = this.sentAt.get(k);
        if (at === undefined || sent === undefined) lost++;
        else latencies.push(at - sent);
      }
    return { latencies, lost };
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await sleep(20);
  }
  return true;
}

async function connectAll(url: string, sockets: Socket[], setup: (socket: Socket, i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  for (let start = 0; start < CLIENTS; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - start) }, (_, j) => start + j);
    await Promise.all(
      batch.map(async (i) => {
        const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
        sockets[i] = socket;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`client ${i} did not connect`)), 20_000);
          socket.once('connect', () => (clearTimeout(timer), resolve()));
          socket.once('connect_error', (e) => (clearTimeout(timer), reject(e)));
        });
        await setup(socket, i);
      }),
    );
  }
  return (performance.now() - t0) / 1000;
}

// ---------------------------------------------------------------------------------------------
// The bare socket.io server (run as a child process of this script: `--bare-server`)

function bareServer(): void {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/emit') {
      const key = url.searchParams.get('key') ?? '';
      const pad = Math.max(0, Math.min(Number(url.searchParams.get('pad') ?? 0), 200_000));
      ioServer.to('room').emit('msg', { key, pad: 'x'.repeat(pad) });
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  });
  const ioServer = new Server(server, { serveClient: false, pingInterval: 5000, pingTimeout: 5000 });
  ioServer.on('connection', (socket) =>
    socket.on('join', (ack: unknown) => {
      void socket.join('room');
      if (typeof ack === 'function') ack();
    }),
  );
  server.listen(Number(process.env.BARE_PORT), '127.0.0.1');
  process.once('SIGTERM', () => ioServer.close(() => process.exit(0)));
}

async function startBare(): Promise<{ base: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [__filename, '--bare-server'], { env: { ...process.env, BARE_PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${base}/emit?key=warm`, { method: 'POST', signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status === 204,
      () => false,
    );
    if (up) break;
    if (i === 99) throw new Error('the bare socket.io server did not start');
    await sleep(100);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => (child.kill('SIGKILL'), resolve()), 5_000).unref();
    });
  return { base, child, stop };
}

// ---------------------------------------------------------------------------------------------
// The session

interface Session {
  meetingId: string;
  itemId: string;
  chairToken: string;
  attendees: { id: string; token: string }[];
}

async function must<T>(r: Promise<{ status: number; body: T }>, what: string, status = 200): Promise<T> {
  const res = await r;
  if (res.status !== status && !(status === 200 && res.status === 201)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

async function openSession(base: string, db: Pool): Promise<Session> {
  const seeded = await seedGroup(db, { members: ATTENDEES, withSessions: ATTENDEES });
  const chairToken = seeded.chair.token;
  const starts = new Date(Date.now() + 60_000);
  const meeting = await must(
    http<MeetingView>('POST', `${base}/api/working-groups/${seeded.groupId}/meetings`, {
      token: chairToken,
      body: {
        title: 'Benchmark session',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
        timeZone: 'Europe/Paris',
        place: 'Room XVII',
        agenda: [{ title: 'General debate' }],
      },
    }),
    'schedule the session',
    201,
  );
  const itemId = meeting.agenda[0].id;
  await must(http('POST', `${base}/api/meetings/${meeting.id}/open`, { token: chairToken }), 'open the session');
  await must(http('POST', `${base}/api/meetings/${meeting.id}/current-item`, { token: chairToken, body: { itemId } }), 'take up the item');
  const attendees = seeded.members.filter((m) => m.token).map((m) => ({ id: m.id, token: m.token as string }));
  for (let i = 0; i < attendees.length; i += 20)
    await Promise.all(
      attendees
        .slice(i, i + 20)
        .map((a) => must(http('POST', `${base}/api/meetings/${meeting.id}/attendance`, { token: a.token, body: { mode: i % 2 ? 'online' : 'in-person' } }), 'check in', 201)),
    );
  return { meetingId: meeting.id, itemId, chairToken, attendees };
}

/** One turn: a delegate asks for the floor, the chair gives it, the chair ends it. Returns the three changes' keys. */
async function turn(base: string, s: Session, t: number, d: Deliveries, requests: number[]): Promise<string[]> {
  const speaker = s.attendees[1 + (t % (s.attendees.length - 1))];
  const kind = t % 10 === 9 ? 'point-of-order' : 'speech';
  const timed = async <T>(call: () => Promise<{ status: number; body: T; ms: number }>, what: string): Promise<T> => {
    const r = await call();
    if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    requests.push(r.ms);
    return r.body;
  };
  const askedAt = performance.now();
  const asked = await timed(() => http<MeetingView>('POST', `${base}/api/meetings/${s.meetingId}/floor`, { token: speaker.token, body: { itemId: s.itemId, kind } }), 'ask');
  const request = asked.floor.queue.find((r) => r.person.id === speaker.id);
  if (!request) throw new Error('the request is not in the queue');
  d.sentAt.set(`meeting.floor-requested:${request.id}`, askedAt);
  await sleep(GAP_MS);
  d.sentAt.set(`meeting.floor-given:${request.id}`, performance.now());
  await timed(() => http('POST', `${base}/api/meetings/${s.meetingId}/floor/${request.id}/give`, { token: s.chairToken }), 'give');
  await sleep(GAP_MS);
  d.sentAt.set(`meeting.floor-ended:${request.id}`, performance.now());
  await timed(() => http('POST', `${base}/api/meetings/${s.meetingId}/floor/${request.id}/end`, { token: s.chairToken }), 'end');
  await sleep(GAP_MS);
  return ['meeting.floor-requested', 'meeting.floor-given', 'meeting.floor-ended'].map((a) => `${a}:${request.id}`);
}

interface BlockFigures {
  p50: number;
  p99: number;
  max: number;
  lost: number;
  changes: number;
}

const blockFigures = (d: Deliveries, keys: string[]): BlockFigures => {
  const { latencies, lost } = d.figures(keys);
  const s = summarise(latencies);
  return { p50: s.p50, p99: s.p99, max: s.max, lost, changes: keys.length };
};

async function main(): Promise<void> {
  const m = machine();
  log(`meetings: ${ATTENDEES} attendees, ${TURNS} turns at the floor, ${CLIENTS} room screens; Parley and bare socket.io interleaved in ${BLOCKS} blocks each`);
  const cluster = await startCluster('meetings');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 4 });
  db.on('error', () => undefined);
  const parleySockets: Socket[] = [];
  const bareSockets: Socket[] = [];
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  let bare: Awaited<ReturnType<typeof startBare>> | null = null;
  try {
    [api, bare] = await Promise.all([startApi(cluster.url('parley_bench'), { name: 'api' }), startBare()]);
    const session = await openSession(api.base, db);
    const room = `meeting:${session.meetingId}`;

    const parley = new Deliveries(CLIENTS);
    const bareD = new Deliveries(CLIENTS);
    let payloadBytes = 0;
    const parleyConnect = await connectAll(api.base, parleySockets, async (socket, i) => {
      socket.on('live:event', (e: LiveEvent) => {
        if (!e.action.startsWith('meeting.floor-')) return;
        if (i === 0 && payloadBytes === 0) payloadBytes = Buffer.byteLength(JSON.stringify(e));
        parley.arrive(i, `${e.action}:${(e.change as { requestId: string }).requestId}`);
      });
      const r: JoinRoomResult = await socket.timeout(30_000).emitWithAck('room:join', { room, after: null });
      if (!r.ok) throw new Error(`join refused: ${r.code}: ${r.detail}`);
    });
    const bareConnect = await connectAll(bare.base, bareSockets, async (socket, i) => {
      socket.on('msg', (msg: { key: string }) => {
        if (msg.key.startsWith('b')) bareD.arrive(i, msg.key);
      });
      await socket.timeout(30_000).emitWithAck('join');
    });
    log(`${CLIENTS} clients in ${room} (${parleyConnect.toFixed(1)} s) and in the bare room (${bareConnect.toFixed(1)} s)`);
    await sleep(1000);

    const perBlock = Math.ceil(TURNS / BLOCKS);
    const allParley: string[] = [];
    const allBare: string[] = [];
    const requests: number[] = [];
    let t = 0;
    let bareBlocks = 0;
    // Parley's block: real turns at the floor. (Round 0 runs it first, so the bare block knows the payload's size.)
    const parleySide = async () => {
      const keys: string[] = [];
      for (let n = 0; n < perBlock && t < TURNS; n++, t++) keys.push(...(await turn(api!.base, session, t, parley, requests)));
      await waitUntil(() => parley.complete(keys), DRAIN_MS);
      allParley.push(...keys);
      return blockFigures(parley, keys).p99;
    };
    // The bare block: as many messages as a block of turns makes, of the same size, at the same pace.
    const bareSide = async () => {
      const bareKeys: string[] = [];
      const b = bareBlocks++;
      const pad = Math.max(0, payloadBytes - 40);
      for (let k = 0; k < perBlock * 3; k++) {
        const key = `b${b}-${k}`;
        bareKeys.push(key);
        bareD.sentAt.set(key, performance.now());
        const r = await fetch(`${bare!.base}/emit?key=${key}&pad=${pad}`, { method: 'POST', signal: AbortSignal.timeout(60_000) });
        if (r.status !== 204) throw new Error(`bare emit: ${r.status}`);
        await sleep(GAP_MS + 10); // about the time Parley's act took to answer, so both rooms see changes at a like pace
      }
      await waitUntil(() => bareD.complete(bareKeys), DRAIN_MS);
      allBare.push(...bareKeys);
      return blockFigures(bareD, bareKeys).p99;
    };
    const r = await interleave({ rounds: BLOCKS, a: parleySide, b: bareSide });

    const parleyAll = blockFigures(parley, allParley);
    const bareAll = blockFigures(bareD, allBare);
    const pooled = parleyAll.p99 / bareAll.p99;
    const req = summarise(requests);
    const row = judgedRow(`Meetings: ${allParley.length} queue changes of a session of ${ATTENDEES} to ${CLIENTS} room screens`, r, {
      measured: `p99 ${ms(r.aMedian)}, lost ${parleyAll.lost}`,
      limit: `bare socket.io, same clients, interleaved: p99 ${ms(r.bMedian)}`,
      goal: { atMost: RATIO },
      extraMet: parleyAll.lost === 0 && parley.duplicates === 0,
      info: `0 lost, 0 duplicated: ${parleyAll.lost === 0 && parley.duplicates === 0 ? 'met' : '**missed**'}; pooled p99 ratio ${pooled.toFixed(2)}×`,
    });
    const met = row.met;
    log(`Parley p99 ${ms(parleyAll.p99)}, bare p99 ${ms(bareAll.p99)}: ${ratioText(r)} (pooled ${pooled.toFixed(2)}×); lost ${parleyAll.lost}, duplicated ${parley.duplicates}`);

    writeSection(
      'Meetings: the list of speakers on the room screen',
      ` (${today()})

${machineLine(m)}
Workload (issue #21): a group of ${ATTENDEES} voting members, all checked in to one open session; ${CLIENTS} socket.io clients (WebSocket, not signed in, as room screens) follow its room \`meeting:<id>\`. ${TURNS} turns at the floor over HTTP, one act after another with at least ${GAP_MS} ms between acts: a delegate asks for the floor (every tenth a point of order), the chair gives it, the chair ends it: ${allParley.length} queue changes, each a live event of about ${payloadBytes} bytes. Each write answers the whole session (${ATTENDEES} attendees, its queue and its record).

The limit, in the same run: a bare socket.io server in its own process, ${CLIENTS} clients in one room, the same number of messages of the same size, triggered over HTTP at the same pace. The two run interleaved, block by block (${r.pairs.length} pairs, A B then B A…), and every latency is from the moment the act (or trigger) was sent until the client had it. Each block's figure is its p99; the ratio is the median of the pairs' ratios, with the smallest and largest pair. ${loadText(r)}.

| | queue changes | p50 | p99 | max | lost | duplicated |
| --- | --- | --- | --- | --- | --- | --- |
| Parley, room \`meeting:<id>\` | ${allParley.length} × ${CLIENTS} | ${ms(parleyAll.p50)} | ${ms(parleyAll.p99)} | ${ms(parleyAll.max)} | ${parleyAll.lost} | ${parley.duplicates} |
| bare socket.io | ${allBare.length} × ${CLIENTS} | ${ms(bareAll.p50)} | ${ms(bareAll.p99)} | ${ms(bareAll.max)} | ${bareAll.lost} | ${bareD.duplicates} |

p99 ratio Parley / bare, pair by pair: **${ratioText(r)}** — goal ≤ ${RATIO}× with 0 lost: ${met ? 'met' : '**missed**'}. Pooled over all blocks: ${pooled.toFixed(2)}×. For information: each act's HTTP answer p50 ${ms(req.p50)}, p99 ${ms(req.p99)}.

${pairsTable(r, { a: 'Parley p99', b: 'bare p99', unit: 'ms' })}
`,
    );
    emitResult('BENCH', { bench: 'meetings', rows: [row], clients: CLIENTS, changes: allParley.length, requests: req, duplicates: parley.duplicates, met, machine: m });
    if (!met) process.exitCode = 1;
  } finally {
    for (const s of [...parleySockets, ...bareSockets]) s?.close();
    await Promise.all([api?.stop(), bare?.stop()]);
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

if (process.argv.includes('--bare-server')) bareServer();
else runMain(main);
