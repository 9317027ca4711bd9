import type { CookieOptions, Response } from 'express';
import type { ParleyConfig } from '../platform/config/config';
import type { IssuedSession } from './auth.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './session-token';

export function setSessionCookies(res: Response, s: IssuedSession, config: ParleyConfig): void {
  const base: CookieOptions = { sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: s.expiresAt };
  res.cookie(SESSION_COOKIE, s.token, { ...base, httpOnly: true });
  // Readable by the page's script, which echoes it in the X-CSRF-Token header (double submit, bound to the session).
  res.cookie(CSRF_COOKIE, s.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
