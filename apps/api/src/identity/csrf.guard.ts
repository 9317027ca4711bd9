import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { PARLEY_CONFIG, ParleyConfig } from '../platform/config/config';
import { refuse } from '../platform/http/problem';
import type { AuthedRequest } from './actor';
import { CSRF_HEADER, csrfTokenFor, sameToken } from './session-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Browser writes (cookie sessions) must carry the session's CSRF token; bearer-token clients are not exposed to CSRF. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(PARLEY_CONFIG) private readonly config: ParleyConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    if (SAFE.has(req.method) || req.user?.authenticatedBy !== 'cookie') return true;
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent === 'string' && sameToken(sent, csrfTokenFor(this.config.secret, req.user.sessionToken))) return true;
    throw refuse('csrf-token-invalid', { header: CSRF_HEADER });
  }
}
