import { Module } from '@nestjs/common';

/** The report of a meeting (issue #21, decision 0043): drafted from the record as a document of the group. */
@Module({})
export class MeetingReportsModule {}
