import { lineText, plainText, text, TEXT_MESSAGES } from './text';

const name = lineText(120, 2);
const long = text(2000);
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('names and titles (lineText)', () => {
  it.each([
    ['Ana Ruiz', 'Ana Ruiz'],
    ['  Ana Ruiz  ', 'Ana Ruiz'],
    ['Jose\u0301 Garci\u0301a', 'José García'],
    ['می\u200Cخواهم', 'می\u200Cخواهم'], // Persian: the zero-width non-joiner is part of the spelling
    ['👩\u200D💻 Team', '👩\u200D💻 Team'], // an emoji sequence joined by a zero-width joiner
    ['❤\uFE0F Health', '❤\uFE0F Health'], // an emoji variation selector
    ['שלום IT\u200F', 'שלום IT\u200F'], // a right-to-left mark
    ['Ministère de l’Europe', 'Ministère de l’Europe'],
  ])('accepts %j as %j (NFC, trimmed)', (input, stored) => {
    expect(name.parse(input)).toBe(stored);
  });

  it.each([
    ['zero-width spaces only', '\u200B\u200B\u200B', TEXT_MESSAGES.direction],
    ['a zero-width space inside', 'Ana\u200BRuiz', TEXT_MESSAGES.direction],
    ['a byte-order mark', 'Ana\uFEFFRuiz', TEXT_MESSAGES.direction],
    ['a word joiner', 'Ana\u2060Ruiz', TEXT_MESSAGES.direction],
    ['a soft hyphen', 'Ana\u00ADRuiz', TEXT_MESSAGES.direction],
    ['Hangul fillers only', '\u3164\u3164', TEXT_MESSAGES.direction],
    ['tag characters', 'Ana\u{E0041}\u{E0042}', TEXT_MESSAGES.direction],
    ['a right-to-left override', 'Ana\u202ERuiz', TEXT_MESSAGES.direction],
    ['a left-to-right isolate', 'Ana\u2066Ruiz', TEXT_MESSAGES.direction],
    ['a newline', 'Ana\nRuiz', TEXT_MESSAGES.lineBreak],
    ['a tab', 'Ana\tRuiz', TEXT_MESSAGES.lineBreak],
    ['a line separator', 'Ana\u2028Ruiz', TEXT_MESSAGES.lineBreak],
    ['a C1 control (NEL)', 'Ana\u0085Ruiz', TEXT_MESSAGES.control],
    ['a C1 control (CSI)', 'Ana\u009BRuiz', TEXT_MESSAGES.control],
    ['a NUL', 'Ana\u0000Ruiz', TEXT_MESSAGES.control],
    ['DEL', 'Ana\u007FRuiz', TEXT_MESSAGES.control],
    ['a lone surrogate', 'Ana\uD800Ruiz', TEXT_MESSAGES.control],
    ['Braille blanks only', '\u2800\u2800', TEXT_MESSAGES.invisible],
    ['combining marks only', '\u0301\u0301\u0301', TEXT_MESSAGES.invisible],
  ])('refuses %s', (_, input, message) => {
    expect(messages(name.safeParse(input))).toContain(message);
  });

  it('counts length after NFC and trimming', () => {
    expect(messages(name.safeParse(' e\u0301 '))).toEqual(['At least 2 characters']);
  });
});

describe('long texts (text)', () => {
  it('keeps newlines, tabs and right-to-left marks', () => {
    expect(long.parse('First line\nSecond\tline\r\nשלום\u200F')).toBe('First line\nSecond\tline\r\nשלום\u200F');
  });

  it.each([
    ['a right-to-left override', 'Vote yes\u202E.on', TEXT_MESSAGES.direction],
    ['a first-strong isolate', 'a\u2068b', TEXT_MESSAGES.direction],
    ['a C1 control', 'a\u0090b', TEXT_MESSAGES.control],
    ['an escape (ANSI sequences)', 'a\u001B[31mb', TEXT_MESSAGES.control],
    ['zero-width spaces only', '\u200B\u200B', TEXT_MESSAGES.invisible],
  ])('refuses %s', (_, input, message) => {
    expect(messages(long.safeParse(input))).toContain(message);
  });
});

describe('search boxes (plainText)', () => {
  it('may be empty, refuses controls and overrides', () => {
    expect(plainText(50).parse('')).toBe('');
    expect(messages(plainText(50).safeParse('a\u0000'))).toEqual([TEXT_MESSAGES.control]);
    expect(messages(plainText(50).safeParse('a\u202E'))).toEqual([TEXT_MESSAGES.direction]);
  });
});
