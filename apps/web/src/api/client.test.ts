import { apiRequest, CSRF_HEADER, ProblemError, readCookie } from './client';

interface FakeResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get: (name: string) => string | null };
  text: () => Promise<string>;
}

const respond = (status: number, body: unknown, contentType = 'application/json'): FakeResponse => ({
  ok: status >= 200 && status < 300,
  status,
  statusText: '',
  headers: { get: (n) => (n.toLowerCase() === 'content-type' ? contentType : null) },
  text: async () => (body === undefined ? '' : JSON.stringify(body)),
});

describe('api client', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as { fetch: unknown }).fetch = fetchMock;
    document.cookie = 'parley_csrf=csrf-abc%3D; path=/';
  });

  it('turns a problem+json answer into a ProblemError with field errors', async () => {
    fetchMock.mockResolvedValue(
      respond(
        400,
        {
          type: '/problems/validation-failed',
          title: 'Invalid request',
          status: 400,
          detail: 'title: Required; endDate: The end date must be after the start date',
          errors: [
            { field: 'title', message: 'Required' },
            { field: 'endDate', message: 'The end date must be after the start date' },
            { field: 'title', message: 'At most 200 characters' },
          ],
        },
        'application/problem+json',
      ),
    );
    const error = await apiRequest('/api/me/affiliations', { method: 'POST', body: { title: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('/problems/validation-failed');
    // First message per field wins; every message is kept in `errors`.
    expect(problem.fieldErrors).toEqual({ title: 'Required', endDate: 'The end date must be after the start date' });
    expect(problem.errors).toHaveLength(3);
  });

  it('sends JSON with the session cookie and echoes the CSRF token on writes only', async () => {
    fetchMock.mockResolvedValue(respond(201, { id: 'x' }));
    await expect(apiRequest('/api/organisations', { method: 'POST', body: { name: 'ANSSI' } })).resolves.toEqual({ id: 'x' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/organisations');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers[CSRF_HEADER]).toBe('csrf-abc=');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"name":"ANSSI"}');

    fetchMock.mockResolvedValue(respond(200, { items: [], nextCursor: null }));
    await apiRequest('/api/organisations', { query: { q: 'cyber', country: undefined, verified: 'true' } });
    const [getUrl, getInit] = fetchMock.mock.calls[1] as [string, RequestInit & { headers: Record<string, string> }];
    expect(getUrl).toBe('/api/organisations?q=cyber&verified=true');
    expect(getInit.headers[CSRF_HEADER]).toBeUndefined();
  });

  it('reports an unreachable server as a network problem', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await apiRequest('/api/me').catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(0);
    expect(error.fieldErrors).toEqual({});
  });

  it('resolves a 204 to undefined', async () => {
    fetchMock.mockResolvedValue(respond(204, undefined));
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('reads a cookie by name', () => {
    expect(readCookie('parley_csrf', 'a=1; parley_csrf=t%2Bk; b=2')).toBe('t+k');
    expect(readCookie('missing', 'a=1')).toBeNull();
  });
});
