import type { Response } from 'express';
import type { ParleyConfig } from '../../platform/config/config';

/** The second sign-in step's token, for the browser: httpOnly, sent only to the API, gone with the challenge. */
export const CHALLENGE_COOKIE = 'parley_2fa';

export function setChallengeCookie(res: Response, token: string, expiresAt: Date, config: ParleyConfig): void {
  res.cookie(CHALLENGE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/api', expires: expiresAt });
}

export function clearChallengeCookie(res: Response): void {
  res.clearCookie(CHALLENGE_COOKIE, { path: '/api' });
}
