import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { chairsTwoFactorRequest, type ChairsTwoFactorResponse } from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { ChairsTwoFactorService } from './chairs-two-factor.service';

class ChairsTwoFactorDto extends createZodDto(chairsTwoFactorRequest) {}

@ApiTags('working-groups')
@ApiBearerAuth()
@Controller('working-groups')
export class ChairsTwoFactorController {
  constructor(private readonly service: ChairsTwoFactorService) {}

  @Allow('working-group.chairs-two-factor')
  @Put(':id/chairs-two-factor')
  @ApiOperation({ summary: 'Whether the group’s chairs must use two-factor authentication (a chair or a steward; audited)' })
  set(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ChairsTwoFactorDto): Promise<ChairsTwoFactorResponse> {
    return this.service.set(actor, id, body.required);
  }
}
