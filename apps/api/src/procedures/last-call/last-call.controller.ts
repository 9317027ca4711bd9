import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { openLastCallRequest, type LastCallView } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { VersionParam } from '../../drafting/version-param';
import { LastCallService } from './last-call.service';

class OpenLastCallDto extends createZodDto(openLastCallRequest) {}

@ApiTags('procedures')
@Controller('documents')
export class LastCallController {
  constructor(private readonly service: LastCallService) {}

  @Public()
  @Get(':id/versions/:n/last-call')
  @ApiOperation({ summary: "A version's last call: its window, the comments raised during it with their dispositions (counted by kind and disposition), and what the adoption would be warned of" })
  get(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number): Promise<LastCallView> {
    return this.service.get(actor, id, n);
  }

  @Allow('last-call.open')
  @Post(':id/versions/:n/last-call')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open the last call of the current version: a fixed window of at least the group’s lastCallDays (or one day) before the decision (a chair)' })
  open(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: OpenLastCallDto): Promise<LastCallView> {
    return this.service.open(actor, id, n, body);
  }
}
