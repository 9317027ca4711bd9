import { Injectable } from '@nestjs/common';
import type { MeetingView, RecordAttendanceRequest } from '@parley/contracts';
import { DraftingStandings } from '../drafting/drafting-standings';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { authorise } from '../platform/http/problem';
import { auditPerson, MeetingActs, needStatus } from './meeting-acts';
import { canActFor, canAttend } from './meetings.policy';

/**
 * Attendance (decision 0043): a member with a current affiliation checks in, or a chair records them
 * present, while the meeting is planned or open. One record per person, with their affiliation then
 * and whether they vote (counts towards the quorum); a second check-in changes nothing.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly acts: MeetingActs,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
  ) {}

  record(actor: Actor, meetingId: string, input: RecordAttendanceRequest): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      const personId = input.personId ?? actor.id;
      authorise(canActFor(t.standing, personId, actor.id));
      needStatus(t.meeting, ['planned', 'open'], 'not closed');
      const attendee = personId === actor.id ? t.standing : await this.standings.of(t.manager, t.meeting.workingGroupId, personId, t.now);
      authorise(canAttend(attendee));
      const [already] = await t.manager.query(`SELECT 1 FROM meeting_attendance WHERE meeting_id = $1 AND person_id = $2`, [meetingId, personId]);
      if (already) return;
      const snapshot = attendee.currentSnapshot!;
      const voting = attendee.membership?.kind === 'member';
      await t.manager.query(
        `INSERT INTO meeting_attendance (meeting_id, person_id, mode, snapshot, voting, checked_in_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [meetingId, personId, input.mode, JSON.stringify(snapshot), voting, t.now, actor.id],
      );
      const who = await this.people.auditActorWith(t.manager, personId, snapshot);
      await t.event('meeting.attendance-recorded', {
        attendee: auditPerson(personId, who.name ?? '', snapshot),
        mode: input.mode,
        voting,
        byChair: personId !== actor.id,
      });
    });
  }
}
