import { Body, Controller, Get, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { RecoveryCodesResponse, TwoFactorSetupResponse, TwoFactorStatusResponse } from '@parley/contracts';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { Actor, CurrentActor } from '../actor';
import { SecondFactorProofDto, TwoFactorCodeDto, TwoFactorResetDto } from './two-factor.dto';
import { TwoFactorService } from './two-factor.service';

/** Secrets and recovery codes are answered once: no browser or proxy may keep a copy. */
const NO_STORE = 'no-store';

@ApiTags('two-factor')
@ApiBearerAuth()
@Controller()
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Allow('two-factor.manage-own')
  @Get('me/two-factor')
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({ summary: 'My two-factor authentication: on or not, recovery codes left, and whether a role of mine requires it' })
  status(@CurrentActor() actor: Actor): Promise<TwoFactorStatusResponse> {
    return this.twoFactor.status(actor);
  }

  @Allow('two-factor.manage-own')
  @UseGuards(ThrottlerGuard)
  @Post('me/two-factor/start')
  @HttpCode(200)
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret and its otpauth URI, pending until confirmed' })
  start(@CurrentActor() actor: Actor): Promise<TwoFactorSetupResponse> {
    return this.twoFactor.start(actor);
  }

  @Allow('two-factor.manage-own')
  @UseGuards(ThrottlerGuard)
  @Post('me/two-factor/confirm')
  @HttpCode(200)
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({ summary: 'Turn two-factor authentication on with a code from the app; answers the recovery codes, once' })
  confirm(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto): Promise<RecoveryCodesResponse> {
    return this.twoFactor.confirm(actor, body.code);
  }

  @Allow('two-factor.manage-own')
  @UseGuards(ThrottlerGuard)
  @Post('me/two-factor/recovery-codes')
  @HttpCode(200)
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({ summary: 'New recovery codes with a current code; the old ones stop working' })
  regenerate(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto): Promise<RecoveryCodesResponse> {
    return this.twoFactor.regenerateRecoveryCodes(actor, body.code);
  }

  @Allow('two-factor.manage-own')
  @UseGuards(ThrottlerGuard)
  @Post('me/two-factor/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor authentication off with a current code or a recovery code; refused while a role requires it' })
  async disable(@CurrentActor() actor: Actor, @Body() body: SecondFactorProofDto): Promise<void> {
    await this.twoFactor.disable(actor, body);
  }

  @Allow('two-factor.reset')
  @Post('people/:id/two-factor/reset')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a person's lost second factor (stewards only, with a reason; audited); they enrol again" })
  async reset(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: TwoFactorResetDto): Promise<void> {
    await this.twoFactor.reset(actor, id, body.reason);
  }
}
