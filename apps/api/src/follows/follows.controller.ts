import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { followTarget } from '@parley/contracts';
import { FOLLOW_TARGETS, type FollowTarget } from '@parley/domain';
import { Actor, CurrentActor } from '../identity/actor';
import { IdParam } from '../platform/http/id-param';
import { validationProblem } from '../platform/http/problem';
import { Allow } from '../policy/allow.decorator';
import { FollowsService } from './follows.service';

/** The `:type` of a follow route: working-group, document or clause; anything else is a 400 naming it. */
const TypeParam = () =>
  Param('type', {
    transform: (v: unknown): FollowTarget => {
      const parsed = followTarget.safeParse(v);
      if (!parsed.success) throw validationProblem('type', 'invalid-option', { options: FOLLOW_TARGETS.join(', ') });
      return parsed.data;
    },
  });

@ApiTags('notifications')
@Controller('me/follows')
export class FollowsController {
  constructor(private readonly service: FollowsService) {}

  @Allow('follow.manage-own')
  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'What I follow: working groups, documents and clauses, newest first' })
  list(@CurrentActor() actor: Actor): ReturnType<FollowsService['list']> {
    return this.service.list(actor);
  }

  @Allow('follow.manage-own')
  @Put(':type/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Follow a working group, a document or a clause I can open (idempotent; 404 for what I cannot open)' })
  follow(@CurrentActor() actor: Actor, @TypeParam() type: FollowTarget, @IdParam() id: string): Promise<void> {
    return this.service.follow(actor, type, id);
  }

  @Allow('follow.manage-own')
  @Delete(':type/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Stop following (204 also when I did not follow it)' })
  unfollow(@CurrentActor() actor: Actor, @TypeParam() type: FollowTarget, @IdParam() id: string): Promise<void> {
    return this.service.unfollow(actor, type, id);
  }
}
