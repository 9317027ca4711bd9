import { Injectable } from '@nestjs/common';
import { workingGroupScope } from '@parley/domain';
import type { ChangeMeetingRequest, MeetingView, ScheduleMeetingRequest, SetAgendaRequest, TakeUpItemRequest } from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import { DraftingStandings } from '../drafting/drafting-standings';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { authorise, refuse, validationProblem } from '../platform/http/problem';
import { checkAgendaLinks, writeAgendaItem } from './agenda';
import { auditAgendaItem, auditDetails, MeetingActs, needStatus, turnOf } from './meeting-acts';
import { MeetingReads } from './meeting.reads';
import { canRunMeeting } from './meetings.policy';
import { agendaOf, attendanceOf, floorOf } from './meetings.repository';

const NOT_CLOSED = 'not closed';

/**
 * A meeting's life (decision 0043), each act by a chair or rapporteur of the group in one audited
 * transaction on the locked meeting: schedule (with its agenda), change the details, set the agenda,
 * open, take up an item, close (ending the turn under way and withdrawing the waiting requests).
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly tx: AuditedTransaction,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly acts: MeetingActs,
    private readonly reads: MeetingReads,
  ) {}

  async schedule(actor: Actor, workingGroupId: string, input: ScheduleMeetingRequest): Promise<MeetingView> {
    const id = await this.tx.run(async (tx) => {
      const standing = await this.standings.of(tx.manager, workingGroupId, actor.id, tx.now);
      authorise(canRunMeeting(standing));
      await checkAgendaLinks(tx.manager, workingGroupId, input.agenda, 'agenda');
      const snapshot = standing.currentSnapshot!;
      const [row] = (await tx.manager.query(
        `INSERT INTO meetings (working_group_id, title, starts_at, ends_at, time_zone, place, online_url, turn_limit_seconds, created_by, created_snapshot, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          workingGroupId,
          input.title.trim(),
          new Date(input.startsAt),
          new Date(input.endsAt),
          input.timeZone,
          input.place?.trim() || null,
          input.onlineUrl ?? null,
          input.turnLimitSeconds ?? null,
          actor.id,
          JSON.stringify(snapshot),
          tx.now,
        ],
      )) as { id: string }[];
      const items = [];
      for (const [i, item] of input.agenda.entries()) items.push(await writeAgendaItem(tx.manager, row.id, i + 1, { ...item, id: undefined }));
      await tx.record({
        scope: workingGroupScope(workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'meeting.scheduled',
        subjectType: 'meeting',
        subjectId: row.id,
        change: {
          ...auditDetails({
            ...input,
            place: input.place?.trim() || null,
            onlineUrl: input.onlineUrl ?? null,
            turnLimitSeconds: input.turnLimitSeconds ?? null,
            startsAt: new Date(input.startsAt),
            endsAt: new Date(input.endsAt),
          }),
          title: input.title.trim(),
          agenda: items.map(auditAgendaItem),
        },
      });
      return row.id;
    });
    return this.reads.view(id, actor.id);
  }

  change(actor: Actor, meetingId: string, input: ChangeMeetingRequest): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      authorise(canRunMeeting(t.standing));
      needStatus(t.meeting, ['planned', 'open'], NOT_CLOSED);
      const m = t.meeting;
      const next = {
        title: input.title?.trim() ?? m.title,
        startsAt: input.startsAt ? new Date(input.startsAt) : new Date(m.startsAt),
        endsAt: input.endsAt ? new Date(input.endsAt) : new Date(m.endsAt),
        timeZone: input.timeZone ?? m.timeZone,
        place: input.place === undefined ? m.place : input.place?.trim() || null,
        onlineUrl: input.onlineUrl === undefined ? m.onlineUrl : input.onlineUrl,
        turnLimitSeconds: input.turnLimitSeconds === undefined ? m.turnLimitSeconds : input.turnLimitSeconds,
      };
      if (next.endsAt.getTime() <= next.startsAt.getTime()) throw validationProblem('endsAt', 'end-after-start');
      if (next.place === null && next.onlineUrl === null) throw validationProblem('place', 'place-or-online');
      const before = auditDetails(m);
      const after = auditDetails(next);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
      if (m.onlineUrl !== next.onlineUrl && !changed.includes('online')) changed.push('online');
      if (changed.length === 0) return;
      await t.manager.query(
        `UPDATE meetings SET title = $2, starts_at = $3, ends_at = $4, time_zone = $5, place = $6, online_url = $7, turn_limit_seconds = $8 WHERE id = $1`,
        [m.id, next.title, next.startsAt, next.endsAt, next.timeZone, next.place, next.onlineUrl, next.turnLimitSeconds],
      );
      await t.event('meeting.details-changed', { ...after, changed });
    });
  }

  setAgenda(actor: Actor, meetingId: string, input: SetAgendaRequest): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      authorise(canRunMeeting(t.standing));
      needStatus(t.meeting, ['planned', 'open'], NOT_CLOSED);
      const current = await agendaOf(t.manager, meetingId);
      const known = new Set(current.map((i) => i.id));
      const seen = new Set<string>();
      input.items.forEach((item, at) => {
        if (item.id && (!known.has(item.id) || seen.has(item.id))) throw validationProblem(`items[${at}].id`, 'no-such-agenda-item');
        if (item.id) seen.add(item.id);
      });
      await checkAgendaLinks(t.manager, t.meeting.workingGroupId, input.items, 'items');
      const removed = current.filter((i) => !seen.has(i.id));
      const floor = await floorOf(t.manager, meetingId);
      for (const r of removed)
        if (floor.some((f) => f.itemId === r.id) || t.meeting.currentItemId === r.id) throw refuse('agenda-item-has-speakers', { itemId: r.id });
      if (removed.length > 0) await t.manager.query(`DELETE FROM meeting_agenda_items WHERE id = ANY($1::uuid[])`, [removed.map((r) => r.id)]);
      const items = [];
      for (const [i, item] of input.items.entries()) items.push(await writeAgendaItem(t.manager, meetingId, i + 1, item));
      await t.event('meeting.agenda-set', { title: t.meeting.title, agenda: items.map(auditAgendaItem), removedItemIds: removed.map((r) => r.id) });
    });
  }

  open(actor: Actor, meetingId: string): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      authorise(canRunMeeting(t.standing));
      needStatus(t.meeting, ['planned'], 'planned');
      await t.manager.query(`UPDATE meetings SET status = 'open', opened_at = $2, opened_by = $3 WHERE id = $1`, [meetingId, t.now, actor.id]);
      await t.event('meeting.opened', { title: t.meeting.title });
    });
  }

  takeUpItem(actor: Actor, meetingId: string, input: TakeUpItemRequest): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      authorise(canRunMeeting(t.standing));
      needStatus(t.meeting, ['open'], 'open');
      const item = (await agendaOf(t.manager, meetingId)).find((i) => i.id === input.itemId);
      if (!item) throw validationProblem('itemId', 'no-such-agenda-item');
      if (t.meeting.currentItemId === item.id) return;
      await t.manager.query(`UPDATE meetings SET current_item_id = $2 WHERE id = $1`, [meetingId, item.id]);
      await t.event('meeting.item-taken-up', { title: t.meeting.title, itemId: item.id, position: item.position, itemTitle: item.title });
    });
  }

  close(actor: Actor, meetingId: string): Promise<MeetingView> {
    return this.acts.act(actor, meetingId, async (t) => {
      authorise(canRunMeeting(t.standing));
      needStatus(t.meeting, ['open'], 'open');
      const floor = await floorOf(t.manager, meetingId);
      const speaking = floor.find((f) => f.state === 'speaking');
      let endedSeconds = 0;
      if (speaking) endedSeconds = await this.acts.endTurn(t, speaking, actor.id);
      for (const w of floor.filter((f) => f.state === 'waiting')) {
        await t.manager.query(`UPDATE meeting_floor_requests SET state = 'withdrawn', ended_at = $2, ended_by = $3 WHERE id = $1`, [w.id, t.now, actor.id]);
        await t.event('meeting.floor-withdrawn', { ...turnOf(w), byChair: true });
      }
      await t.manager.query(`UPDATE meetings SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1`, [meetingId, t.now, actor.id]);
      const done = floor.filter((f) => f.state === 'done');
      await t.event('meeting.closed', {
        title: t.meeting.title,
        attendees: (await attendanceOf(t.manager, meetingId)).length,
        turns: done.length + (speaking ? 1 : 0),
        speakingSeconds: done.reduce((s, f) => s + (f.seconds ?? 0), 0) + endedSeconds,
      });
    });
  }
}
