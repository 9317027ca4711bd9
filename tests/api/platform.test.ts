import { verifyChain } from '@parley/domain';
import { AuditHeadResponse, HealthResponse, PROBLEM_TYPES } from '@parley/contracts';
import { newDelegate, newOrganisation } from '../support/factories';
import { auditEvents, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the running API serves, as `METHOD /api/path/{param}` (the docs routes aside). */
function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((l) => l.route && !l.route.path.startsWith('/api/docs'))
    .flatMap((l) => {
      const methods = Object.keys(l.route!.methods);
      if (methods.length > 10) return []; // catch-all handlers (not found), not endpoints
      return methods.map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`);
    })
    .sort();
}

describe('platform: health, OpenAPI, audit log, errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('health', () => {
    it('answers 200 with the database up, without signing in', async () => {
      const res = await new ApiClient(t.baseUrl).get<HealthResponse>('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
    });
  });

  describe('OpenAPI', () => {
    const IDENTITY_ENDPOINTS = [
      'POST /api/auth/register',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/me',
      'GET /api/organisations',
      'POST /api/organisations',
      'GET /api/organisations/{id}',
      'POST /api/organisations/{id}/verify',
      'POST /api/me/affiliations',
      'PATCH /api/me/affiliations/{id}',
      'POST /api/me/declarations',
      'GET /api/people/{id}',
      'POST /api/people/{id}/steward',
      'GET /api/health',
      'GET /api/audit/head',
      'GET /api/audit',
    ];

    it('/api/docs-json lists every endpoint the API serves, and /api/docs serves the browsable page', async () => {
      const res = await new ApiClient(t.baseUrl).get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
        .sort();
      const served = servedRoutes(t);
      expect(served).toEqual(expect.arrayContaining(IDENTITY_ENDPOINTS));
      expect(documented).toEqual(served);

      const docs = await new ApiClient(t.baseUrl).request('GET', '/api/docs', undefined, { accept: 'text/html' });
      expect(docs.status).toBe(200);
      expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('documents request bodies, list filters and path parameters', async () => {
      const paths = (await new ApiClient(t.baseUrl).get('/api/docs-json')).body.paths;
      for (const [path, method] of [
        ['/api/auth/register', 'post'],
        ['/api/auth/login', 'post'],
        ['/api/organisations', 'post'],
        ['/api/me/affiliations', 'post'],
        ['/api/me/affiliations/{id}', 'patch'],
        ['/api/me/declarations', 'post'],
      ])
        expect([path, method, Boolean(paths[path][method].requestBody)]).toEqual([path, method, true]);
      const names = (path: string, method: string) => (paths[path][method].parameters ?? []).map((p: { name: string }) => p.name);
      expect(names('/api/organisations', 'get')).toEqual(expect.arrayContaining(['q', 'stakeholderGroup', 'subtype', 'country', 'verified', 'limit', 'cursor']));
      expect(names('/api/audit', 'get')).toEqual(expect.arrayContaining(['scope', 'after', 'limit']));
      for (const path of ['/api/organisations/{id}', '/api/people/{id}', '/api/people/{id}/steward', '/api/organisations/{id}/verify'])
        for (const method of Object.keys(paths[path])) expect([path, names(path, method)]).toEqual([path, expect.arrayContaining(['id'])]);
    });

    it('marks exactly the endpoints that need a session as secured', async () => {
      const paths = (await new ApiClient(t.baseUrl).get('/api/docs-json')).body.paths as Record<string, Record<string, { security?: unknown[] }>>;
      const anon = new ApiClient(t.baseUrl);
      for (const [path, ops] of Object.entries(paths))
        for (const [method, op] of Object.entries(ops)) {
          const url = path.replace(/\{\w+\}/g, '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c') + (path === '/api/audit' ? '?scope=platform' : '');
          const res = await anon.request(method.toUpperCase(), url, method === 'get' ? undefined : {});
          expect([method, path, res.status === 401]).toEqual([method, path, Boolean(op.security?.length)]);
        }
    });
  });

  describe('audit log', () => {
    it('GET /api/audit?scope=platform returns the platform chain in order, it verifies, and /api/audit/head pins its last hash', async () => {
      const d = await newDelegate(t.baseUrl);
      await newOrganisation(d.client);
      const events = await auditEvents(t.baseUrl);
      expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['person.registered', 'organisation.created', 'affiliation.added']));
      expect(verifyChain(events)).toMatchObject({ ok: true, events: events.length, chains: 1 });

      const head = await new ApiClient(t.baseUrl).get<AuditHeadResponse>('/api/audit/head');
      expect(head.status).toBe(200);
      expect(head.body.chains).toContainEqual({ scope: 'platform', sequence: events.length, hash: events[events.length - 1].hash });
    });

    it('pages with after and limit', async () => {
      const all = await auditEvents(t.baseUrl);
      const anon = new ApiClient(t.baseUrl);
      const first = (await anon.get(`/api/audit?scope=platform&limit=2`)).body.items;
      const next = (await anon.get(`/api/audit?scope=platform&after=2&limit=2`)).body.items;
      expect([...first, ...next]).toEqual(all.slice(0, 4));
      expect((await anon.get(`/api/audit?scope=platform&after=${all.length}`)).body.items).toEqual([]);
      expect((await anon.get('/api/audit?scope=wg:nothing-here')).body.items).toEqual([]);
    });

    it.each([
      ['a missing scope', '', 'scope'],
      ['a negative after', 'scope=platform&after=-1', 'after'],
      ['a limit of 0', 'scope=platform&limit=0', 'limit'],
      ['a limit over 1000', 'scope=platform&limit=1001', 'limit'],
      ['an unknown parameter', 'scope=platform&verbose=1', 'verbose'],
    ])('refuses %s with 400 naming it', async (_, query, field) => {
      expectProblem(await new ApiClient(t.baseUrl).get(`/api/audit?${query}`), 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });
  });

  describe('errors are problem+json', () => {
    it('an unknown /api route is 404, whatever the method', async () => {
      const anon = new ApiClient(t.baseUrl);
      expectProblem(await anon.get('/api/no-such-thing'), 404, { type: PROBLEM_TYPES.notFound });
      expectProblem(await anon.post('/api/no-such-thing', {}), 404, { type: PROBLEM_TYPES.notFound });
      // Affiliations are never deleted: there is no such route.
      expectProblem(await anon.request('DELETE', '/api/me/affiliations/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c'), 404, { type: PROBLEM_TYPES.notFound });
    });

    it('an oversized body is 413', async () => {
      expectProblem(await new ApiClient(t.baseUrl).post('/api/auth/register', { name: 'x'.repeat(600_000) }), 413, { type: PROBLEM_TYPES.payloadTooLarge });
    });

    it('every answer carries a request id, and a caller’s own id is echoed', async () => {
      const anon = new ApiClient(t.baseUrl);
      expect((await anon.get('/api/health')).headers.get('x-request-id')).toEqual(expect.any(String));
      expect((await anon.request('GET', '/api/no-such-thing', undefined, { 'x-request-id': 'trace-42' })).headers.get('x-request-id')).toBe('trace-42');
    });
  });
});
