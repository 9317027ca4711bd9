// Benchmark: what notifications (issue #20) cost the act that causes them, and how soon they exist.
//
// A group of 500 voting members (seedGroup). The chair opens motions over HTTP, one at a time; each
// ballot.opened tells the 499 other members (ballot-opened), written by the deriver after the commit
// in one transaction with its cursor. Measured in the same run:
//  - the opening's latency (POST /api/ballots) with notifications off (PARLEY_NOTIFICATIONS=off),
//    then with them on: goal p50 on ≤ 2× p50 off;
//  - with them on, the time from sending the POST until its 499 notifications exist (polled in the
//    database every 5 ms), for information.
//
// Environment: BENCH_SAMPLES (20 openings each way), BENCH_MEMBERS (500).
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { emitResult, http, log, machine, machineLine, ms, runMain, seedGroup, sleep, startApi, startCluster, summarise, today, writeSection } from './support/harness';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const RATIO = 2;

interface Opening {
  ms: number;
  ballotId: string;
  sentAt: number;
}

async function openings(base: string, token: string, groupId: string, n: number, tag: string): Promise<Opening[]> {
  const out: Opening[] = [];
  for (let i = 0; i < n + 3; i++) {
    const sentAt = performance.now();
    const r = await http<{ id: string; electorateSize: number }>('POST', `${base}/api/ballots`, {
      token,
      body: { workingGroupId: groupId, subjectType: 'motion', title: `${tag} motion ${i}`, closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    });
    if (r.status !== 201) throw new Error(`open a motion: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    if (r.body.electorateSize !== MEMBERS) throw new Error(`electorate of ${r.body.electorateSize}`);
    if (i >= 3) out.push({ ms: r.ms, ballotId: r.body.id, sentAt }); // three to warm up
    await sleep(50);
  }
  return out;
}

async function main(): Promise<void> {
  const m = machine();
  log(`notifications: a group of ${MEMBERS}; ${SAMPLES} ballot openings with notifications off, then on`);
  const cluster = await startCluster('notifications');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 4 });
  db.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    // Off: the API derives nothing (its cursors wait).
    api = await startApi(cluster.url('parley_bench'), { env: { PARLEY_NOTIFICATIONS: 'off' }, name: 'api-off' });
    const seeded = await seedGroup(db, { members: MEMBERS, withSessions: 0 });
    const off = await openings(api.base, seeded.chair.token, seeded.groupId, SAMPLES, 'Off');
    await api.stop();

    // On: the new instance first catches up on what the off run left (its sweep), then the measured openings.
    api = await startApi(cluster.url('parley_bench'), { name: 'api-on' });
    const scope = `wg:${seeded.groupId}`;
    const caughtUpFrom = performance.now();
    for (;;) {
      const { rows } = await db.query(`SELECT (SELECT sequence FROM notifier_cursors WHERE scope = $1) = (SELECT last_sequence FROM audit_chains WHERE scope = $1) AS done`, [scope]);
      if (rows[0].done) break;
      if (performance.now() - caughtUpFrom > 120_000) throw new Error('the deriver did not catch up in 2 minutes');
      await sleep(20);
    }
    const catchUpMs = performance.now() - caughtUpFrom;
    const backlog = (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE working_group_id = $1`, [seeded.groupId])).rows[0].n as number;
    log(`caught up on the off run's ${SAMPLES + 3} openings (${backlog} notifications) in ${ms(catchUpMs)}`);

    const on: Opening[] = [];
    const delivered: number[] = [];
    const told = MEMBERS - 1;
    for (let i = 0; i < SAMPLES + 3; i++) {
      const [o] = await openings(api.base, seeded.chair.token, seeded.groupId, 1, `On ${i}`).then((x) => x, () => []);
      if (!o) throw new Error('an opening failed');
      for (;;) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'ballot-opened' AND link = $1`, [`/ballots/${o.ballotId}`]);
        if (rows[0].n >= told) break;
        if (performance.now() - o.sentAt > 30_000) throw new Error(`only ${rows[0].n} of ${told} notifications after 30 s`);
        await sleep(5);
      }
      if (i >= 3) {
        on.push(o);
        delivered.push(performance.now() - o.sentAt);
      }
    }
    const dup = (await db.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications GROUP BY recipient_id, kind, dedupe_key HAVING count(*) > 1) d`)).rows[0].n as number;

    const offS = summarise(off.map((o) => o.ms));
    const onS = summarise(on.map((o) => o.ms));
    const delS = summarise(delivered);
    const ratio = onS.p50 / offS.p50;
    const met = ratio <= RATIO && dup === 0;
    log(`opening off p50 ${ms(offS.p50)} p99 ${ms(offS.p99)}; on p50 ${ms(onS.p50)} p99 ${ms(onS.p99)}; ratio ${ratio.toFixed(2)}×; ${told} notifications exist after p50 ${ms(delS.p50)} p99 ${ms(delS.p99)}`);

    writeSection(
      'Notifications',
      ` (${today()})

${machineLine(m)}
Workload (issue #20): a group of ${MEMBERS} voting members; the chair opens a motion over HTTP, ${SAMPLES} times each way (after three to warm up), one at a time. Each ballot.opened tells the ${told} other members: the deriver reads the committed event after the commit, and inserts their ${told} notifications and moves its cursor in one transaction (then pushes them live and wakes the mail).

What is measured: the opening's latency (POST /api/ballots, which freezes the ${MEMBERS}-member electorate) with notifications off (PARLEY_NOTIFICATIONS=off, a first API process) and on (a second one, started after, on the same database); and, with them on, the time from sending the POST until its ${told} notifications exist (polled in the database every 5 ms). Goal: opening p50 with notifications ≤ ${RATIO}× without, no duplicates. The time until they exist is for information. Before measuring, the second process caught up on the ${SAMPLES + 3} openings the first left undelivered (${backlog} notifications in ${ms(catchUpMs)}).

| | p50 | p90 | p99 | max |
| --- | --- | --- | --- | --- |
| opening a motion, notifications off | ${ms(offS.p50)} | ${ms(offS.p90)} | ${ms(offS.p99)} | ${ms(offS.max)} |
| opening a motion, notifications on | ${ms(onS.p50)} | ${ms(onS.p90)} | ${ms(onS.p99)} | ${ms(onS.max)} |
| from the POST until its ${told} notifications exist | ${ms(delS.p50)} | ${ms(delS.p90)} | ${ms(delS.p99)} | ${ms(delS.max)} |

Ratio on / off (p50): ${ratio.toFixed(2)}× — goal ≤ ${RATIO}×: ${ratio <= RATIO ? 'met' : '**missed**'}. Duplicated notifications: ${dup}.
`,
    );
    const result = { bench: 'notifications', members: MEMBERS, samples: SAMPLES, off: offS, on: onS, delivered: delS, ratio, duplicates: dup, catchUpMs, met, machine: m };
    emitResult('BENCH', result);
    if (!met) process.exitCode = 1;
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
