import { HttpStatus, RequestMethod, type INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../../identity/public.decorator';
import { REQUIRED_PERMISSION } from '../../policy/allow.decorator';
import type { Permission } from '../../policy/permissions';

/** One route the running app registers, with what its decorators declare. */
export interface RegisteredRoute {
  /** "GET /api/working-groups/:id": the route table's spelling. */
  key: string;
  method: string;
  /** "/api/working-groups/:id" */
  path: string;
  controller: string;
  handler: string;
  /** The success status: @HttpCode, else Nest's default (201 for POST, 200 otherwise). */
  status: number;
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
export function registeredRoutes(app: INestApplication, globalPrefix = 'api'): RegisteredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: RegisteredRoute[] = [];
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
      const httpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
      const targets = [handler, metatype];
      for (const base of bases)
        for (const p of [paths].flat() as string[]) {
          const path = join(globalPrefix, base, p);
          routes.push({
            key: `${method} ${path}`,
            method,
            path,
            controller: metatype.name,
            handler: name,
            status: httpCode ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK),
            isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
            permission: reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets),
          });
        }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** "/api/working-groups/:id" as OpenAPI spells it: "/api/working-groups/{id}". */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
