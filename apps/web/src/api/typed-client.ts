import type { ApiBody, ApiParams, ApiQuery, ApiResponse, ApiRouteKey } from '@parley/contracts';
import { apiRequest, type QueryValue, type RequestOptions } from './client';

// Types only from the route table: the schemas stay on the server and out of the bundle.

type Has<T, Field extends string> = [T] extends [undefined] ? { [F in Field]?: undefined } : { [F in Field]: T };
type ParamsArg<K extends ApiRouteKey> = keyof ApiParams<K> extends never ? { params?: undefined } : { params: ApiParams<K> };
/** The query's names are the route's; its values travel as text (often straight from the page's URL), and the server checks them. */
type QueryArg<K extends ApiRouteKey> = [ApiQuery<K>] extends [undefined] ? { query?: undefined } : { query?: { [N in keyof ApiQuery<K>]?: QueryValue } };

/** What a call to route K takes: its path parameters, query, JSON body, and an abort signal. */
export type ApiCallArgs<K extends ApiRouteKey> = ParamsArg<K> & QueryArg<K> & Has<ApiBody<K>, 'body'> & { signal?: AbortSignal };

type Rest<K extends ApiRouteKey> = object extends ApiCallArgs<K> ? [args?: ApiCallArgs<K>] : [args: ApiCallArgs<K>];

/** "/api/ballots/:id/votes" with { id } → "/api/ballots/<id>/votes", each parameter URL-encoded. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}

/**
 * Calls one operation of the route table (libs/contracts/src/api/routes) by its key, e.g.
 * `apiCall('GET /api/working-groups/:id', { params: { id } })`: the path parameters, query and body
 * are checked against the contract, and the answer is typed as the server's schema says.
 */
export function apiCall<K extends ApiRouteKey>(route: K, ...[args]: Rest<K>): Promise<ApiResponse<K>> {
  const space = route.indexOf(' ');
  const a = (args ?? {}) as { params?: Record<string, string | number>; query?: RequestOptions['query']; body?: unknown; signal?: AbortSignal };
  return apiRequest<ApiResponse<K>>(fillPath(route.slice(space + 1), a.params), {
    method: route.slice(0, space) as RequestOptions['method'],
    query: a.query,
    body: a.body,
    signal: a.signal,
  });
}
