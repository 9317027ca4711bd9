import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { WorkingGroupsCoreModule } from '../working-groups/working-groups-core.module';
import { MentionCandidatesService } from './mention-candidates.service';
import { MentionsController } from './mentions.controller';

/** @mentions (issue #20): finding the members a comment may mention. Recording them is the comment's write path (drafting/comment-mentions.ts). */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule],
  controllers: [MentionsController],
  providers: [MentionCandidatesService],
})
export class MentionsModule {}
