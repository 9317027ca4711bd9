import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { endorseRequest, withdrawEndorsementRequest, type EndorsementResponse, type SignatoriesResponse } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../drafting/version-param';
import { Actor, CurrentActor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { EndorsementService } from './endorsement.service';

class EndorseDto extends createZodDto(endorseRequest) {}
class WithdrawEndorsementDto extends createZodDto(withdrawEndorsementRequest) {}

@ApiTags('endorsements')
@Controller('documents')
export class EndorsementsController {
  constructor(private readonly endorsements: EndorsementService) {}

  @Allow('endorsement.make')
  @Post(':id/versions/:n/endorsements')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Endorse an adopted version on behalf of an organisation you hold a current affiliation to (403 otherwise; 409 when the version is not adopted or the organisation already endorsed it)',
  })
  endorse(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: EndorseDto): Promise<EndorsementResponse> {
    return this.endorsements.endorse(actor, id, positiveVersion(n), body);
  }

  @Allow('endorsement.withdraw')
  @Post(':id/versions/:n/endorsements/:endorsementId/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Withdraw an organisation's endorsement (a current delegate of that organisation); recorded, never deleted" })
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @VersionParam() n: number,
    @IdParam('endorsementId') endorsementId: string,
    @Body() body: WithdrawEndorsementDto,
  ): Promise<EndorsementResponse> {
    return this.endorsements.withdraw(actor, id, positiveVersion(n), endorsementId, body);
  }

  @Public()
  @Get(':id/versions/:n/signatories')
  @ApiOperation({
    summary:
      'The organisations that endorsed a version: counts by stakeholder group and sub-type, a headline in words, the endorsers with their affiliation, withdrawn endorsements, and what you may do',
  })
  signatories(@OptionalActor() viewer: Actor | null, @IdParam() id: string, @VersionParam() n: number): Promise<SignatoriesResponse> {
    return this.endorsements.signatories(id, positiveVersion(n), viewer);
  }
}
