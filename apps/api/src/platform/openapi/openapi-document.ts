import type { OpenAPIObject } from '@nestjs/swagger';
import { API_ROUTES, apiProblem, type ProblemStatus, type RouteSpec } from '@parley/contracts';
import { type JsonSchema, requestSchema, resolveInline, ResponseSchemas } from './json-schemas';
import { openApiPath, type RegisteredRoute } from './registered-routes';

type Operation = Record<string, unknown>;

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid request: `errors` names each field',
  401: 'Not signed in',
  403: 'Not allowed (or a write without its CSRF token)',
  404: 'Not found',
  409: 'Refused by the state of things now (`code` says why)',
  413: 'Body too large',
  415: 'Body not JSON',
  429: 'Too many attempts',
  503: 'The database is down',
};
const ALL_PROBLEMS = Object.keys(PROBLEM_DESCRIPTIONS).map(Number) as ProblemStatus[];

const SIGNED_IN = [{ bearer: [] }, { cookie: [] }];
/** The second-factor step: no session yet, but the httpOnly cookie of the sign-in it completes. */
const SIGN_IN_CHALLENGE = [{ signInChallenge: [] }];

function security(r: RegisteredRoute, spec: RouteSpec) {
  if (spec.proof === 'sign-in-challenge') return SIGN_IN_CHALLENGE;
  return r.isPublic ? [] : SIGNED_IN;
}

const isZod = (r: RouteSpec['response']): r is Extract<RouteSpec['response'], { parse: unknown }> => 'parse' in r;

function parameters(key: string, spec: RouteSpec): Operation[] {
  const path = key.slice(key.indexOf(' ') + 1);
  const inPath = [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: spec.params?.[name] ? requestSchema(spec.params[name]) : { type: 'string', format: 'uuid' },
  }));
  const query = spec.query ? (requestSchema(spec.query) as { properties?: Record<string, JsonSchema>; required?: string[] }) : {};
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...inPath, ...inQuery];
}

function success(key: string, spec: RouteSpec, schemas: ResponseSchemas): Operation {
  const r = spec.response;
  if (isZod(r)) {
    const content: Operation = { 'application/json': { schema: schemas.use(r, key) } };
    if (spec.alternative) content[spec.alternative.mediaType] = { schema: { type: 'string' } };
    return { description: 'OK', content };
  }
  if (r.kind === 'no-content') return { description: 'No content' };
  return { description: r.description, content: { [r.mediaType]: { schema: { type: 'string' } } } };
}

/**
 * The OpenAPI 3.1 document, from the route table in libs/contracts (what each operation takes and
 * answers) and Nest's scan of the controllers (summaries and tags). Public operations (@Public)
 * have no security requirement (a session, when sent, shows what the reader may do); the others need one.
 */
export function buildOpenApiDocument(scanned: OpenAPIObject, routes: RegisteredRoute[]): OpenAPIObject {
  const schemas = new ResponseSchemas();
  const problemRef = schemas.use(apiProblem, 'Problem');
  const paths: Record<string, Record<string, Operation>> = {};
  for (const r of routes) {
    const spec = (API_ROUTES as Record<string, RouteSpec>)[r.key];
    if (!spec) throw new Error(`${r.key} is not in the route table (libs/contracts/src/api/routes)`);
    const path = openApiPath(r.path);
    const method = r.method.toLowerCase();
    const scannedOperation = (scanned.paths[path] as Record<string, Operation> | undefined)?.[method] ?? {};
    const responses: Operation = { [spec.status]: success(r.key, spec, schemas) };
    for (const status of spec.problems) responses[status] = { $ref: `#/components/responses/Problem${status}` };
    paths[path] ??= {};
    paths[path][method] = {
      operationId: scannedOperation.operationId,
      summary: scannedOperation.summary,
      tags: scannedOperation.tags,
      security: security(r, spec),
      parameters: parameters(r.key, spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: requestSchema(spec.body) } } } } : {}),
      ...(spec.upload
        ? { requestBody: { required: true, description: spec.upload.description, content: { [spec.upload.mediaType]: { schema: { type: 'string', format: 'binary' } } } } }
        : {}),
      responses,
    };
  }
  const { components, inline } = schemas.emit();
  return {
    openapi: '3.1.0',
    info: scanned.info,
    servers: [{ url: '/' }],
    tags: scanned.tags,
    paths: resolveInline(paths, inline),
    components: {
      securitySchemes: scanned.components?.securitySchemes,
      schemas: components,
      responses: Object.fromEntries(
        ALL_PROBLEMS.map((s) => [`Problem${s}`, { description: PROBLEM_DESCRIPTIONS[s], content: { 'application/problem+json': { schema: problemRef } } }]),
      ),
    },
  } as OpenAPIObject;
}
