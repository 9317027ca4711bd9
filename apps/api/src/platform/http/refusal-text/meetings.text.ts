import type { RefusalTexts } from './texts';

export const MEETING_TEXT = {
  'meeting-status': (p) => `This meeting is ${p.status}: this can be done only when it is ${p.needed}`,
  'meeting-members-only': () => 'Only members of this working group, with a current affiliation, attend its meetings',
  'floor-attendees-only': () => 'Only someone checked in to this meeting asks for the floor',
  'floor-already-requested': () => 'This person already waits for the floor on this item',
  'floor-request-state': (p) => `This request for the floor is ${p.state}`,
  'floor-item-not-current': () => 'The floor is given on the item under discussion: take this item up first',
  'floor-not-yours': () => 'Only the chair, or the speaker themselves, acts on this request for the floor',
  'agenda-item-has-speakers': () => 'People asked for the floor on this item: it stays on the agenda',
  'meeting-report-exists': () => 'The report of this meeting has already been drafted',
} satisfies Partial<RefusalTexts>;
