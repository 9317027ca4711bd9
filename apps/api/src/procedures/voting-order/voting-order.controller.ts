import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { setVotingOrderRequest, type AmendmentVotingPlace, type VotingOrderView } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { VotingOrderService } from './voting-order.service';

class SetVotingOrderDto extends createZodDto(setVotingOrderRequest) {}

@ApiTags('procedures')
@Controller()
export class VotingOrderController {
  constructor(private readonly service: VotingOrderService) {}

  @Public()
  @Get('documents/:id/clauses/:clauseId/voting-order')
  @ApiOperation({ summary: "The order of voting on a clause's competing amendments (first voted first), its reason, and the undecided competitors" })
  get(@OptionalActor() actor: Actor | null, @IdParam() id: string, @IdParam('clauseId') clauseId: string): Promise<VotingOrderView> {
    return this.service.get(actor, id, clauseId);
  }

  @Allow('voting-order.set')
  @Post('documents/:id/clauses/:clauseId/voting-order')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Set the order of voting on a clause's undecided competing amendments, with a reason (a chair); the earlier order stays on record" })
  set(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('clauseId') clauseId: string, @Body() body: SetVotingOrderDto): Promise<VotingOrderView> {
    return this.service.set(actor, id, clauseId, body);
  }

  @Public()
  @Get('amendments/:id/voting-place')
  @ApiOperation({ summary: "Where an amendment is voted in its clause's order of voting (\"2nd of 3 on OP4\"), if an order names it" })
  place(@IdParam() id: string): Promise<AmendmentVotingPlace> {
    return this.service.place(id);
  }
}
