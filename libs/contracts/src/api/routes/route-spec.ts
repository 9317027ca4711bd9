import { z } from 'zod';

/** The problem statuses an operation may answer (problem+json, see `apiProblem`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

/** A success answered with no body (204). */
export interface NoContent {
  kind: 'no-content';
}
/** A success answered in another format than JSON (CSV, Markdown, JSON Lines): a string to the client. */
export interface MediaResponse<M extends string = string> {
  kind: 'media';
  mediaType: M;
  description: string;
}
export const noContent: NoContent = { kind: 'no-content' };
export const media = <M extends string>(mediaType: M, description: string): MediaResponse<M> => ({ kind: 'media', mediaType, description });

/** What one operation takes and answers. Its key in the route table is "METHOD /api/path/:param". */
export interface RouteSpec {
  /** Path parameters that are not uuids (each `:param` of the path is a uuid unless named here). */
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A file sent as the raw body instead of JSON (a Word document to import): its media type. */
  upload?: MediaResponse;
  /** 302: a browser navigation sent on elsewhere (institutional sign-in), with a `media` response describing where. */
  status: 200 | 201 | 202 | 204 | 302;
  response: z.ZodType | NoContent | MediaResponse;
  /** Another representation of the same success, chosen by a query parameter (chair terms as CSV). */
  alternative?: MediaResponse;
  problems: readonly ProblemStatus[];
  /** A public operation that needs another proof than a session: the second-factor step needs the sign-in challenge's cookie. */
  proof?: 'sign-in-challenge';
}

export const route = <const S extends RouteSpec>(spec: S): S => spec;

/** Problem statuses by kind of operation: a malformed id or query is 400, a missing resource 404. */
export const PROBLEMS = {
  /** A public read of one resource by id. */
  readOne: [400, 404],
  /** A public read of a list, filtered by a query. */
  readList: [400],
  /** A read that needs a session. */
  signedInRead: [400, 401, 403, 404],
  /** A write with a JSON body: invalid (400), not signed in (401), not allowed or CSRF (403), missing (404), refused by the state of things (409), too large (413), not JSON (415). */
  write: [400, 401, 403, 404, 409, 413, 415],
  /** A write without a body. */
  act: [400, 401, 403, 404, 409],
  /** A file sent as the body: unreadable or refused (400), too large (413), not of the media type (415). */
  upload: [400, 401, 403, 404, 409, 413, 415, 429],
} as const satisfies Record<string, readonly ProblemStatus[]>;

/** A version number in a path (`/versions/:n`). */
export const versionParam = z.coerce.number().int().min(1);
