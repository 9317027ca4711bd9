// Drill: restart PostgreSQL under load, without touching the API — and, with
// DRILL_PG_STOP=immediate (`npm run drills -- crash-postgres`), crash it instead: an immediate
// shutdown flushes nothing, so every acknowledged vote must come back from the WAL on disk.
//
// 20 voters cast and change votes, a reader polls the ballot and the health endpoint, and a live
// client follows the ballot's room. After UP_BEFORE seconds PostgreSQL is stopped (fast shutdown:
// sessions cut, transactions in flight rolled back); it stays down DOWN_FOR seconds and is started
// again on the same port. Checked:
//  - while it is down the API answers 503 application/problem+json (never a 500, never a dropped
//    connection), and /api/health says 503;
//  - it recovers by itself (same process, never restarted): the time from PostgreSQL's return to the
//    first acknowledged vote and the first healthy answer; the live client gets new votes again;
//  - no half-written acts: every vote row has exactly its events, every event its row, every
//    acknowledged vote is there, and every audit chain in the database verifies from genesis.
import { Pool } from 'pg';
import { io } from 'socket.io-client';
import { verifyChain } from '@parley/domain';
import {
  auditClean,
  auditVotes,
  emitResult,
  http,
  log,
  machine,
  openMotion,
  readChain,
  runMain,
  seedGroup,
  sleep,
  startApi,
  startCluster,
  VoterLedger,
} from '../load/support/harness';
import { newStormStats, storm } from '../load/support/storm';

const VOTERS = Number(process.env.DRILL_VOTERS ?? 20);
const UP_BEFORE = Number(process.env.DRILL_UP_BEFORE ?? 3);
const DOWN_FOR = Number(process.env.DRILL_DOWN_FOR ?? 6);
const AFTER = Number(process.env.DRILL_AFTER ?? 8);
const RECOVERY_GOAL_S = 10;
/** `fast`: a clean restart (sessions cut, transactions rolled back); `immediate`: a crash (SIGQUIT, no flush, WAL replay at start). */
const MODE = process.env.DRILL_PG_STOP === 'immediate' ? 'immediate' : 'fast';

interface Answer {
  /** When the request was sent, and when it was answered (epoch ms). */
  sent: number;
  at: number;
  status: number;
  problemJson: boolean;
  error?: string;
}

async function main(): Promise<void> {
  const m = machine();
  log(`drill ${MODE === 'immediate' ? 'crash' : 'restart'} PostgreSQL: ${VOTERS} voters; down after ${UP_BEFORE} s for ${DOWN_FOR} s; ${AFTER} s after`);
  const cluster = await startCluster('drill-pg');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 3 });
  db.on('error', () => undefined);
  const api = await startApi(cluster.url('parley_bench'));
  const pid = api.child.pid;
  let socket: ReturnType<typeof io> | null = null;
  try {
    const seeded = await seedGroup(db, { members: 100, withSessions: VOTERS });
    const voters = seeded.members.slice(1, VOTERS + 1);
    const ballot = await openMotion(api.base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000));
    await db.end(); // the drill's own connections must not be what notices the restart

    // A live client in the ballot's room: it records when each vote event arrives.
    const live: { at: number; sequence: number }[] = [];
    socket = io(api.base, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: true, auth: { token: voters[0].token ?? undefined } });
    await new Promise<void>((resolve, reject) => {
      socket!.once('connect', () => resolve());
      socket!.once('connect_error', reject);
    });
    socket.on('live:event', (e: { action: string; sequence: number }) => {
      if (e.action.startsWith('vote.')) live.push({ at: Date.now(), sequence: e.sequence });
    });
    const joined = await socket.timeout(10_000).emitWithAck('room:join', { room: `ballot:${ballot.id}`, after: null });
    if (!joined?.ok) throw new Error(`could not join the ballot's room: ${JSON.stringify(joined)}`);

    const ledgers = new Map<string, VoterLedger>();
    const stats = newStormStats();
    let stop = false;
    const answers: { vote: Answer[]; read: Answer[]; health: Answer[] } = { vote: [], read: [], health: [] };
    const running = storm({ base: () => api.base, ballotId: ballot.id, voters, ledgers, seconds: 300, stop: () => stop, backoffMs: 100 }, stats);
    // Record every vote answer's time and kind, from the storm's ledger growth and statuses.
    const poll = (async () => {
      while (!stop) {
        const [read, health] = await Promise.all([
          http('GET', `${api.base}/api/ballots/${ballot.id}`, { timeoutMs: 10_000 }),
          http('GET', `${api.base}/api/health`, { timeoutMs: 10_000 }),
        ]);
        answers.read.push({
          sent: Date.now() - read.ms,
          at: Date.now(),
          status: read.status,
          problemJson: /application\/problem\+json/.test(read.contentType),
          error: read.error,
        });
        answers.health.push({ sent: Date.now() - health.ms, at: Date.now(), status: health.status, problemJson: false, error: health.error });
        await sleep(100);
      }
    })();
    // Vote answers: sampled by wrapping the storm's stats (status counts per phase).
    const phase = (name: string) => ({ name, statuses: { ...stats.byStatus }, ok: stats.ok });

    await sleep(UP_BEFORE * 1000);
    const p0 = phase('before');
    const downAt = Date.now();
    if (MODE === 'immediate') await cluster.crash();
    else await cluster.stop();
    log(`PostgreSQL stopped (${MODE})`);
    await sleep(DOWN_FOR * 1000);
    const p1 = phase('down');
    await cluster.start();
    const upAt = Date.now();
    log('PostgreSQL started again');
    let firstVoteAfter: number | null = null;
    const okAtUp = stats.ok;
    const until = Date.now() + AFTER * 1000;
    while (Date.now() < until) {
      if (firstVoteAfter === null && stats.ok > okAtUp) firstVoteAfter = Date.now();
      await sleep(20);
    }
    stop = true;
    await Promise.all([running, poll]);
    const p2 = phase('after');
    const liveAfter = live.filter((e) => e.at > upAt);

    // Requests sent while it was down (and answered before it came back) must be 503 problem+json.
    const during = (xs: Answer[]) => xs.filter((a) => a.sent > downAt && a.at < upAt);
    const readsDown = during(answers.read);
    const healthDown = during(answers.health);
    const diff = (a: Record<string, number>, b: Record<string, number>) =>
      Object.fromEntries(
        Object.keys({ ...a, ...b })
          .map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)])
          .filter(([, v]) => v !== 0),
      );
    const votesDown = diff(p0.statuses, p1.statuses);
    const votesAfter = diff(p1.statuses, p2.statuses);
    const bad = (counts: Record<string, number>) => Object.entries(counts).filter(([k, v]) => v > 0 && !/^(2\d\d|503)$/.test(k));
    const readsBad = readsDown.filter((a) => !(a.status === 503 && a.problemJson));
    const firstHealthyAfter = answers.health.find((a) => a.at > upAt && a.status === 200)?.at ?? null;

    const checkDb = new Pool({ connectionString: cluster.url('parley_bench'), max: 2 });
    checkDb.on('error', () => undefined);
    const audit = await auditVotes(checkDb, seeded.groupId, ballot.id, ledgers);
    const scopes = (await checkDb.query(`SELECT scope FROM audit_chains ORDER BY scope`)).rows.map((r) => r.scope as string);
    const chains: string[] = [];
    for (const scope of scopes) {
      const v = verifyChain(await readChain(checkDb, scope));
      if (!v.ok) chains.push(`${scope}: ${v.broken.problem} at ${v.broken.sequence}`);
    }
    await checkDb.end();
    const apiAlive = !api.exited() && api.child.pid === pid;
    const recoverySeconds = firstVoteAfter ? (firstVoteAfter - upAt) / 1000 : null;
    const healthySeconds = firstHealthyAfter ? (firstHealthyAfter - upAt) / 1000 : null;
    const passed =
      apiAlive &&
      bad(votesDown).length === 0 &&
      bad(votesAfter).length === 0 &&
      readsBad.length === 0 &&
      stats.notProblemJson === 0 &&
      healthDown.every((a) => a.status === 503) &&
      recoverySeconds !== null &&
      recoverySeconds < RECOVERY_GOAL_S &&
      auditClean(audit) &&
      chains.length === 0 &&
      liveAfter.length > 0;
    const problems = [
      ...(apiAlive ? [] : ['the API process exited or was replaced']),
      ...bad(votesDown).map(([k, v]) => `${v} vote answers while PostgreSQL was down were ${k}`),
      ...bad(votesAfter).map(([k, v]) => `${v} vote answers after it came back were ${k}`),
      ...readsBad.slice(0, 3).map((a) => `a read while down answered ${a.status || a.error}${a.problemJson ? '' : ' (not problem+json)'}`),
      ...(healthDown.every((a) => a.status === 503) ? [] : ['/api/health did not say 503 while the database was down']),
      ...(recoverySeconds === null
        ? ['no vote was acknowledged after PostgreSQL came back']
        : recoverySeconds >= RECOVERY_GOAL_S
          ? [`recovery took ${recoverySeconds} s`]
          : []),
      ...(liveAfter.length ? [] : ['the live client received no vote after PostgreSQL came back']),
      ...chains.map((c) => `chain ${c}`),
      ...audit.problems,
    ];
    log(
      `votes: before ${JSON.stringify(p0.statuses)}, while down ${JSON.stringify(votesDown)}, after ${JSON.stringify(votesAfter)}; reads while down ${readsDown.length}`,
    );
    log(`recovery: first vote ${recoverySeconds} s, healthy ${healthySeconds} s after PostgreSQL; live events after: ${liveAfter.length}`);
    emitResult('DRILL', {
      drill: MODE === 'immediate' ? 'crash-postgres' : 'restart-postgres',
      passed,
      machine: m,
      summary: `PostgreSQL ${MODE === 'immediate' ? 'crashed (immediate shutdown: SIGQUIT, nothing flushed, WAL replayed at the next start)' : 'stopped (fast shutdown)'} after ${UP_BEFORE} s of load and started again ${DOWN_FOR} s later on the same port; the API process (pid ${pid}) was never restarted${apiAlive ? '' : ' — but it DIED'}.`,
      figures: {
        votesWhileDown: votesDown,
        readsWhileDown: `${readsDown.length} (${readsDown.filter((a) => a.status === 503 && a.problemJson).length} were 503 problem+json)`,
        healthWhileDown: `${healthDown.filter((a) => a.status === 503).length} of ${healthDown.length} said 503`,
        votesAfterReturn: votesAfter,
        firstAcknowledgedVoteAfterReturn: recoverySeconds === null ? 'none' : `${recoverySeconds.toFixed(1)} s (goal < ${RECOVERY_GOAL_S} s)`,
        firstHealthyAnswerAfterReturn: healthySeconds === null ? 'none' : `${healthySeconds.toFixed(1)} s`,
        liveVoteEventsAfterReturn: liveAfter.length,
        acknowledgedVotes: audit.acknowledged,
        voteRows: audit.votesInTable,
        voteEvents: audit.eventsForBallot,
        lostOrDuplicated: audit.lost + audit.duplicated,
        halfWritten: audit.votesWithoutEvent + audit.eventsWithoutVote + audit.mismatched,
        chains: chains.length ? `BROKEN: ${chains.join('; ')}` : `${scopes.length} chains verified from genesis`,
        voteErrorsNotProblemJson: stats.notProblemJson,
      },
      problems: problems.slice(0, 12),
    });
    if (!passed) process.exitCode = 1;
  } finally {
    socket?.close();
    await api.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
