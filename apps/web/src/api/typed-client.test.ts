import { apiCall, fillPath } from './typed-client';

describe('apiCall: the route table, typed', () => {
  const calls: { url: string; method: string; body: unknown }[] = [];
  beforeEach(() => {
    calls.length = 0;
    (globalThis as { fetch: unknown }).fetch = jest.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
      return { ok: true, status: 200, statusText: '', headers: { get: () => 'application/json' }, text: async () => '{}' };
    });
  });

  it('fills path parameters (encoded), adds the query and sends the body with the route’s method', async () => {
    await apiCall('GET /api/documents/:id/versions/:n/provenance', { params: { id: 'a/b', n: 2 } });
    await apiCall('GET /api/documents/:id/comments', { params: { id: 'd1' }, query: { clauseId: 'c1', limit: 20, cursor: undefined } });
    await apiCall('POST /api/ballots/:id/votes', { params: { id: 'b1' }, body: { choice: 'yes' } });
    await apiCall('GET /api/home');
    expect(calls).toEqual([
      { url: '/api/documents/a%2Fb/versions/2/provenance', method: 'GET', body: undefined },
      { url: '/api/documents/d1/comments?clauseId=c1&limit=20', method: 'GET', body: undefined },
      { url: '/api/ballots/b1/votes', method: 'POST', body: { choice: 'yes' } },
      { url: '/api/home', method: 'GET', body: undefined },
    ]);
  });

  it('names each parameter once, whatever the path', () => {
    expect(fillPath('/api/audit/events/:scope/:sequence', { scope: 'wg:1', sequence: 7 })).toBe('/api/audit/events/wg%3A1/7');
  });

  it('is typed by the contract (checked when the web is type-checked; never called here)', () => {
    const typed = async () => {
      const group = await apiCall('GET /api/working-groups/:id', { params: { id: 'g1' } });
      const names: string[] = group.members.map((m) => m.person.name);
      // @ts-expect-error a vote's choice is one of the vote choices
      await apiCall('POST /api/ballots/:id/votes', { params: { id: 'b1' }, body: { choice: 'maybe' } });
      // @ts-expect-error a route's path parameters are required
      await apiCall('GET /api/ballots/:id');
      // @ts-expect-error a route that is not in the table
      await apiCall('GET /api/nowhere');
      return names;
    };
    expect(typeof typed).toBe('function');
  });
});
