import type { FloorRequestView, MeetingView } from '@parley/contracts';
import { speakingTime, type SpeakingTime, type SpokenTurn } from '@parley/domain';

/** How many waiting requests the room screen lists (the rest is counted). */
export const QUEUE_SHOWN = 6;

/** Whole seconds the current speaker has held the floor at `nowMs` (0 when nobody speaks). */
export function elapsedSeconds(speaking: FloorRequestView | null, nowMs: number): number {
  if (!speaking?.givenAt) return 0;
  return Math.max(0, Math.floor((nowMs - Date.parse(speaking.givenAt)) / 1000));
}

/** The speaker's clock against the turn limit: seconds left, or seconds over once the limit passed (no limit: elapsed only). */
export function speakerClock(meeting: Pick<MeetingView, 'turnLimitSeconds' | 'floor'>, nowMs: number) {
  const elapsed = elapsedSeconds(meeting.floor.speaking, nowMs);
  const limit = meeting.turnLimitSeconds;
  if (limit === null) return { elapsed, limit, remaining: null, over: 0 };
  return { elapsed, limit, remaining: Math.max(0, limit - elapsed), over: Math.max(0, elapsed - limit) };
}

const asTurn = (r: FloorRequestView, seconds: number): SpokenTurn | null =>
  r.person.snapshot ? { personId: r.person.id ?? r.id, snapshot: r.person.snapshot, kind: r.kind, seconds } : null;

/**
 * Speaking time as it stands now: the ended turns (the meeting's own figures) plus the turn under way,
 * counted by the same domain rule (alarm strictly above the cap after three turns).
 */
export function liveSpeakingTime(meeting: Pick<MeetingView, 'floor' | 'speakingTime'>, nowMs: number): SpeakingTime {
  const speaking = meeting.floor.speaking;
  if (!speaking) return meeting.speakingTime;
  const ended = meeting.floor.past.filter((r) => r.state === 'done').map((r) => asTurn(r, r.seconds ?? 0));
  const current = asTurn(speaking, elapsedSeconds(speaking, nowMs));
  const turns = [...ended, current].filter((t): t is SpokenTurn => t !== null);
  return speakingTime(turns, meeting.speakingTime.cap);
}

/** The agenda item under discussion, if one was taken up. */
/** The item under discussion: only while the session is open (a closed session keeps its last item on the record, not on the screen). */
export const currentItem = (meeting: Pick<MeetingView, 'agenda' | 'currentItemId' | 'status'>) =>
  meeting.status === 'open' ? (meeting.agenda.find((i) => i.id === meeting.currentItemId) ?? null) : null;
