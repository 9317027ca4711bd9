import type { z } from 'zod';
import { DRAFTING_ROUTES } from './drafting';
import { IDENTITY_ROUTES } from './identity';
import { IDENTITY_PROVIDER_ROUTES } from './identity-providers';
import { NEGOTIATION_BRACKET_ROUTES } from './negotiation-brackets';
import { NEGOTIATION_STREAMLINING_ROUTES } from './negotiation-streamlining';
import type { MediaResponse, NoContent, RouteSpec } from './route-spec';
import { TRANSPARENCY_ROUTES } from './transparency';
import { WORKING_GROUP_ROUTES } from './working-groups';
import { CLAUSE_STATUS_ROUTES } from './negotiation-clause-status';
import { EXPLANATION_ROUTES } from './procedures-explanations';
import { ACCREDITATION_ROUTES } from './procedures-accreditation';
import { PROXY_ROUTES } from './procedures-proxies';
import { SILENCE_ROUTES } from './procedures-silence';
import { PROCEDURES_DIVISION_ROUTES } from './procedures-division';
import { FEED_ROUTES, MAIL_ROUTES, NOTIFICATION_ROUTES } from './notifications';
import { MEETING_ROUTES } from './meetings';
import { EXCHANGE_ROUTES } from './exchange';
import { LANGUAGE_VERSION_ROUTES } from './language-versions';
import { SESSION_ROUTES } from './sessions';
import { TWO_FACTOR_ROUTES } from './two-factor';
import { SEARCH_ROUTES } from './search';
import { AGREED_LANGUAGE_ROUTES } from './agreed-language';

export * from './route-spec';

function mergeRoutes<A, B, C, D, E, F, G>(a: A, b: B, c: C, d: D, e: E, f: F, g: G): A & B & C & D & E & F & G {
  return { ...a, ...b, ...c, ...d, ...e, ...f, ...g };
}

/**
 * Every operation of the API: "METHOD /api/path/:param" → what it takes and answers. The server
 * checks it against the routes it registers and builds its OpenAPI document from it; the web's
 * typed client reads its types (only them: the schemas stay out of the web's bundle, hence the
 * `@__PURE__` marks, which let the bundler drop what the web does not use).
 */
export const API_ROUTES = /* @__PURE__ */ mergeRoutes(
  // Issue #24: a person's active sessions and institutional sign-in beside the identity routes.
  { ...IDENTITY_ROUTES, ...SESSION_ROUTES, ...IDENTITY_PROVIDER_ROUTES },
  WORKING_GROUP_ROUTES,
  { ...DRAFTING_ROUTES, ...NEGOTIATION_BRACKET_ROUTES, ...CLAUSE_STATUS_ROUTES },
  { ...TRANSPARENCY_ROUTES, ...NEGOTIATION_STREAMLINING_ROUTES },
  // Issue #19's procedures: a group of their own keeps each group small enough for the type checker.
  { ...EXPLANATION_ROUTES, ...ACCREDITATION_ROUTES, ...PROXY_ROUTES, ...SILENCE_ROUTES, ...PROCEDURES_DIVISION_ROUTES },
  // Issue #20: notifications, e-mail and feeds.
  // Issue #24: two-factor authentication.
  { ...NOTIFICATION_ROUTES, ...MAIL_ROUTES, ...FEED_ROUTES, ...TWO_FACTOR_ROUTES },
  // Issue #21: meetings; issue #22: Word and PDF in and out.
  // Issue #23: language versions of a text; issue #25: search and the agreed-language library.
  { ...MEETING_ROUTES, ...EXCHANGE_ROUTES, ...LANGUAGE_VERSION_ROUTES, ...SEARCH_ROUTES, ...AGREED_LANGUAGE_ROUTES },
) satisfies Record<string, RouteSpec>;

export type ApiRoutes = typeof API_ROUTES;
export type ApiRouteKey = Extract<keyof ApiRoutes, string>;

/** What a route answers on success: its JSON, a string for CSV/Markdown/JSON Lines, undefined for 204. */
export type ApiResponse<K extends ApiRouteKey> = ApiRoutes[K]['response'] extends z.ZodType
  ? z.output<ApiRoutes[K]['response']>
  : ApiRoutes[K]['response'] extends MediaResponse
    ? string
    : ApiRoutes[K]['response'] extends NoContent
      ? undefined
      : never;

type SpecField<K extends ApiRouteKey, F extends string> = ApiRoutes[K] extends Record<F, infer S> ? S : undefined;

/** The JSON body a route takes (before defaults), or undefined. */
export type ApiBody<K extends ApiRouteKey> = SpecField<K, 'body'> extends z.ZodType ? z.input<SpecField<K, 'body'>> : undefined;
/** The query a route takes (before defaults), or undefined. */
export type ApiQuery<K extends ApiRouteKey> = SpecField<K, 'query'> extends z.ZodType ? z.input<SpecField<K, 'query'>> : undefined;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
/** The path parameters of a route, by name. */
export type ApiParams<K extends ApiRouteKey> = { [N in ParamNames<PathOf<K>>]: string | number };
