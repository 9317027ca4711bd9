import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  changeProcedureRulesRequest,
  raiseObjectionRequest,
  withdrawObjectionRequest,
  type CirculatedRequestView,
  type CirculationListResponse,
  type ProcedureRulesResponse,
} from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { AccreditationService } from './accreditation.service';

class RaiseObjectionDto extends createZodDto(raiseObjectionRequest) {}
class WithdrawObjectionDto extends createZodDto(withdrawObjectionRequest) {}
class ChangeProcedureRulesDto extends createZodDto(changeProcedureRulesRequest) {}

@ApiTags('working-groups')
@Controller('working-groups')
export class AccreditationController {
  constructor(private readonly service: AccreditationService) {}

  @Public()
  @Get(':id/circulations')
  @ApiOperation({ summary: 'Join requests circulated under non-objection, newest first, each with its signed objections and the chair’s decision and reason (public)' })
  circulations(@IdParam() id: string, @OptionalActor() viewer: Actor | null): Promise<CirculationListResponse> {
    return this.service.circulations(id, viewer);
  }

  @Allow('working-group.participate')
  @Post(':id/join-requests/:requestId/objections')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Object to a circulated join request, signed and reasoned (a voting member or chair, during the circulation); public' })
  raise(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('requestId') requestId: string, @Body() body: RaiseObjectionDto): Promise<CirculatedRequestView> {
    return this.service.raise(actor, id, requestId, body);
  }

  @Allow('working-group.participate')
  @Post(':id/join-requests/:requestId/objections/:objectionId/withdrawal')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw your own objection while the request is pending (kept on the record as withdrawn)' })
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('requestId') requestId: string,
    @IdParam('objectionId') objectionId: string,
    @Body() body: WithdrawObjectionDto,
  ): Promise<CirculatedRequestView> {
    return this.service.withdraw(actor, id, requestId, objectionId, body);
  }

  @Allow('working-group.participate')
  @Patch(':id/procedure-rules')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the join policy and any of the rules of procedure (a chair, or the convener while no chair is confirmed); audited with before and after' })
  changeRules(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ChangeProcedureRulesDto): Promise<ProcedureRulesResponse> {
    return this.service.changeRules(actor, id, body);
  }
}
