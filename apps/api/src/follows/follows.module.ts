import { Module } from '@nestjs/common';
import { DraftingModule } from '../drafting/drafting.module';
import { WorkingGroupsCoreModule } from '../working-groups/working-groups-core.module';
import { FollowTargets } from './follow-targets';
import { FollowsController } from './follows.controller';
import { FollowsRepository } from './follows.repository';
import { FollowsService } from './follows.service';

/** Follows (issue #20): what each person follows. The notifications context reads the table for `followed-activity`. */
@Module({
  imports: [WorkingGroupsCoreModule, DraftingModule],
  controllers: [FollowsController],
  providers: [FollowsRepository, FollowTargets, FollowsService],
  exports: [FollowsService],
})
export class FollowsModule {}
