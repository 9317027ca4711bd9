// Backup and restore with PostgreSQL's own tools, shared by the backup drill (tests/fault) and its
// short jest twin (tests/api/backup-restore.test.ts): pick a server whose pg_dump is on this machine,
// make scratch databases, dump and restore, and check a restore against what clients were told.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { verifyChain } from '@parley/domain';
import type { ChainHead } from '@parley/domain';
import { expectOk, http, rowToEvent, sleep, type Member, type VoterLedger } from './harness';
import { newStormStats, storm, type StormStats } from './storm';

/**
 * The machine's PostgreSQL (Debian's 15, the major docker/compose.yaml runs). The embedded
 * PostgreSQL 18 of `npm start` and `npm test` ships no pg_dump, and pg_dump refuses a server newer
 * than itself, so a dump of it needs a pg_dump 18 from elsewhere (PARLEY_PG_BIN).
 */
export const MACHINE_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where a tool of this major is: PARLEY_PG_BIN, else Debian's layout. */
export const pgTool = (major: number, tool: 'pg_dump' | 'pg_restore') => join(process.env.PARLEY_PG_BIN ?? `/usr/lib/postgresql/${major}/bin`, tool);

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface BackupServer {
  adminUrl: string;
  major: number;
}

/**
 * The first of these admin URLs that answers and whose server's major version has a pg_dump and a
 * pg_restore here (a dump must be taken by the server's own major). Throws, saying what was tried.
 */
export async function findBackupServer(candidates: (string | undefined)[]): Promise<BackupServer> {
  const tried: string[] = [];
  for (const adminUrl of candidates) {
    if (!adminUrl) continue;
    const major = await withClient(adminUrl, async (c) =>
      Math.floor(Number((await c.query('SHOW server_version_num')).rows[0].server_version_num) / 10000),
    ).catch((e: Error) => {
      tried.push(`${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${e.message}`);
      return null;
    });
    if (major === null) continue;
    if (existsSync(pgTool(major, 'pg_dump')) && existsSync(pgTool(major, 'pg_restore'))) return { adminUrl, major };
    tried.push(`${adminUrl.replace(/:[^:@/]*@/, ':***@')}: PostgreSQL ${major}, but no ${pgTool(major, 'pg_dump')}`);
  }
  throw new Error(`no PostgreSQL with a matching pg_dump: ${tried.join('; ')} (Debian: apt-get install -y postgresql-client-<major>, or set PARLEY_PG_BIN)`);
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(server: BackupServer, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withClient(server.adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs a PostgreSQL tool to its end (at most `timeoutMs`), rejecting with what it wrote to stderr. */
function runTool(cmd: string, args: string[], timeoutMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + String(d)).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${cmd.split('/').pop()} ${signal ? `was killed (${signal}, over ${timeoutMs} ms)` : `exited ${code}`}: ${stderr.trim()}`));
    });
  });
}

/** `pg_dump --format=custom` of a live database: one consistent snapshot taken as it starts, without stopping writers. */
export async function pgDump(server: BackupServer, url: string, file: string, timeoutMs = 120_000): Promise<{ ms: number; bytes: number }> {
  const ms = await runTool(pgTool(server.major, 'pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', file, `--dbname=${url}`], timeoutMs);
  return { ms, bytes: statSync(file).size };
}

/** Restores a custom-format dump into an empty database, stopping at the first error. */
export async function pgRestore(server: BackupServer, file: string, url: string, timeoutMs = 120_000): Promise<{ ms: number }> {
  return { ms: await runTool(pgTool(server.major, 'pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file], timeoutMs) };
}

/** What each voter had been told when the dump started: their acknowledged choices in order, and whether any request went unanswered. */
export type AcknowledgedBefore = Map<string, { choices: string[]; unanswered: number }>;

export function acknowledgedSoFar(ledgers: Map<string, VoterLedger>): AcknowledgedBefore {
  return new Map([...ledgers].map(([voter, l]) => [voter, { choices: l.acknowledged.map((a) => a.choice), unanswered: l.unanswered.length }]));
}

export interface PublishedHead {
  chains: { scope: string; sequence: number; hash: string }[];
}

export interface RestoreCheck {
  acknowledgedBeforeDump: number;
  /** Acknowledged votes found in the restore with their audit event, in the order the voter was answered. */
  presentWithEvent: number;
  missing: number;
  /** Chains of the head published before the dump whose event at that sequence has that hash in the restore. */
  headChainsMatched: number;
  headChains: number;
  events: number;
  chain: { ok: boolean; detail?: string };
  problems: string[];
}

/**
 * Checks a restored database: every vote acknowledged before the dump started is there with its
 * vote.cast/vote.changed event (same voter, same choice, in the order the voter was answered); every
 * chain verifies from genesis; and the head published before the dump is a prefix of the restored
 * chains (the same hash at the same sequence).
 */
export async function checkRestore(db: Pool, o: { ballotId: string; before: AcknowledgedBefore; head: PublishedHead }): Promise<RestoreCheck> {
  const problems: string[] = [];
  const note = (p: string) => problems.length < 20 && problems.push(p);
  const events = (await db.query(`SELECT * FROM audit_events ORDER BY scope, sequence`)).rows.map(rowToEvent);
  const pinned: Record<string, ChainHead> = Object.fromEntries(o.head.chains.map((c) => [c.scope, { sequence: c.sequence, hash: c.hash }]));
  const verdict = verifyChain(events, pinned);
  const at = new Map(events.map((e) => [`${e.scope}#${e.sequence}`, e.hash]));
  let headChainsMatched = 0;
  for (const c of o.head.chains) {
    if (at.get(`${c.scope}#${c.sequence}`) === c.hash) headChainsMatched++;
    else note(`${c.scope} #${c.sequence}: published ${c.hash.slice(0, 12)}…, restored ${at.get(`${c.scope}#${c.sequence}`)?.slice(0, 12) ?? 'nothing'}`);
  }
  const votesOf = new Map<string, string[]>();
  for (const e of events)
    if (e.subjectId === o.ballotId && (e.action === 'vote.cast' || e.action === 'vote.changed'))
      votesOf.set(e.actorId ?? '', [...(votesOf.get(e.actorId ?? '') ?? []), (e.change as { choice?: string }).choice ?? '']);
  const rows = new Map<string, number>(
    (await db.query(`SELECT voter_id, changes FROM votes WHERE ballot_id = $1`, [o.ballotId])).rows.map((r) => [r.voter_id as string, Number(r.changes)]),
  );
  let acknowledgedBeforeDump = 0;
  let presentWithEvent = 0;
  for (const [voter, told] of o.before) {
    const n = told.choices.length;
    if (n === 0) continue;
    acknowledgedBeforeDump += n;
    const restored = votesOf.get(voter) ?? [];
    const committed = rows.has(voter) ? rows.get(voter)! + 1 : 0;
    if (committed !== restored.length) note(`voter ${voter}: the row counts ${committed} votes, the chain ${restored.length} events`);
    // A request that went unanswered may have committed in between: then only the count can be checked.
    const inOrder = told.unanswered > 0 || told.choices.every((c, i) => restored[i] === c);
    const present = Math.min(n, restored.length, committed);
    presentWithEvent += inOrder ? present : 0;
    if (present < n || !inOrder) note(`voter ${voter}: told ${n} (${told.choices.join(',')}), restored ${restored.length} (${restored.slice(0, n).join(',')})`);
  }
  return {
    acknowledgedBeforeDump,
    presentWithEvent,
    missing: acknowledgedBeforeDump - presentWithEvent,
    headChainsMatched,
    headChains: o.head.chains.length,
    events: events.length,
    chain: verdict.ok
      ? { ok: true }
      : { ok: false, detail: `${verdict.broken.scope} #${verdict.broken.sequence}: ${verdict.broken.problem}: ${verdict.broken.detail}` },
    problems,
  };
}

export const restoreClean = (c: RestoreCheck) =>
  c.missing === 0 && c.chain.ok && c.headChainsMatched === c.headChains && c.headChains > 0 && c.acknowledgedBeforeDump > 0 && c.problems.length === 0;

export interface DumpUnderStorm {
  /** The head every chain had before the dump (GET /api/audit/head), as written to headFile. */
  head: PublishedHead;
  headFile: string;
  dumpFile: string;
  dump: { ms: number; bytes: number };
  before: AcknowledgedBefore;
  ledgers: Map<string, VoterLedger>;
  stats: StormStats;
  /** Votes acknowledged before the dump started, while it ran, and after it until the storm stopped. */
  okAtDump: number;
  duringDump: number;
  afterDump: number;
}

/**
 * The voters storm the ballot; after `beforeDumpMs` the published head is read and pinned, then
 * pg_dump runs while they go on, and they go on `afterDumpMs` more before stopping.
 */
export async function dumpDuringStorm(o: {
  server: BackupServer;
  sourceUrl: string;
  base: string;
  ballotId: string;
  voters: Member[];
  dir: string;
  beforeDumpMs: number;
  afterDumpMs: number;
}): Promise<DumpUnderStorm> {
  const ledgers = new Map<string, VoterLedger>();
  const stats = newStormStats();
  let stop = false;
  const running = storm({ base: () => o.base, ballotId: o.ballotId, voters: o.voters, ledgers, seconds: 120, stop: () => stop }, stats);
  try {
    await sleep(o.beforeDumpMs);
    const head = await expectOk(http<PublishedHead>('GET', `${o.base}/api/audit/head`), 'read the published head');
    const headFile = join(o.dir, 'head.json');
    writeFileSync(headFile, JSON.stringify(head));
    const before = acknowledgedSoFar(ledgers);
    const okAtDump = stats.ok;
    const dumpFile = join(o.dir, 'parley.dump');
    const dump = await pgDump(o.server, o.sourceUrl, dumpFile);
    const okAfterDump = stats.ok;
    await sleep(o.afterDumpMs);
    stop = true;
    await running;
    return { head, headFile, dumpFile, dump, before, ledgers, stats, okAtDump, duringDump: okAfterDump - okAtDump, afterDump: stats.ok - okAfterDump };
  } finally {
    stop = true;
    await running;
  }
}
