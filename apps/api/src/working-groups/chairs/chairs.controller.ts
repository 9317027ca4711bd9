import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  acceptNominationRequest,
  declineNominationRequest,
  nominateChairRequest,
  proposeChairRemovalRequest,
  resignChairRequest,
  withdrawNominationRequest,
  type ChairNominationResponse,
  type ChairRemovalMotionResponse,
  type ChairTermResponse,
} from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { ChairNominationService } from './chair-nomination.service';

class NominateChairDto extends createZodDto(nominateChairRequest) {}
class AcceptNominationDto extends createZodDto(acceptNominationRequest) {}
class DeclineNominationDto extends createZodDto(declineNominationRequest) {}
class ResignChairDto extends createZodDto(resignChairRequest) {}
class ProposeChairRemovalDto extends createZodDto(proposeChairRemovalRequest) {}
class WithdrawNominationDto extends createZodDto(withdrawNominationRequest) {}

/** Chairs are confirmed, not named: nominations, acceptance (which opens the ballot), resignation, removal by ballot. */
@ApiTags('chairs')
@Controller()
export class ChairsController {
  constructor(private readonly chairs: ChairNominationService) {}

  @Allow('working-group.participate')
  @Post('working-groups/:id/chair-nominations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Nominate a member (or yourself) as chair, with an optional term end date' })
  nominate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: NominateChairDto): Promise<ChairNominationResponse> {
    return this.chairs.nominate(actor, id, body);
  }

  @Public()
  @Get('working-groups/:id/chair-nominations')
  @ApiOperation({ summary: "A group's chair nominations, newest first, with their ballots" })
  list(@IdParam() id: string): Promise<ChairNominationResponse[]> {
    return this.chairs.list(id);
  }

  @Public()
  @Get('chair-nominations/:id')
  @ApiOperation({ summary: 'One nomination and its ballot' })
  get(@IdParam() id: string): Promise<ChairNominationResponse> {
    return this.chairs.get(id);
  }

  @Allow('working-group.participate')
  @Post('chair-nominations/:id/acceptance')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The nominee accepts: a chair-confirmation ballot opens with the group’s rule' })
  accept(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AcceptNominationDto): Promise<ChairNominationResponse> {
    return this.chairs.accept(actor, id, body);
  }

  @Allow('working-group.participate')
  @Post('chair-nominations/:id/declination')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The nominee declines' })
  decline(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DeclineNominationDto): Promise<ChairNominationResponse> {
    return this.chairs.decline(actor, id, body);
  }

  @Allow('working-group.participate')
  @Post('chair-nominations/:id/withdrawal')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The nominee or their nominator withdraws a nomination the nominee has not answered yet (kept on the record as withdrawn)' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: WithdrawNominationDto): Promise<ChairNominationResponse> {
    return this.chairs.withdraw(actor, id, body);
  }

  @Allow('working-group.participate')
  @Post('chair-terms/:id/resignation')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The chair resigns: the term ends now' })
  resign(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ResignChairDto): Promise<ChairTermResponse> {
    return this.chairs.resign(actor, id, body);
  }

  @Allow('working-group.participate')
  @Post('chair-terms/:id/removal-motions')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose removing a chair (voting members): a chair-removal ballot opens with the group’s rule' })
  proposeRemoval(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ProposeChairRemovalDto): Promise<ChairRemovalMotionResponse> {
    return this.chairs.proposeRemoval(actor, id, body);
  }
}
