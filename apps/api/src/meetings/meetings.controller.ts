import { Body, Controller, Get, HttpCode, Post, Put, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  changeMeetingRequest,
  recordAttendanceRequest,
  requestFloorRequest,
  scheduleMeetingRequest,
  setAgendaRequest,
  takeUpItemRequest,
  type MeetingList,
  type MeetingView,
} from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { AttendanceService } from './attendance.service';
import { MeetingCalendar } from './calendar';
import { FloorService } from './floor.service';
import { MeetingReads } from './meeting.reads';
import { MeetingService } from './meeting.service';

class ScheduleMeetingDto extends createZodDto(scheduleMeetingRequest) {}
class ChangeMeetingDto extends createZodDto(changeMeetingRequest) {}
class SetAgendaDto extends createZodDto(setAgendaRequest) {}
class TakeUpItemDto extends createZodDto(takeUpItemRequest) {}
class RecordAttendanceDto extends createZodDto(recordAttendanceRequest) {}
class RequestFloorDto extends createZodDto(requestFloorRequest) {}

const CALENDAR = 'text/calendar; charset=utf-8';

@ApiTags('meetings')
@Controller('working-groups')
export class GroupMeetingsController {
  constructor(
    private readonly reads: MeetingReads,
    private readonly meetings: MeetingService,
    private readonly calendar: MeetingCalendar,
  ) {}

  @Public()
  @Get(':id/meetings')
  @ApiOperation({ summary: "A working group's sessions, latest first" })
  list(@IdParam() id: string): Promise<MeetingList> {
    return this.reads.listOfGroup(id);
  }

  @Allow('meeting.run')
  @Post(':id/meetings')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Schedule a session with its agenda (a chair or rapporteur): when, in which time zone, where or online; every link must be the group’s',
  })
  schedule(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ScheduleMeetingDto): Promise<MeetingView> {
    return this.meetings.schedule(actor, id, body);
  }

  @Public()
  @Get(':id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: "The group's sessions as a calendar feed (iCalendar, RFC 5545)" })
  async feed(@IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.ofGroup(id);
    res.setHeader('Content-Type', CALENDAR);
    return body;
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly reads: MeetingReads,
    private readonly meetings: MeetingService,
    private readonly attendance: AttendanceService,
    private readonly floor: FloorService,
    private readonly calendar: MeetingCalendar,
  ) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A session: agenda, attendance and quorum, who holds the floor and the queue, speaking time by stakeholder group and organisation' })
  get(@OptionalActor() viewer: Actor | null, @IdParam() id: string): Promise<MeetingView> {
    return this.reads.view(id, viewer?.id ?? null);
  }

  @Public()
  @Get(':id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'A calendar invitation for the session (iCalendar, RFC 5545)' })
  async ics(@IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.ofMeeting(id);
    res.setHeader('Content-Type', CALENDAR);
    res.setHeader('Content-Disposition', `attachment; filename="session-${id}.ics"`);
    return body;
  }

  @Allow('meeting.run')
  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change when, where or the turn limit of a session not closed (a chair or rapporteur)' })
  change(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ChangeMeetingDto): Promise<MeetingView> {
    return this.meetings.change(actor, id, body);
  }

  @Allow('meeting.run')
  @Put(':id/agenda')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Set the whole agenda in order (a chair or rapporteur): items keep their ids; items with speakers, or under discussion, stay' })
  setAgenda(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SetAgendaDto): Promise<MeetingView> {
    return this.meetings.setAgenda(actor, id, body);
  }

  @Allow('meeting.run')
  @Post(':id/open')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open a planned session (a chair or rapporteur)' })
  open(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MeetingView> {
    return this.meetings.open(actor, id);
  }

  @Allow('meeting.run')
  @Post(':id/close')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Close an open session (a chair or rapporteur): the turn under way ends, waiting requests are withdrawn' })
  close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MeetingView> {
    return this.meetings.close(actor, id);
  }

  @Allow('meeting.run')
  @Post(':id/current-item')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take up an agenda item: the session now discusses it (a chair or rapporteur)' })
  takeUp(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: TakeUpItemDto): Promise<MeetingView> {
    return this.meetings.takeUpItem(actor, id, body);
  }

  @Allow('meeting.attend')
  @Post(':id/attendance')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Check in (a member), or record a member present (a chair or rapporteur); once per person, with their affiliation then' })
  attend(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecordAttendanceDto): Promise<MeetingView> {
    return this.attendance.record(actor, id, body);
  }

  @Allow('meeting.floor')
  @Post(':id/floor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Ask for the floor on an agenda item (an attendee), or add an attendee to the list (a chair or rapporteur); points of order go first',
  })
  requestFloor(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RequestFloorDto): Promise<MeetingView> {
    return this.floor.request(actor, id, body);
  }

  @Allow('meeting.floor')
  @Post(':id/floor/:requestId/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw a waiting request for the floor (its speaker, or a chair or rapporteur)' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('requestId') requestId: string): Promise<MeetingView> {
    return this.floor.withdraw(actor, id, requestId);
  }

  @Allow('meeting.run')
  @Post(':id/floor/:requestId/give')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Give the floor on the current item (a chair or rapporteur); the turn under way ends first' })
  give(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('requestId') requestId: string): Promise<MeetingView> {
    return this.floor.give(actor, id, requestId);
  }

  @Allow('meeting.floor')
  @Post(':id/floor/:requestId/end')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End a turn at the floor (the speaker, or a chair or rapporteur): its seconds go on the record' })
  end(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('requestId') requestId: string): Promise<MeetingView> {
    return this.floor.end(actor, id, requestId);
  }
}
