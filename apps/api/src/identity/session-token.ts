import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Opaque session tokens: 32 random bytes; only their SHA-256 is stored, so a database leak reveals no usable token. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The CSRF token is bound to the session: an HMAC of its token, checked against the X-CSRF-Token header. */
export const csrfTokenFor = (secret: string, sessionToken: string) => createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const SESSION_COOKIE = 'parley_session';
export const CSRF_COOKIE = 'parley_csrf';
export const CSRF_HEADER = 'x-csrf-token';
