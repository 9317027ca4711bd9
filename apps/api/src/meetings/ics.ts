/**
 * A small iCalendar (RFC 5545) writer: no calendar library is among the project's dependencies and
 * this is all the meetings need (VCALENDAR of VEVENTs, UTC times, text escaping, line folding).
 */

export interface IcsEvent {
  uid: string;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string | null;
  url: string;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
}

export interface IcsCalendar {
  name: string;
  timeZone: string;
  events: IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A UTC DATE-TIME: 20270314T090000Z. */
export function utcDateTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Folds a content line at 75 octets (§3.1): each continuation starts with one space; a multi-byte
 * UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const prop = (name: string, value: string) => foldLine(`${name}:${value}`);

/** The calendar as text: CRLF line ends, lines folded. */
export function writeCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Parley//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    prop('X-WR-CALNAME', escapeText(cal.name)),
    prop('X-WR-TIMEZONE', cal.timeZone),
  ];
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      prop('UID', e.uid),
      prop('DTSTAMP', utcDateTime(e.stamp)),
      prop('DTSTART', utcDateTime(e.start)),
      prop('DTEND', utcDateTime(e.end)),
      prop('SUMMARY', escapeText(e.summary)),
    );
    if (e.location) lines.push(prop('LOCATION', escapeText(e.location)));
    if (e.description) lines.push(prop('DESCRIPTION', escapeText(e.description)));
    lines.push(prop('URL', e.url), prop('STATUS', e.status), 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
