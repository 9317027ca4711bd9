import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PARLEY_CONFIG, type ParleyConfig } from '../platform/config/config';
import { Clock } from '../platform/clock/clock';
import { notFound } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { writeCalendar, type IcsEvent } from './ics';
import { meetingById, meetingsOfGroup, type MeetingRow } from './meetings.repository';

/**
 * Calendar invitations (RFC 5545): one meeting, or a group's feed of its meetings. Public, as the
 * meetings are; the online address is not in them (it is for members: the event links to the page).
 */
@Injectable()
export class MeetingCalendar {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupAccess,
    private readonly clock: Clock,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  async ofMeeting(id: string): Promise<string> {
    const m = await meetingById(this.dataSource.manager, id);
    if (!m) throw notFound('meeting');
    return writeCalendar({ name: `${m.title} — ${m.workingGroupName}`, timeZone: m.timeZone, events: [this.event(m)] });
  }

  async ofGroup(workingGroupId: string): Promise<string> {
    const group = await this.groups.settings(this.dataSource.manager, workingGroupId);
    if (!group) throw notFound('working-group');
    const meetings = await meetingsOfGroup(this.dataSource.manager, workingGroupId);
    return writeCalendar({ name: `${group.name} — sessions`, timeZone: meetings[0]?.timeZone ?? 'UTC', events: meetings.map((m) => this.event(m)) });
  }

  private event(m: MeetingRow): IcsEvent {
    const host = new URL(this.config.publicUrl).host;
    const url = `${this.config.publicUrl}/meetings/${m.id}`;
    const online = m.onlineUrl !== null ? 'Online for members: the address is on the session page.' : null;
    return {
      uid: `meeting-${m.id}@${host}`,
      stamp: this.clock.now(),
      start: new Date(m.startsAt),
      end: new Date(m.endsAt),
      summary: m.title,
      location: m.place ?? (m.onlineUrl !== null ? 'Online' : null),
      description: [`Session of ${m.workingGroupName} (times in ${m.timeZone}).`, online, url].filter(Boolean).join('\n'),
      url,
      status: 'CONFIRMED',
    };
  }
}
