import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { meetingQuorum, orderFloorQueue, resolveCaps, speakingTime } from '@parley/domain';
import type { FloorRequestView, MeetingList, MeetingSummary, MeetingView } from '@parley/contracts';
import { DraftingStandings } from '../drafting/drafting-standings';
import { actorRef } from '../drafting/drafting.mapper';
import { Clock } from '../platform/clock/clock';
import { notFound } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { canAttend, canRunMeeting, seesOnlineUrl } from './meetings.policy';
import { agendaOf, attendanceOf, floorOf, groupShareCap, meetingById, meetingsOfGroup, type FloorRow, type MeetingRow } from './meetings.repository';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const summaryOf = (m: MeetingRow): MeetingSummary => ({
  id: m.id,
  workingGroupId: m.workingGroupId,
  title: m.title,
  startsAt: new Date(m.startsAt).toISOString(),
  endsAt: new Date(m.endsAt).toISOString(),
  timeZone: m.timeZone,
  place: m.place,
  online: m.onlineUrl !== null,
  status: m.status,
});

const floorView = (f: FloorRow): FloorRequestView => ({
  id: f.id,
  itemId: f.itemId,
  person: actorRef(f.personId, f.name, f.snapshot),
  kind: f.kind,
  state: f.state,
  requestedAt: new Date(f.requestedAt).toISOString(),
  byChair: f.requestedBy !== f.personId,
  givenAt: iso(f.givenAt),
  endedAt: iso(f.endedAt),
  seconds: f.seconds,
});

/** The meeting as pages read it (MeetingView): agenda with its links' names, attendance, quorum, the floor, speaking time, the reader's standing. */
@Injectable()
export class MeetingReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: DraftingStandings,
    private readonly groups: WorkingGroupAccess,
    private readonly clock: Clock,
  ) {}

  async view(id: string, viewerId: string | null, manager: EntityManager = this.dataSource.manager): Promise<MeetingView> {
    const m = await meetingById(manager, id);
    if (!m) throw notFound('meeting');
    const now = this.clock.now();
    const [agenda, attendance, floor, settings, electorate, cap, standing] = await Promise.all([
      agendaOf(manager, id),
      attendanceOf(manager, id),
      floorOf(manager, id),
      this.standings.settings(manager, m.workingGroupId),
      this.groups.votingElectorate(manager, m.workingGroupId, now),
      groupShareCap(manager, m.workingGroupId),
      this.standings.of(manager, m.workingGroupId, viewerId, now),
    ]);
    const quorum = meetingQuorum({
      quorum: settings.quorum,
      perStakeholderGroup: settings.quorumPerStakeholderGroup,
      votingMembers: electorate.map((e) => ({ personId: e.personId, stakeholderGroup: e.snapshot.stakeholderGroup })),
      presentPersonIds: new Set(attendance.filter((a) => a.voting).map((a) => a.personId)),
    });
    const turns = floor.filter((f) => f.state === 'done').map((f) => ({ personId: f.personId, snapshot: f.snapshot, kind: f.kind, seconds: f.seconds ?? 0 }));
    const shareCap = resolveCaps(cap === null ? {} : { maxStakeholderGroupShare: cap }).maxStakeholderGroupShare;
    const speaking = floor.find((f) => f.state === 'speaking');
    const past = floor
      .filter((f) => f.state === 'done' || f.state === 'withdrawn')
      .sort((a, b) => new Date(a.endedAt!).getTime() - new Date(b.endedAt!).getTime() || a.id.localeCompare(b.id));
    const mine = viewerId ? attendance.find((a) => a.personId === viewerId) : undefined;
    return {
      ...summaryOf(m),
      workingGroupName: m.workingGroupName,
      onlineUrl: seesOnlineUrl(standing) ? m.onlineUrl : null,
      turnLimitSeconds: m.turnLimitSeconds,
      scheduledBy: actorRef(m.createdBy, m.createdName, m.createdSnapshot),
      scheduledAt: new Date(m.createdAt).toISOString(),
      openedAt: iso(m.openedAt),
      closedAt: iso(m.closedAt),
      currentItemId: m.currentItemId,
      agenda: agenda.map((i) => ({
        id: i.id,
        position: i.position,
        title: i.title,
        notes: i.notes,
        document: i.documentId ? { id: i.documentId, title: i.documentTitle ?? '', version: i.versionNumber } : null,
        clauseIds: i.clauseIds ?? [],
        amendmentId: i.amendmentId,
        ballot: i.ballotId ? { id: i.ballotId, title: i.ballotTitle ?? '', status: i.ballotStatus ?? '' } : null,
        silenceId: i.silenceId,
      })),
      attendance: attendance.map((a) => ({
        person: actorRef(a.personId, a.name, a.snapshot),
        mode: a.mode,
        voting: a.voting,
        checkedInAt: new Date(a.checkedInAt).toISOString(),
        byChair: a.recordedBy !== a.personId,
      })),
      quorum,
      floor: {
        speaking: speaking ? floorView(speaking) : null,
        queue: orderFloorQueue(floor.filter((f) => f.state === 'waiting')).map(floorView),
        past: past.map(floorView),
      },
      speakingTime: speakingTime(turns, shareCap),
      reportDocumentId: m.reportDocumentId,
      viewer: { runs: canRunMeeting(standing) === true, mayAttend: canAttend(standing) === true, attendance: mine?.mode ?? null },
    };
  }

  async listOfGroup(workingGroupId: string): Promise<MeetingList> {
    const manager = this.dataSource.manager;
    if (!(await this.groups.settings(manager, workingGroupId))) throw notFound('working-group');
    return { items: (await meetingsOfGroup(manager, workingGroupId)).map(summaryOf) };
  }
}
