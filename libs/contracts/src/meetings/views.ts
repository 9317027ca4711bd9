import { z } from 'zod';
import { ATTENDANCE_MODES, FLOOR_KINDS, FLOOR_STATES, MEETING_STATUSES } from '@parley/domain';
import { instant, stakeholderGroupValue } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';

export const meetingStatusValue = /* @__PURE__ */ z.enum(MEETING_STATUSES);

export const meetingSummary = /* @__PURE__ */ z
  .object({
    id: z.string(),
    workingGroupId: z.string(),
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    timeZone: z.string(),
    place: z.string().nullable(),
    /** Whether it can be joined online (the address itself is for members: see MeetingView.onlineUrl). */
    online: z.boolean(),
    status: meetingStatusValue,
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingList = /* @__PURE__ */ z.object({ items: z.array(meetingSummary) }).meta({ id: 'Meetings' });
export type MeetingList = z.infer<typeof meetingList>;

/** What an agenda item links to, with the names a page shows (null: no link of that kind). */
export const agendaItemView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    position: z.number(),
    title: z.string(),
    notes: z.string().nullable(),
    document: z.object({ id: z.string(), title: z.string(), version: z.number().nullable() }).nullable(),
    clauseIds: z.array(z.string()),
    amendmentId: z.string().nullable(),
    ballot: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
    silenceId: z.string().nullable(),
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItemView = z.infer<typeof agendaItemView>;

export const attendanceView = /* @__PURE__ */ z
  .object({
    /** The attendee, with their affiliation when they checked in. */
    person: actorRef,
    mode: z.enum(ATTENDANCE_MODES),
    /** A voting member at check-in: counts towards the quorum. */
    voting: z.boolean(),
    checkedInAt: instant,
    byChair: z.boolean(),
  })
  .meta({ id: 'Attendance' });
export type AttendanceView = z.infer<typeof attendanceView>;

export const floorRequestView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    itemId: z.string(),
    /** The speaker, with their affiliation when they asked. */
    person: actorRef,
    kind: z.enum(FLOOR_KINDS),
    state: z.enum(FLOOR_STATES),
    requestedAt: instant,
    byChair: z.boolean(),
    givenAt: instant.nullable(),
    endedAt: instant.nullable(),
    /** Seconds at the floor, once the turn ended. */
    seconds: z.number().nullable(),
  })
  .meta({ id: 'FloorRequest' });
export type FloorRequestView = z.infer<typeof floorRequestView>;

const share = { seconds: z.number(), share: z.number(), turns: z.number() };

export const speakingTimeView = /* @__PURE__ */ z
  .object({
    totalSeconds: z.number(),
    turns: z.number(),
    byStakeholderGroup: z.array(z.object({ stakeholderGroup: stakeholderGroupValue, ...share })),
    byOrganisation: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), stakeholderGroup: stakeholderGroupValue, ...share })),
    /** The group's cap on a stakeholder group's share (the composition cap): above it, an alarm. */
    cap: z.number(),
    alarms: z.array(z.object({ stakeholderGroup: stakeholderGroupValue, share: z.number(), cap: z.number() })),
  })
  .meta({ id: 'SpeakingTime' });
export type SpeakingTimeView = z.infer<typeof speakingTimeView>;

export const quorumView = /* @__PURE__ */ z
  .object({
    quorum: z.number(),
    present: z.number(),
    members: z.number(),
    needed: z.number(),
    met: z.boolean(),
    byStakeholderGroup: z.array(z.object({ stakeholderGroup: stakeholderGroupValue, present: z.number(), members: z.number(), met: z.boolean() })).nullable(),
  })
  .meta({ id: 'MeetingQuorum' });
export type QuorumView = z.infer<typeof quorumView>;

/** What the reader may do here (the web shows buttons from it and never re-derives a rule). */
export const meetingViewerView = /* @__PURE__ */ z.object({
  /** Chairs and rapporteurs run the meeting: agenda, opening, the floor, the report. */
  runs: z.boolean(),
  /** A member of the group with a current affiliation: may check in. */
  mayAttend: z.boolean(),
  attendance: z.enum(ATTENDANCE_MODES).nullable(),
});

export const meetingView = /* @__PURE__ */ meetingSummary
  .extend({
    workingGroupName: z.string(),
    /** The online address: shown to members of the group and its chairs only (null otherwise, or when none). */
    onlineUrl: z.string().nullable(),
    turnLimitSeconds: z.number().nullable(),
    scheduledBy: actorRef,
    scheduledAt: instant,
    openedAt: instant.nullable(),
    closedAt: instant.nullable(),
    currentItemId: z.string().nullable(),
    agenda: z.array(agendaItemView),
    attendance: z.array(attendanceView),
    quorum: quorumView,
    floor: z.object({
      /** Who holds the floor now. */
      speaking: floorRequestView.nullable(),
      /** Waiting requests in the order the floor is given: points of order first, then by the time asked. */
      queue: z.array(floorRequestView),
      /** Turns that ended and requests withdrawn, oldest first. */
      past: z.array(floorRequestView),
    }),
    /** Ended turns only; the web adds the turn under way as it runs. */
    speakingTime: speakingTimeView,
    reportDocumentId: z.string().nullable(),
    viewer: meetingViewerView,
  })
  .meta({ id: 'Meeting' });
export type MeetingView = z.infer<typeof meetingView>;

export const draftReportResponse = /* @__PURE__ */ z.object({ meetingId: z.string(), documentId: z.string() }).meta({ id: 'MeetingReportDrafted' });
export type DraftReportResponse = z.infer<typeof draftReportResponse>;
