// The live fan-out benchmark's clients (tests/load/live-fanout.ts), in processes of their own so
// that 5,000 viewers are not limited by one client process: each worker connects its share of
// socket.io clients, notes when each message reaches each client (on the machine's clock,
// performance.timeOrigin + now, which every process on the machine shares), and answers the
// parent's questions over IPC. The parent sends the triggers and merges the workers' histograms.
import { ChildProcess, spawn } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import type { JoinRoomResult, LiveEvent } from '@parley/contracts';
import { onCleanup, running, stopChild } from './live-fanout-servers';

/** A comment's body carries its round and number: "… #<round>-<k>". */
export const commentBody = (round: number, k: number) => `Comment from the live fan-out benchmark #${round}-${k}`;
const BODY_TAG = /#(-?\d+)-(\d+)$/;

export type Side = 'parley' | 'bare';

/** Latencies in 0.1 ms bins: small enough to send over IPC, fine enough for a p99. */
export type Histogram = Record<number, number>;

export interface GroupFigures {
  clients: number;
  expected: number;
  received: number;
  duplicates: number;
  latency: Histogram;
  fromEvent: Histogram;
}

type Request =
  | { op: 'connect'; urls: string[]; first: number; count: number; side: Side; room: string; batch: number }
  | { op: 'round'; round: number; messages: number }
  | { op: 'received' }
  | { op: 'payload' }
  | { op: 'collect'; sentAt: number[]; refused: number[] }
  | { op: 'close' };

const clock = () => performance.timeOrigin + performance.now();
const JOIN_ATTEMPTS = 3;

// ---------------------------------------------------------------------------------------------
// The worker

function worker(): void {
  const sockets: Socket[] = [];
  let urls: string[] = [];
  let first = 0;
  let round = -1;
  let messages = 0;
  let received = new Float64Array(0);
  let eventAt = new Float64Array(0);
  let duplicates: number[] = [];
  let payloadBytes = 0;
  let retries = 0;

  const note = (j: number, r: number, k: number, at: number | null, raw: unknown) => {
    const now = clock();
    if (payloadBytes === 0) payloadBytes = Buffer.byteLength(JSON.stringify(raw));
    if (r !== round || !(k >= 0 && k < messages)) return;
    const slot = j * messages + k;
    if (!Number.isNaN(received[slot])) {
      duplicates[(first + j) % urls.length]++;
      return;
    }
    received[slot] = now;
    if (at !== null && Number.isNaN(eventAt[k])) eventAt[k] = at;
  };

  const join = async (m: Extract<Request, { op: 'connect' }>, j: number) => {
    const socket = io(urls[(first + j) % urls.length], { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
    sockets[j] = socket;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${first + j} did not connect`)), 30_000);
      socket.once('connect', () => (clearTimeout(timer), resolve()));
      socket.once('connect_error', (e) => (clearTimeout(timer), reject(e)));
    });
    if (m.side === 'bare') {
      socket.on('msg', (x: { k: number; round: number; at: number }) => note(j, x.round, x.k, x.at, x));
      await socket.timeout(30_000).emitWithAck('join');
    } else {
      socket.on('live:event', (e: LiveEvent) => {
        if (e.action !== 'comment.posted') return;
        const tag = BODY_TAG.exec(String(e.change.body));
        if (tag) note(j, Number(tag[1]), Number(tag[2]), Date.parse(e.occurredAt), e);
      });
      const r: JoinRoomResult = await socket.timeout(30_000).emitWithAck('room:join', { room: m.room, after: null });
      if (!r.ok) throw new Error(`join refused: ${r.code}: ${r.detail}`);
    }
  };

  const connect = async (m: Extract<Request, { op: 'connect' }>) => {
    urls = m.urls;
    first = m.first;
    duplicates = urls.map(() => 0);
    const t0 = clock();
    for (let start = 0; start < m.count; start += m.batch) {
      const js = Array.from({ length: Math.min(m.batch, m.count - start) }, (_, n) => start + n);
      await Promise.all(
        js.map(async (j) => {
          // A viewer refused or dropped while thousands join on a starved machine tries again, as the web client does; bounded.
          for (let attempt = 1; ; attempt++) {
            try {
              return await join(m, j);
            } catch (e) {
              sockets[j]?.close();
              if (attempt >= JOIN_ATTEMPTS) throw e;
              retries++;
              await new Promise((r) => setTimeout(r, 1000 * attempt));
            }
          }
        }),
      );
    }
    return { seconds: (clock() - t0) / 1000, retries };
  };

  const collect = (m: Extract<Request, { op: 'collect' }>) => {
    const refused = new Set(m.refused);
    const accepted = m.sentAt.filter((_, k) => !refused.has(k)).length;
    const groups: GroupFigures[] = urls.map(() => ({ clients: 0, expected: 0, received: 0, duplicates: 0, latency: {}, fromEvent: {} }));
    duplicates.forEach((d, g) => (groups[g].duplicates = d));
    const add = (h: Histogram, value: number) => {
      const bin = Math.max(0, Math.round(value * 10));
      h[bin] = (h[bin] ?? 0) + 1;
    };
    for (let j = 0; j < sockets.length; j++) {
      const g = groups[(first + j) % urls.length];
      g.clients++;
      g.expected += accepted;
      for (let k = 0; k < messages; k++) {
        const at = received[j * messages + k];
        if (refused.has(k) || Number.isNaN(at) || m.sentAt[k] === undefined) continue;
        g.received++;
        add(g.latency, at - m.sentAt[k]);
        if (!Number.isNaN(eventAt[k])) add(g.fromEvent, at - eventAt[k]);
      }
    }
    return { groups };
  };

  process.on('message', (m: Request & { id: number }) => {
    const reply = (body: unknown) => process.send?.({ id: m.id, ok: true, body });
    const fail = (e: unknown) => process.send?.({ id: m.id, ok: false, error: String((e as Error)?.message ?? e) });
    try {
      switch (m.op) {
        case 'connect':
          return void connect(m).then(reply, fail);
        case 'round':
          round = m.round;
          messages = m.messages;
          received = new Float64Array(sockets.length * messages).fill(NaN);
          eventAt = new Float64Array(messages).fill(NaN);
          duplicates = urls.map(() => 0);
          return reply(null);
        case 'received': {
          let n = 0;
          for (const x of received) if (!Number.isNaN(x)) n++;
          return reply(n);
        }
        case 'payload':
          return reply(payloadBytes);
        case 'collect':
          return reply(collect(m));
        case 'close':
          for (const s of sockets) s?.close();
          reply(null);
          return void setTimeout(() => process.exit(0), 100);
      }
    } catch (e) {
      fail(e);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// The parent's side

/** One worker process and its requests. */
class Worker {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  readonly stop: () => Promise<void>;

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: { id: number; ok: boolean; body?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m.body);
      else w?.reject(new Error(m.error));
    });
    child.on('exit', () => {
      for (const w of this.waiting.values()) w.reject(new Error('a client process exited'));
      this.waiting.clear();
    });
    this.stop = onCleanup(async () => {
      if (running(child)) await this.ask({ op: 'close' }, 5_000).catch(() => undefined);
      await stopChild(child);
    });
  }

  ask<T = any>(request: Request, timeoutMs = 120_000): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => (this.waiting.delete(id), reject(new Error(`client process: no answer to ${request.op}`))), timeoutMs);
      this.waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.child.send({ ...request, id });
    });
  }
}

/**
 * `clients` socket.io clients spread over `processes` worker processes, client i connected to
 * urls[i mod urls.length] (its group: the instance it is on).
 */
export class ClientFleet {
  private constructor(
    private readonly workers: Worker[],
    readonly groups: number,
  ) {}

  static async connect(o: {
    side: Side;
    urls: string[];
    clients: number;
    processes: number;
    room: string;
  }): Promise<ClientFleet & { seconds: number; retries: number }> {
    const per = Math.ceil(o.clients / o.processes);
    const workers: Worker[] = [];
    for (let p = 0; p < o.processes; p++) {
      const child = spawn(process.execPath, [__filename, '--clients'], { cwd: process.cwd(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      workers.push(new Worker(child));
    }
    const fleet = new ClientFleet(workers, o.urls.length);
    const t0 = clock();
    let retries = 0;
    // One process after the other: a burst of handshakes from every process at once only measures the machine's worst second.
    for (const [p, w] of workers.entries()) {
      const first = p * per;
      const count = Math.max(0, Math.min(per, o.clients - first));
      retries += (await w.ask<{ retries: number }>({ op: 'connect', urls: o.urls, first, count, side: o.side, room: o.room, batch: 50 }, 600_000)).retries;
    }
    return Object.assign(fleet, { seconds: (clock() - t0) / 1000, retries });
  }

  async startRound(round: number, messages: number): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ask({ op: 'round', round, messages })));
  }

  async received(): Promise<number> {
    return (await Promise.all(this.workers.map((w) => w.ask<number>({ op: 'received' })))).reduce((a, b) => a + b, 0);
  }

  async payloadBytes(): Promise<number> {
    return Math.max(...(await Promise.all(this.workers.map((w) => w.ask<number>({ op: 'payload' })))));
  }

  /** Per group (instance), the figures of the round, merged over the processes. */
  async collect(sentAt: number[], refused: number[]): Promise<GroupFigures[]> {
    const parts = await Promise.all(this.workers.map((w) => w.ask<{ groups: GroupFigures[] }>({ op: 'collect', sentAt, refused })));
    return Array.from({ length: this.groups }, (_, g) => mergeGroups(parts.map((p) => p.groups[g])));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}

export function mergeHistograms(hs: Histogram[]): Histogram {
  const out: Histogram = {};
  for (const h of hs) for (const [bin, n] of Object.entries(h)) out[Number(bin)] = (out[Number(bin)] ?? 0) + n;
  return out;
}

export function mergeGroups(gs: GroupFigures[]): GroupFigures {
  return {
    clients: gs.reduce((a, g) => a + g.clients, 0),
    expected: gs.reduce((a, g) => a + g.expected, 0),
    received: gs.reduce((a, g) => a + g.received, 0),
    duplicates: gs.reduce((a, g) => a + g.duplicates, 0),
    latency: mergeHistograms(gs.map((g) => g.latency)),
    fromEvent: mergeHistograms(gs.map((g) => g.fromEvent)),
  };
}

/** The p-th percentile of a histogram, in ms (NaN when empty). */
export function quantile(h: Histogram, p: number): number {
  const bins = Object.keys(h)
    .map(Number)
    .sort((a, b) => a - b);
  const total = bins.reduce((a, b) => a + h[b], 0);
  if (total === 0) return NaN;
  const rank = Math.min(total - 1, Math.floor((p / 100) * total));
  let seen = 0;
  for (const b of bins) {
    seen += h[b];
    if (seen > rank) return b / 10;
  }
  return bins[bins.length - 1] / 10;
}

export { clock };

if (require.main === module && process.argv[2] === '--clients') worker();
