import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { declineDivisionRequest, putDivisionRequest, requestDivisionRequest, type DivisionList } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { DivisionService } from './division.service';

class RequestDivisionDto extends createZodDto(requestDivisionRequest) {}
class PutDivisionDto extends createZodDto(putDivisionRequest) {}
class DeclineDivisionDto extends createZodDto(declineDivisionRequest) {}

@ApiTags('procedures')
@Controller()
export class DivisionController {
  constructor(private readonly service: DivisionService) {}

  @Public()
  @Get('documents/:id/divisions')
  @ApiOperation({ summary: "A document's requests for a separate vote (division of the question): who asked, why, what the chair did, and each separate vote's result" })
  list(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<DivisionList> {
    return this.service.list(actor, id);
  }

  @Allow('division.request')
  @Post('documents/:id/divisions')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ask for a separate vote on clauses of the current version before the vote on the whole, with a reason (a voting member)' })
  request(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RequestDivisionDto): Promise<DivisionList> {
    return this.service.request(actor, id, body);
  }

  @Allow('division.decide')
  @Post('divisions/:divisionId/ballot')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Put a request for a separate vote to a ballot ("retain these paragraphs?"; a chair)' })
  ballot(@CurrentActor() actor: Actor, @IdParam('divisionId') divisionId: string, @Body() body: PutDivisionDto): Promise<DivisionList> {
    return this.service.putToBallot(actor, divisionId, body);
  }

  @Allow('division.decide')
  @Post('divisions/:divisionId/decline')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Decline a request for a separate vote, with a reason (a chair)' })
  decline(@CurrentActor() actor: Actor, @IdParam('divisionId') divisionId: string, @Body() body: DeclineDivisionDto): Promise<DivisionList> {
    return this.service.decline(actor, divisionId, body);
  }
}
