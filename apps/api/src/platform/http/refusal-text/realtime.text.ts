import type { RefusalTexts } from './texts';

/** Joining a live room. */
export const REALTIME_TEXT = {
  'not-a-room': () => 'A room is `platform`, `wg:<id>`, `doc:<id>` or `ballot:<id>`',
  'not-a-sequence': () => '`after` is the last sequence seen: a whole number from 0, or null',
  'too-many-rooms': (p) => `At most ${p.maximum} rooms per connection`,
  'joins-too-fast': (p) => `At most ${p.perSecond} joins per second; try again in a moment`,
  'live-unavailable': () => 'The live service cannot answer just now; try again',
} satisfies Partial<RefusalTexts>;
