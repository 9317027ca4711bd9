import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { issueChairsTextRequest, type ChairsTextSuggestionResponse, type DocumentResponse } from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { ChairsTextService } from './chairs-texts.service';

class IssueChairsTextDto extends createZodDto(issueChairsTextRequest) {}

@ApiTags('negotiation')
@Controller('documents')
export class ChairsTextsController {
  constructor(private readonly chairsTexts: ChairsTextService) {}

  @Allow('version.chairs-text')
  @Post(':id/chairs-texts')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Issue the next version as a chair's text (a chair or rapporteur of the group): the whole text, clauses keeping their id keep their identity; a label, standing and office; the pen holder is on record. 409 `consolidate-first` while accepted amendments or chosen bracket options wait",
  })
  issue(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: IssueChairsTextDto): Promise<DocumentResponse> {
    return this.chairsTexts.issue(actor, id, body);
  }

  @Public()
  @Get(':id/chairs-texts/suggestion')
  @ApiOperation({ summary: "The label suggested for the next chair's text (\"Zero draft\", then \"Rev.1\"…), the version it would follow and the accepted amendments waiting" })
  suggestion(@IdParam() id: string): Promise<ChairsTextSuggestionResponse> {
    return this.chairsTexts.suggestion(id);
  }
}
