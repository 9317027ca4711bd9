import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { agreeAdRefRequest, endAdRefRequest, setClauseStatusRequest, type ClauseStatusHistory } from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { ClauseStatusService } from './clause-status.service';

class SetClauseStatusDto extends createZodDto(setClauseStatusRequest) {}
class AgreeAdRefDto extends createZodDto(agreeAdRefRequest) {}
class EndAdRefDto extends createZodDto(endAdRefRequest) {}

@ApiTags('negotiation')
@Controller('documents')
export class ClauseStatusController {
  constructor(private readonly service: ClauseStatusService) {}

  @Public()
  @Get(':id/clauses/:clauseId/status')
  @ApiOperation({ summary: "A clause's negotiating status (provisional until adoption), its status history, newest first, and every ad ref given on it" })
  history(@IdParam() id: string, @IdParam('clauseId') clauseId: string): Promise<ClauseStatusHistory> {
    return this.service.history(id, clauseId);
  }

  @Allow('clause.set-status')
  @Post(':id/clauses/:clauseId/status')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Move a clause's status (not read, under negotiation, informal group, agreed) with a note (a chair or rapporteur); every move is kept" })
  setStatus(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('clauseId') clauseId: string, @Body() body: SetClauseStatusDto): Promise<ClauseStatusHistory> {
    return this.service.setStatus(actor, id, clauseId, body);
  }

  @Allow('clause.ad-ref')
  @Post(':id/clauses/:clauseId/ad-ref')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Agree a clause ad referendum for your delegation (the organisation of your current affiliation) until a day (a member delegate)' })
  agree(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('clauseId') clauseId: string, @Body() body: AgreeAdRefDto): Promise<ClauseStatusHistory> {
    return this.service.agreeAdRef(actor, id, clauseId, body);
  }

  @Allow('clause.ad-ref')
  @Post(':id/clauses/:clauseId/ad-ref/:adRefId/lift')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Lift your delegation's ad ref: the capital confirmed (a delegate of the same organisation)" })
  lift(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('clauseId') clauseId: string, @IdParam('adRefId') adRefId: string, @Body() body: EndAdRefDto): Promise<ClauseStatusHistory> {
    return this.service.endAdRef(actor, id, clauseId, adRefId, 'lifted', body);
  }

  @Allow('clause.ad-ref')
  @Post(':id/clauses/:clauseId/ad-ref/:adRefId/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Withdraw your delegation's ad ref (a delegate of the same organisation)" })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('clauseId') clauseId: string, @IdParam('adRefId') adRefId: string, @Body() body: EndAdRefDto): Promise<ClauseStatusHistory> {
    return this.service.endAdRef(actor, id, clauseId, adRefId, 'withdrawn', body);
  }
}
