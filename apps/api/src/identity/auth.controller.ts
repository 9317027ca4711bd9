import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { REGISTRATION_RECEIVED, SECOND_FACTOR_METHODS, type LoginResponse, type MeResponse, type RegistrationResponse, type SessionResponse } from '@parley/contracts';
import { Allow } from '../policy/allow.decorator';
import { PARLEY_CONFIG, ParleyConfig } from '../platform/config/config';
import { Actor, CurrentActor } from './actor';
import { AuthService, IssuedSession } from './auth.service';
import { LoginDto, RegisterDto } from './dto/identity.dto';
import { LoginGuard } from './local.strategy';
import { Public } from './public.decorator';
import { signInContextOf } from './sign-in/sign-in-context';
import { SignInService } from './sign-in/sign-in.service';
import { clearSessionCookies, setSessionCookies } from './session-cookies';
import { clearBindingCookie } from './institutional/oidc-cookies';
import { clearChallengeCookie, CHALLENGE_COOKIE, setChallengeCookie } from './two-factor/challenge-cookie';
import { SecondFactorDto } from './two-factor/two-factor.dto';
import { SignInChallenges } from './two-factor/sign-in-challenges';

/** Answers carrying a session token or the person's e-mail address: no browser or proxy may keep a copy. */
const NO_STORE = 'no-store';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly signIn: SignInService,
    private readonly challenges: SignInChallenges,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/register')
  @HttpCode(202)
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({
    summary: 'Create an account for a new address (the first account on an empty platform is a steward); then sign in',
    description: 'The same 202 answer whether or not the address already has an account, and nobody is signed in: sign in next with the same address and password.',
  })
  async register(@Body() body: RegisterDto): Promise<RegistrationResponse> {
    await this.auth.register(body);
    return REGISTRATION_RECEIVED;
  }

  @Public()
  @UseGuards(ThrottlerGuard, LoginGuard)
  @Post('auth/login')
  @HttpCode(200)
  @Header('Cache-Control', NO_STORE)
  @ApiBody({ type: LoginDto })
  @ApiOperation({
    summary: 'Sign in; returns a bearer token and sets the session cookie',
    description: 'For a person with two-factor authentication on, no session yet: the second step to take (POST /api/auth/second-factor), its token also set as the parley_2fa cookie.',
  })
  async login(@Req() req: Request & { user: string }, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const outcome = await this.signIn.complete(req.user, signInContextOf(req, 'password'));
    if (outcome.kind === 'session') return this.answer(outcome.session, res);
    setChallengeCookie(res, outcome.challengeToken, outcome.expiresAt, this.config);
    return { secondFactorRequired: true, methods: [...SECOND_FACTOR_METHODS], expiresAt: outcome.expiresAt.toISOString(), challengeToken: outcome.challengeToken };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/second-factor')
  @HttpCode(200)
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({
    summary: 'The second sign-in step: a code from the authenticator app, or a recovery code; answers the session as signing in does',
    description: 'The challenge is read from the parley_2fa cookie (set by signing in, with a password or an identity provider) or the challengeToken field.',
  })
  async secondFactor(@Req() req: Request, @Body() body: SecondFactorDto, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const cookie = (req.cookies as Record<string, string> | undefined)?.[CHALLENGE_COOKIE];
    const { challengeToken, ...proof } = body;
    const context = signInContextOf(req, 'password');
    const session = await this.challenges.answer(challengeToken ?? cookie ?? null, proof, { userAgent: context.userAgent, ip: context.ip });
    clearChallengeCookie(res);
    return this.answer(session, res);
  }

  @Allow('session.use')
  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: the token is revoked at once' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookies(res);
    // A link started on this browser must not be finished by whoever signs in next (decision record 0049).
    clearBindingCookie(res, this.config);
  }

  @Allow('session.use')
  @Get('me')
  @Header('Cache-Control', NO_STORE)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is signed in, with their current affiliation snapshot' })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor.id);
  }

  private async answer(session: IssuedSession, res: Response): Promise<SessionResponse> {
    setSessionCookies(res, session, this.config);
    return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), me: await this.auth.me(session.personId) };
  }
}
