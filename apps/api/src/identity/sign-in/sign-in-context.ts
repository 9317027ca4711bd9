import type { Request } from 'express';

/**
 * How a person is signing in, kept with the session they get: the way in (their password or an
 * institution's identity provider) and the device that asked (user agent and address, shown in their
 * list of active sessions).
 */
export interface SignInContext {
  method: 'password' | 'identity-provider';
  /** The identity provider that vouched for the person, when method is 'identity-provider'. */
  providerId: string | null;
  userAgent: string | null;
  ip: string | null;
}

export function signInContextOf(req: Request, method: SignInContext['method'], providerId: string | null = null): SignInContext {
  const ua = req.headers['user-agent'];
  return { method, providerId, userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null, ip: req.ip ?? null };
}
