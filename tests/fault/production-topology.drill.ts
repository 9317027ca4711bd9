// Drill: the production topology of docker/, run natively (decision 0058). nginx (Debian's, a master of
// our own on a free port) with docker/nginx.conf.template in front of two built API instances with
// docker/api.env's settings, the Redis socket.io adapter, on this machine's PostgreSQL (a database of
// its own, dropped at the end; an embedded cluster when none answers). Through the proxy:
//  1. a browser journey: one person signs in through the form and posts a comment; another, whose
//     session nginx places on the other instance, sees it appear without a reload;
//  2. live fan-out: FOLLOWERS members follow a ballot (half long-polling first, half WebSocket) while
//     votes come in; each must hold every vote event of the chain, once, in order;
//  3. a rolling restart under a closed-loop vote load: each instance in turn gets SIGTERM, stays down,
//     starts again and passes the Dockerfile's health check; every acknowledged vote is in the table
//     with its event, the chain verifies, and every follower rejoined through the proxy with no gap.
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { auditClean, emitResult, log, machine, runMain, sleep, startCluster, type Cluster } from '../load/support/harness';
import { nginxVersion, startTopology, topologyRedis } from './support/production-topology';
import { follow, openJourney, liveFanout, rollingRestart, seedWorld, type Follower } from './support/topology-scenarios';

const FOLLOWERS = Number(process.env.DRILL_FOLLOWERS ?? 200);
const VOTERS = Number(process.env.DRILL_VOTERS ?? 20);
const DOWN_MS = Number(process.env.DRILL_DOWN_MS ?? 3000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_URL = process.env.PARLEY_TOPOLOGY_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of its own on the machine's PostgreSQL, or on an embedded cluster when none answers. */
async function database(): Promise<{ url: string; where: string; drop(): Promise<void> }> {
  const name = `parley_topology_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: ADMIN_URL, max: 1, connectionTimeoutMillis: 3000 });
  admin.on('error', () => undefined);
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
    return {
      url: url.toString(),
      where: `this machine's PostgreSQL ${version} (${url.host})`,
      drop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await admin.end();
      },
    };
  } catch (e) {
    await admin.end().catch(() => undefined);
    log(`no PostgreSQL at ${new URL(ADMIN_URL).host} (${(e as Error).message}): an embedded cluster instead`);
    const cluster: Cluster = await startCluster('drill-topology');
    return { url: cluster.url('parley_bench'), where: 'an embedded PostgreSQL (none answered on the machine)', drop: () => cluster.destroy() };
  }
}

async function main(): Promise<void> {
  const m = machine();
  log(`drill production topology: nginx + 2 instances + Redis; ${FOLLOWERS} followers, ${VOTERS} voters, each instance down ${DOWN_MS} ms`);
  const db = await database();
  const redis = await topologyRedis();
  const pool = new Pool({ connectionString: db.url, max: 3 });
  pool.on('error', () => undefined);
  let followers: Follower[] = [];
  const topology = await startTopology({ databaseUrl: db.url, redisUrl: redis.url, webDir: 'dist/web' }).catch(async (e) => {
    await pool.end();
    await redis.stop();
    await db.drop();
    throw e;
  });
  try {
    const world = await seedWorld(pool, topology.proxy.base, { members: FOLLOWERS + 10, sessions: FOLLOWERS + 1 });
    const journey = await openJourney(pool, topology.proxy, world, CHROMIUM);
    let after: Awaited<ReturnType<typeof journey.postAndSee>>;
    let fanout: Awaited<ReturnType<typeof liveFanout>>;
    let rolling: Awaited<ReturnType<typeof rollingRestart>>;
    let first: Awaited<ReturnType<typeof journey.postAndSee>>;
    try {
      first = await journey.postAndSee('does "private sector" include the operators of submarine cables?');
      log(`journey: writer on ${journey.writerOn}, reader on ${journey.readerOn}, seen live after ${first.seenLiveAfterMs} ms`);
      followers = await follow(topology.proxy, world, FOLLOWERS);
      fanout = await liveFanout(pool, topology.proxy, world, followers, { voters: Math.min(VOTERS, 10), seconds: 5 });
      log(
        `fan-out: ${fanout.delivery.voteEvents} vote events, ${fanout.delivery.exact}/${fanout.delivery.followers} followers exact; placement ${JSON.stringify(fanout.placement)}`,
      );
      rolling = await rollingRestart(pool, topology, world, followers, { voters: VOTERS, downMs: DOWN_MS, settleMs: 3000 });
      log(
        `rolling restart: statuses ${JSON.stringify(rolling.stats.byStatus)}; ${JSON.stringify(rolling.reconnection)}; restarts ${JSON.stringify(rolling.restarts)}`,
      );
      // The same two pages, never reloaded: their sockets were cut by the restarts and came back through nginx.
      after = await journey.postAndSee('after both restarts, is this still live?');
      log(`after the restarts: the second comment seen live after ${after.seenLiveAfterMs} ms`);
    } finally {
      await journey.close();
    }
    // A refused connection (an instance down) is retried on the other by nginx; anything else cut a request.
    const upstreamErrors = topology.proxy.upstreamErrors();
    const refused = upstreamErrors.filter((l) => /Connection refused/.test(l));
    const cut = upstreamErrors.filter((l) => /\[error\]/.test(l) && !/Connection refused/.test(l));

    const problems = [
      ...(journey.writerOn === journey.readerOn ? ['the two browsers landed on the same instance'] : []),
      ...[first, after]
        .filter((c) => c.commentRows !== 1 || c.commentEvents !== 1)
        .map((c) => `a comment: ${c.commentRows} rows, ${c.commentEvents} comment.posted events`),
      ...(Object.keys(fanout.placement).length === 2 ? [] : [`followers on ${Object.keys(fanout.placement).length} instance(s)`]),
      ...fanout.delivery.problems.map((p) => `fan-out: ${p}`),
      ...rolling.audit.problems.map((p) => `votes: ${p}`),
      ...rolling.delivery.problems.map((p) => `after the restarts: ${p}`),
      ...rolling.restarts.filter((r) => r.exitCode !== 0).map((r) => `instance ${r.instance} did not exit by itself on SIGTERM (exit ${r.exitCode})`),
      ...Object.entries(rolling.stats.byStatus)
        .filter(([k]) => !/^2/.test(k))
        .map(([k, n]) => `${n} vote requests answered ${k} during the restarts`),
      ...(rolling.reconnection.connectedAtEnd === followers.length
        ? []
        : [`${followers.length - rolling.reconnection.connectedAtEnd} followers not connected at the end`]),
      ...(rolling.reconnection.resyncs ? [`${rolling.reconnection.resyncs} rejoins asked to resync`] : []),
      ...cut.slice(0, 3).map((l) => `nginx: ${l.replace(/^\S+ \S+ /, '').slice(0, 240)}`),
    ];
    const passed = problems.length === 0 && auditClean(rolling.audit) && rolling.restarts.every((r) => r.acknowledgedWhileDown > 0);
    const placement = Object.values(fanout.placement).join(' / ');
    emitResult('DRILL', {
      drill: 'production-topology',
      passed,
      machine: m,
      summary:
        `nginx ${nginxVersion()} (docker/nginx.conf.template) in front of two built API instances (docker/api.env, Redis adapter) on ${db.where}. ` +
        `A comment posted in Chromium on one instance appeared in a second browser on the other after ${first.seenLiveAfterMs} ms; ` +
        `${FOLLOWERS} followers (${placement} per instance, half on long-polling first) received ${fanout.delivery.voteEvents} vote events; ` +
        `then each instance in turn was stopped with SIGTERM, left down ${DOWN_MS / 1000} s and started again under ${VOTERS} closed-loop voters, the two browsers still open; then a second comment.`,
      figures: {
        browsersOnTwoInstances: journey.writerOn !== journey.readerOn ? 'yes' : 'no',
        commentSeenLiveAfter: `${first.seenLiveAfterMs} ms; after both restarts, in the same pages: ${after.seenLiveAfterMs} ms`,
        fanoutFollowersExact: `${fanout.delivery.exact} of ${fanout.delivery.followers} (${fanout.delivery.missing} missing, ${fanout.delivery.twice} twice)`,
        votesAcknowledged: rolling.audit.acknowledged,
        statusesDuringRestarts: rolling.stats.byStatus,
        acknowledgedWhileAnInstanceWasDown: rolling.restarts.map((r) => r.acknowledgedWhileDown).join(' / '),
        sigtermToExit: rolling.restarts.map((r) => `${r.stoppedInMs} ms (exit ${r.exitCode})`).join(' / '),
        startToHealthy: rolling.restarts.map((r) => `${r.healthyAfterMs} ms`).join(' / '),
        lost: rolling.audit.lost,
        duplicated: rolling.audit.duplicated,
        votesWithoutEvent: rolling.audit.votesWithoutEvent,
        chain: rolling.audit.chain.ok ? `valid (${rolling.audit.chain.events} events)` : `BROKEN: ${rolling.audit.chain.detail}`,
        followersCutAndRejoined: `${rolling.reconnection.cut} cut, ${rolling.reconnection.rejoins} rejoins, ${rolling.reconnection.replayed} events replayed, slowest rejoin ${rolling.reconnection.slowestRejoinMs} ms after its cut`,
        nginxUpstreamErrors: `${refused.length} refused connections (retried on the other instance), ${cut.length} cut`,
        followersExactAfterRestarts: `${rolling.delivery.exact} of ${rolling.delivery.followers} (${rolling.delivery.voteEvents} vote events; ${rolling.delivery.missing} missing, ${rolling.delivery.twice} twice)`,
      },
      problems: problems.slice(0, 15),
      notes: ['What this does not prove: the images themselves (no container engine here); docker/ runs the same settings, template and health check.'],
    });
    if (!passed) process.exitCode = 1;
  } finally {
    for (const f of followers) f.socket.close();
    await sleep(100);
    await topology.stop();
    await pool.end().catch(() => undefined);
    await redis.stop();
    await db.drop();
  }
}

runMain(main);
