import type { MeetingView } from '@parley/contracts';
import { speakingTime, type SpeakingTime, type SpokenTurn } from '@parley/domain';

/** The reader's time zone (the browser's), "UTC" when it cannot say. */
export function readerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "12 Mar 2027, 14:00 (CET)": an instant in a given time zone, in the reader's language. */
export function formatInZone(iso: string, timeZone: string, lng: string): string {
  const d = new Date(iso);
  try {
    const text = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
    const zone = new Intl.DateTimeFormat(lng, { timeZone, timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
    return zone ? `${text} (${zone})` : text;
  } catch {
    return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }
}

/** "12 Mar 2027, 14:00 – 17:00 (CET)": a span of time in a time zone, the date said once when the same. */
export function formatSpanInZone(startIso: string, endIso: string, timeZone: string, lng: string): string {
  const [start, end] = [new Date(startIso), new Date(endIso)];
  try {
    const f = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const zone = new Intl.DateTimeFormat(lng, { timeZone, timeZoneName: 'short' }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value;
    const span = typeof f.formatRange === 'function' ? f.formatRange(start, end) : `${f.format(start)} – ${f.format(end)}`;
    return zone ? `${span} (${zone})` : span;
  } catch {
    return `${formatInZone(startIso, timeZone, lng)} – ${formatInZone(endIso, timeZone, lng)}`;
  }
}

/** The time of a meeting in its zone, and in the reader's when it differs (null then). */
export function meetingWhen(m: Pick<MeetingView, 'startsAt' | 'endsAt' | 'timeZone'>, lng: string, reader = readerTimeZone()) {
  const inMeeting = formatSpanInZone(m.startsAt, m.endsAt, m.timeZone, lng);
  const forReader = formatSpanInZone(m.startsAt, m.endsAt, reader, lng);
  return { inMeeting, inReader: forReader === inMeeting ? null : forReader };
}

/** The turn under way against the limit: seconds so far, seconds left (null: no limit), and whether it ran over. */
export function turnClock(givenAt: string, limit: number | null, now: number) {
  const elapsed = Math.max(0, Math.floor((now - new Date(givenAt).getTime()) / 1000));
  if (limit == null) return { elapsed, left: null, over: false, overBy: 0 };
  return { elapsed, left: Math.max(0, limit - elapsed), over: elapsed > limit, overBy: Math.max(0, elapsed - limit) };
}

/** Speaking time with the turn under way counted as it runs (the server counts ended turns only). */
export function liveSpeakingTime(m: Pick<MeetingView, 'floor' | 'speakingTime'>, now: number): SpeakingTime {
  const turns: SpokenTurn[] = [];
  const add = (r: MeetingView['floor']['past'][number], seconds: number) => {
    if (r.person.id && r.person.snapshot) turns.push({ personId: r.person.id, snapshot: r.person.snapshot, kind: r.kind, seconds });
  };
  for (const r of m.floor.past) if (r.state === 'done') add(r, r.seconds ?? 0);
  const s = m.floor.speaking;
  if (s?.givenAt) add(s, turnClock(s.givenAt, null, now).elapsed);
  return speakingTime(turns, m.speakingTime.cap);
}

/** The browser's zone first, then the usual IANA zones the runtime knows. */
export function timeZoneOptions(): string[] {
  const reader = readerTimeZone();
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  return [...new Set([reader, 'UTC', ...zones])];
}

/** How far `timeZone` is ahead of UTC at an instant, in ms. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** A wall-clock time typed in a form ("2027-03-12T14:00") read in `timeZone`, as an ISO instant; null when not a time. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    let utc = wall - zoneOffset(wall, timeZone);
    utc = wall - zoneOffset(utc, timeZone);
    return new Date(utc).toISOString();
  } catch {
    return null;
  }
}

/** An ISO instant as a form's wall-clock time ("2027-03-12T14:00") in `timeZone`: the inverse of zonedToIso. */
export function isoToZoned(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  let shifted = ms;
  try {
    shifted = ms + zoneOffset(ms, timeZone);
  } catch {
    /* an unknown zone: read it as UTC */
  }
  return new Date(shifted).toISOString().slice(0, 16);
}
