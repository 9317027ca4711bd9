import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  affiliationDecisionRequest,
  affiliationRequestsQuery,
  appointFocalPointRequest,
  endFocalPointRequest,
  type AffiliationRequestResponse,
  type AffiliationResponse,
  type FocalPointResponse,
  type MyFocalPointsResponse,
  type OrganisationRosterResponse,
} from '@parley/contracts';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { Actor, CurrentActor, OptionalActor } from './actor';
import { AffiliationConfirmationService } from './affiliation-confirmation.service';
import { FocalPointService } from './focal-point.service';
import { Public } from './public.decorator';

class AffiliationDecisionDto extends createZodDto(affiliationDecisionRequest) {}
class AppointFocalPointDto extends createZodDto(appointFocalPointRequest) {}
class EndFocalPointDto extends createZodDto(endFocalPointRequest) {}
class AffiliationRequestsQueryDto extends createZodDto(affiliationRequestsQuery) {}

/** Who answers for an organisation (focal points) and their decisions on declared affiliations. */
@ApiTags('affiliation confirmation')
@Controller()
export class FocalPointsController {
  constructor(
    private readonly focalPoints: FocalPointService,
    private readonly confirmations: AffiliationConfirmationService,
  ) {}

  @Public()
  @Get('organisations/:id/roster')
  @ApiOperation({ summary: 'An organisation’s focal points and the people it confirmed, with what the viewer may do' })
  roster(@OptionalActor() viewer: Actor | null, @IdParam() id: string): Promise<OrganisationRosterResponse> {
    return this.focalPoints.roster(id, viewer);
  }

  @Allow('focal-point.appoint')
  @Post('organisations/:id/focal-points')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Appoint a focal point (a steward the first, with a reason; then its focal points); confirms the appointee’s affiliation' })
  appoint(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AppointFocalPointDto): Promise<FocalPointResponse> {
    return this.focalPoints.appoint(actor, id, body);
  }

  @Allow('focal-point.end')
  @Post('organisations/:id/focal-points/:focalPointId/end')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End a focal point’s appointment (a focal point of the organisation, or a steward; a reason unless ending one’s own)' })
  end(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('focalPointId') focalPointId: string, @Body() body: EndFocalPointDto): Promise<FocalPointResponse> {
    return this.focalPoints.end(actor, id, focalPointId, body);
  }

  @Allow('affiliation.decide')
  @Post('affiliations/:id/decision')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Confirm, refuse (reason) or end the confirmation of (reason) a declared affiliation: a focal point of its organisation, or a steward with a reason' })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AffiliationDecisionDto): Promise<AffiliationResponse> {
    return this.confirmations.decide(actor, id, body);
  }

  @Allow('affiliation.decide')
  @Get('affiliation-requests')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Affiliations awaiting confirmation by the organisations the viewer answers for (a steward: all)' })
  queue(@CurrentActor() actor: Actor, @Query() query: AffiliationRequestsQueryDto): Promise<AffiliationRequestResponse[]> {
    return this.confirmations.queue(actor, query.organisation);
  }

  @Allow('session.use')
  @Get('me/focal-points')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The organisations the signed-in person answers for as a focal point' })
  mine(@CurrentActor() actor: Actor): Promise<MyFocalPointsResponse> {
    return this.focalPoints.mine(actor);
  }
}
