import fc from 'fast-check';
import { newDelegate, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

// Property-based fuzzing of every write endpoint the OpenAPI document lists: random and boundary
// values, wrong types, unknown fields, huge strings and arrays, unicode edge cases. Every answer
// must be 2xx, or 4xx problem+json that changed nothing (the audit head stands still: every
// state change writes an audit event). Never 5xx. Fixed seed and budget so CI is repeatable.
const SEED = 20261123;
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 12);

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; required?: string[]; $ref?: string; anyOf?: Schema[]; oneOf?: Schema[]; format?: string; maxLength?: number };

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Eevil',
  '💥'.repeat(100),
  '<script>alert(1)</script>',
  "'; DROP TABLE people; --",
  'x'.repeat(100_000),
  '2026-02-30',
  '../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
);
// Path segments: anything a client could put in a URL (servers refuse URLs past ~16 KB at the HTTP layer).
const nastySegment = fc.constantFrom('', ' ', '\u0000', '\uD800', '<script>', "'; DROP TABLE people; --", 'x'.repeat(2000), '..', '00000000-0000-0000-0000-000000000000', 'NaN', '-1');
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.constant(Array.from({ length: 5000 }, (_, i) => i)),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

function resolve(schema: Schema, doc: any): Schema {
  if (schema?.$ref) return resolve(schema.$ref.split('/').slice(1).reduce((o: any, k: string) => o[k], doc), doc);
  return schema ?? {};
}

/** Values shaped by the schema, mostly plausible, often at or past the edges. */
function valueFor(schema: Schema, doc: any, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 3) return anyJson;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return fc.oneof(...alt.map((a) => valueFor(a, doc, ids, depth + 1)));
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), anyJson);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid(), nasty);
      if (s.format === 'date') return fc.oneof(fc.constantFrom('2020-01-01', '2030-12-31', '1900-01-01', '2026-13-01', '0000-01-01', '0000-02-29', '0001-01-01', '1899-12-31'), nasty);
      if (s.format === 'date-time') return fc.oneof(fc.constantFrom('2030-01-01T10:00:00Z', '0000-01-01T00:00:00Z', '0000-02-29T12:00:00+14:00', '9999-12-31T23:59:59Z'), nasty);
      if (s.format === 'email') return fc.oneof(fc.emailAddress(), nasty);
      return fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: s.maxLength ?? 300, maxLength: (s.maxLength ?? 300) + 2 }), nasty);
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 1e308), anyJson);
    case 'boolean':
      return fc.oneof(fc.boolean(), anyJson);
    case 'array':
      return fc.oneof(fc.array(valueFor(s.items ?? {}, doc, ids, depth + 1), { maxLength: 4 }), anyJson);
    case 'object':
    default: {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (keys.length === 0) return anyJson;
      const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(props[k], doc, ids, depth + 1)])), { requiredKeys: [] });
      return fc.oneof(
        shaped,
        shaped.map((o) => ({ ...(o as object), unexpectedField: 'x' })),
        anyJson,
      );
    }
  }
}

describe('fuzzing every write endpoint from its schema', () => {
  let t: TestApp;
  let clients: ApiClient[];
  let ids: string[];
  let doc: any;

  beforeAll(async () => {
    t = await startTestApp();
    const steward = await newPerson(t.baseUrl);
    const delegate = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national' });
    const bare = await newPerson(t.baseUrl);
    clients = [steward.client, delegate.client, bare.client, new ApiClient(t.baseUrl)];
    ids = [steward.id, delegate.id, delegate.organisation.id];
    const groups = await delegate.client.get('/api/working-groups');
    if (groups.status === 200 && Array.isArray(groups.body?.items)) ids.push(...groups.body.items.map((g: { id: string }) => g.id));
    doc = (await new ApiClient(t.baseUrl).get('/api/docs-json')).body;
  }, 60_000);
  afterAll(() => t.close());

  const auditHead = async () => JSON.stringify((await new ApiClient(t.baseUrl).get('/api/audit/head')).body);

  it('answers 2xx or 4xx problem+json (never 5xx), and a 4xx changes nothing', async () => {
    const operations: { method: string; path: string; schema: Schema }[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths))
      for (const method of ['post', 'put', 'patch', 'delete'])
        if (item[method]) operations.push({ method: method.toUpperCase(), path, schema: item[method].requestBody?.content?.['application/json']?.schema ?? {} });
    expect(operations.length).toBeGreaterThan(8);
    const failures: string[] = [];

    for (const [i, op] of operations.entries()) {
      const pathArb = fc.record(Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], fc.oneof(fc.constantFrom(...ids), fc.uuid(), nastySegment)])));
      await fc.assert(
        fc.asyncProperty(pathArb, valueFor(op.schema, doc, ids), fc.nat(clients.length - 1), async (params, body, who) => {
          const url = op.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String((params as Record<string, unknown>)[k]).replace(/[\uD800-\uDFFF]/g, "\uFFFD")));
          const before = await auditHead();
          const res = await clients[who].request(op.method, url, body === undefined ? {} : body);
          const problem = `${op.method} ${url.slice(0, 120)} as client ${who} with ${JSON.stringify(body)?.slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
          if (res.status >= 500) failures.push(`5xx: ${problem}`);
          else if (res.status >= 400) {
            if (!String(res.headers.get('content-type')).includes('application/problem+json')) failures.push(`not problem+json: ${problem}`);
            else if ((await auditHead()) !== before) failures.push(`4xx changed the audit log: ${problem}`);
          }
        }),
        { seed: SEED + i, numRuns: RUNS_PER_ENDPOINT },
      );
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 600_000);

  it('a body in an encoding that does not decode, or an unknown one, is 4xx problem+json naming Content-Encoding on every write endpoint, never 5xx', async () => {
    const encodings: [string, string][] = [
      ['gzip', 'not gzip'],
      ['deflate', 'not deflate'],
      ['br', '\u00ff\u00ff\u00ff\u00ff'],
      ['x-unknown', '{}'],
      ['gzip, zstd', '{}'],
    ];
    const failures: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths))
      for (const method of ['post', 'put', 'patch', 'delete'].filter((m) => item[m]))
        for (const [i, [encoding, body]] of encodings.entries()) {
          const url = path.replace(/\{(\w+)\}/g, () => ids[i % ids.length]);
          const before = await auditHead();
          const res = await clients[i % clients.length].request(method.toUpperCase(), url, body, { 'content-encoding': encoding });
          const what = `${method.toUpperCase()} ${url} (${encoding}) as client ${i % clients.length} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
          if (res.status >= 500) failures.push(`5xx: ${what}`);
          else if (res.status < 400 || !String(res.headers.get('content-type')).includes('application/problem+json')) failures.push(`not a problem: ${what}`);
          else if ((await auditHead()) !== before) failures.push(`4xx changed the audit log: ${what}`);
          else if (![400, 401, 403, 415].includes(res.status) || (res.status !== 401 && res.status !== 403 && res.body.errors?.[0]?.field !== 'Content-Encoding')) failures.push(`not naming Content-Encoding: ${what}`);
        }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 300_000);

  it('refuses control characters PostgreSQL cannot store with 400 naming the field (login, search)', async () => {
    const c = new ApiClient(t.baseUrl);
    const login = await c.post('/api/auth/login', { email: 'a\u0000b@example.org', password: 'x'.repeat(12) });
    expect(login.status).toBe(400);
    expect(login.body.errors[0].field).toBe('email');
    const search = await c.get('/api/organisations?q=%00');
    expect(search.status).toBe(400);
    expect(search.body.errors[0].field).toBe('q');
  });
});

