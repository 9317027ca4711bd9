import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { linkStartRequest, oidcCallbackQuery, oidcStartQuery, type LinkedAccountsResponse, type LinkStartResponse } from '@parley/contracts';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { Actor, CurrentActor } from '../actor';
import { Public } from '../public.decorator';
import { setSessionCookies } from '../session-cookies';
import { SESSION_COOKIE } from '../session-token';
import { setChallengeCookie } from '../two-factor/challenge-cookie';
import { signInContextOf } from '../sign-in/sign-in-context';
import { SignInService } from '../sign-in/sign-in.service';
import { CALLBACK_PATH } from './identity-providers.service';
import { clearBindingCookie, OIDC_BINDING_COOKIE, setBindingCookie } from './oidc-cookies';
import { OidcFailure, OidcSignInService, safeReturnTo } from './oidc-sign-in.service';

class OidcStartQueryDto extends createZodDto(oidcStartQuery) {}
class OidcCallbackQueryDto extends createZodDto(oidcCallbackQuery) {}
class LinkStartDto extends createZodDto(linkStartRequest) {}


/**
 * Institutional sign-in: browser navigations (start, callback) answered with redirects, a failure
 * as `/login?error=<code>`; linking from the security page (a write: CSRF applies, so it answers the
 * provider's address for the page to go to). openid-client is used directly rather than through its
 * passport strategy: see decision record 0049.
 */
@ApiTags('auth')
@Controller()
export class OidcController {
  constructor(
    private readonly oidc: OidcSignInService,
    private readonly signIn: SignInService,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  /** The address the provider sends the browser back to: Parley's public address (PUBLIC_URL), never the request's Host header (security review L1). */
  private get redirectUri(): string {
    return `${this.config.publicUrl}${CALLBACK_PATH}`;
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Get('auth/oidc/:providerId/start')
  @HttpCode(302)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sign in with an identity provider: redirects to it (PKCE, state and nonce)' })
  async start(@IdParam('providerId') providerId: string, @Query() query: OidcStartQueryDto, @Res() res: Response): Promise<void> {
    try {
      const started = await this.oidc.start(providerId, 'sign-in', null, safeReturnTo(query.returnTo, '/'), this.redirectUri);
      setBindingCookie(res, started.binding, this.config);
      res.redirect(302, started.redirectUrl);
    } catch (e) {
      this.fail(e, res);
    }
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Get('auth/oidc/callback')
  @HttpCode(302)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Where the provider sends the browser back: signs in, or links, then redirects' })
  async callback(@Query() query: OidcCallbackQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const cookies = req.cookies as Record<string, string> | undefined;
    clearBindingCookie(res, this.config);
    try {
      const rawQuery = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const finished = await this.oidc.callback(query, rawQuery, cookies?.[OIDC_BINDING_COOKIE], cookies?.[SESSION_COOKIE]);
      if (finished.purpose === 'link') return res.redirect(302, finished.returnTo);
      const outcome = await this.signIn.complete(finished.personId, signInContextOf(req, 'identity-provider', finished.providerId));
      if (outcome.kind === 'second-factor') {
        setChallengeCookie(res, outcome.challengeToken, outcome.expiresAt, this.config);
        return res.redirect(302, '/login/second-factor');
      }
      setSessionCookies(res, outcome.session, this.config);
      res.redirect(302, finished.returnTo);
    } catch (e) {
      this.fail(e, res);
    }
  }

  @Allow('session.use')
  @UseGuards(ThrottlerGuard)
  @Post('auth/oidc/:providerId/link')
  @HttpCode(200)
  @ApiOperation({ summary: "Link an identity provider to the signed-in person (the browser's session, the password again): answers the address to go to" })
  async link(@CurrentActor() actor: Actor, @IdParam('providerId') providerId: string, @Body() body: LinkStartDto, @Res({ passthrough: true }) res: Response): Promise<LinkStartResponse> {
    const started = await this.oidc.startLink(actor, providerId, body.password, safeReturnTo(body.returnTo, '/me/security'), this.redirectUri);
    setBindingCookie(res, started.binding, this.config);
    return { redirectUrl: started.redirectUrl };
  }

  @Allow('session.use')
  @Get('me/linked-accounts')
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The person's ways in: their password (or none) and their linked providers" })
  linked(@CurrentActor() actor: Actor): Promise<LinkedAccountsResponse> {
    return this.oidc.linkedAccounts(actor);
  }

  @Allow('session.use')
  @Delete('me/linked-accounts/:providerId')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Unlink a provider (refused when it is the only way in); its vouch for the person ends' })
  unlink(@CurrentActor() actor: Actor, @IdParam('providerId') providerId: string): Promise<void> {
    return this.oidc.unlink(actor, providerId);
  }

  private fail(e: unknown, res: Response): void {
    if (!(e instanceof OidcFailure)) throw e;
    res.redirect(302, `/login?error=${e.code}`);
  }
}
