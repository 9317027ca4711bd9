import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { objectSilenceRequest, startSilenceRequest, withdrawSilenceRequest, type SilenceList, type SilencePreflightResponse, type SilenceView } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { Actor, CurrentActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { SilenceService } from './silence.service';

class StartSilenceDto extends createZodDto(startSilenceRequest) {}
class ObjectSilenceDto extends createZodDto(objectSilenceRequest) {}
class WithdrawSilenceDto extends createZodDto(withdrawSilenceRequest) {}

@ApiTags('procedures')
@Controller('documents')
export class DocumentSilenceController {
  constructor(private readonly service: SilenceService) {}

  @Public()
  @Get(':id/versions/:n/silence-preflight')
  @ApiOperation({ summary: 'What a chair reads before putting a version under silence: the adoption warnings, the group’s shortest silence and the earliest deadline' })
  preflight(@IdParam() id: string, @VersionParam() n: number): Promise<SilencePreflightResponse> {
    return this.service.preflightOf(id, positiveVersion(n));
  }

  @Allow('silence.start')
  @Post(':id/versions/:n/silence')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Put the current version under silence until a deadline (a chair; each adoption warning acknowledged); adopted then unless a voting member objects' })
  start(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: StartSilenceDto): Promise<SilenceView> {
    return this.service.start(actor, id, positiveVersion(n), body);
  }

  @Public()
  @Get(':id/silence')
  @ApiOperation({ summary: "A document's silence procedures, newest first" })
  ofDocument(@IdParam() id: string): Promise<SilenceList> {
    return this.service.listByDocument(id);
  }
}

@ApiTags('procedures')
@Controller('working-groups')
export class GroupSilenceController {
  constructor(private readonly service: SilenceService) {}

  @Public()
  @Get(':id/silence')
  @ApiOperation({ summary: "A working group's silence procedures, newest first" })
  ofGroup(@IdParam() id: string): Promise<SilenceList> {
    return this.service.listByGroup(id);
  }
}

@ApiTags('procedures')
@Controller('silence')
export class SilenceController {
  constructor(private readonly service: SilenceService) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One silence procedure: its deadline, who may object, the objection that broke it or how it ended' })
  get(@IdParam() id: string): Promise<SilenceView> {
    return this.service.get(id);
  }

  @Allow('silence.object')
  @Post(':id/objections')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Object, with a reason (a voting member): silence is broken, the procedure ends and the text is not adopted' })
  object(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ObjectSilenceDto): Promise<SilenceView> {
    return this.service.object(actor, id, body);
  }

  @Allow('silence.withdraw')
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw a silence procedure before its deadline, with a reason (a chair)' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: WithdrawSilenceDto): Promise<SilenceView> {
    return this.service.withdraw(actor, id, body);
  }
}
