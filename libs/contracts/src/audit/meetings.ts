import { z } from 'zod';
import { ATTENDANCE_MODES, FLOOR_KINDS } from '@parley/domain';
import { affiliationSnapshot, event, id, isoTime, stakeholderGroupOf } from './define';

const person = z.strictObject({ id, name: z.string(), snapshot: affiliationSnapshot });

/** An agenda item as recorded: its place, title and what it links to (null when it links to nothing of that kind). */
const agendaItem = z.strictObject({
  itemId: id,
  position: z.number(),
  title: z.string(),
  documentId: id.nullable(),
  version: z.number().nullable(),
  clauseIds: z.array(id),
  amendmentId: id.nullable(),
  ballotId: id.nullable(),
  silenceId: id.nullable(),
});

/** When and where: the online address itself is not recorded (it is for members), only that there is one. */
const details = {
  title: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  timeZone: z.string(),
  place: z.string().nullable(),
  online: z.boolean(),
  turnLimitSeconds: z.number().nullable(),
};

const turn = { requestId: id, itemId: id, speaker: person, kind: z.enum(FLOOR_KINDS) };

/** Meetings (issue #21, decision 0043), each group's chain; the subject is the meeting. */
export const MEETING_EVENTS = {
  'meeting.scheduled': event('meeting', z.strictObject({ ...details, agenda: z.array(agendaItem) })),
  /** The chair changed when, where or how long turns last, before the meeting closed: the new values. */
  'meeting.details-changed': event('meeting', z.strictObject({ ...details, changed: z.array(z.string()) })),
  /** The agenda as it now stands, and the ids of the items it dropped. */
  'meeting.agenda-set': event('meeting', z.strictObject({ title: z.string(), agenda: z.array(agendaItem), removedItemIds: z.array(id) })),
  'meeting.opened': event('meeting', z.strictObject({ title: z.string() })),
  /** The item the meeting now discusses (the room screen shows it). */
  'meeting.item-taken-up': event('meeting', z.strictObject({ title: z.string(), itemId: id, position: z.number(), itemTitle: z.string() })),
  /** Closed; the totals of its record. A turn still under way was ended first (its own event). */
  'meeting.closed': event('meeting', z.strictObject({ title: z.string(), attendees: z.number(), turns: z.number(), speakingSeconds: z.number() })),
  /** A person checked in, or the chair recorded them (actor: the chair); the snapshot is the attendee's. */
  'meeting.attendance-recorded': event(
    'meeting',
    z.strictObject({ attendee: person, mode: z.enum(ATTENDANCE_MODES), voting: z.boolean(), byChair: z.boolean() }),
  ),
  /** A request for the floor: by the speaker, or added by the chair. */
  'meeting.floor-requested': event('meeting', z.strictObject({ ...turn, byChair: z.boolean() })),
  'meeting.floor-withdrawn': event('meeting', z.strictObject({ ...turn, byChair: z.boolean() })),
  /** The chair gave the floor. */
  'meeting.floor-given': event('meeting', z.strictObject({ ...turn })),
  /** The turn ended (by the chair, the speaker, or because the chair gave the floor to someone else or closed the meeting). */
  'meeting.floor-ended': event('meeting', z.strictObject({ ...turn, seconds: z.number(), stakeholderGroup: stakeholderGroupOf })),
  /** The report was drafted from the record as a document of the group (its `document.created` comes just before, in the same transaction). */
  'meeting.report-drafted': event('meeting', z.strictObject({ title: z.string(), documentId: id, documentTitle: z.string() })),
} as const;
