import { spec } from './define';
import { PROBLEM_TYPES } from './problem-types';

/** Resources a 404 names (`not-found`). */
export const NOT_FOUND_RESOURCES = [
  'person',
  'affiliation',
  'organisation',
  'focal-point-appointment',
  'working-group',
  'join-request',
  'member',
  'nomination',
  'chair-term',
  'ballot',
  'document',
  'amendment',
  'comment',
  'endorsement',
  'bracket',
  'ad-ref',
  'join-request-objection',
  'proxy',
  'silence-procedure',
  'division',
  'clause',
  'notification',
  'email',
  'meeting',
  'agenda-item',
  'floor-request',
  'session',
  'identity-provider',
  'linked-account',
] as const;
export type NotFoundResource = (typeof NOT_FOUND_RESOURCES)[number];

/** Refusals of the platform itself: input it cannot read, sessions, limits, outages. */
export const PLATFORM_REFUSALS = {
  /** Fields are invalid; `errors` names each with its own code. */
  'invalid-request': spec(400),
  'body-not-json': spec(400),
  'body-incomplete': spec(400),
  'body-not-decodable': spec<{ encoding: string }>(400),
  'value-not-storable': spec(400),
  'encoding-unsupported': spec(415),
  'charset-unsupported': spec(415),
  'body-too-large': spec(413),
  unauthenticated: spec(401),
  'wrong-credentials': spec(401),
  'csrf-token-invalid': spec<{ header: string }>(403, PROBLEM_TYPES.csrf),
  'route-without-permission': spec(403),
  'stewards-only': spec(403),
  'not-found': spec<{ resource: NotFoundResource }>(404),
  /** An HTTP error raised by the framework outside Parley's code; its status is the framework's. */
  'http-error': spec<{ message: string }>(400),
  'rate-limited': spec(429),
  'database-unavailable': spec(503),
  'internal-error': spec(500),
} as const;
