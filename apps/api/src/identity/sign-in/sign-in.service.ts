import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { SessionIssuer, type IssuedSession } from './session-issuer';
import { SignInChallenges } from '../two-factor/sign-in-challenges';
import { TwoFactorRepository } from '../two-factor/two-factor.repository';
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
  constructor(
    private readonly issuer: SessionIssuer,
    private readonly twoFactor: TwoFactorRepository,
    private readonly challenges: SignInChallenges,
    private readonly clock: Clock,
  ) {}

  async complete(personId: string, context: SignInContext): Promise<SignInOutcome> {
    const now = this.clock.now();
    // A role's grace period without a second factor counts from the first sign-in after its release (decision 0050).
    await this.twoFactor.startClock(personId, now);
    if (await this.twoFactor.isEnabled(personId)) {
      const { token, expiresAt } = await this.challenges.issue(personId, context, now);
      return { kind: 'second-factor', challengeToken: token, expiresAt, personId };
    }
    return { kind: 'session', session: await this.issuer.login(personId, context) };
  }
}
