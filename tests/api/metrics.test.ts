import { randomBytes } from 'node:crypto';
import type { Problem } from '@parley/contracts';
import { Chamber, newChamber, openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

/** One sample of a Prometheus text exposition: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

// What an operator's Prometheus scrapes from one instance (decision 0059).
describe('GET /metrics', () => {
  const token = randomBytes(24).toString('hex');
  let t: TestApp;
  let c: Chamber;

  beforeAll(async () => {
    t = await startTestApp({ env: { PARLEY_METRICS_TOKEN: token } });
    c = await newChamber(t.baseUrl, t.dataSource);
  });
  afterAll(() => t.close());

  const scrape = async (): Promise<Sample[]> => {
    const res = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    return parseExposition(await res.text());
  };
  const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((n, s) => n + s.value, 0);

  it('refuses a scraper without the token (401 problem+json) or with a wrong one, and answers the bearer', async () => {
    const none = await fetch(`${t.baseUrl}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as Problem).code).toBe('unauthenticated');
    const wrong = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token.slice(1)}x` } });
    expect(wrong.status).toBe(401);
    // A delegate's session is not the metrics token.
    const session = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${c.chair.client.token}` } });
    expect(session.status).toBe(401);
    expect(value(await scrape(), 'parley_process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('counts requests by route template and status class, batch sizes and pool connections, with no id in any label', async () => {
    const before = await scrape();
    const ballot = await openMotion(c.chair, c.group);
    const votes = await Promise.all([c.government, c.company, c.civil].map((d) => d.client.post(`/api/ballots/${ballot.id}/votes`, { choice: 'yes' })));
    expect(votes.map((v) => v.status)).toEqual([200, 200, 200]);
    expect((await c.chair.client.get(`/api/ballots/${ballot.id}`)).status).toBe(200);
    expect((await c.chair.client.get(`/api/ballots/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const after = await scrape();

    const requests = (labels: Record<string, string>) =>
      value(after, 'parley_http_request_duration_seconds_count', labels) - value(before, 'parley_http_request_duration_seconds_count', labels);
    expect(requests({ method: 'POST', route: '/api/ballots/:id/votes', status_class: '2xx' })).toBe(3);
    expect(requests({ method: 'POST', route: '/api/ballots', status_class: '2xx' })).toBe(1);
    expect(requests({ method: 'GET', route: '/api/ballots/:id', status_class: '2xx' })).toBe(1);
    expect(requests({ method: 'GET', route: '/api/ballots/:id', status_class: '4xx' })).toBe(1);
    // Latency sums move with the counts (seconds, so well under a minute for these).
    const seconds = value(after, 'parley_http_request_duration_seconds_sum', { route: '/api/ballots/:id/votes' });
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(60);

    // Three votes went through the vote batcher: however they were grouped, the sizes add up to three.
    const batched = (s: Sample[]) => value(s, 'parley_batch_size_sum', { batcher: 'vote' });
    expect(batched(after) - batched(before)).toBe(3);
    expect(value(after, 'parley_batch_size_count', { batcher: 'vote' })).toBeGreaterThan(value(before, 'parley_batch_size_count', { batcher: 'vote' }));

    expect(value(after, 'parley_db_pool_connections', { state: 'max' })).toBe(20);
    expect(value(after, 'parley_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(value(after, 'parley_db_pool_connections', { state: 'idle' })).toBeLessThanOrEqual(value(after, 'parley_db_pool_connections', { state: 'total' }));
    expect(after.some((s) => s.name === 'parley_db_pool_connections' && s.labels.state === 'waiting')).toBe(true);
    expect(
      after
        .filter((s) => s.name === 'parley_job_queue_jobs' && s.labels.state === 'queued')
        .map((s) => s.labels.queue)
        .sort(),
    ).toEqual(['mail-digest', 'mail-send', 'mail-send-dead']);

    const labelValues = after.flatMap((s) => Object.values(s.labels));
    expect(labelValues.filter((v) => UUID.test(v))).toEqual([]);
    expect(after.filter((s) => s.name === 'parley_http_request_duration_seconds_count').every((s) => !/\/api\/.*\/[0-9a-f]{8}/.test(s.labels.route))).toBe(
      true,
    );
  });

  it('counts live connections and rooms, and how long events took to reach a room', async () => {
    const ballot = await openMotion(c.chair, c.group);
    const before = await scrape();
    const live = await LiveClient.connect(t.baseUrl);
    try {
      expect((await live.join(`ballot:${ballot.id}`)).ok).toBe(true);
      const during = await scrape();
      expect(value(during, 'parley_live_sockets')).toBe(value(before, 'parley_live_sockets') + 1);
      expect(value(during, 'parley_live_rooms', { kind: 'ballot' })).toBe(value(before, 'parley_live_rooms', { kind: 'ballot' }) + 1);

      expect((await c.company.client.post(`/api/ballots/${ballot.id}/votes`, { choice: 'no' })).status).toBe(200);
      await live.waitForCount(`ballot:${ballot.id}`, 1);
      const delivered = await scrape();
      expect(value(delivered, 'parley_live_fanout_lag_seconds_count')).toBeGreaterThan(value(before, 'parley_live_fanout_lag_seconds_count'));
    } finally {
      live.close();
    }
    const gone = Date.now() + 5000;
    while (value(await scrape(), 'parley_live_sockets') !== value(before, 'parley_live_sockets') && Date.now() < gone)
      await new Promise((r) => setTimeout(r, 50));
    expect(value(await scrape(), 'parley_live_sockets')).toBe(value(before, 'parley_live_sockets'));
  });
});

describe('GET /metrics without PARLEY_METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('does not exist: 404 problem+json, token or not', async () => {
    for (const headers of [{}, { authorization: 'Bearer anything-at-all-here' }] as Record<string, string>[]) {
      const res = await fetch(`${t.baseUrl}/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
