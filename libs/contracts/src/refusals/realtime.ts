import { spec } from './define';

/**
 * Joining a live room (apps/api/src/realtime): the socket's join answer carries a refusal of this
 * catalogue as an HTTP answer would. A room that does not exist is `not-found`, naming the resource.
 */
export const REALTIME_REFUSALS = {
  /** Not `platform`, `wg:<id>`, `doc:<id>` or `ballot:<id>`. */
  'not-a-room': spec(400),
  /** `after`, the last sequence seen, is not a whole number from 0 (nor null). */
  'not-a-sequence': spec(400),
  'too-many-rooms': spec<{ maximum: number }>(409),
  'joins-too-fast': spec<{ perSecond: number }>(429),
  'live-unavailable': spec(503),
} as const;
