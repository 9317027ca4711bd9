// What the topology drill and test do through nginx: a browser journey whose two pages sit on the two
// instances, live followers of one ballot (half long-polling first, half WebSocket), and a rolling
// restart of both instances under a closed-loop vote load. Each returns what a user or an operator
// would notice; the drill reports it, the test asserts it.
import { hash } from '@node-rs/argon2';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { chromium, type BrowserContext } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { JoinRoomResult, LiveEvent } from '@parley/contracts';
import { auditVotes, expectOk, http, Member, openMotion, readChain, root, seedGroup, sleep, VoteAudit, VoterLedger } from '../../load/support/harness';
import { CHROMIUM_ARGS } from '../../load/support/chromium';
import { newStormStats, storm, StormStats } from '../../load/support/storm';
import { instanceFor, Proxy, proxyFailTimeoutMs, Topology } from './production-topology';

export const PASSWORD = 'correct horse battery staple';

export interface World {
  groupId: string;
  members: Member[];
  chair: Member & { token: string };
  ballotId: string;
  documentId: string;
  clauseId: string;
  /** Members who sign in with PASSWORD (the browser journey's two people). */
  writer: { name: string; email: string };
  reader: { name: string; email: string };
  ledgers: Map<string, VoterLedger>;
}

/** A working group of `members`, `sessions` of them with bearer sessions, the Paris Call draft and an open motion, created through the proxy. */
export async function seedWorld(db: Pool, base: string, o: { members: number; sessions: number }): Promise<World> {
  const seeded = await seedGroup(db, { members: o.members, withSessions: o.sessions });
  const people = seeded.members.slice(1, 3);
  const passwordHash = await hash(PASSWORD);
  const { rows } = await db.query(`UPDATE people SET password_hash = $2 WHERE id = ANY($1::uuid[]) RETURNING id, name, email`, [
    people.map((p) => p.id),
    passwordHash,
  ]);
  const byId = new Map(rows.map((r) => [r.id as string, { name: r.name as string, email: r.email as string }]));
  const clauses = (JSON.parse(readFileSync(join(root, 'fixtures/paris-call/document.json'), 'utf8')) as { clauses: unknown[] }).clauses;
  const doc = await expectOk<{ id: string; version: { clauses: { id: string; label: string }[] } }>(
    http('POST', `${base}/api/working-groups/${seeded.groupId}/documents`, {
      token: seeded.chair.token,
      body: { title: 'Paris Call — draft principles', clauses },
    }),
    'create the draft',
  );
  const clause = doc.version.clauses.find((c) => c.label === '4.');
  if (!clause) throw new Error('the Paris Call draft has no clause 4.');
  const ballot = await openMotion(base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000));
  return {
    groupId: seeded.groupId,
    members: seeded.members,
    chair: seeded.chair,
    ballotId: ballot.id,
    documentId: doc.id,
    clauseId: clause.id,
    writer: byId.get(people[0].id)!,
    reader: byId.get(people[1].id)!,
    ledgers: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------
// The browser journey

export interface Journey {
  writerOn: string;
  readerOn: string;
  /** The writer posts a comment on clause 4; resolves with the time until it shows in the reader's page, and its rows. */
  postAndSee(words: string): Promise<{ seenLiveAfterMs: number; commentRows: number; commentEvents: number }>;
  close(): Promise<void>;
}

/**
 * Two people in Chromium through nginx: the writer signs in through the form, the reader with a
 * session that nginx sends to the other instance; both open clause 4 of the draft and see each other
 * present. The pages stay open (through a rolling restart) until `close`.
 */
export async function openJourney(db: Pool, proxy: Proxy, world: World, executablePath: string): Promise<Journey> {
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  const close = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  };
  const open = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-topology-browser-'));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      args: CHROMIUM_ARGS,
    });
    contexts.push(context);
    await context.addInitScript(() => localStorage.setItem('parley.language', 'en'));
    return context.pages()[0] ?? (await context.newPage());
  };
  try {
    const writer = await open();
    await writer.goto(`${proxy.base}/login`);
    await writer.getByRole('textbox', { name: /^E-mail address/ }).fill(world.writer.email);
    await writer.locator('input[type="password"]').fill(PASSWORD);
    await writer.getByRole('button', { name: 'Log in', exact: true }).click();
    await writer.waitForURL((u) => !u.pathname.startsWith('/login'));
    const writerCookie = (await writer.context().cookies()).find((c) => c.name === 'parley_session');
    if (!writerCookie) throw new Error('signing in through the proxy set no session cookie');
    const writerOn = await instanceFor(proxy, { token: decodeURIComponent(writerCookie.value) });

    // The reader's session: signed in over HTTP until nginx places it on the other instance.
    const signIn = () =>
      expectOk<{ token: string; csrfToken: string }>(
        http('POST', `${proxy.base}/api/auth/login`, { body: { email: world.reader.email, password: PASSWORD } }),
        'the reader signs in',
      );
    let reader = await signIn();
    let readerOn = await instanceFor(proxy, { token: reader.token });
    for (let attempt = 0; attempt < 12 && readerOn === writerOn; attempt++) {
      reader = await signIn();
      readerOn = await instanceFor(proxy, { token: reader.token });
    }
    const readerPage = await open();
    await readerPage.context().addCookies([
      { name: 'parley_session', value: reader.token, url: proxy.base, httpOnly: true, sameSite: 'Lax' },
      { name: 'parley_csrf', value: reader.csrfToken, url: proxy.base, sameSite: 'Lax' },
    ]);

    const page = `${proxy.base}/documents/${world.documentId}?clause=${world.clauseId}`;
    for (const p of [writer, readerPage]) {
      await p.goto(page);
      await p.getByTestId('clause-panel').getByRole('heading', { name: 'Clause 4.' }).waitFor();
    }
    // Both sockets are up: each page shows the other person present (presence crosses the instances too).
    const presence = (p: typeof writer) => p.getByRole('region', { name: 'Who is viewing this page' });
    await presence(readerPage).getByRole('link', { name: world.writer.name }).waitFor({ timeout: 15_000 });
    await presence(writer).getByRole('link', { name: world.reader.name }).waitFor({ timeout: 15_000 });
    await readerPage.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));

    const postAndSee = async (words: string) => {
      const body = `Through the proxy: ${words} (${Date.now()})`;
      const panel = writer.getByTestId('clause-panel');
      await panel.getByRole('textbox', { name: /^Your comment/ }).fill(body);
      const posted = Date.now();
      await panel.getByRole('button', { name: 'Post the comment' }).click();
      await readerPage.getByTestId('clause-panel').getByTestId('thread').filter({ hasText: body }).waitFor({ timeout: 15_000 });
      const seenLiveAfterMs = Date.now() - posted;
      if (!(await readerPage.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere))) throw new Error("the reader's page was reloaded");
      const rows = await db.query(`SELECT id FROM comments WHERE body = $1`, [body]);
      const events = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'comment.posted' AND subject_id = ANY($1::text[])`, [
        rows.rows.map((r) => String(r.id)),
      ]);
      return { seenLiveAfterMs, commentRows: rows.rowCount ?? 0, commentEvents: events.rows[0].n as number };
    };
    return { writerOn, readerOn, postAndSee, close };
  } catch (e) {
    await close();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Live followers of the ballot's room

export interface Follower {
  i: number;
  socket: Socket;
  token: string;
  /** Vote events received in the room, by sequence, in arrival order. */
  seen: number[];
  last: number;
  joinedAt: number;
  /** Every join after a reconnection: what it asked from, what it was replayed, and how long after the cut. */
  rejoins: { after: number; replayed: number; resync: boolean; afterCutMs: number }[];
  cuts: number;
  /** Rejoins whose connection dropped again before the answer (the next one asks again). */
  rejoinsCut: number;
  problems: string[];
}

/**
 * `n` members following the ballot's room through the proxy, each with their session cookie (nginx
 * places them by it). Even ones start on long-polling and upgrade (stickiness matters), odd ones go
 * straight to WebSocket. On every reconnection they join again with the last sequence they saw.
 */
export async function follow(proxy: Proxy, world: World, n: number): Promise<Follower[]> {
  const room = `ballot:${world.ballotId}`;
  const watchers = world.members.slice(1, n + 1);
  if (watchers.some((m) => !m.token)) throw new Error(`only ${world.members.filter((m) => m.token).length - 1} members have sessions; ${n} followers asked`);
  const join = (f: Follower, after: number | null): Promise<JoinRoomResult> => f.socket.timeout(15_000).emitWithAck('room:join', { room, after });
  const connectOne = async (m: Member, i: number): Promise<Follower> => {
    const socket = io(proxy.base, {
      path: '/socket.io',
      transports: i % 2 === 0 ? ['polling', 'websocket'] : ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      extraHeaders: { cookie: `parley_session=${encodeURIComponent(m.token!)}` },
    });
    const f: Follower = { i, socket, token: m.token!, seen: [], last: 0, joinedAt: 0, rejoins: [], cuts: 0, rejoinsCut: 0, problems: [] };
    let cutAt = 0;
    socket.on('live:event', (e: LiveEvent) => {
      if (e.room !== room) return;
      f.last = Math.max(f.last, e.sequence);
      if (e.action.startsWith('vote.')) f.seen.push(e.sequence);
    });
    socket.on('disconnect', (reason) => {
      f.cuts++;
      cutAt = Date.now();
      // socket.io, and so the web app, does not come back after this one: a stopping instance must not say it.
      if (reason === 'io server disconnect') f.problems.push('disconnected by the server ("io server disconnect"): a client does not reconnect after it');
    });
    socket.on('connect', () => {
      if (!f.joinedAt) return;
      const after = f.last;
      join(f, after).then(
        (r) => {
          if (!r.ok) f.problems.push(`rejoin refused: ${r.code}`);
          else {
            f.last = Math.max(f.last, r.sequence);
            f.rejoins.push({ after, replayed: r.replayed, resync: r.resync, afterCutMs: Date.now() - cutAt });
          }
        },
        // Cut again before the answer: the next connection joins again, from the same sequence.
        () => f.rejoinsCut++,
      );
    });
    const connected = () =>
      new Promise<void>((resolve, reject) => {
        if (socket.connected) return resolve();
        const t = setTimeout(() => reject(new Error(`follower ${i} did not connect within 60 s`)), 60_000);
        socket.once('connect', () => (clearTimeout(t), resolve()));
      });
    // On a busy machine a connection can drop before its first join is answered: join again once back.
    let r: JoinRoomResult | null = null;
    for (let attempt = 1; !r; attempt++) {
      await connected();
      r = await join(f, null).catch((e: Error) => {
        if (attempt >= 3) throw new Error(`follower ${i} could not join: ${e.message}`);
        return null;
      });
    }
    if (!r.ok) throw new Error(`follower ${i} could not join: ${r.code}`);
    f.joinedAt = r.sequence;
    f.last = r.sequence;
    return f;
  };
  // In batches: hundreds of handshakes at once on two busy cores time out.
  const followers: Follower[] = [];
  for (let k = 0; k < watchers.length; k += 25) followers.push(...(await Promise.all(watchers.slice(k, k + 25).map((m, j) => connectOne(m, k + j)))));
  return followers;
}

/** How many followers nginx places on each instance (by their session cookie). */
export async function placement(proxy: Proxy, followers: Follower[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let k = 0; k < followers.length; k += 20)
    for (const at of await Promise.all(followers.slice(k, k + 20).map((f) => instanceFor(proxy, { token: f.token })))) counts[at] = (counts[at] ?? 0) + 1;
  return counts;
}

export interface Delivery {
  voteEvents: number;
  exact: number;
  followers: number;
  missing: number;
  twice: number;
  outOfOrder: number;
  problems: string[];
}

/** Each follower against the ground truth: the chain's vote events on the ballot since it joined, each once, in order. */
export async function deliveries(db: Pool, world: World, followers: Follower[]): Promise<Delivery> {
  const chain = (await readChain(db, `wg:${world.groupId}`))
    .filter((e) => e.subjectId === world.ballotId && e.action.startsWith('vote.'))
    .map((e) => e.sequence);
  const d: Delivery = { voteEvents: chain.length, exact: 0, followers: followers.length, missing: 0, twice: 0, outOfOrder: 0, problems: [] };
  for (const f of followers) {
    const expected = chain.filter((s) => s > f.joinedAt);
    const got = new Set(f.seen);
    const miss = expected.filter((s) => !got.has(s)).length;
    const dup = f.seen.length - got.size;
    const unordered = f.seen.some((s, k) => k > 0 && s <= f.seen[k - 1]);
    d.missing += miss;
    d.twice += dup;
    d.outOfOrder += unordered ? 1 : 0;
    const clean = miss === 0 && dup === 0 && !unordered && f.seen.length === expected.length && f.problems.length === 0;
    if (clean) d.exact++;
    else if (d.problems.length < 10)
      d.problems.push(
        `follower ${f.i}: ${miss} missing, ${dup} twice, ${unordered ? 'out of order' : 'in order'}${f.problems.length ? `; ${f.problems.join('; ')}` : ''}`,
      );
  }
  return d;
}

/** Waits until every follower holds as many vote events as the chain has since it joined (at most `ms`). */
export async function settle(db: Pool, world: World, followers: Follower[], ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const d = await deliveries(db, world, followers);
    if (d.exact === followers.length) return;
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// The live fan-out and the rolling restart

export interface FanoutResult {
  placement: Record<string, number>;
  stats: StormStats;
  delivery: Delivery;
}

/** `voters` members vote at a gentle pace for `seconds` through the proxy; every follower must get every vote event. */
export async function liveFanout(db: Pool, proxy: Proxy, world: World, followers: Follower[], o: { voters: number; seconds: number }): Promise<FanoutResult> {
  const voters = world.members.slice(1, o.voters + 1);
  const stats = await storm({ base: () => proxy.base, ballotId: world.ballotId, voters, ledgers: world.ledgers, seconds: o.seconds, paceMs: 400 });
  await settle(db, world, followers, 10_000);
  return { placement: await placement(proxy, followers), stats, delivery: await deliveries(db, world, followers) };
}

export interface RollingRestartResult {
  stats: StormStats;
  restarts: { instance: number; stoppedInMs: number; exitCode: number | null; healthyAfterMs: number; acknowledgedWhileDown: number }[];
  audit: VoteAudit;
  delivery: Delivery;
  /** Followers cut by a restart, rejoins, events replayed to them, and the slowest rejoin after its cut. */
  reconnection: { cut: number; rejoins: number; replayed: number; resyncs: number; slowestRejoinMs: number; connectedAtEnd: number };
}

/**
 * Under a closed-loop vote load through the proxy, each instance in turn is stopped with SIGTERM (as
 * an orchestrator does), left down `downMs`, started again and checked healthy; then every
 * acknowledged vote must be in the database with its event, the chain must verify, and every
 * follower must hold every vote event once, in order, having rejoined through the proxy.
 */
export async function rollingRestart(
  db: Pool,
  topology: Topology,
  world: World,
  followers: Follower[],
  o: { voters: number; downMs: number; settleMs: number },
): Promise<RollingRestartResult> {
  const voters = world.members.slice(1, o.voters + 1);
  const stats = newStormStats();
  let stop = false;
  const running = storm({ base: () => topology.proxy.base, ballotId: world.ballotId, voters, ledgers: world.ledgers, seconds: 180, stop: () => stop }, stats);
  const restarts: RollingRestartResult['restarts'] = [];
  try {
    await sleep(o.settleMs);
    for (const i of [0, 1]) {
      let okWhileDown = 0;
      const r = await topology.restart(i, async () => {
        const before = stats.ok;
        await sleep(o.downMs);
        okWhileDown = stats.ok - before;
      });
      restarts.push({ instance: i + 1, ...r, acknowledgedWhileDown: okWhileDown });
      // As an operator's rolling restart does: the next instance stops only once the proxy would send
      // to this one again (nginx leaves an instance that refused a connection alone for fail_timeout).
      await sleep(Math.max(o.settleMs, proxyFailTimeoutMs() + 1000));
    }
  } finally {
    stop = true;
    await running;
  }
  await settle(db, world, followers, 15_000);
  const rejoins = followers.flatMap((f) => f.rejoins);
  return {
    stats,
    restarts,
    audit: await auditVotes(db, world.groupId, world.ballotId, world.ledgers),
    delivery: await deliveries(db, world, followers),
    reconnection: {
      cut: followers.filter((f) => f.cuts > 0).length,
      rejoins: rejoins.length,
      replayed: rejoins.reduce((n, r) => n + r.replayed, 0),
      resyncs: rejoins.filter((r) => r.resync).length,
      slowestRejoinMs: Math.max(0, ...rejoins.map((r) => r.afterCutMs)),
      connectedAtEnd: followers.filter((f) => f.socket.connected).length,
    },
  };
}
