import { spec } from './define';

/** Meetings (apps/api/src/meetings, decision 0043). Who runs a meeting is refused with `editors-only`. */
export const MEETING_REFUSALS = {
  /** The act needs the meeting in another status: `needed` is the status it needs (planned, open, or not closed). */
  'meeting-status': spec<{ status: string; needed: string }>(409),
  /** Only members of the group (voting or observing), with a current affiliation, attend. */
  'meeting-members-only': spec(403),
  /** Only someone checked in asks for the floor (or is added to the list by the chair). */
  'floor-attendees-only': spec(403),
  /** This person already waits for the floor on this item with this kind of request. */
  'floor-already-requested': spec<{ requestId: string }>(409),
  /** The request is no longer waiting (it was given the floor, or withdrawn) or no longer speaking. */
  'floor-request-state': spec<{ state: string }>(409),
  /** The floor is given on the item under discussion only: take the item up first. */
  'floor-item-not-current': spec<{ itemId: string }>(409),
  /** Someone else asked for the floor, or holds it: only the chair or the speaker acts on their request. */
  'floor-not-yours': spec(403),
  /** Items on which people asked for the floor stay on the agenda (their turns are on the record). */
  'agenda-item-has-speakers': spec<{ itemId: string }>(409),
  /** The meeting's report was already drafted. */
  'meeting-report-exists': spec<{ documentId: string }>(409),
} as const;
