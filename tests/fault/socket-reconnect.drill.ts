// Drill: socket clients away for 10 s during activity receive exactly what they missed.
//
// CLIENTS live clients (members, bearer token) follow one ballot's room; half of them stay connected
// throughout (the control), the other half disconnect AWAY_AFTER seconds in, stay away AWAY_FOR
// seconds while VOTERS keep voting, then reconnect and join the room again with the last sequence
// they saw (the client protocol of libs/contracts/src/realtime.ts). Checked, for every client:
//  - the vote events it holds are exactly those of the audit chain for this ballot since it joined
//    (the ground truth, read from the database): none missing, none twice, in chain order;
//  - a returning client's join acknowledgement replayed exactly the events it missed, and it was
//    not asked to resync.
import { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { JoinRoomResult, LiveEvent } from '@parley/contracts';
import { emitResult, log, machine, openMotion, readChain, runMain, seedGroup, sleep, startApi, startCluster, VoterLedger } from '../load/support/harness';
import { newStormStats, storm } from '../load/support/storm';

const CLIENTS = Number(process.env.DRILL_CLIENTS ?? 20);
const VOTERS = Number(process.env.DRILL_VOTERS ?? 10);
const AWAY_AFTER = Number(process.env.DRILL_AWAY_AFTER ?? 3);
const AWAY_FOR = Number(process.env.DRILL_AWAY_FOR ?? 10);
const AFTER = Number(process.env.DRILL_AFTER ?? 3);

interface Follower {
  i: number;
  socket: Socket;
  leaves: boolean;
  /** Vote events received, in arrival order. */
  seen: number[];
  last: number;
  joinedAt: number;
  rejoin?: { after: number; result: JoinRoomResult; missedInDb: number };
  resyncs: number;
}

async function main(): Promise<void> {
  const m = machine();
  log(`drill socket reconnect: ${CLIENTS} clients (${CLIENTS / 2} leave for ${AWAY_FOR} s), ${VOTERS} voters`);
  const cluster = await startCluster('drill-socket');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 3 });
  db.on('error', () => undefined);
  const api = await startApi(cluster.url('parley_bench'));
  const followers: Follower[] = [];
  try {
    const seeded = await seedGroup(db, { members: 60, withSessions: Math.max(VOTERS, CLIENTS) });
    const voters = seeded.members.slice(1, VOTERS + 1);
    const watchers = seeded.members.slice(1, CLIENTS + 1);
    const ballot = await openMotion(api.base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000));
    const room = `ballot:${ballot.id}`;

    const join = async (f: Follower, after: number | null): Promise<JoinRoomResult> => {
      const r: JoinRoomResult = await f.socket.timeout(10_000).emitWithAck('room:join', { room, after });
      if (!r.ok) throw new Error(`client ${f.i} could not join: ${r.code}: ${r.detail}`);
      f.last = Math.max(f.last, r.sequence);
      return r;
    };
    for (let i = 0; i < CLIENTS; i++) {
      const socket = io(api.base, {
        path: '/socket.io',
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token: watchers[i].token ?? undefined },
      });
      const f: Follower = { i, socket, leaves: i % 2 === 1, seen: [], last: 0, joinedAt: 0, resyncs: 0 };
      socket.on('live:event', (e: LiveEvent) => {
        if (e.room !== room) return;
        f.last = Math.max(f.last, e.sequence);
        if (e.action.startsWith('vote.')) f.seen.push(e.sequence);
      });
      socket.on('room:resync', () => f.resyncs++);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const r = await join(f, null);
      if (r.ok) f.joinedAt = r.sequence;
      followers.push(f);
    }

    const ledgers = new Map<string, VoterLedger>();
    const stats = newStormStats();
    let stop = false;
    // Paced voting: about 20 votes a second in all.
    const running = storm({ base: () => api.base, ballotId: ballot.id, voters, ledgers, seconds: 120, stop: () => stop, paceMs: 500 }, stats);

    await sleep(AWAY_AFTER * 1000);
    const leaving = followers.filter((f) => f.leaves);
    for (const f of leaving) f.socket.disconnect();
    log(`${leaving.length} clients disconnected`);
    await sleep(AWAY_FOR * 1000);
    for (const f of leaving) {
      f.socket.connect();
      await new Promise<void>((resolve, reject) => {
        f.socket.once('connect', () => resolve());
        f.socket.once('connect_error', reject);
      });
      const after = f.last;
      const result = await join(f, after);
      const missed = (
        await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE scope = $1 AND subject_id = $2 AND sequence > $3 AND sequence <= $4`, [
          `wg:${seeded.groupId}`,
          ballot.id,
          after,
          result.ok ? result.sequence : after,
        ])
      ).rows[0].n as number;
      f.rejoin = { after, result, missedInDb: missed };
    }
    log(`${leaving.length} clients back after ${AWAY_FOR} s`);
    await sleep(AFTER * 1000);
    stop = true;
    await running;
    await sleep(1500); // the last events reach everyone

    // Ground truth: the chain's vote events on this ballot.
    const chain = (await readChain(db, `wg:${seeded.groupId}`)).filter((e) => e.subjectId === ballot.id && e.action.startsWith('vote.')).map((e) => e.sequence);
    const problems: string[] = [];
    let exact = 0;
    let missing = 0;
    let twice = 0;
    let outOfOrder = 0;
    for (const f of followers) {
      const expected = chain.filter((s) => s > f.joinedAt);
      const got = f.seen;
      const set = new Set(got);
      const miss = expected.filter((s) => !set.has(s)).length;
      const dup = got.length - set.size;
      const order = got.some((s, k) => k > 0 && s <= got[k - 1]) ? 1 : 0;
      const extra = got.filter((s) => !expected.includes(s)).length;
      missing += miss;
      twice += dup;
      outOfOrder += order;
      if (miss === 0 && dup === 0 && order === 0 && extra === 0) exact++;
      else if (problems.length < 10)
        problems.push(`client ${f.i}${f.leaves ? ' (left)' : ''}: ${miss} missing, ${dup} twice, ${extra} unexpected, ${order ? 'out of order' : 'in order'}`);
      if (f.rejoin) {
        const r = f.rejoin.result;
        if (!r.ok || r.resync) problems.push(`client ${f.i}: rejoin ${r.ok ? 'asked to resync' : 'refused'}`);
        else if (r.replayed !== f.rejoin.missedInDb)
          problems.push(`client ${f.i}: replayed ${r.replayed} events, the chain had ${f.rejoin.missedInDb} for this room`);
      }
      if (f.resyncs) problems.push(`client ${f.i}: ${f.resyncs} resync notices`);
    }
    const replayed = leaving.map((f) => (f.rejoin?.result.ok ? f.rejoin.result.replayed : 0));
    const passed = problems.length === 0 && chain.length > 0 && exact === followers.length;
    log(`chain: ${chain.length} vote events; ${exact}/${followers.length} clients exact; replayed on return: ${replayed.join(', ')}`);
    emitResult('DRILL', {
      drill: 'socket-reconnect',
      passed,
      machine: m,
      summary: `${CLIENTS} members followed one ballot's room while ${VOTERS} voters voted (${stats.ok} acknowledged votes); ${leaving.length} of them disconnected ${AWAY_AFTER} s in, stayed away ${AWAY_FOR} s, reconnected and joined again with the last sequence they had seen.`,
      figures: {
        voteEventsInTheChain: chain.length,
        clientsWithExactlyTheChainsEvents: `${exact} of ${followers.length}`,
        missing,
        receivedTwice: twice,
        outOfOrder,
        replayedOnReturn: `${Math.min(...replayed)} to ${Math.max(...replayed)} events per returning client (each equal to what the chain got while it was away)`,
      },
      problems,
    });
    if (!passed) process.exitCode = 1;
  } finally {
    for (const f of followers) f.socket.close();
    await api.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
