import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import { SessionRepository } from '../session.repository';
import { csrfTokenFor, newSessionToken } from '../session-token';
import type { SignInContext } from './sign-in-context';

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  personId: string;
}

/**
 * Issues sessions. Only SignInService (once every factor is proved) and SignInChallenges (the second
 * step) may use it — a lint rule (eslint.config.mjs) refuses importing it anywhere else, so no way in
 * can skip the second factor.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly tx: AuditedTransaction,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  /** A session in its own transaction. */
  login(personId: string, context: SignInContext): Promise<IssuedSession> {
    return this.tx.run((tx) => this.issue(tx.manager, personId, tx.now, context));
  }

  /** A session in the caller's transaction (the second sign-in step ends its challenge in the same one). */
  async issue(manager: EntityManager, personId: string, now: Date, context: SignInContext): Promise<IssuedSession> {
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.create(manager, personId, token, expiresAt, context);
    return { token, csrfToken: csrfTokenFor(this.config.secret, token), expiresAt, personId };
  }
}
