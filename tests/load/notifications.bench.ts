// Benchmark: what notifications (issue #20) cost the act that causes them, and how soon they exist.
//
// A group of 500 voting members (seedGroup). The chair opens motions over HTTP, one at a time; each
// ballot.opened tells the 499 other members (ballot-opened), written by the deriver after the commit
// in one transaction with its cursor. Measured in the same run:
//  - the opening's latency (POST /api/ballots) with notifications off (PARLEY_NOTIFICATIONS=off) and
//    on: two API processes side by side on two databases of one PostgreSQL, openings alternating
//    between them; goal p50 on ≤ 2× p50 off;
//  - with them on, the time from sending the POST until its 499 notifications exist, and until their
//    499 e-mails are queued (every member's address is verified; "ballot opened" is e-mailed at once
//    by default; the outbox transport), polled in the database every 5 ms, for information.
//
// Openings run in BENCH_ROUNDS interleaved pairs of blocks (support/rounds.ts); the ratio is the median of the pairs.
//
// Environment: BENCH_SAMPLES (20 openings each way), BENCH_ROUNDS (5), BENCH_MEMBERS (500).
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { emitResult, http, log, machine, machineLine, ms, runMain, seedGroup, sleep, startApi, startCluster, summarise, today, writeSection } from './support/harness';
import { judgedRow, ratioText } from './support/interleave';
import { blocks, loadText, perRound, ROUNDS } from './support/rounds';

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
  for (let i = 0; i < n; i++) {
    const sentAt = performance.now();
    const r = await http<{ id: string; electorateSize: number }>('POST', `${base}/api/ballots`, {
      token,
      body: { workingGroupId: groupId, subjectType: 'motion', title: `${tag} motion ${i}`, closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    });
    if (r.status !== 201) throw new Error(`open a motion: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    if (r.body.electorateSize !== MEMBERS) throw new Error(`electorate of ${r.body.electorateSize}`);
    out.push({ ms: r.ms, ballotId: r.body.id, sentAt });
    await sleep(50);
  }
  return out;
}

async function main(): Promise<void> {
  const m = machine();
  log(`notifications: a group of ${MEMBERS}; ${SAMPLES} ballot openings each way, alternating between an API without notifications and one with them`);
  const cluster = await startCluster('notifications');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 4 });
  db.on('error', () => undefined);
  let apiOff: Awaited<ReturnType<typeof startApi>> | null = null;
  let apiOn: Awaited<ReturnType<typeof startApi>> | null = null;
  const admin = new Pool({ connectionString: cluster.url(), max: 1 });
  await admin.query('CREATE DATABASE parley_bench_off');
  await admin.end();
  const dbOff = new Pool({ connectionString: cluster.url('parley_bench_off'), max: 2 });
  dbOff.on('error', () => undefined);
  try {
    // Two API processes side by side, each on its own database in the same cluster: one derives nothing
    // (PARLEY_NOTIFICATIONS=off), one derives; openings alternate between them, so both see the same machine.
    [apiOff, apiOn] = await Promise.all([
      startApi(cluster.url('parley_bench_off'), { env: { PARLEY_NOTIFICATIONS: 'off' }, name: 'api-off' }),
      startApi(cluster.url('parley_bench'), { name: 'api-on' }),
    ]);
    const [seededOff, seeded] = [await seedGroup(dbOff, { members: MEMBERS, withSessions: 0 }), await seedGroup(db, { members: MEMBERS, withSessions: 0 })];
    const told = MEMBERS - 1;
    const delivered: number[] = [];
    const queued: number[] = [];
    // Every member of the measured group has a verified address: each notification is also an e-mail.
    await db.query(`UPDATE people SET email_verified_at = now()`);
    const openOff = () => openings(apiOff!.base, seededOff.chair.token, seededOff.groupId, 1, 'Off');
    const openOn = async (): Promise<[Opening, number, number]> => {
      const [o] = await openings(apiOn!.base, seeded.chair.token, seeded.groupId, 1, 'On');
      let exist = 0;
      for (;;) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n, count(email_delivery_id)::int AS mailed FROM notifications WHERE kind = 'ballot-opened' AND link = $1`,
          [`/ballots/${o.ballotId}`],
        );
        if (!exist && rows[0].n >= told) exist = performance.now() - o.sentAt;
        if (exist && rows[0].mailed >= told) return [o, exist, performance.now() - o.sentAt];
        if (performance.now() - o.sentAt > 60_000) throw new Error(`${rows[0].n} of ${told} notifications, ${rows[0].mailed} e-mails queued after 60 s`);
        await sleep(5);
      }
    };
    for (let i = 0; i < 3; i++) {
      await openOff();
      await openOn();
    }
    const x = await blocks({
      perRound: perRound(SAMPLES),
      a: async () => {
        const [n, until, mailed] = await openOn();
        delivered.push(until);
        queued.push(mailed);
        return n.ms;
      },
      b: async () => (await openOff())[0].ms,
    });
    const dup = (await db.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications GROUP BY recipient_id, kind, dedupe_key HAVING count(*) > 1) d`)).rows[0].n as number;

    const offS = x.b;
    const onS = x.a;
    const delS = summarise(delivered);
    const mailS = summarise(queued);
    const row = judgedRow(`Notifications: a ballot opened in a group of ${MEMBERS}`, x.r, {
      measured: `POST p50 ${ms(x.r.aMedian)} with notifications`,
      limit: `the same opening without notifications: p50 ${ms(x.r.bMedian)}`,
      goal: { atMost: RATIO },
      extraMet: dup === 0,
      info: `no duplicates: ${dup === 0 ? 'met' : `**missed** (${dup})`}; their ${told} notifications exist after p50 ${ms(delS.p50)}`,
    });
    const met = row.met;
    log(`opening off p50 ${ms(offS.p50)} p99 ${ms(offS.p99)}; on p50 ${ms(onS.p50)} p99 ${ms(onS.p99)}; ${ratioText(x.r)}; ${told} notifications exist after p50 ${ms(delS.p50)} p99 ${ms(delS.p99)}, their e-mails queued after p50 ${ms(mailS.p50)}`);

    writeSection(
      'Notifications',
      ` (${today()})

${machineLine(m)}
Workload (issue #20): a group of ${MEMBERS} voting members; the chair opens a motion over HTTP, in ${ROUNDS} interleaved pairs of blocks of ${perRound(SAMPLES)} openings each way (after three of each to warm up), one at a time. Each ballot.opened tells the ${told} other members: the deriver reads the committed event after the commit, and inserts their ${told} notifications and moves its cursor in one transaction (then pushes them live and wakes the mail).

What is measured: the opening's latency (POST /api/ballots, which freezes the ${MEMBERS}-member electorate) with notifications off (PARLEY_NOTIFICATIONS=off) and on: two API processes side by side, each on its own database of the same PostgreSQL, each with its own group of ${MEMBERS}; the blocks alternate between them (A B, then B A…), so both run on the same machine at the same moments, and the ratio is the median of the pairs' p50 ratios, with the smallest and largest pair. With notifications on, every member's address is verified, so each notification is also an e-mail (“ballot opened” is sent at once by default; the outbox transport); the next opening waits until the previous one's ${told} notifications exist and their e-mails are queued (a delivery rendered and its job enqueued), polled in the database every 5 ms. Goal: opening p50 with notifications ≤ ${RATIO}× without, no duplicates. The times until they exist and are queued are for information.

| | p50 | p90 | p99 | max |
| --- | --- | --- | --- | --- |
| opening a motion, notifications off | ${ms(offS.p50)} | ${ms(offS.p90)} | ${ms(offS.p99)} | ${ms(offS.max)} |
| opening a motion, notifications on | ${ms(onS.p50)} | ${ms(onS.p90)} | ${ms(onS.p99)} | ${ms(onS.max)} |
| from the POST until its ${told} notifications exist | ${ms(delS.p50)} | ${ms(delS.p90)} | ${ms(delS.p99)} | ${ms(delS.max)} |
| from the POST until their ${told} e-mails are queued | ${ms(mailS.p50)} | ${ms(mailS.p90)} | ${ms(mailS.p99)} | ${ms(mailS.max)} |

Ratio on / off (p50), pair by pair: ${ratioText(x.r)} — goal ≤ ${RATIO}×: ${x.r.ratio <= RATIO ? 'met' : '**missed**'}. Duplicated notifications: ${dup}. ${loadText(x.r)}.
`,
    );
    const result = { bench: 'notifications', rows: [row], members: MEMBERS, delivered: delS, queued: mailS, duplicates: dup, met, machine: m };
    emitResult('BENCH', result);
    if (!met) process.exitCode = 1;
  } finally {
    await Promise.all([apiOff?.stop(), apiOn?.stop()]);
    await Promise.all([db.end().catch(() => undefined), dbOff.end().catch(() => undefined)]);
    await cluster.destroy();
  }
}

runMain(main);
