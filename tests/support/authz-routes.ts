import type { INestApplication } from '@nestjs/common';
import type { Actor } from '../../apps/api/src/identity/actor';
import { openApiPath, registeredRoutes, type RegisteredRoute } from '../../apps/api/src/platform/openapi/registered-routes';
import { PERMISSIONS } from '../../apps/api/src/policy/permissions';

/** One route of the running app, keyed as "POST /api/working-groups/{id}/join-requests" (the OpenAPI document's spelling). */
export type RouteMeta = RegisteredRoute;

/** Every route of the running app (registeredRoutes), keyed with OpenAPI's `{param}` spelling. */
export function discoverRoutes(app: INestApplication): RouteMeta[] {
  return registeredRoutes(app)
    .map((r) => ({ ...r, key: `${r.method} ${openApiPath(r.path)}`, path: openApiPath(r.path) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Every operation of an OpenAPI document, as "METHOD /path". */
export function openApiOperations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (item[method]) out.push(`${method.toUpperCase()} ${path}`);
  return out.sort((a, b) => a.localeCompare(b));
}

export type Expectation = { allow: true; why: string } | { allow: false; status: 401 | 403; why: string };

/**
 * What the route's own rule says, exactly as PolicyGuard decides: public routes let everyone in;
 * others need a session (401) and a declared permission whose rule the actor passes (403).
 */
export function routeRuleExpectation(route: RouteMeta, actor: Actor | null): Expectation {
  if (route.isPublic) return { allow: true, why: '@Public()' };
  if (!actor) return { allow: false, status: 401, why: 'no session' };
  if (!route.permission) return { allow: false, status: 403, why: 'the route declares no permission (deny by default)' };
  const verdict = PERMISSIONS[route.permission](actor);
  return verdict === true
    ? { allow: true, why: `@Allow('${route.permission}')` }
    : { allow: false, status: 403, why: `@Allow('${route.permission}'): ${verdict}` };
}
