import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from '@parley/domain';

/**
 * The signed tokens of e-mail links (decision 0042): HMAC-SHA256 with the app secret, base64url.
 * An unsubscribe token says who and which kind ('all' for digests); a verification token says who,
 * until when, and is bound to the address it was sent to (a changed address voids it).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const VERIFICATION_TTL_MS = 48 * 3600_000;

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type UnsubscribeScope = NotificationKind | 'all';

export function unsubscribeToken(secret: string, personId: string, scope: UnsubscribeScope): string {
  return `${personId}.${scope}.${mac(secret, `unsubscribe|${personId}|${scope}`)}`;
}

/** Who and what a token unsubscribes; null for anything forged, altered or malformed. */
export function readUnsubscribeToken(secret: string, token: string): { personId: string; scope: UnsubscribeScope } | null {
  const [personId, scope, sig, ...rest] = token.split('.');
  if (rest.length > 0 || !personId || !scope || !sig || !UUID.test(personId)) return null;
  if (scope !== 'all' && !isNotificationKind(scope)) return null;
  return same(sig, mac(secret, `unsubscribe|${personId}|${scope}`)) ? { personId, scope } : null;
}

export function verificationToken(secret: string, personId: string, email: string, expiresAt: Date): string {
  const until = String(expiresAt.getTime());
  return `${personId}.${until}.${mac(secret, `verify|${personId}|${email}|${until}`)}`;
}

/** The person a token verifies, if it is genuine for that address and not expired. The address is read from the database by the caller. */
export function readVerificationToken(token: string): { personId: string; expiresAt: Date; sig: string } | null {
  const [personId, until, sig, ...rest] = token.split('.');
  if (rest.length > 0 || !personId || !until || !sig || !UUID.test(personId) || !/^\d{1,15}$/.test(until)) return null;
  return { personId, expiresAt: new Date(Number(until)), sig };
}

export const verificationGenuine = (secret: string, t: { personId: string; expiresAt: Date; sig: string }, email: string): boolean =>
  same(t.sig, mac(secret, `verify|${t.personId}|${email}|${t.expiresAt.getTime()}`));
