import { request } from 'node:http';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DOCX_MEDIA_TYPE } from '@parley/contracts';
import { auditClean, http } from '../load/support/harness';
import { startTopology, topologyRedis, type Topology, instanceFor } from '../fault/support/production-topology';
import { follow, liveFanout, openJourney, rollingRestart, seedWorld, type Follower, type Journey, type World } from '../fault/support/topology-scenarios';
import { webBuildSnapshot } from '../support/browser';
import { createTestDatabase } from '../support/test-database';

jest.setTimeout(300_000);

const FOLLOWERS = 100;
/** Low enough to reach in a test; the journey's own sign-ins come from another address. */
const AUTH_RATE_LIMIT = 20;

/**
 * The production topology of docker/ run natively (decision 0058): Debian's nginx with
 * docker/nginx.conf.template in front of two built API instances with docker/api.env's settings and
 * the Redis adapter. Everything below goes through nginx, as a visitor's browser would.
 */
describe('two instances behind nginx, as docker/ runs them', () => {
  let db: { url: string; drop: () => Promise<void> };
  let redis: { url: string; stop(): Promise<void> };
  let topology: Topology;
  let pool: Pool;
  let world: World;
  let journey: Journey;
  let followers: Follower[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await topologyRedis();
    topology = await startTopology({
      databaseUrl: db.url,
      redisUrl: redis.url,
      webDir: await webBuildSnapshot(),
      main: join(__dirname, '../../dist/api/apps/api/src/main.js'),
      env: { LOG_LEVEL: 'warn', PARLEY_AUTH_RATE_LIMIT: String(AUTH_RATE_LIMIT) },
    });
    pool = new Pool({ connectionString: db.url, max: 3 });
    world = await seedWorld(pool, topology.proxy.base, { members: FOLLOWERS + 10, sessions: FOLLOWERS + 1 });
  });

  afterAll(async () => {
    for (const f of followers) f.socket.close();
    await journey?.close();
    await topology?.stop();
    await pool?.end();
    await redis?.stop();
    await db?.drop();
  });

  it('shows a comment posted in one browser live in a browser whose socket is on the other instance', async () => {
    journey = await openJourney(pool, topology.proxy, world, process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
    expect(journey.readerOn).not.toBe(journey.writerOn);
    const seen = await journey.postAndSee('does "private sector" include the operators of submarine cables?');
    expect(seen.seenLiveAfterMs).toBeLessThan(10_000);
    expect({ rows: seen.commentRows, events: seen.commentEvents }).toEqual({ rows: 1, events: 1 });
  });

  it(`delivers every vote event to ${FOLLOWERS} followers spread over both instances, half of them on long-polling first`, async () => {
    followers = await follow(topology.proxy, world, FOLLOWERS);
    const fanout = await liveFanout(pool, topology.proxy, world, followers, { voters: 6, seconds: 4 });
    expect(Object.keys(fanout.placement).sort()).toEqual([...topology.addresses].sort());
    expect(fanout.delivery.voteEvents).toBeGreaterThan(0);
    expect(fanout.delivery.problems).toEqual([]);
    expect(fanout.delivery.exact).toBe(FOLLOWERS);
  });

  it('restarts each instance in turn under a vote load: no write lost, every follower and both browsers back through nginx without a gap', async () => {
    const rolling = await rollingRestart(pool, topology, world, followers, { voters: 10, downMs: 2000, settleMs: 2000 });
    // Drained, not killed: each instance exited by itself on SIGTERM. On a loaded machine a request in
    // flight when an instance stops can still be cut (nginx answers 502: the voter is told it failed,
    // and the audit below allows that it may have committed); it must stay rare, and never a lost write.
    expect(rolling.restarts.map((r) => r.exitCode)).toEqual([0, 0]);
    const { '200': answered = 0, '502': cut = 0, ...others } = rolling.stats.byStatus;
    expect(others).toEqual({});
    expect(cut).toBeLessThanOrEqual(Math.ceil(0.05 * (answered + cut)));
    for (const r of rolling.restarts) expect(r.acknowledgedWhileDown).toBeGreaterThan(0);
    expect(rolling.audit.problems).toEqual([]);
    expect(auditClean(rolling.audit)).toBe(true);
    expect(rolling.audit.votesInTable).toBeGreaterThan(0);
    expect(rolling.reconnection.connectedAtEnd).toBe(FOLLOWERS);
    expect(rolling.reconnection.cut).toBe(FOLLOWERS);
    expect(rolling.reconnection.resyncs).toBe(0);
    expect(rolling.delivery.problems).toEqual([]);
    expect(rolling.delivery.exact).toBe(FOLLOWERS);
    // The two pages were never reloaded: their sockets came back through nginx by themselves.
    const seen = await journey.postAndSee('after both restarts, is this still live?');
    expect({ rows: seen.commentRows, events: seen.commentEvents }).toEqual({ rows: 1, events: 1 });
  });

  it('counts sign-in attempts per client, not per proxy, and a client cannot name its own address', async () => {
    const attempt = (localAddress: string, headers: Record<string, string> = {}) => signInFrom(topology.proxy.base, localAddress, headers);
    // Two clients that nginx sends to the same instance (its rate limits are its own).
    const first = '127.0.0.2';
    const on = await instanceFor(topology.proxy, { localAddress: first });
    let second = '';
    for (let k = 3; k < 40 && !second; k++) if ((await instanceFor(topology.proxy, { localAddress: `127.0.0.${k}` })) === on) second = `127.0.0.${k}`;
    expect(second).not.toBe('');

    for (let i = 0; i < AUTH_RATE_LIMIT; i++) expect(await attempt(first)).toBe(401);
    expect(await attempt(first)).toBe(429);
    expect(await attempt(first, { 'x-forwarded-for': '203.0.113.7' })).toBe(429);
    expect(await attempt(second)).toBe(401);
  });

  it('lets a Word file of several megabytes through to the API, which answers it', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 7);
    const res = await fetch(`${topology.proxy.base}/api/working-groups/${world.groupId}/documents/import-preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.chair.token}`, 'content-type': DOCX_MEDIA_TYPE },
      body: bytes,
    });
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });

  it('answers its health check through nginx', async () => {
    const r = await http('GET', `${topology.proxy.base}/api/health`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: 'up' });
  });
});

/** A sign-in with a wrong password from one source address; resolves with the status. */
function signInFrom(base: string, localAddress: string, headers: Record<string, string>): Promise<number> {
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' });
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/auth/login`, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      timeout: 15_000,
    });
    req.on('response', (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0))));
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
