// Drill: kill -9 the API in the middle of a vote storm, then start it again.
//
// 500 members, one hot ballot, 50 voters casting and changing votes through the HTTP API. After
// KILL_AFTER seconds the API process gets SIGKILL (no shutdown hook runs; transactions in flight are
// cut); the voters keep trying (connections refused) until it is started again on the same port
// RESTART_AFTER ms later, and carry on. Then, against the database:
//  - every vote that got a 2xx is there: each voter's row counts at least their acknowledged votes,
//    and its choice is the last acknowledged one (or a later request that was cut without an answer);
//  - no vote without its audit event and no event without its vote (each row's change count matches
//    its vote.cast/vote.changed events), and the group's chain verifies from genesis;
//  - the API came back by itself from a plain start (migrations, scheduler, no manual repair).
import { Pool } from 'pg';
import { auditClean, auditVotes, emitResult, log, machine, openMotion, runMain, seedGroup, sleep, startApi, startCluster, VoterLedger } from '../load/support/harness';
import { newStormStats, storm } from '../load/support/storm';

const VOTERS = Number(process.env.DRILL_VOTERS ?? 50);
const KILL_AFTER = Number(process.env.DRILL_KILL_AFTER ?? 4);
const RESTART_AFTER_MS = Number(process.env.DRILL_RESTART_AFTER_MS ?? 1000);
const AFTER_RESTART = Number(process.env.DRILL_AFTER_RESTART ?? 5);

async function main(): Promise<void> {
  const m = machine();
  log(`drill kill -9: ${VOTERS} voters, SIGKILL after ${KILL_AFTER} s, restart ${RESTART_AFTER_MS} ms later, ${AFTER_RESTART} s more`);
  const cluster = await startCluster('drill-kill');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 4 });
  db.on('error', () => undefined);
  let api = await startApi(cluster.url('parley_bench'));
  const port = api.port;
  const base = api.base;
  try {
    const seeded = await seedGroup(db, { members: 500, withSessions: VOTERS });
    const voters = seeded.members.slice(1, VOTERS + 1);
    const ballot = await openMotion(base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000));
    const ledgers = new Map<string, VoterLedger>();
    const stats = newStormStats();
    let stop = false;
    const running = storm({ base: () => base, ballotId: ballot.id, voters, ledgers, seconds: 120, stop: () => stop, backoffMs: 100 }, stats);

    await sleep(KILL_AFTER * 1000);
    const beforeKill = stats.ok;
    const pid = api.child.pid;
    await api.kill9();
    const killedAt = Date.now();
    log(`killed the API (pid ${pid}, signal ${api.child.signalCode}) after ${beforeKill} acknowledged votes`);
    await sleep(RESTART_AFTER_MS);
    api = await startApi(cluster.url('parley_bench'), { port });
    const backAt = Date.now();
    log(`restarted (pid ${api.child.pid}) in ${((backAt - killedAt) / 1000).toFixed(1)} s after the kill`);
    const okAtRestart = stats.ok;
    await sleep(AFTER_RESTART * 1000);
    stop = true;
    await running;
    const afterRestart = stats.ok - okAtRestart;

    const audit = await auditVotes(db, seeded.groupId, ballot.id, ledgers);
    const unanswered = [...ledgers.values()].reduce((n, l) => n + l.unanswered.length, 0);
    const fiveHundreds = Object.entries(stats.byStatus).filter(([k]) => /^5/.test(k));
    log(`statuses ${JSON.stringify(stats.byStatus)}; audit ${JSON.stringify({ ...audit, problems: audit.problems.slice(0, 5) })}`);
    const passed = auditClean(audit) && afterRestart > 0 && fiveHundreds.length === 0;
    emitResult('DRILL', {
      drill: 'kill-api',
      passed,
      machine: m,
      summary: `SIGKILL after ${beforeKill} acknowledged votes; back ${((backAt - killedAt) / 1000).toFixed(1)} s after the kill (restart ${RESTART_AFTER_MS} ms later); ${afterRestart} votes acknowledged after it.`,
      figures: {
        acknowledged: audit.acknowledged,
        cutWithoutAnswer: unanswered,
        statuses: stats.byStatus,
        voteRows: audit.votesInTable,
        voteEvents: audit.eventsForBallot,
        lost: audit.lost,
        duplicated: audit.duplicated,
        votesWithoutEvent: audit.votesWithoutEvent,
        eventsWithoutVote: audit.eventsWithoutVote,
        mismatched: audit.mismatched,
        chain: audit.chain.ok ? `valid (${audit.chain.events} events)` : `BROKEN: ${audit.chain.detail}`,
      },
      problems: audit.problems.slice(0, 10),
    });
    if (!passed) process.exitCode = 1;
  } finally {
    await api.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
