import { Module } from '@nestjs/common';

/** Meetings (issue #21, decision 0043): sessions, agenda, attendance, the list of speakers, calendars. */
@Module({})
export class MeetingsModule {}
