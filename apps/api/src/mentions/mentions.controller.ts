import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { mentionCandidatesQuery } from '@parley/contracts';
import { Actor, CurrentActor } from '../identity/actor';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { MentionCandidatesService } from './mention-candidates.service';

class MentionCandidatesQueryDto extends createZodDto(mentionCandidatesQuery) {}

@ApiTags('notifications')
@Controller('working-groups')
export class MentionsController {
  constructor(private readonly service: MentionCandidatesService) {}

  @Allow('mention.candidates')
  @Get(':id/mention-candidates')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Members of the group whose name starts a word with `q` (case and accents ignored), at most 10, with their affiliation now: whom a comment may mention (members, chairs and stewards ask)',
  })
  candidates(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() q: MentionCandidatesQueryDto): ReturnType<MentionCandidatesService['search']> {
    return this.service.search(actor, id, q.q);
  }
}
