import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { createOrganisationRequest, organisationListQuery, OrganisationResponse, Page } from '@parley/contracts';
import { Actor, CurrentActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { OrganisationService } from './organisation.service';

class CreateOrganisationDto extends createZodDto(createOrganisationRequest) {}
class OrganisationListQueryDto extends createZodDto(organisationListQuery) {}

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Search the directory by name, stakeholder group, sub-type, country, verification' })
  list(@Query() query: OrganisationListQueryDto): Promise<Page<OrganisationResponse>> {
    return this.organisations.list(query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One organisation' })
  get(@IdParam() id: string): Promise<OrganisationResponse> {
    return this.organisations.get(id);
  }

  @Allow('organisation.create')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add an organisation to the directory (unverified until a steward verifies it)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.organisations.create(actor, body);
  }

  @Allow('organisation.verify')
  @Post(':id/verify')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Verify an organisation (stewards only; audited)' })
  verify(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OrganisationResponse> {
    return this.organisations.verify(actor, id);
  }
}
