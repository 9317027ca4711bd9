import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { API_ROUTES, REFUSAL_CODES, type RouteSpec } from '@parley/contracts';
import { registeredRoutes, type RegisteredRoute } from '../../apps/api/src/platform/openapi/registered-routes';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    responses: Record<string, { content: Record<string, { schema: unknown }> }>;
  };
};

type LintProblem = { ruleId: string; severity: string; message: string; where: string | null };

/**
 * Redocly's recommended ruleset over the document, in a child process (the linter is ESM only),
 * awaited rather than run synchronously so the app under test keeps its event loop.
 */
async function lint(doc: unknown): Promise<LintProblem[]> {
  const child = spawn(process.execPath, [join(__dirname, '../support/redocly-lint.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(JSON.stringify(doc));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`redocly-lint failed: ${err}`);
  return JSON.parse(out) as LintProblem[];
}

describe('the API contract (route table in libs/contracts) and its OpenAPI document', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let doc: Doc;

  beforeAll(async () => {
    t = await startTestApp();
    routes = registeredRoutes(t.app);
    const res = await new ApiClient(t.baseUrl).get<Doc>('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t?.close());

  it('documents every route Nest registers, with its success status, and no route that does not exist', () => {
    const table = API_ROUTES as Record<string, RouteSpec>;
    expect(routes.map((r) => r.key).filter((k) => !table[k])).toEqual([]);
    expect(Object.keys(table).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
    expect(routes.filter((r) => table[r.key].status !== r.status).map((r) => `${r.key}: ${r.status} registered, ${table[r.key].status} in the table`)).toEqual(
      [],
    );
    // A route that needs a session says it can answer 401; a public one is open to anyone.
    expect(routes.filter((r) => !r.isPublic && !table[r.key].problems.includes(401)).map((r) => r.key)).toEqual([]);
  });

  it('is OpenAPI 3.1 and passes Redocly’s recommended rules with no error', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const errors = (await lint(doc)).filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    // The linter does find errors: a reference to a schema that does not exist is one.
    const broken = structuredClone(doc);
    broken.paths['/api/health'].get.responses['200'].content!['application/json'].schema = { $ref: '#/components/schemas/Nowhere' };
    expect((await lint(broken)).filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(['no-unresolved-refs']);
  });

  it('gives every operation its success schema and its problem+json answers', () => {
    const missing: string[] = [];
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const spec = (API_ROUTES as Record<string, RouteSpec>)[r.key];
      const ok = op?.responses[spec.status];
      if (!ok) missing.push(`${r.key}: no ${spec.status}`);
      else if (spec.status !== 204 && !ok.content) missing.push(`${r.key}: ${spec.status} without content`);
      for (const s of spec.problems) if (op?.responses[s]?.$ref !== `#/components/responses/Problem${s}`) missing.push(`${r.key}: no ${s} problem`);
    }
    expect(missing).toEqual([]);
    const problem = doc.components.schemas.Problem;
    expect(Object.keys(problem.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'errors', 'code', 'params']),
    );
    // Every problem carries its refusal code and facts; the document lists every code a client may meet.
    expect(problem.required).toEqual(['type', 'title', 'status', 'detail', 'code', 'params']);
    const code = problem.properties?.code as { enum?: string[] } | undefined;
    expect(code?.enum).toEqual(expect.arrayContaining(['not-found', 'needs-affiliation', 'not-proposed', 'unauthenticated']));
    expect(code?.enum).toHaveLength(REFUSAL_CODES.length);
    expect(Object.keys(doc.components.responses.Problem404.content)).toEqual(['application/problem+json']);
  });

  it('says what GET /api/working-groups/{id} answers: the group with its properties, or a 404 problem', () => {
    const get = doc.paths['/api/working-groups/{id}'].get;
    expect(get.responses['200'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/WorkingGroupResponse' });
    const group = doc.components.schemas.WorkingGroupResponse;
    expect(Object.keys(group.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'name', 'mandate', 'members', 'chairs', 'alarms', 'composition', 'allowed']),
    );
    expect(group.required).toEqual(expect.arrayContaining(['id', 'name', 'members']));
    expect(get.responses['404'].$ref).toBe('#/components/responses/Problem404');
    // A CSV export says it is CSV, not JSON.
    expect(Object.keys(doc.paths['/api/ballots/{id}/votes.csv'].get.responses['200'].content ?? {})).toEqual(['text/csv']);
  });
});
