import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PersonProfileResponse } from '@parley/contracts';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { Actor, CurrentActor } from './actor';
import { AuthService } from './auth.service';
import { PeopleService } from './people.service';
import { Public } from './public.decorator';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: "A person's public profile: affiliations (current and past) and declarations" })
  profile(@IdParam() id: string): Promise<PersonProfileResponse> {
    return this.people.profile(id);
  }

  @Allow('steward.grant')
  @Post(':id/steward')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Make a person a platform steward (stewards only; audited)' })
  grantSteward(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.auth.grantSteward(actor, id, 'steward');
  }
}
