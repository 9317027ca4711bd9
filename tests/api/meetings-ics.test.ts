import { escapeText, foldLine, utcDateTime, writeCalendar } from '../../apps/api/src/meetings/ics';

/** The hand-written iCalendar writer (RFC 5545): text escaping, line folding at 75 octets, CRLF, UTC times. */
describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('plain: text')).toBe('plain: text');
  });

  it('folds lines longer than 75 octets with CRLF and one space, never splitting a character', () => {
    const short = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(short)).toBe(short);
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(lines.every((l) => !l.includes('\uFFFD'))).toBe(true);
    const ascii = foldLine('X'.repeat(200));
    expect(ascii.split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([75, 75, 52]);
  });

  it('writes UTC date-times', () => {
    expect(utcDateTime(new Date('2027-03-14T09:05:07.123Z'))).toBe('20270314T090507Z');
  });

  it('writes a calendar with CRLF line ends, the required properties and escaped text', () => {
    const text = writeCalendar({
      name: 'WG; sessions',
      timeZone: 'Europe/Paris',
      events: [
        {
          uid: 'meeting-1@parley.example.org',
          stamp: new Date('2027-01-01T00:00:00Z'),
          start: new Date('2027-03-14T09:00:00Z'),
          end: new Date('2027-03-14T12:00:00Z'),
          summary: 'First, session',
          location: 'Geneva',
          description: 'Line one\nline two',
          url: 'https://parley.example.org/meetings/1',
          status: 'CONFIRMED',
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'X-WR-CALNAME:WG\\; sessions',
        'X-WR-TIMEZONE:Europe/Paris',
        'BEGIN:VEVENT',
        'UID:meeting-1@parley.example.org',
        'DTSTAMP:20270101T000000Z',
        'DTSTART:20270314T090000Z',
        'DTEND:20270314T120000Z',
        'SUMMARY:First\\, session',
        'LOCATION:Geneva',
        'DESCRIPTION:Line one\\nline two',
        'URL:https://parley.example.org/meetings/1',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
  });
});
