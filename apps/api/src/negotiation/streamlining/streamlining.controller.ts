import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { streamlineOptionsRequest, type BracketView } from '@parley/contracts';
import { recommendationRequest, recommendationsBallotRequest, streamlineRequest, type AmendmentResponse, type RecommendationsBallotResponse } from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { StreamliningService } from './streamlining.service';

class StreamlineDto extends createZodDto(streamlineRequest) {}
class StreamlineOptionsDto extends createZodDto(streamlineOptionsRequest) {}
class RecommendationDto extends createZodDto(recommendationRequest) {}
class RecommendationsBallotDto extends createZodDto(recommendationsBallotRequest) {}

@ApiTags('negotiation')
@Controller('documents')
export class StreamliningDocumentsController {
  constructor(private readonly service: StreamliningService) {}

  @Allow('amendment.streamline')
  @Post(':id/streamlined-proposals')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Merge two or more proposed amendments at one place into one streamlined proposal (a chair or rapporteur); the sources become `merged`' })
  streamline(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: StreamlineDto): Promise<AmendmentResponse> {
    return this.service.streamline(actor, id, body);
  }

  @Allow('recommendations.ballot')
  @Post(':id/recommendations-ballot')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open one ballot adopting the chair’s recommendations on a set of proposed amendments (a chair)' })
  recommendationsBallot(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecommendationsBallotDto): Promise<RecommendationsBallotResponse> {
    return this.service.openBallot(actor, id, body);
  }
}

@ApiTags('negotiation')
@Controller('amendments')
export class StreamliningAmendmentsController {
  constructor(private readonly service: StreamliningService) {}

  @Allow('amendment.recommend')
  @Post(':id/recommendation')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record the chair’s recommendation on a proposed amendment (accept, reject, accept-as-modified, merged-into), with reasons; earlier ones stay on record' })
  recommend(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecommendationDto): Promise<AmendmentResponse> {
    return this.service.recommend(actor, id, body);
  }
}

@ApiTags('negotiation')
@Controller('brackets')
export class StreamliningBracketsController {
  constructor(private readonly service: StreamliningService) {}

  @Allow('bracket.streamline-options')
  @Post(':id/streamlined-options')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Merge two or more options of an open bracket into one new option with a rationale (a chair or rapporteur); the sources stay, each merged into it' })
  streamlineOptions(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: StreamlineOptionsDto): Promise<BracketView> {
    return this.service.streamlineOptions(actor, id, body);
  }
}
