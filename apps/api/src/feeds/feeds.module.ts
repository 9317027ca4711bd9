import { Module } from '@nestjs/common';
import { DraftingModule } from '../drafting/drafting.module';
import { WorkingGroupsCoreModule } from '../working-groups/working-groups-core.module';
import { FeedsController } from './feeds.controller';
import { FeedsService } from './feeds.service';

/** Atom feeds of a group's public acts and a document's versions (issue #20). */
@Module({
  imports: [WorkingGroupsCoreModule, DraftingModule],
  controllers: [FeedsController],
  providers: [FeedsService],
})
export class FeedsModule {}
