import { Injectable } from '@nestjs/common';
import type { SecondFactorProof } from '@parley/contracts';
import { SIGN_IN_CHALLENGE_MINUTES } from '@parley/domain';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { ProblemException, refuse } from '../../platform/http/problem';
import { SessionIssuer, type IssuedSession } from '../sign-in/session-issuer';
import { hashSessionToken, newSessionToken } from '../session-token';
import type { SignInContext } from '../sign-in/sign-in-context';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorService } from './two-factor.service';

/**
 * The second sign-in step (decision 0050): a random token (only its hash is kept), bound to the
 * person and to the way in and browser that proved the first factor, answered once within five
 * minutes; a lock after wrong answers ends it.
 */
@Injectable()
export class SignInChallenges {
  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly issuer: SessionIssuer,
    private readonly tx: AuditedTransaction,
  ) {}

  async issue(personId: string, context: SignInContext, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SIGN_IN_CHALLENGE_MINUTES * 60_000);
    await this.repo.createChallenge(personId, hashSessionToken(token), context, now, expiresAt);
    return { token, expiresAt };
  }

  /** The session, once the challenge's person proves their second factor from the same browser. */
  async answer(token: string | null, proof: SecondFactorProof, context: Pick<SignInContext, 'userAgent' | 'ip'>): Promise<IssuedSession> {
    if (!token || token.length > 200) throw refuse('sign-in-challenge-expired');
    const outcome = await this.tx.run(async (tx): Promise<{ session: IssuedSession } | { error: ProblemException }> => {
      const challenge = await this.repo.findChallenge(tx.manager, hashSessionToken(token));
      const live = challenge && !challenge.usedAt && challenge.expiresAt > tx.now && challenge.userAgent === context.userAgent;
      if (!live) return { error: refuse('sign-in-challenge-expired') };
      const r = await this.twoFactor.check(tx, challenge.personId, proof);
      if (!r.ok) {
        if (r.locked) await this.repo.endChallenge(tx.manager, challenge.id, tx.now);
        return { error: r.error };
      }
      await this.repo.endChallenge(tx.manager, challenge.id, tx.now);
      const method = challenge.method === 'identity-provider' ? 'identity-provider' : 'password';
      return { session: await this.issuer.issue(tx.manager, challenge.personId, tx.now, { method, providerId: challenge.providerId, ...context }) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }
}
