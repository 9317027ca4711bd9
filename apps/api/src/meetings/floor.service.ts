import { Injectable } from '@nestjs/common';
import type { MeetingView, RequestFloorRequest } from '@parley/contracts';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { authorise, notFound, refuse, validationProblem } from '../platform/http/problem';
import { MeetingActs, needStatus, turnOf, type MeetingTx } from './meeting-acts';
import { canActFor, canActOnRequest, canRunMeeting } from './meetings.policy';
import { agendaOf, floorOf, floorRequest, type FloorRow } from './meetings.repository';

/**
 * The list of speakers (decision 0043): attendees ask for the floor on an item of an open meeting (a
 * chair may add an attendee); the chair gives the floor on the current item only, ending the turn
 * under way first; the speaker (or the chair) ends the turn; a waiting request is withdrawn by its
 * speaker or the chair. Points of order go first (orderFloorQueue, in the reads).
 */
@Injectable()
export class FloorService {
  constructor(
    private readonly acts: MeetingActs,
    private readonly people: PeopleService,
  ) {}

  request(actor: Actor, meetingId: string, input: RequestFloorRequest): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      const personId = input.personId ?? actor.id;
      authorise(canActFor(t.standing, personId, actor.id));
      needStatus(t.meeting, ['open'], 'open');
      if (!(await agendaOf(t.manager, meetingId)).some((i) => i.id === input.itemId)) throw validationProblem('itemId', 'no-such-agenda-item');
      const [attending] = await t.manager.query(`SELECT snapshot FROM meeting_attendance WHERE meeting_id = $1 AND person_id = $2`, [meetingId, personId]);
      if (!attending) throw refuse('floor-attendees-only');
      const waiting = (await floorOf(t.manager, meetingId)).find(
        (f) => f.state === 'waiting' && f.itemId === input.itemId && f.personId === personId && f.kind === input.kind,
      );
      if (waiting) throw refuse('floor-already-requested', { requestId: waiting.id });
      const snapshot = (await this.people.snapshotOf(t.manager, personId, t.now)) ?? attending.snapshot;
      const [row] = (await t.manager.query(
        `INSERT INTO meeting_floor_requests (meeting_id, agenda_item_id, person_id, snapshot, kind, requested_at, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [meetingId, input.itemId, personId, JSON.stringify(snapshot), input.kind, t.now, actor.id],
      )) as { id: string }[];
      const created = (await floorRequest(t.manager, meetingId, row.id))!;
      await t.event('meeting.floor-requested', { ...turnOf(created), byChair: personId !== actor.id });
    });
  }

  withdraw(actor: Actor, meetingId: string, requestId: string): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      const f = await this.requestOf(t, requestId);
      authorise(canActOnRequest(t.standing, f, actor.id));
      if (f.state !== 'waiting') throw refuse('floor-request-state', { state: f.state });
      await t.manager.query(`UPDATE meeting_floor_requests SET state = 'withdrawn', ended_at = $2, ended_by = $3 WHERE id = $1`, [f.id, t.now, actor.id]);
      await t.event('meeting.floor-withdrawn', { ...turnOf(f), byChair: f.personId !== actor.id });
    });
  }

  give(actor: Actor, meetingId: string, requestId: string): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      const f = await this.requestOf(t, requestId);
      authorise(canRunMeeting(t.standing));
      needStatus(t.meeting, ['open'], 'open');
      if (f.state !== 'waiting') throw refuse('floor-request-state', { state: f.state });
      if (t.meeting.currentItemId !== f.itemId) throw refuse('floor-item-not-current', { itemId: f.itemId });
      const speaking = (await floorOf(t.manager, meetingId)).find((s) => s.state === 'speaking');
      if (speaking) await this.acts.endTurn(t, speaking, actor.id);
      await t.manager.query(`UPDATE meeting_floor_requests SET state = 'speaking', given_at = $2, given_by = $3 WHERE id = $1`, [f.id, t.now, actor.id]);
      await t.event('meeting.floor-given', turnOf(f));
    });
  }

  end(actor: Actor, meetingId: string, requestId: string): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      const f = await this.requestOf(t, requestId);
      authorise(canActOnRequest(t.standing, f, actor.id));
      if (f.state !== 'speaking') throw refuse('floor-request-state', { state: f.state });
      await this.acts.endTurn(t, f, actor.id);
    });
  }

  private async requestOf(t: MeetingTx, requestId: string): Promise<FloorRow> {
    const f = await floorRequest(t.manager, t.meeting.id, requestId);
    if (!f) throw notFound('floor-request');
    return f;
  }
}
