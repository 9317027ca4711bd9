// Benchmark: live fan-out to one crowded document room.
//
// 1,000 socket.io clients (real, over WebSocket) follow one document on one API instance; a
// delegate posts a comment every 100 ms for 30 s over HTTP. Each client timestamps each
// `comment.posted` it receives. Reported: delivery latency p50 / p99 / max (from the moment the
// POST was sent, and from the event's own time, inside its transaction), lost and duplicated
// messages. The same workload then runs against a bare socket.io server (no database, no
// auth, an HTTP trigger that emits to the room a payload of the same size), measured in the same
// run on the same machine, so the two figures can be compared.
//
// The API is the built production entry point (dist/api) in its own process, on a throwaway
// embedded PostgreSQL, with the default PostgreSQL adapter. Everything listens on 127.0.0.1.
// Every loop is bounded in count and in time.
//
// Run from the repository root after `npm run build`:
//   node_modules/.bin/swc tests/load/live-fanout.ts -o dist/load/live-fanout.js --config-file .swcrc -q && node dist/load/live-fanout.js
// Environment: BENCH_CLIENTS (1000), BENCH_INTERVAL_MS (100), BENCH_SECONDS (30), BENCH_WRITE=false to skip docs/benchmarks.md.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import type { JoinRoomResult, LiveEvent } from '@parley/contracts';

const CLIENTS = Math.min(5000, Number(process.env.BENCH_CLIENTS ?? 1000));
const INTERVAL_MS = Math.max(10, Number(process.env.BENCH_INTERVAL_MS ?? 100));
const SECONDS = Math.min(600, Number(process.env.BENCH_SECONDS ?? 30));
const MESSAGES = Math.floor((SECONDS * 1000) / INTERVAL_MS);
const DRAIN_MS = 10_000; // after the last message: how long stragglers may take before counting as lost
const CONNECT_BATCH = 50;
const root = process.cwd();

// ---------------------------------------------------------------------------------------------
// Measurement

interface Sample {
  /** Per message: when the trigger was sent (performance.now()). */
  sentAt: number[];
  /** Per message: its own time (epoch ms), for the "from the event" latency. */
  eventAt: number[];
  latencies: number[];
  fromEvent: number[];
  /** Per trigger: how long the HTTP request took to be answered. */
  requests: number[];
  /** Triggers the server refused (no event to deliver). */
  refused: Set<number>;
  received: number;
  duplicates: number;
  seen: Uint8Array[]; // per client, per message
}

const newSample = (): Sample => ({
  sentAt: [],
  eventAt: [],
  latencies: [],
  fromEvent: [],
  requests: [],
  refused: new Set(),
  received: 0,
  duplicates: 0,
  seen: [],
});

function onMessage(s: Sample, client: number, k: number, eventEpochMs: number | null): void {
  const now = performance.now();
  if (!(k >= 0 && k < MESSAGES) || s.sentAt[k] === undefined || s.refused.has(k)) return;
  if (s.seen[client][k]) {
    s.duplicates++;
    return;
  }
  s.seen[client][k] = 1;
  s.received++;
  s.latencies.push(now - s.sentAt[k]);
  if (eventEpochMs !== null) s.fromEvent.push(Date.now() - eventEpochMs);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Figures {
  clients: number;
  messages: number;
  expected: number;
  received: number;
  lost: number;
  duplicates: number;
  p50: number;
  p99: number;
  max: number;
  eventP50: number | null;
  eventP99: number | null;
  eventMax: number | null;
  requestP50: number;
  requestP99: number;
  refused: number;
  connectSeconds: number;
}

function figures(s: Sample, { sent, failed }: { sent: number; failed: number }, connectSeconds: number): Figures {
  const l = [...s.latencies].sort((a, b) => a - b);
  const e = [...s.fromEvent].sort((a, b) => a - b);
  const r = [...s.requests].sort((a, b) => a - b);
  return {
    clients: CLIENTS,
    messages: sent,
    expected: CLIENTS * sent,
    received: s.received,
    lost: CLIENTS * sent - s.received,
    duplicates: s.duplicates,
    p50: percentile(l, 50),
    p99: percentile(l, 99),
    max: l[l.length - 1] ?? NaN,
    eventP50: e.length ? percentile(e, 50) : null,
    eventP99: e.length ? percentile(e, 99) : null,
    eventMax: e.length ? e[e.length - 1] : null,
    requestP50: percentile(r, 50),
    requestP99: percentile(r, 99),
    refused: failed,
    connectSeconds,
  };
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Connects CLIENTS sockets in bounded batches; `setup` joins the room and resolves when in it. */
async function connectAll(
  url: string,
  setup: (socket: Socket, i: number) => Promise<void>,
  options: Record<string, unknown> = {},
): Promise<{ sockets: Socket[]; seconds: number }> {
  const t0 = performance.now();
  const sockets: Socket[] = [];
  for (let start = 0; start < CLIENTS; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - start) }, (_, j) => start + j);
    await Promise.all(
      batch.map(async (i) => {
        const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000, ...options });
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
  return { sockets, seconds: (performance.now() - t0) / 1000 };
}

/** Sends MESSAGES triggers, one every INTERVAL_MS (on a schedule, not after each answer), and waits for the answers. */
async function drive(trigger: (k: number) => Promise<void>, s: Sample): Promise<{ sent: number; failed: number }> {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  let failed = 0;
  for (let k = 0; k < MESSAGES; k++) {
    const due = start + k * INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    s.sentAt[k] = performance.now();
    pending.push(
      trigger(k)
        .then(() => void s.requests.push(performance.now() - s.sentAt[k]))
        .catch((e: Error) => {
          // Refused writes (the server answered an error) commit nothing, so there is nothing to deliver: counted apart, not as lost.
          failed++;
          s.refused.add(k);
          if (failed <= 3) console.error(`trigger ${k} failed: ${e.message}`);
        }),
    );
  }
  await Promise.all(pending);
  if (failed > MESSAGES / 2) throw new Error(`${failed} of ${MESSAGES} triggers failed: the machine is too loaded for this run to mean anything`);
  return { sent: MESSAGES - failed, failed };
}

// ---------------------------------------------------------------------------------------------
// Parley

async function startPostgres(): Promise<{ url: string; stop: () => Promise<void>; dir: string }> {
  const { startEmbeddedPostgres } = require(join(root, 'tools/embedded-pg.js'));
  const dir = mkdtempSync(join(tmpdir(), 'parley-live-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
  const admin = new Client({ connectionString: pg.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE parley_bench');
  await admin.end();
  return { url: pg.url('parley_bench'), stop: () => pg.stop(), dir };
}

function startChild(args: string[], env: Record<string, string>, name: string): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => process.env.BENCH_VERBOSE && process.stdout.write(`[${name}] ${d}`));
  child.stderr?.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  return child;
}

async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function api<T = any>(base: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function runParley(): Promise<{ figures: Figures; payloadBytes: number }> {
  const pg = await startPostgres();
  let server: ChildProcess | null = null;
  let sockets: Socket[] = [];
  try {
    const port = await freePort();
    const main = join(root, 'dist/api/apps/api/src/main.js');
    if (!existsSync(main)) throw new Error('dist/api is missing: run `npm run build` first');
    server = startChild(
      [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), main],
      {
        DATABASE_URL: pg.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        PARLEY_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        PARLEY_AUTH_RATE_LIMIT: '100000',
      },
      'api',
    );
    const base = `http://127.0.0.1:${port}`;
    const started = Date.now();
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (server.exitCode !== null) throw new Error('the API exited during start-up');
      if (Date.now() - started > 60_000) throw new Error('the API did not start within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }

    // A chair (a group created over HTTP, its chair term written directly: the chair-confirmation ballot is beside the point here), a document.
    const reg = await api(base, null, 'POST', '/api/auth/register', {
      name: 'Bench Chair',
      email: `chair-${randomBytes(4).toString('hex')}@example.org`,
      password: 'correct horse battery',
    });
    const token: string = reg.token;
    const org = await api(base, token, 'POST', '/api/organisations', {
      name: 'Bench Ministry of Foreign Affairs',
      stakeholderGroup: 'government',
      subtype: 'national',
      country: 'FR',
    });
    await api(base, token, 'POST', '/api/me/affiliations', { organisationId: org.id, title: 'Ambassador for digital affairs', startDate: '2020-01-01' });
    const group = await api(base, token, 'POST', '/api/working-groups', {
      name: 'Bench working group',
      mandate: 'A working group for the live fan-out benchmark.',
      joinPolicy: 'open',
    });
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const me = await api(base, token, 'GET', '/api/me');
    await db.query(`INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, $3, now() - interval '1 minute')`, [
      group.id,
      me.id,
      JSON.stringify(me.currentSnapshot),
    ]);
    await db.end();
    const doc = await api(base, token, 'POST', `/api/working-groups/${group.id}/documents`, {
      title: 'Paris Call principles',
      clauses: [
        {
          kind: 'operative',
          text: 'Prevent malicious cyber activities that threaten or cause significant, indiscriminate or systemic harm to individuals and critical infrastructure.',
        },
      ],
    });
    const clauseId: string = doc.version.clauses[0].id;
    const room = `doc:${doc.id}`;

    const s = newSample();
    let payloadBytes = 0;
    const joined = await connectAll(base, async (socket, i) => {
      s.seen[i] = new Uint8Array(MESSAGES);
      socket.on('live:event', (e: LiveEvent) => {
        if (e.action !== 'comment.posted') return;
        if (i === 0 && payloadBytes === 0) payloadBytes = Buffer.byteLength(JSON.stringify(e));
        const k = Number(/#(\d+)$/.exec(String(e.change.body))?.[1]);
        onMessage(s, i, k, Date.parse(e.occurredAt));
      });
      const r: JoinRoomResult = await socket.timeout(30_000).emitWithAck('room:join', { room, after: null });
      if (!r.ok) throw new Error(`join refused: ${r.message}`);
    });
    sockets = joined.sockets;
    await new Promise((r) => setTimeout(r, 1000)); // presence updates of the joins settle

    const sent = await drive(
      (k) =>
        api(base, token, 'POST', `/api/documents/${doc.id}/comments`, { clauseId, kind: 'general', body: `Comment from the live fan-out benchmark #${k}` }),
      s,
    );
    await waitUntil('every comment at every client', () => s.received >= CLIENTS * sent.sent, DRAIN_MS).catch(() => undefined);
    return { figures: figures(s, sent, joined.seconds), payloadBytes };
  } finally {
    for (const x of sockets) x?.close();
    await stopChild(server);
    await pg.stop().catch(() => undefined);
    rmSync(pg.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Bare socket.io: the same room, the same trigger over HTTP, the same payload size; nothing else.

function bareServer(): void {
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/emit') {
      const k = Number(url.searchParams.get('k'));
      const pad = Number(url.searchParams.get('pad') ?? 0);
      io.to('room').emit('msg', { k, at: Date.now(), pad: 'x'.repeat(Math.max(0, Math.min(pad, 100_000))) });
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  });
  const io = new Server(http, { serveClient: false, pingInterval: 5000, pingTimeout: 5000 });
  io.on('connection', (socket) =>
    socket.on('join', (ack: unknown) => {
      void socket.join('room');
      if (typeof ack === 'function') ack();
    }),
  );
  http.listen(Number(process.env.BARE_PORT), '127.0.0.1');
  process.once('SIGTERM', () => io.close(() => process.exit(0)));
}

async function runBare(payloadBytes: number): Promise<Figures> {
  const port = await freePort();
  const server = startChild([__filename, '--bare-server'], { BARE_PORT: String(port) }, 'bare');
  let sockets: Socket[] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/emit?k=-1`, { method: 'POST' }).then(
          (r) => r.status === 204,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const s = newSample();
    const joined = await connectAll(base, async (socket, i) => {
      s.seen[i] = new Uint8Array(MESSAGES);
      socket.on('msg', (m: { k: number; at: number }) => onMessage(s, i, m.k, m.at));
      await socket.timeout(30_000).emitWithAck('join');
    });
    sockets = joined.sockets;
    await new Promise((r) => setTimeout(r, 1000));
    const pad = Math.max(0, payloadBytes - 40);
    const sent = await drive(async (k) => {
      const r = await fetch(`${base}/emit?k=${k}&pad=${pad}`, { method: 'POST' });
      if (r.status !== 204) throw new Error(`emit: ${r.status}`);
    }, s);
    await waitUntil('every message at every client', () => s.received >= CLIENTS * sent.sent, DRAIN_MS).catch(() => undefined);
    return figures(s, sent, joined.seconds);
  } finally {
    for (const x of sockets) x?.close();
    await stopChild(server);
  }
}

// ---------------------------------------------------------------------------------------------

const ms = (n: number | null) => (n === null || Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)} ms`);

function report(parley: Figures, bare: Figures, payloadBytes: number): string {
  const day = new Date().toISOString().slice(0, 10);
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const row = (name: string, f: Figures, fromEvent: boolean) =>
    `| ${name} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} | ${fromEvent ? `${ms(f.eventP50)} / ${ms(f.eventP99)} / ${ms(f.eventMax)}` : '—'} | ${f.received.toLocaleString('en')} of ${f.expected.toLocaleString('en')} | ${f.lost} | ${f.duplicates} | ${ms(f.requestP50)} / ${ms(f.requestP99)}${f.refused ? ` (${f.refused} refused)` : ''} | ${f.connectSeconds.toFixed(1)} s |`;
  return [
    `## Live fan-out: ${CLIENTS.toLocaleString('en')} clients in one document room (${day})`,
    '',
    `Machine: ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${loadavg()[0].toFixed(1)} at the end (a shared machine); everything on 127.0.0.1, the clients in one process, the server in another.`,
    `Workload: ${CLIENTS.toLocaleString('en')} socket.io clients (WebSocket) in one room; one message every ${INTERVAL_MS} ms for ${SECONDS} s (${MESSAGES} messages; ${parley.expected.toLocaleString('en')} deliveries of the ${parley.messages} the server accepted);`,
    `payload ${payloadBytes} bytes (a \`comment.posted\` event with its actor's affiliation snapshot; the bare server sends the same size).`,
    '',
    '| server | p50 | p99 | max | from the event’s time p50 / p99 / max | delivered | lost | duplicated | HTTP trigger answered p50 / p99 | time to connect and join |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row('Parley API (a comment POSTed over HTTP; PostgreSQL adapter)', parley, true),
    row('bare socket.io (an HTTP trigger emits to the room)', bare, false),
    '',
    "Latency is measured in the clients' process from the moment the HTTP request was sent to the moment each client received the message, so",
    "Parley's figure includes authenticating the request, the transaction (comment row + hash-chained audit event) and the commit; \"from the event's",
    'time" starts at the event\'s `occurredAt`, inside that transaction. The two servers run one after the other; on a shared machine the load',
    'changes between them (and dominates the tails), so read the two rows as the same order of magnitude rather than as a precise ratio.',
    'Produced by `tests/load/live-fanout.ts`.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  console.log(`live fan-out: ${CLIENTS} clients, a message every ${INTERVAL_MS} ms for ${SECONDS} s`);
  const parley = await runParley();
  console.log('parley', parley.figures);
  const bare = await runBare(parley.payloadBytes);
  console.log('bare socket.io', bare);
  const section = report(parley.figures, bare, parley.payloadBytes);
  console.log(`\n${section}`);
  if (process.env.BENCH_WRITE !== 'false') {
    const file = join(root, 'docs/benchmarks.md');
    const before = existsSync(file)
      ? readFileSync(file, 'utf8')
      : '# Benchmarks\n\nFigures written by the scripts in tests/load; the latest run of each replaces its section.\n';
    const marker = /## Live fan-out:[^\n]*\n[\s\S]*?(?=\n## |$)/;
    const next = marker.test(before) ? before.replace(marker, section.trimEnd() + '\n') : `${before.trimEnd()}\n\n${section}`;
    writeFileSync(file, next);
    console.log(`written to ${file}`);
  }
  if (parley.figures.lost > 0 || parley.figures.duplicates > 0) process.exitCode = 1;
}

if (process.argv[2] === '--bare-server') bareServer();
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
