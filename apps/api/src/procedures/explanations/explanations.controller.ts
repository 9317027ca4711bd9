import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { placeExplanationRequest, type ExplanationsResponse } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { Allow } from '../../policy/allow.decorator';
import { ExplanationsService } from './explanations.service';

class PlaceExplanationDto extends createZodDto(placeExplanationRequest) {}

@ApiTags('procedures')
@Controller('documents')
export class ExplanationsController {
  constructor(private readonly service: ExplanationsService) {}

  @Public()
  @Get(':id/versions/:n/explanations')
  @ApiOperation({ summary: "The explanations of position on a version (positions, reservations, disassociations from named paragraphs), before or after its adoption; whether they are taken now and whether you may place one" })
  list(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number): Promise<ExplanationsResponse> {
    return this.service.list(actor, id, positiveVersion(n));
  }

  @Allow('explanation.place')
  @Post(':id/versions/:n/explanations')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Place your delegation's explanation of position on a version under adoption or just adopted (a member or observer delegate, for the organisation of your current affiliation); not a vote" })
  place(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: PlaceExplanationDto): Promise<ExplanationsResponse> {
    return this.service.place(actor, id, positiveVersion(n), body);
  }
}
