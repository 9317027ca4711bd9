import { Module } from '@nestjs/common';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { MeetingReportController } from './meeting-report.controller';
import { MeetingReportService } from './meeting-report.service';

/** The report of a meeting (issue #21, decision 0043): drafted from the record as a document of the group. */
@Module({
  imports: [IdentityModule, DraftingModule],
  controllers: [MeetingReportController],
  providers: [MeetingReportService],
  exports: [MeetingReportService],
})
export class MeetingReportsModule {}
