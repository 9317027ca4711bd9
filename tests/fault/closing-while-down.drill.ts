// Drill: a ballot whose closing time passes while the API is down is closed correctly when it returns.
//
// Two open motions in one group: A closes CLOSE_IN seconds from now, B in an hour. Members vote on A;
// the API is killed (SIGKILL) before A's closing time and started again GRACE seconds after it. Checked:
//  - a vote on A sent right after the restart is refused (409): the closing time has passed, even if
//    the scheduler has not closed it yet; the votes table is unchanged by it;
//  - A is closed by the scheduler within seconds of the restart, by "closing time" (no person),
//    with closedAt after closesAt, its result computed from exactly the votes cast before closing;
//  - exactly one ballot.closed event for A, B still open, and the group's chain verifies.
import { Pool } from 'pg';
import { verifyChain } from '@parley/domain';
import { emitResult, http, log, machine, openMotion, readChain, runMain, seedGroup, sleep, startApi, startCluster } from '../load/support/harness';

const CLOSE_IN = Number(process.env.DRILL_CLOSE_IN ?? 8);
const GRACE = Number(process.env.DRILL_GRACE ?? 3);
const CLOSE_GOAL_S = 10;

async function main(): Promise<void> {
  const m = machine();
  log(`drill closing while down: a ballot closes ${CLOSE_IN} s from now; the API is down from before until ${GRACE} s after`);
  const cluster = await startCluster('drill-closing');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 3 });
  db.on('error', () => undefined);
  let api = await startApi(cluster.url('parley_bench'));
  const port = api.port;
  try {
    const seeded = await seedGroup(db, { members: 30, withSessions: 10 });
    const voters = seeded.members.slice(1, 11);
    const closesAt = new Date(Date.now() + CLOSE_IN * 1000);
    const a = await openMotion(api.base, seeded.chair.token, seeded.groupId, closesAt, { title: 'A motion that closes while the API is down' });
    const b = await openMotion(api.base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000), { title: 'A motion still open' });
    // 7 yes, 3 no on A (a majority: it should pass); the first voter votes no, then changes to yes.
    const choices = voters.map((_, i) => (i < 7 ? 'yes' : 'no'));
    for (let i = 0; i < voters.length; i++) {
      const r = await http('POST', `${api.base}/api/ballots/${a.id}/votes`, {
        token: voters[i].token ?? undefined,
        body: { choice: i === 0 ? 'no' : choices[i] },
      });
      if (r.status !== 200) throw new Error(`vote ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const change = await http('POST', `${api.base}/api/ballots/${a.id}/votes`, { token: voters[0].token ?? undefined, body: { choice: 'yes' } });
    if (change.status !== 200) throw new Error(`change: ${change.status}`);
    if (Date.now() > closesAt.getTime() - 1000) throw new Error('the setup took longer than the ballot stays open: raise DRILL_CLOSE_IN');

    await api.kill9();
    log(`API killed ${((closesAt.getTime() - Date.now()) / 1000).toFixed(1)} s before the closing time`);
    await sleep(Math.max(0, closesAt.getTime() - Date.now()) + GRACE * 1000);
    const stillOpenWhileDown = (await db.query(`SELECT status FROM ballots WHERE id = $1`, [a.id])).rows[0].status;
    api = await startApi(cluster.url('parley_bench'), { port });
    const readyAt = Date.now();
    const late = await http('POST', `${api.base}/api/ballots/${a.id}/votes`, { token: voters[9].token ?? undefined, body: { choice: 'yes' } });
    let closedAfter: number | null = null;
    let ballot: any = null;
    while (Date.now() - readyAt < 20_000) {
      ballot = (await http('GET', `${api.base}/api/ballots/${a.id}`)).body;
      if (ballot?.status === 'closed') {
        closedAfter = (Date.now() - readyAt) / 1000;
        break;
      }
      await sleep(100);
    }
    const other = (await http('GET', `${api.base}/api/ballots/${b.id}`)).body;
    const votes = (await db.query(`SELECT choice, count(*)::int AS n FROM votes WHERE ballot_id = $1 GROUP BY 1`, [a.id])).rows;
    const count = (c: string) => votes.find((v) => v.choice === c)?.n ?? 0;
    const events = (await readChain(db, `wg:${seeded.groupId}`)).filter((e) => e.subjectId === a.id);
    const closedEvents = events.filter((e) => e.action === 'ballot.closed');
    const chain = verifyChain(await readChain(db, `wg:${seeded.groupId}`));

    const problems: string[] = [];
    if (stillOpenWhileDown !== 'open') problems.push(`the ballot was ${stillOpenWhileDown} while the API was down (nothing else should close it)`);
    if (late.status !== 409) problems.push(`a vote after the closing time answered ${late.status} (expected 409)`);
    if (count('yes') !== 7 || count('no') !== 3) problems.push(`the votes table holds yes ${count('yes')}, no ${count('no')} (expected 7 and 3)`);
    if (closedAfter === null) problems.push('the ballot was not closed within 20 s of the restart');
    else if (closedAfter > CLOSE_GOAL_S) problems.push(`closed ${closedAfter} s after the restart`);
    if (ballot?.status === 'closed') {
      if (!(new Date(ballot.closedAt).getTime() >= closesAt.getTime()))
        problems.push(`closedAt ${ballot.closedAt} is before closesAt ${closesAt.toISOString()}`);
      if (ballot.closedBy !== null) problems.push(`closed by ${JSON.stringify(ballot.closedBy)}, not by its closing time`);
      if (ballot.result?.totals?.yes !== 7 || ballot.result?.totals?.no !== 3)
        problems.push(`result totals ${JSON.stringify(ballot.result?.totals)} (expected yes 7, no 3)`);
      if (ballot.outcome !== 'passed') problems.push(`outcome ${ballot.outcome} (expected passed: 7 yes, 3 no under majority)`);
    }
    if (closedEvents.length !== 1) problems.push(`${closedEvents.length} ballot.closed events`);
    else if ((closedEvents[0].change as { closedBy?: string }).closedBy !== 'closing-time')
      problems.push(`ballot.closed says closedBy ${(closedEvents[0].change as { closedBy?: string }).closedBy}`);
    if (other?.status !== 'open') problems.push(`the other ballot is ${other?.status}`);
    if (!chain.ok) problems.push(`chain broken: ${chain.broken.problem} at ${chain.broken.sequence}`);
    const passed = problems.length === 0;
    log(`late vote ${late.status}; closed ${closedAfter} s after the restart; outcome ${ballot?.outcome}; problems ${problems.length}`);
    emitResult('DRILL', {
      drill: 'closing-while-down',
      passed,
      machine: m,
      summary: `Ballot A (closing ${CLOSE_IN} s after it opened, 10 voters, one of whom changed their vote: 7 yes, 3 no) and ballot B (closing in an hour); the API was killed before A's closing time and started again ${GRACE} s after it.`,
      figures: {
        whileDown: `A stayed ${stillOpenWhileDown} in the database`,
        voteAfterClosingTime: `${late.status}${late.status === 409 ? ' (refused)' : ''}`,
        closedAfterRestart: closedAfter === null ? 'not closed' : `${closedAfter.toFixed(1)} s (goal < ${CLOSE_GOAL_S} s)`,
        closedAtVsClosesAt: ballot?.closedAt
          ? `${((new Date(ballot.closedAt).getTime() - closesAt.getTime()) / 1000).toFixed(1)} s after the closing time`
          : 'n/a',
        closedBy: ballot?.status === 'closed' ? (ballot.closedBy === null ? 'its closing time' : JSON.stringify(ballot.closedBy)) : 'n/a',
        result: ballot?.result ? `${ballot.outcome}: yes ${ballot.result.totals.yes}, no ${ballot.result.totals.no}` : 'n/a',
        ballotClosedEvents: closedEvents.length,
        otherBallot: other?.status,
        chain: chain.ok ? `valid (${chain.events} events)` : 'BROKEN',
      },
      problems,
    });
    if (!passed) process.exitCode = 1;
  } finally {
    await api.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
