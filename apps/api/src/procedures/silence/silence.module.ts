import { Module } from '@nestjs/common';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { WorkingGroupsCoreModule } from '../../working-groups/working-groups-core.module';
import { DocumentSilenceController, GroupSilenceController, SilenceController } from './silence.controller';
import { SilenceScheduler } from './silence-scheduler';
import { SilenceService } from './silence.service';

/** The silence procedure (issue #19, decision 0036): adoption by no objection by a deadline, its scheduler. */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule, DraftingModule],
  controllers: [DocumentSilenceController, GroupSilenceController, SilenceController],
  providers: [SilenceService, SilenceScheduler],
  exports: [SilenceService, SilenceScheduler],
})
export class SilenceModule {}
