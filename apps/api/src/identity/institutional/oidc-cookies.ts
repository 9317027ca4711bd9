import type { CookieOptions, Response } from 'express';
import type { ParleyConfig } from '../../platform/config/config';
import { ATTEMPT_TTL_MS } from './oidc-sign-in.service';

/** Binds a sign-in in flight to the browser that started it (its hash is kept with the attempt). */
export const OIDC_BINDING_COOKIE = 'parley_oidc';

// Lax: the provider sends the browser back with a top-level GET, which carries lax cookies.
const binding = (config: ParleyConfig): CookieOptions => ({ httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/api/auth/oidc' });

export function setBindingCookie(res: Response, value: string, config: ParleyConfig): void {
  res.cookie(OIDC_BINDING_COOKIE, value, { ...binding(config), maxAge: ATTEMPT_TTL_MS });
}

export function clearBindingCookie(res: Response, config: ParleyConfig): void {
  res.clearCookie(OIDC_BINDING_COOKIE, binding(config));
}
