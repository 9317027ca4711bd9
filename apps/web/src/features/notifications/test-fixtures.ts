import type { NotificationView } from '@parley/contracts';

// Shared by this folder's component tests: a fetch stand-in that answers by "METHOD path", and
// notifications as the API serves them.

export const ME = { id: '11111111-1111-4111-8111-111111111111', name: 'Wanjiru Kamau', email: 'wanjiru@example.org', isSteward: false, currentSnapshot: null };
export const G = { id: '22222222-2222-4222-8222-222222222222', name: 'Norms group' };
export const D = { id: '33333333-3333-4333-8333-333333333333', title: 'Paris Call' };
export const ANA = '44444444-4444-4444-8444-444444444444';

export const snapshot = {
  affiliationId: 'a1',
  organisationId: 'o1',
  organisationName: 'Access Now',
  stakeholderGroup: 'civil-society',
  subtype: 'ngo',
  country: null,
  title: 'Policy lead',
  organisationVerified: true,
} as const;

export function notification(over: Partial<NotificationView> & { id: string }): NotificationView {
  return {
    kind: 'mentioned',
    createdAt: '2026-12-01T10:00:00.000Z',
    readAt: null,
    group: G,
    document: D,
    link: `/documents/${D.id}?comment=c1`,
    actor: { id: ANA, name: 'Ana Ruiz', snapshot },
    subject: { title: null, label: '3.' },
    facts: { excerpt: 'What do you think?' },
    ...over,
  };
}

const answer = (status: number, body: unknown) => ({
  ok: status < 400,
  status,
  statusText: '',
  headers: { get: () => 'application/json' },
  text: async () => (body === undefined ? '' : JSON.stringify(body)),
});

export type Route = (init: RequestInit & { url: string }) => unknown;

/**
 * Stubs fetch for the session (a signed-in person) and the given routes, keyed "GET /api/path"
 * (the query string is not part of the key). Returns the calls made, to assert what was sent.
 */
export function stubApi(routes: Record<string, Route | Record<string, unknown> | undefined>, me: unknown = ME) {
  document.cookie = 'parley_csrf=test';
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = url.split('?')[0];
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (method === 'GET' && path === '/api/me') return answer(200, me);
    const key = `${method} ${path}`;
    if (!(key in routes)) return answer(404, { type: 'about:blank', title: 'Not found', status: 404, detail: key });
    const r = routes[key];
    const body = typeof r === 'function' ? (r as Route)({ ...init, url }) : r;
    return answer(body === undefined ? 204 : 200, body);
  });
  (globalThis as { fetch: unknown }).fetch = fetchMock;
  return calls;
}
