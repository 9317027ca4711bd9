import { z } from 'zod';
import { ATTENDANCE_MODES, FLOOR_KINDS } from '@parley/domain';
import { lineText, text, uuid } from '../common';
import { UN_LANGUAGES } from '../languages';
import { fieldCode } from '../refusals/field-errors';

/** An IANA time zone the server knows ("Europe/Paris", "UTC"). */
const timeZone = /* @__PURE__ */ z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, fieldCode('unknown-time-zone'));

const onlineUrl = /* @__PURE__ */ z
  .url()
  .max(2000)
  .refine((u) => u.startsWith('https://'), fieldCode('https-only'));

/** An agenda item as a chair writes it; `id` keeps an existing item (its list of speakers goes with it). */
export const agendaItemInput = /* @__PURE__ */ z
  .strictObject({
    id: uuid.optional(),
    title: lineText(300),
    notes: text(4000).nullable().optional(),
    documentId: uuid.nullable().optional(),
    /** A version of that document; none: the document as it stands when discussed. */
    version: z.number().int().min(1).nullable().optional(),
    /** Clauses of that document under discussion (ids stable across versions). */
    clauseIds: z.array(uuid).max(50).optional(),
    amendmentId: uuid.nullable().optional(),
    ballotId: uuid.nullable().optional(),
    silenceId: uuid.nullable().optional(),
  })
  .refine((i) => (i.version == null && (i.clauseIds ?? []).length === 0) || i.documentId != null, { path: ['documentId'], ...fieldCode('required') });
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

const meetingDetails = {
  title: lineText(200, 3),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** The time zone the meeting is held in: invitations and pages show times in it (and in the reader's). */
  timeZone,
  place: lineText(300).nullable().optional(),
  onlineUrl: onlineUrl.nullable().optional(),
  /** A time limit per turn at the floor, shown as a countdown; none: no limit. */
  turnLimitSeconds: z.number().int().min(10).max(3600).nullable().optional(),
};

export const scheduleMeetingRequest = /* @__PURE__ */ z
  .strictObject({ ...meetingDetails, agenda: z.array(agendaItemInput).max(100).default([]) })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], ...fieldCode('end-after-start') })
  .refine((m) => m.place != null || m.onlineUrl != null, { path: ['place'], ...fieldCode('place-or-online') });
export type ScheduleMeetingRequest = z.infer<typeof scheduleMeetingRequest>;

/** Changes to when, where and turn limits: the fields given replace the current ones (null clears place, link or limit). */
export const changeMeetingRequest = /* @__PURE__ */ z
  .strictObject({
    title: meetingDetails.title.optional(),
    startsAt: meetingDetails.startsAt.optional(),
    endsAt: meetingDetails.endsAt.optional(),
    timeZone: timeZone.optional(),
    place: meetingDetails.place,
    onlineUrl: meetingDetails.onlineUrl,
    turnLimitSeconds: meetingDetails.turnLimitSeconds,
  })
  .refine((m) => Object.keys(m).length > 0, { path: ['title'], ...fieldCode('required') });
export type ChangeMeetingRequest = z.infer<typeof changeMeetingRequest>;

/** The whole agenda, in order: items without an id are new, existing items left out are dropped. */
export const setAgendaRequest = /* @__PURE__ */ z.strictObject({ items: z.array(agendaItemInput).max(100) });
export type SetAgendaRequest = z.infer<typeof setAgendaRequest>;

export const takeUpItemRequest = /* @__PURE__ */ z.strictObject({ itemId: uuid });
export type TakeUpItemRequest = z.infer<typeof takeUpItemRequest>;

/** Check in (no `personId`), or a chair records someone present. */
export const recordAttendanceRequest = /* @__PURE__ */ z.strictObject({ mode: z.enum(ATTENDANCE_MODES), personId: uuid.optional() });
export type RecordAttendanceRequest = z.infer<typeof recordAttendanceRequest>;

/** Ask for the floor on an item (no `personId`), or a chair adds an attendee to the list. */
export const requestFloorRequest = /* @__PURE__ */ z.strictObject({
  itemId: uuid,
  kind: z.enum(FLOOR_KINDS).default('speech'),
  personId: uuid.optional(),
});
export type RequestFloorRequest = z.infer<typeof requestFloorRequest>;

/** Draft the report: its text is assembled in this language from the record (the chair edits it afterwards). */
export const draftReportRequest = /* @__PURE__ */ z.strictObject({ language: z.enum(UN_LANGUAGES).optional() });
export type DraftReportRequest = z.infer<typeof draftReportRequest>;
