import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { openBracketRequest, proposeOptionRequest, removeBracketRequest, versionQuery, type BracketListResponse, type BracketView } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { BracketReads } from './bracket-reads.service';
import { BracketsService } from './brackets.service';

class VersionQueryDto extends createZodDto(versionQuery) {}
class OpenBracketDto extends createZodDto(openBracketRequest) {}
class ProposeOptionDto extends createZodDto(proposeOptionRequest) {}
class RemoveBracketDto extends createZodDto(removeBracketRequest) {}

@ApiTags('negotiation')
@Controller('documents')
export class DocumentBracketsController {
  constructor(
    private readonly reads: BracketReads,
    private readonly brackets: BracketsService,
  ) {}

  @Public()
  @Get(':id/brackets')
  @ApiOperation({
    summary: 'Every bracket of a document with its options, located in the current version (or `version`): start/end null when the passage is no longer there',
  })
  list(@OptionalActor() actor: Actor | null, @IdParam() id: string, @Query() q: VersionQueryDto): Promise<BracketListResponse> {
    return this.reads.list(actor, id, q.version);
  }

  @Allow('bracket.open')
  @Post(':id/brackets')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bracket a passage of a clause of the current version, with a reason and optional options (members and chairs)' })
  open(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: OpenBracketDto): Promise<BracketView> {
    return this.brackets.open(actor, id, body);
  }
}

@ApiTags('negotiation')
@Controller('brackets')
export class BracketsController {
  constructor(
    private readonly reads: BracketReads,
    private readonly brackets: BracketsService,
  ) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One bracket with its options, located in the current version' })
  get(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<BracketView> {
    return this.reads.one(actor, id);
  }

  @Allow('bracket.propose-option')
  @Post(':id/options')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose an alternative wording for an open bracket (members and chairs)' })
  proposeOption(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ProposeOptionDto): Promise<BracketView> {
    return this.brackets.proposeOption(actor, id, body);
  }

  @Allow('bracket.remove')
  @Post(':id/removal')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove a bracket, once, with a reason: choose one of its options or agree the text as it reads (a chair or rapporteur)' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RemoveBracketDto): Promise<BracketView> {
    return this.brackets.remove(actor, id, body);
  }
}
