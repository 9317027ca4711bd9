// The servers of the live fan-out benchmark (tests/load/live-fanout.ts): a throwaway embedded
// PostgreSQL, built API instances, the bare socket.io server, and a clean-up registry so that a
// failure or a signal removes whatever was started. Everything listens on 127.0.0.1.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect as tcpConnect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Server } from 'socket.io';

const root = process.cwd();

const cleanups = new Set<() => Promise<void>>();

export function onCleanup(fn: () => Promise<void>): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    cleanups.delete(once);
    await fn().catch((e: Error) => console.error(`clean-up: ${e.message}`));
  };
  cleanups.add(once);
  return once;
}

/** Runs every registered clean-up, newest first, within 30 s. */
export async function cleanupAll(): Promise<void> {
  const all = [...cleanups].reverse();
  await Promise.race([
    (async () => {
      for (const fn of all) await fn();
    })(),
    new Promise((r) => setTimeout(r, 30_000).unref()),
  ]);
}

export interface Postgres {
  /** A fresh, empty database in the cluster. */
  database(name: string): Promise<string>;
}

export async function startPostgres(): Promise<Postgres> {
  const { startEmbeddedPostgres } = require(join(root, 'tools/embedded-pg.js'));
  const dir = mkdtempSync(join(tmpdir(), 'parley-live-bench-'));
  const removeDir = onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  let pg: { url: (db: string) => string; stop: () => Promise<void> };
  try {
    pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
  } catch (e) {
    await removeDir();
    throw e;
  }
  onCleanup(() => pg.stop());
  return {
    database: async (name) => {
      const admin = new Client({ connectionString: pg.url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return pg.url(name);
    },
  };
}

export function startChild(args: string[], env: Record<string, string | undefined>, name: string): ChildProcess {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => process.env.BENCH_VERBOSE && process.stdout.write(`[${name}] ${d}`));
  child.stderr?.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  return child;
}

export const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || !running(child)) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (running(child)) child.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Whether something accepts TCP connections at host:port within a second. */
export function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function api<T = any>(base: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The API the runner built and copied aside (a concurrent rebuild of dist/api cannot pull it from under us), else dist/api. */
function apiMain(): string {
  const snapshot = join(root, 'dist/bench/api/apps/api/src/main.js');
  const main = existsSync(snapshot) ? snapshot : join(root, 'dist/api/apps/api/src/main.js');
  if (!existsSync(main)) throw new Error('dist/api is missing: run `npm run build` first');
  return main;
}

export interface ApiInstance {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts one API instance and waits (at most 60 s) until it answers its health check; registered for clean-up. */
export async function startApi(name: string, env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<ApiInstance> {
  const port = await freePort();
  const child = startChild(
    [...nodeArgs, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), apiMain()],
    { ...env, PORT: String(port), HOST: '127.0.0.1' },
    name,
  );
  const stop = onCleanup(() => stopChild(child));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, stop };
    if (!running(child)) throw new Error(`${name} exited during start-up`);
    if (Date.now() - started > 60_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start within 60 s`);
}

/** A chair (a group created over HTTP, its chair term written directly: the chair-confirmation ballot is beside the point here), a document. */
export async function setUpDocument(base: string, databaseUrl: string): Promise<{ token: string; docId: string; clauseId: string }> {
  const credentials = { email: `chair-${randomBytes(4).toString('hex')}@example.org`, password: 'correct horse battery' };
  await api(base, null, 'POST', '/api/auth/register', { name: 'Bench Chair', ...credentials });
  // Registration signs nobody in (decision record 0016): sign in next.
  const token: string = (await api(base, null, 'POST', '/api/auth/login', credentials)).token;
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
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const me = await api(base, token, 'GET', '/api/me');
    await db.query(`INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, $3, now() - interval '1 minute')`, [
      group.id,
      me.id,
      JSON.stringify(me.currentSnapshot),
    ]);
  } finally {
    await db.end();
  }
  const doc = await api(base, token, 'POST', `/api/working-groups/${group.id}/documents`, {
    title: 'Paris Call principles',
    clauses: [
      {
        kind: 'operative',
        text: 'Prevent malicious cyber activities that threaten or cause significant, indiscriminate or systemic harm to individuals and critical infrastructure.',
      },
    ],
  });
  return { token, docId: doc.id, clauseId: doc.version.clauses[0].id };
}

export function bareServer(): void {
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/emit') {
      const k = Number(url.searchParams.get('k'));
      const round = Number(url.searchParams.get('round') ?? 0);
      const pad = Number(url.searchParams.get('pad') ?? 0);
      io.to('room').emit('msg', { k, round, at: performance.timeOrigin + performance.now(), pad: 'x'.repeat(Math.max(0, Math.min(pad, 100_000))) });
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

export interface BareInstance {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** The bare socket.io server in its own process, answering its trigger. */
export async function startBare(): Promise<BareInstance> {
  const port = await freePort();
  const child = startChild([__filename, '--bare-server'], { BARE_PORT: String(port) }, 'bare');
  const stop = onCleanup(() => stopChild(child));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${base}/emit?k=-1`, { method: 'POST', signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status === 204,
      () => false,
    );
    if (up) return { base, child, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('the bare socket.io server did not start');
}

/** A fresh database on the cluster, `instances` API processes on it (the first applies the migrations), and a document to comment on. */
export async function startParley(pg: Postgres, database: string, instances: number, redisUrl: string | null, nodeArgs: string[] = []) {
  const databaseUrl = await pg.database(database);
  const env = {
    DATABASE_URL: databaseUrl,
    PARLEY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    PARLEY_AUTH_RATE_LIMIT: '100000',
    REDIS_URL: redisUrl ?? undefined,
  };
  const servers: ApiInstance[] = [];
  for (let n = 1; n <= instances; n++) servers.push(await startApi(`${database}-api${n}`, env, nodeArgs));
  const bases = servers.map((x) => x.base);
  const doc = await setUpDocument(bases[0], databaseUrl);
  return { servers, bases, ...doc, room: `doc:${doc.docId}`, stop: () => Promise.all(servers.map((x) => x.stop())).then(() => undefined) };
}

if (require.main === module && process.argv[2] === '--bare-server') bareServer();
