import { Module } from '@nestjs/common';
import { DraftingModule } from '../drafting/drafting.module';
import { IdentityModule } from '../identity/identity.module';
import { WorkingGroupsCoreModule } from '../working-groups/working-groups-core.module';
import { AttendanceService } from './attendance.service';
import { MeetingCalendar } from './calendar';
import { FloorService } from './floor.service';
import { MeetingActs } from './meeting-acts';
import { MeetingReads } from './meeting.reads';
import { MeetingService } from './meeting.service';
import { GroupMeetingsController, MeetingsController } from './meetings.controller';

/** Meetings (issue #21, decision 0043): sessions, agenda, attendance, the list of speakers, calendars. */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule, DraftingModule],
  controllers: [GroupMeetingsController, MeetingsController],
  providers: [MeetingReads, MeetingActs, MeetingService, AttendanceService, FloorService, MeetingCalendar],
  exports: [MeetingReads, MeetingService, AttendanceService, FloorService],
})
export class MeetingsModule {}
