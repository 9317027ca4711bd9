import { Injectable, Logger } from '@nestjs/common';
import type { DocumentResponse, IssueChairsTextRequest, MeetingView } from '@parley/contracts';
import { DocumentReads } from '../drafting/document-reads.service';
import { DocumentRepository } from '../drafting/document.repository';
import type { Actor } from '../identity/actor';
import { AttendanceService } from '../meetings/attendance.service';
import { FloorService } from '../meetings/floor.service';
import { MeetingService } from '../meetings/meeting.service';
import { MeetingReportService } from '../meetings/report/meeting-report.service';
import { ChairsTextService } from '../negotiation/chairs-texts/chairs-texts.service';
import { SilenceScheduler } from '../procedures/silence/silence-scheduler';
import { SilenceService } from '../procedures/silence/silence.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';

export const DEMO_MEETINGS_GROUP = 'Working group on international norms';
/** The closed session, twelve days before the demo was loaded, and the planned one, a week after. */
export const DEMO_CLOSED_SESSION = { title: 'Fourth session: the public core of the Internet', daysAgo: 12 } as const;
export const DEMO_PLANNED_SESSION = { title: 'Fifth session: implementation guidance on principles 1 to 3', daysAgo: -7 } as const;
export const DEMO_SESSION_LINK = 'https://meet.parley.example/norms-fifth-session';
const PROGRAMME_TITLE = 'Programme of work for 2027';
const PLACE = 'Paris Peace Forum, 9 avenue Franklin D. Roosevelt, Paris, Room 2';

/** Who came, and how: the chair (Microsoft's delegate) recorded Senegal's delegate, who joined online with a bad connection. */
const ATTENDEES: [organisation: string, mode: 'in-person' | 'online', byChair?: true][] = [
  ['Microsoft', 'in-person'],
  ['F-Secure', 'online'],
  ['France', 'in-person'],
  ['United Kingdom', 'in-person'],
  ['Japan', 'online'],
  ['Senegal', 'online', true],
  ['Google', 'in-person'],
  ['Cisco', 'online'],
  ['Public Knowledge', 'in-person'],
  ['Center for Democracy and Technology', 'online'],
  ['Chatham House', 'in-person'],
  ['Access Now', 'online'],
];

/** The list of speakers: on which item (1-based), who, what kind, how long (seconds). Governments take most of the time. */
const TURNS: [item: number, organisation: string, kind: 'speech' | 'point-of-order', seconds: number][] = [
  [2, 'France', 'speech', 372],
  [2, 'Public Knowledge', 'speech', 184],
  [2, 'United Kingdom', 'speech', 305],
  [2, 'Center for Democracy and Technology', 'point-of-order', 41],
  [2, 'Japan', 'speech', 268],
  [2, 'Google', 'speech', 176],
  [2, 'Senegal', 'speech', 243],
  [2, 'Chatham House', 'speech', 152],
  [3, 'France', 'speech', 118],
  [3, 'Access Now', 'speech', 121],
  [3, 'United Kingdom', 'speech', 89],
];

const CHAIRS_NOTE = 'The chair’s edits: the summary of the discussion on principle 2 and the conclusions of the session.';
const SUMMARY =
  'The working group discussed principle 2. Several delegations supported naming the domain name system and certificate infrastructure as part of the public core; civil-society participants asked that the commentary also cover routing security. The chair will circulate a revised commentary before the fifth session.';

/**
 * Sessions of the international-norms group (issue #21, decision 0043), through the same use cases
 * as real use and on the demo's timeline: on day 19 the chair schedules the fourth session (held
 * on day 12 in Paris and online) with a dated agenda linked to the draft and principle 2; twelve
 * delegates of the three stakeholder groups check in (one recorded by the chair); eleven turns at
 * the floor, a point of order among them, in which governments speak well above the group's cap
 * (the alarm journalists see); the chair closes it, drafts its report from the record, edits it with
 * a chair's text and puts it under silence, adopted at its deadline on day 9 (so its Markdown
 * exists). That evening the chair schedules the fifth session, a week after the demo was loaded,
 * in Paris and online: members (Ana Ruiz of Access Now, an observer, among them) can check in.
 */
@Injectable()
export class DemoMeetings {
  private readonly logger = new Logger(DemoMeetings.name);

  constructor(
    private readonly meetings: MeetingService,
    private readonly attendance: AttendanceService,
    private readonly floor: FloorService,
    private readonly reports: MeetingReportService,
    private readonly chairsTexts: ChairsTextService,
    private readonly silence: SilenceService,
    private readonly scheduler: SilenceScheduler,
    private readonly documents: DocumentRepository,
    private readonly reads: DocumentReads,
  ) {}

  /** Runs between the draft's last amendment (day 19, 14:00) and the open ballot (day 2). */
  async seed(people: DemoPeople, groupIds: Map<string, string>, draftId: string, history: DemoHistory): Promise<void> {
    const groupId = groupIds.get(DEMO_MEETINGS_GROUP);
    if (!groupId) return;
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo meetings: no delegate for ${organisation}`);
      return delegate;
    };
    const chair = d('Microsoft');
    const draft: DocumentResponse = await this.reads.get(null, draftId);
    const principle2 = draft.version.clauses.find((c) => c.label === '2.');
    if (!principle2) throw new Error('demo meetings: the draft has no principle 2');
    const programme = (await this.documents.listByGroup(groupId)).find((x) => x.title === PROGRAMME_TITLE);

    const day = DEMO_CLOSED_SESSION.daysAgo;
    history.on(19, 16);
    const scheduled = await this.meetings.schedule(chair, groupId, {
      title: DEMO_CLOSED_SESSION.title,
      startsAt: history.day(day, 9).toISOString(),
      endsAt: history.day(day, 12).toISOString(),
      timeZone: 'Europe/Paris',
      place: PLACE,
      onlineUrl: 'https://meet.parley.example/norms-fourth-session',
      turnLimitSeconds: 300,
      agenda: [
        { title: 'Adoption of the agenda' },
        {
          title: 'Principle 2: the public core of the Internet',
          notes: 'On the basis of version 2 of the draft principles; delegations are invited to address the scope of the public core.',
          documentId: draftId,
          version: draft.currentVersion,
          clauseIds: [principle2.id],
        },
        {
          title: 'Adoption of the programme of work for the first half of 2027',
          notes: 'The dates of the February session and the order in which the principles are taken up.',
          ...(programme ? { documentId: programme.id } : {}),
        },
        { title: 'Any other business' },
      ],
    });
    const meetingId = scheduled.id;
    const item = (position: number) => scheduled.agenda[position - 1].id;

    // Delegates check in from 08:40 (Paris 09:40); the chair records Senegal's delegate at 09:02.
    for (const [i, [organisation, mode, byChair]] of ATTENDEES.entries()) {
      if (byChair) continue;
      history.on(day, 8, 40 + i);
      await this.attendance.record(d(organisation), meetingId, { mode });
    }
    history.on(day, 9);
    await this.meetings.open(chair, meetingId);
    history.on(day, 9, 2);
    for (const [organisation, mode] of ATTENDEES.filter(([, , byChair]) => byChair))
      await this.attendance.record(chair, meetingId, { mode, personId: d(organisation).id });
    history.on(day, 9, 3);
    await this.meetings.takeUpItem(chair, meetingId, { itemId: item(1) });
    history.on(day, 9, 6);
    await this.meetings.takeUpItem(chair, meetingId, { itemId: item(2) });

    // The floor: each asks, the chair gives the floor, the speaker ends the turn; a minute between turns.
    let clock = history.day(day, 9, 8).getTime();
    let current = 2;
    for (const [position, organisation, kind, seconds] of TURNS) {
      if (position !== current) {
        clock += 60_000;
        history.at(new Date(clock));
        await this.meetings.takeUpItem(chair, meetingId, { itemId: item(position) });
        current = position;
      }
      const speaker = d(organisation);
      clock += 20_000;
      history.at(new Date(clock));
      const asked = await this.floor.request(speaker, meetingId, { itemId: item(position), kind });
      const request = asked.floor.queue.find((f) => f.person.id === speaker.id && f.kind === kind)!;
      clock += 20_000;
      history.at(new Date(clock));
      await this.floor.give(chair, meetingId, request.id);
      clock += seconds * 1000;
      history.at(new Date(clock));
      await this.floor.end(speaker, meetingId, request.id);
    }
    clock += 60_000;
    history.at(new Date(clock));
    await this.meetings.takeUpItem(chair, meetingId, { itemId: item(4) });
    clock += 120_000;
    history.at(new Date(clock));
    const closed: MeetingView = await this.meetings.close(chair, meetingId);

    // That afternoon the chair drafts the report from the record, then edits it with a chair's text.
    history.on(day, 14);
    const { documentId } = await this.reports.draft(chair, meetingId, { language: 'en' });
    const report: DocumentResponse = await this.reads.get(null, documentId);
    const clauses: IssueChairsTextRequest['clauses'] = [
      ...report.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
      { kind: 'heading', text: 'Summary of the discussion' },
      { kind: 'operative', text: SUMMARY },
    ];
    history.on(day, 15);
    const edited = await this.chairsTexts.issue(chair, documentId, {
      label: 'Rev.1',
      standing: 'draft',
      office: 'chair',
      note: CHAIRS_NOTE,
      clauses,
    });

    // Adopted under silence: 72 hours, the group's minimum, passed at its deadline on day 9.
    await this.scheduler.pausedDuring(async () => {
      history.on(day, 16);
      const procedure = await this.silence.start(chair, documentId, edited.currentVersion, { deadline: history.day(day - 3, 16, 30).toISOString() });
      history.at(new Date(procedure.deadline));
      const passed = await this.silence.passDue();
      if (!passed.includes(procedure.id)) throw new Error('demo meetings: the report was not adopted at its deadline');
    });

    // The fifth session, a week after the demo was loaded.
    const next = DEMO_PLANNED_SESSION.daysAgo;
    history.on(day - 3, 18);
    await this.meetings.schedule(chair, groupId, {
      title: DEMO_PLANNED_SESSION.title,
      startsAt: history.day(next, 9).toISOString(),
      endsAt: history.day(next, 12, 30).toISOString(),
      timeZone: 'Europe/Paris',
      place: PLACE,
      onlineUrl: DEMO_SESSION_LINK,
      turnLimitSeconds: 300,
      agenda: [
        { title: 'Adoption of the agenda' },
        { title: 'Rev.1 of the draft principles: principles 1 to 3', documentId: draftId, clauseIds: draft.version.clauses.filter((c) => ['1.', '2.', '3.'].includes(c.label ?? '')).map((c) => c.id) },
        { title: 'Report of the fourth session', documentId },
        { title: 'Any other business' },
      ],
    });
    this.logger.log(`Demo sessions loaded: one closed (${closed.attendance.length} present, ${closed.speakingTime.turns} turns, report adopted), one planned`);
  }
}
