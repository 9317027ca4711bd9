import { Body, Controller, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AffiliationResponse, DeclarationResponse } from '@parley/contracts';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { Actor, CurrentActor } from './actor';
import { AffiliationService } from './affiliation.service';
import { DeclarationService } from './declaration.service';
import { AddAffiliationDto, AddDeclarationDto, UpdateAffiliationDto } from './dto/identity.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly affiliations: AffiliationService,
    private readonly declarations: DeclarationService,
  ) {}

  @Allow('affiliation.manage-own')
  @Post('affiliations')
  @ApiOperation({ summary: 'Declare an affiliation (an independent expert must declare funding)' })
  addAffiliation(@CurrentActor() actor: Actor, @Body() body: AddAffiliationDto): Promise<AffiliationResponse> {
    return this.affiliations.add(actor, body);
  }

  @Allow('affiliation.manage-own')
  @Patch('affiliations/:id')
  @ApiOperation({ summary: 'End an affiliation or make it primary; nothing else can change' })
  updateAffiliation(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateAffiliationDto): Promise<AffiliationResponse> {
    return this.affiliations.update(actor, id, body);
  }

  @Allow('declaration.manage-own')
  @Post('declarations')
  @ApiOperation({ summary: 'Record a declaration of interest (public)' })
  addDeclaration(@CurrentActor() actor: Actor, @Body() body: AddDeclarationDto): Promise<DeclarationResponse> {
    return this.declarations.add(actor, body);
  }
}
