import type { NotFoundResource } from '@parley/contracts';
import type { RefusalTexts } from './texts';

const RESOURCE: Record<NotFoundResource, string> = {
  person: 'The person',
  affiliation: 'The affiliation',
  organisation: 'The organisation',
  'focal-point-appointment': 'The focal-point appointment',
  'working-group': 'The working group',
  'join-request': 'The join request',
  member: 'The member',
  nomination: 'The nomination',
  'chair-term': 'The chair term',
  ballot: 'The ballot',
  document: 'The document',
  amendment: 'The amendment',
  comment: 'The comment',
  endorsement: 'The endorsement',
  bracket: 'The bracket',
  'ad-ref': 'The ad ref',
};

export const PLATFORM_TEXT = {
  'invalid-request': () => 'Some fields are invalid',
  'body-not-json': () => 'The body is not valid JSON',
  'body-incomplete': () => 'The body is incomplete',
  'body-not-decodable': (p) => `The body could not be decoded as ${p.encoding}`,
  'value-not-storable': () => 'The request contains a value that cannot be stored (control characters, or the wrong format)',
  'encoding-unsupported': () => 'Not an encoding this server decodes (gzip, deflate, br)',
  'charset-unsupported': () => 'The body must be UTF-8 JSON',
  'body-too-large': () => 'The request body is larger than this endpoint accepts',
  unauthenticated: () => 'Sign in to do this',
  'wrong-credentials': () => 'The e-mail address or the password is wrong',
  'csrf-token-invalid': (p) => `Send the ${p.header} header with the token from the parley_csrf cookie`,
  'route-without-permission': () => 'This route declares no permission',
  'stewards-only': () => 'Only platform stewards can do this',
  'not-found': (p) => `${RESOURCE[p.resource]} was not found`,
  'http-error': (p) => p.message,
  'rate-limited': () => 'Too many attempts; wait a minute and try again',
  'database-unavailable': () => 'The database is unavailable; try again in a few seconds',
  'internal-error': () => 'Something went wrong on our side; it has been logged',
  'audit-event-not-found': (p) => `Event ${p.sequence} of the chain ${p.scope} was not found`,
  'no-such-chain': (p) => `scope: there is no chain ${p.scope}`,
} satisfies Partial<RefusalTexts>;
