import type { z } from 'zod';
import { fieldErrorsOf } from './refusals/field-errors';
import { lineText, plainText, text, TEXT_CODES } from './text';

const name = lineText(120, 2);
const long = text(2000);
const errors = (r: z.ZodSafeParseResult<string>) => (r.success ? [] : r.error.issues.flatMap(fieldErrorsOf));
const messages = (r: z.ZodSafeParseResult<string>) => errors(r).map((e) => e.code);

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
    ['zero-width spaces only', '\u200B\u200B\u200B', TEXT_CODES.direction],
    ['a zero-width space inside', 'Ana\u200BRuiz', TEXT_CODES.direction],
    ['a byte-order mark', 'Ana\uFEFFRuiz', TEXT_CODES.direction],
    ['a word joiner', 'Ana\u2060Ruiz', TEXT_CODES.direction],
    ['a soft hyphen', 'Ana\u00ADRuiz', TEXT_CODES.direction],
    ['Hangul fillers only', '\u3164\u3164', TEXT_CODES.direction],
    ['tag characters', 'Ana\u{E0041}\u{E0042}', TEXT_CODES.direction],
    ['a right-to-left override', 'Ana\u202ERuiz', TEXT_CODES.direction],
    ['a left-to-right isolate', 'Ana\u2066Ruiz', TEXT_CODES.direction],
    ['a newline', 'Ana\nRuiz', TEXT_CODES.lineBreak],
    ['a tab', 'Ana\tRuiz', TEXT_CODES.lineBreak],
    ['a line separator', 'Ana\u2028Ruiz', TEXT_CODES.lineBreak],
    ['a C1 control (NEL)', 'Ana\u0085Ruiz', TEXT_CODES.control],
    ['a C1 control (CSI)', 'Ana\u009BRuiz', TEXT_CODES.control],
    ['a NUL', 'Ana\u0000Ruiz', TEXT_CODES.control],
    ['DEL', 'Ana\u007FRuiz', TEXT_CODES.control],
    ['a lone surrogate', 'Ana\uD800Ruiz', TEXT_CODES.control],
    ['Braille blanks only', '\u2800\u2800', TEXT_CODES.invisible],
    ['combining marks only', '\u0301\u0301\u0301', TEXT_CODES.invisible],
  ])('refuses %s', (_, input, message) => {
    expect(messages(name.safeParse(input))).toContain(message);
  });

  it('counts length after NFC and trimming', () => {
    expect(errors(name.safeParse(' e\u0301 ')).map(({ code, params }) => ({ code, params }))).toEqual([{ code: 'too-short', params: { minimum: 2 } }]);
  });
});

describe('long texts (text)', () => {
  it('keeps newlines, tabs and right-to-left marks', () => {
    expect(long.parse('First line\nSecond\tline\r\nשלום\u200F')).toBe('First line\nSecond\tline\r\nשלום\u200F');
  });

  it.each([
    ['a right-to-left override', 'Vote yes\u202E.on', TEXT_CODES.direction],
    ['a first-strong isolate', 'a\u2068b', TEXT_CODES.direction],
    ['a C1 control', 'a\u0090b', TEXT_CODES.control],
    ['an escape (ANSI sequences)', 'a\u001B[31mb', TEXT_CODES.control],
    ['zero-width spaces only', '\u200B\u200B', TEXT_CODES.invisible],
  ])('refuses %s', (_, input, message) => {
    expect(messages(long.safeParse(input))).toContain(message);
  });
});

describe('marks stacked on one letter (Unicode’s stream-safe limit)', () => {
  it('keeps Arabic with its vowel marks and Vietnamese with two marks on a letter', () => {
    expect(long.parse('بِسْمِ ٱللَّٰهِ')).toBe('بِسْمِ ٱللَّٰهِ');
    expect(name.parse('Nguyễn Thị Ngọc')).toBe('Nguyễn Thị Ngọc');
    expect(long.parse(`x${'\u0301'.repeat(30)}`)).toBe(`x${'\u0301'.repeat(30)}`);
  });

  it('refuses more than 30, naming the limit, in texts, names and search boxes', () => {
    const stacked = `x${'\u0301'.repeat(31)}`;
    expect(errors(long.safeParse(stacked)).map(({ code, params }) => ({ code, params }))).toEqual([{ code: 'stacked-marks', params: { limit: 30 } }]);
    expect(messages(name.safeParse(stacked))).toEqual([TEXT_CODES.stackedMarks]);
    expect(messages(plainText(100).safeParse(stacked))).toEqual([TEXT_CODES.stackedMarks]);
  });
});

describe('search boxes (plainText)', () => {
  it('may be empty, refuses controls and overrides', () => {
    expect(plainText(50).parse('')).toBe('');
    expect(messages(plainText(50).safeParse('a\u0000'))).toEqual([TEXT_CODES.control]);
    expect(messages(plainText(50).safeParse('a\u202E'))).toEqual([TEXT_CODES.direction]);
  });
});
