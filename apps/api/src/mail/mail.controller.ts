import { Body, Controller, Get, HttpCode, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createZodDto } from 'nestjs-zod';
import { confirmEmailRequest, languagePreferenceRequest, paginationQuery, unsubscribeQuery } from '@parley/contracts';
import { Actor, CurrentActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { OutboxService } from './outbox.service';
import { UnsubscribeService } from './unsubscribe.service';
import { VerificationService } from './verification.service';

class LanguageDto extends createZodDto(languagePreferenceRequest) {}
class ConfirmEmailDto extends createZodDto(confirmEmailRequest) {}
class UnsubscribeQueryDto extends createZodDto(unsubscribeQuery) {}
class OutboxQueryDto extends createZodDto(paginationQuery) {}

@ApiTags('mail')
@Controller()
export class MailController {
  constructor(
    private readonly verification: VerificationService,
    private readonly unsubscribes: UnsubscribeService,
    private readonly outbox: OutboxService,
  ) {}

  @Allow('session.use')
  @Put('me/language')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The language Parley writes to me in (e-mail, digests): ar, zh, en, fr, ru or es' })
  async language(@CurrentActor() actor: Actor, @Body() body: LanguageDto): Promise<void> {
    await this.verification.setLanguage(actor.id, body.language);
  }

  @Allow('session.use')
  @Post('me/email-verification')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Send me the link that verifies my e-mail address again (at most once a minute); nothing else is mailed before' })
  async requestVerification(@CurrentActor() actor: Actor): Promise<void> {
    await this.verification.request(actor.id);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('email-verification/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify an e-mail address with the token its link carries (works signed out)' })
  confirm(@Body() body: ConfirmEmailDto) {
    return this.verification.confirm(body.token);
  }

  // Not rate limited by address: mail providers send the one-click POSTs of many readers from few addresses; the signed token is the guard.
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058) with the token of an e-mail’s link: that kind of e-mail (every kind for "all") stops' })
  unsubscribe(@Query() q: UnsubscribeQueryDto) {
    return this.unsubscribes.unsubscribe(q.token);
  }

  @Allow('mail.outbox.read')
  @Get('mail/outbox')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'What Parley sent to its local outbox (no SMTP server configured), newest first (stewards)' })
  list(@Query() q: OutboxQueryDto) {
    return this.outbox.list(q);
  }

  @Allow('mail.outbox.read')
  @Get('mail/outbox/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One message of the outbox: its text, HTML and headers (stewards)' })
  message(@IdParam() id: string) {
    return this.outbox.get(id);
  }
}
