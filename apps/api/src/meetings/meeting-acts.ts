import { Injectable } from '@nestjs/common';
import { secondsBetween, workingGroupScope, type AffiliationSnapshot } from '@parley/domain';
import type { AuditAction, AuditChange, MeetingView } from '@parley/contracts';
import { AuditedTransaction, type AuditActor, type NewAuditEvent, type Tx } from '../audit/audited-transaction';
import type { DraftingStanding } from '../drafting/drafting.policy';
import { DraftingStandings } from '../drafting/drafting-standings';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { notFound, refuse } from '../platform/http/problem';
import { MeetingReads } from './meeting.reads';
import { lockMeeting, type AgendaItemRow, type FloorRow, type MeetingRow } from './meetings.repository';

export type MeetingAction = Extract<AuditAction, `meeting.${string}`>;

/** What every act on a meeting does: in one audited transaction, lock the row, load the actor's standing, record on the group's chain, answer the meeting. */
export interface MeetingTx extends Tx {
  meeting: MeetingRow;
  standing: DraftingStanding;
  actor: AuditActor;
  /** Records one `meeting.*` event on the meeting's group chain, by the acting person. */
  event<A extends MeetingAction>(action: A, change: AuditChange<A>): Promise<void>;
}

export const auditPerson = (id: string, name: string, snapshot: AffiliationSnapshot) => ({ id, name, snapshot });

export const auditAgendaItem = (
  i: Pick<AgendaItemRow, 'id' | 'position' | 'title' | 'documentId' | 'versionNumber' | 'clauseIds' | 'amendmentId' | 'ballotId' | 'silenceId'>,
) => ({
  itemId: i.id,
  position: i.position,
  title: i.title,
  documentId: i.documentId,
  version: i.versionNumber,
  clauseIds: i.clauseIds ?? [],
  amendmentId: i.amendmentId,
  ballotId: i.ballotId,
  silenceId: i.silenceId,
});

export const auditDetails = (m: Pick<MeetingRow, 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'place' | 'onlineUrl' | 'turnLimitSeconds'>) => ({
  title: m.title,
  startsAt: new Date(m.startsAt).toISOString(),
  endsAt: new Date(m.endsAt).toISOString(),
  timeZone: m.timeZone,
  place: m.place,
  online: m.onlineUrl !== null,
  turnLimitSeconds: m.turnLimitSeconds,
});

export const turnOf = (f: FloorRow) => ({ requestId: f.id, itemId: f.itemId, speaker: auditPerson(f.personId, f.name, f.snapshot), kind: f.kind });

/** Refuses unless the meeting is in one of the statuses the act needs. */
export function needStatus(m: MeetingRow, allowed: MeetingRow['status'][], needed: string): void {
  if (!allowed.includes(m.status)) throw refuse('meeting-status', { status: m.status, needed });
}

@Injectable()
export class MeetingActs {
  constructor(
    private readonly tx: AuditedTransaction,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly reads: MeetingReads,
  ) {}

  /** Runs `work` on the locked meeting and answers the meeting as it then stands, as the actor reads it. */
  async act(actor: Actor, meetingId: string, work: (t: MeetingTx) => Promise<void>): Promise<MeetingView> {
    await this.tx.run(async (tx) => {
      const meeting = await lockMeeting(tx.manager, meetingId);
      if (!meeting) throw notFound('meeting');
      const standing = await this.standings.of(tx.manager, meeting.workingGroupId, actor.id, tx.now);
      const who = await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot);
      const event = async <A extends MeetingAction>(action: A, change: AuditChange<A>) => {
        await tx.record({
          scope: workingGroupScope(meeting.workingGroupId),
          actor: who,
          action,
          subjectType: 'meeting',
          subjectId: meeting.id,
          change,
        } as NewAuditEvent<A>);
      };
      await work({ ...tx, meeting, standing, actor: who, event });
    });
    return this.reads.view(meetingId, actor.id);
  }

  /** Ends the turn under way (if any): seconds written once, its own event. */
  async endTurn(t: MeetingTx, f: FloorRow, by: string): Promise<number> {
    const seconds = secondsBetween(new Date(f.givenAt!), t.now);
    await t.manager.query(`UPDATE meeting_floor_requests SET state = 'done', ended_at = $2, ended_by = $3, seconds = $4 WHERE id = $1`, [
      f.id,
      t.now,
      by,
      seconds,
    ]);
    await t.event('meeting.floor-ended', { ...turnOf(f), seconds, stakeholderGroup: f.snapshot.stakeholderGroup });
    return seconds;
  }
}
