import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Actor } from '../../apps/api/src/identity/actor';
import { IS_PUBLIC } from '../../apps/api/src/identity/public.decorator';
import { REQUIRED_PERMISSION } from '../../apps/api/src/policy/allow.decorator';
import { PERMISSIONS, type Permission } from '../../apps/api/src/policy/permissions';

/** One route of the running app, with what its decorators declare. */
export interface RouteMeta {
  /** "POST /api/working-groups/{id}/join-requests": the OpenAPI document's spelling. */
  key: string;
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  permission: Permission | undefined;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every route of the running app, read from Nest's own metadata (DiscoveryService over the app's
 * module container, Reflector for @Public/@Allow, as PolicyGuard reads them).
 */
export function discoverRoutes(app: INestApplication, globalPrefix = 'api'): RouteMeta[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: RouteMeta[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const bases = [Reflect.getMetadata(PATH_METADATA, metatype) ?? ''].flat() as string[];
    const proto = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const paths = Reflect.getMetadata(PATH_METADATA, handler);
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const targets = [handler, metatype];
      for (const base of bases)
        for (const p of [paths].flat() as string[]) {
          const path = join(globalPrefix, base, p).replace(/:(\w+)/g, '{$1}');
          routes.push({
            key: `${method} ${path}`,
            method,
            path,
            controller: metatype.name,
            handler: name,
            isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
            permission: reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets),
          });
        }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** Every operation of an OpenAPI document, as "METHOD /path". */
export function openApiOperations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (item[method]) out.push(`${method.toUpperCase()} ${path}`);
  return out.sort();
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
