import { Injectable } from '@nestjs/common';
import { AuthService, type IssuedSession } from '../auth.service';
import type { SignInContext } from './sign-in-context';

/**
 * What a completed first factor leads to: a session, or (for a person with a second factor) a
 * short-lived challenge to answer before any session exists.
 */
export type SignInOutcome = { kind: 'session'; session: IssuedSession } | { kind: 'second-factor'; challengeToken: string; expiresAt: Date; personId: string };

/**
 * The one place every way in (password, identity provider) ends: whoever proved their first factor
 * comes here, and only here is a session issued or a second factor asked for.
 */
@Injectable()
export class SignInService {
  constructor(private readonly auth: AuthService) {}

  complete(personId: string, context: SignInContext): Promise<SignInOutcome> {
    return this.auth.login(personId, context).then((session) => ({ kind: 'session', session }));
  }
}
