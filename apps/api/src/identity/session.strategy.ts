import { Inject, Injectable } from '@nestjs/common';
import { twoFactorRequirementRefusal } from '@parley/domain';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { Clock } from '../platform/clock/clock';
import { PARLEY_CONFIG, ParleyConfig } from '../platform/config/config';
import type { Actor } from './actor';
import { SessionRepository } from './session.repository';
import { SESSION_COOKIE } from './session-token';
import { TwoFactorRepository } from './two-factor/two-factor.repository';

/**
 * Authenticates a request from its session token: the httpOnly cookie a browser carries, or
 * `Authorization: Bearer` for scripts. Another passport strategy (OpenID Connect) can issue the
 * same sessions later.
 */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly twoFactorRepo: TwoFactorRepository,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {
    super();
  }

  async validate(req: Request): Promise<Actor | false> {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ?? null;
    const token = bearer || cookie;
    if (!token || token.length > 200) return false;
    const now = this.clock.now();
    const s = await this.sessions.findLive(token, now);
    if (!s) return false;
    // A session opened before two-factor authentication was released starts the requirement's clock
    // at its first request (decision 0050); one write per person, ever.
    const clockFrom = s.twoFactorClockFrom ?? (await this.twoFactorRepo.startClock(s.personId, now), now);
    const twoFactor = { enabled: s.twoFactorEnabled, clockFrom };
    return {
      id: s.personId,
      name: s.name,
      email: s.email,
      isSteward: s.isSteward,
      sessionId: s.sessionId,
      sessionToken: token,
      authenticatedBy: bearer ? 'bearer' : 'cookie',
      twoFactor: { ...twoFactor, overdue: twoFactorRequirementRefusal(twoFactor, null, this.config.twoFactorGraceDays, now) !== null },
    };
  }
}
