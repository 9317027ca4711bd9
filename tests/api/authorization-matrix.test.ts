import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeResponse } from '@parley/contracts';
import type { Actor } from '../../apps/api/src/identity/actor';
import { appNow, type Cell, ROUTE_CASES } from '../support/authz-policy-table';
import { discoverRoutes, type Expectation, openApiOperations, routeRuleExpectation, type RouteMeta } from '../support/authz-routes';
import { type AuthzWorld, buildWorld, clientOf, newCellDocument, newCellGroup, personOf, type Role, ROLES } from '../support/authz-world';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(600_000);

/**
 * Every endpoint × {anonymous, no affiliation, observer, member, chair of another group, chair,
 * steward}. The expected verdict of each cell is GENERATED: the route's @Public/@Allow metadata read
 * from the running app (as PolicyGuard reads it), then, for routes that act in a working group, the
 * very policy function the route's service calls (working-group.policy, ballot.policy,
 * drafting.policy), applied to the actor's standing as the app's own loaders read it from the
 * database. Each cell then runs over HTTP in a fresh working group:
 *   deny  = 401 (no session) or 403, problem+json, and the audit head did not move (nothing written);
 *   allow = anything but 401/403 (and never 5xx).
 * A route without a case in tests/support/authz-policy-table.ts fails the first test.
 */
describe('authorisation matrix', () => {
  let t: TestApp;
  let w: AuthzWorld;
  let routes: RouteMeta[];
  let operations: string[];
  const actors = new Map<Role, Actor | null>();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    routes = discoverRoutes(t.app);
    operations = openApiOperations((await w.anon.get('/api/docs-json')).body);
    for (const role of ROLES) {
      const p = personOf(w, role);
      if (!p) {
        actors.set(role, null);
        continue;
      }
      const me = (await p.client.get<MeResponse>('/api/me')).body;
      actors.set(role, { id: me.id, name: me.name, email: me.email, isSteward: me.isSteward, sessionId: '', sessionToken: '', authenticatedBy: 'bearer' });
    }
  });
  afterAll(() => t?.close());

  it('knows every route: the app, its OpenAPI document and the policy table list the same endpoints, each declaring @Public or @Allow', () => {
    const keys = routes.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(operations);
    expect(
      routes.filter((r) => !r.isPublic && !r.permission).map((r) => `${r.key} (${r.controller}.${r.handler}) declares neither @Public nor @Allow`),
    ).toEqual([]);
    expect(routes.filter((r) => r.isPublic && r.permission).map((r) => `${r.key} declares both @Public and @Allow`)).toEqual([]);
    const missing = keys
      .filter((k) => !ROUTE_CASES[k])
      .map((k) => `${k}: add a case to tests/support/authz-policy-table.ts naming the policy its service applies`);
    expect(missing).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((k) => !keys.includes(k))).toEqual([]);
    // The actors are who the matrix says they are.
    expect(actors.get('steward')?.isSteward).toBe(true);
    expect(ROLES.filter((r) => r !== 'steward' && actors.get(r)?.isSteward)).toEqual([]);
  });

  it('allows and denies each endpoint for each role exactly as the policy layer says', async () => {
    const auditHead = async () => JSON.stringify((await w.anon.get('/api/audit/head')).body);
    const failures: string[] = [];
    const rows: string[] = [];
    let allowed = 0;
    let denied = 0;

    for (const route of routes) {
      const routeCase = ROUTE_CASES[route.key];
      if (!routeCase) continue;
      const cells: string[] = [];
      // Reads change nothing, so the seven cells of a GET share one group; every write cell has its own.
      let sharedGroup: Promise<{ id: string }> | null = null;
      let sharedDoc: ReturnType<typeof newCellDocument> | null = null;
      const prepare = async (role: Role) => {
        const actor = actors.get(role) ?? null;
        let group: Promise<{ id: string }> | null = null;
        let doc: ReturnType<typeof newCellDocument> | null = null;
        const cell: Cell =
          route.method === 'GET'
            ? {
                w,
                role,
                client: clientOf(w, role),
                actorId: actor?.id ?? null,
                group: () => (sharedGroup ??= newCellGroup(w)),
                doc: async () => (sharedDoc ??= newCellDocument(w, await cell.group())),
              }
            : {
                w,
                role,
                client: clientOf(w, role),
                actorId: actor?.id ?? null,
                group: () => (group ??= newCellGroup(w)),
                doc: async () => (doc ??= newCellDocument(w, await cell.group())),
              };
        return { role, actor, cell, req: await routeCase.request(cell) };
      };
      // Each cell's fixtures are its own, so they are built side by side; the requests then go one at a time (the audit head must stand still around each refusal).
      const prepared = routeCase.serial ? null : await Promise.all(ROLES.map(prepare));
      for (const [i, role] of ROLES.entries()) {
        const { actor, cell, req } = prepared ? prepared[i] : await prepare(role);

        // The expectation, from the route's metadata, then from the context policy its service applies.
        let expected: Expectation = routeRuleExpectation(route, actor);
        if (expected.allow && actor && routeCase.policy !== 'route rule only') {
          const verdict = await routeCase.policy({ t, manager: t.dataSource.manager, now: appNow(t), actorId: actor.id, subject: req.subject ?? {} });
          expected = verdict === true ? { allow: true, why: `${expected.why} + policy allows` } : { allow: false, status: 403, why: `policy: ${verdict.code}` };
        }

        const before = await auditHead();
        // A copy without cookies: a session cookie picked up by an earlier log-in cell must not sign this one in.
        const client = (req.client ?? cell.client).withToken((req.client ?? cell.client).token);
        if (req.navigation) client.redirect = 'manual';
        const res = await client.request(route.method, req.path, route.method === 'GET' ? undefined : (req.body ?? {}), req.headers);
        const where = `${route.key} as ${role} (${expected.why}) → ${res.status} ${JSON.stringify(res.body)?.slice(0, 240)}`;
        if (res.status >= 500) failures.push(`5xx: ${where}`);
        if (expected.allow) {
          allowed++;
          if (res.status === 401 || res.status === 403) failures.push(`expected allow: ${where}`);
          // The fixtures make every allowed request one that succeeds, unless the case says why it cannot.
          else if (res.status >= 300 && !(req.navigation && res.status === 302) && !(res.status === 409 && routeCase.allowedConflict?.(role))) failures.push(`allowed but not 2xx: ${where}`);
        } else {
          denied++;
          if (res.status !== expected.status) failures.push(`expected ${expected.status}: ${where}`);
          else if (!String(res.headers.get('content-type')).includes('application/problem+json')) failures.push(`deny is not problem+json: ${where}`);
          else if ((await auditHead()) !== before) failures.push(`a refused request wrote to the audit log: ${where}`);
        }
        cells.push(expected.allow ? `allow ${res.status}` : `**deny** ${res.status}`);
      }
      rows.push(
        `| \`${route.key}\` | ${route.isPublic ? 'public' : route.permission} | ${routeCase.policy === 'route rule only' ? '' : 'group policy'} | ${cells.join(' | ')} |`,
      );
    }

    mkdirSync(join(__dirname, '../../test-output'), { recursive: true });
    writeFileSync(
      join(__dirname, '../../test-output/authorization-matrix.md'),
      [
        `# Authorisation matrix (generated ${new Date().toISOString()})`,
        '',
        `| endpoint | route rule | context | ${ROLES.join(' | ')} |`,
        `| --- | --- | --- | ${ROLES.map(() => '---').join(' | ')} |`,
        ...rows,
        '',
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    expect(allowed + denied).toBe(routes.length * ROLES.length);
    // Sanity: the matrix is not trivially all-allow or all-deny.
    expect(denied).toBeGreaterThan(routes.length);
    expect(allowed).toBeGreaterThan(routes.length);
  });

  it('a cookie session is held to the same matrix: a browser write without the CSRF token is refused before any policy', async () => {
    const browser = new ApiClient(t.baseUrl);
    const res = await browser.post('/api/auth/login', { email: w.people.chair.email, password: 'correct horse battery' });
    expect(res.status).toBe(200);
    const g = await newCellGroup(w);
    const before = JSON.stringify((await w.anon.get('/api/audit/head')).body);
    const refused = await browser.post('/api/ballots', {
      workingGroupId: g.id,
      subjectType: 'motion',
      title: 'A motion without CSRF',
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/csrf-token-invalid');
    expect(JSON.stringify((await w.anon.get('/api/audit/head')).body)).toBe(before);
  });
});
