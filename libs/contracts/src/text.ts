import { z } from 'zod';
import { fieldCode, type FieldErrorCode } from './refusals/field-errors';

// What people may type, in one place. Every text is normalised to NFC (so "é" typed as e + U+0301
// and as U+00E9 is the same name), trimmed, and must show something a reader can see.
//
// - Everywhere: no C0 control but tab, newline and carriage return; no DEL, no C1 control
//   (U+0080–U+009F); no bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
//   reorder what a reader sees ("Trojan source"); no lone surrogate.
// - Names and titles (one line): also no tab, newline or line/paragraph separator, and no invisible
//   format character (zero-width space, word joiner, BOM, soft hyphen, Hangul fillers, tag
//   characters…) except those real scripts and emoji need: the zero-width (non-)joiner, the
//   left-to-right / right-to-left / Arabic letter marks, variation selectors and Mongolian
//   free variation selectors.

const FORBIDDEN_EVERYWHERE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Invisible characters a name or title may keep: scripts (Persian, Indic, Mongolian, Arabic, Hebrew) and emoji need them. */
const NEEDED_INVISIBLES: [number, number][] = [
  [0x200c, 0x200f], // zero-width non-joiner and joiner, left-to-right and right-to-left marks
  [0x061c, 0x061c], // Arabic letter mark
  [0x180b, 0x180d], // Mongolian free variation selectors
  [0xfe00, 0xfe0f], // variation selectors (emoji presentation)
];
const isNeededInvisible = (c: string) => NEEDED_INVISIBLES.some(([from, to]) => c.codePointAt(0)! >= from && c.codePointAt(0)! <= to);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** A character a reader sees: not white space, not a control, format or default-ignorable character, not a lone combining mark, not the Braille blank. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The field-error code of each rule (the API renders the English, the web the reader's language). */
export const TEXT_CODES = {
  control: 'control-characters',
  direction: 'hidden-characters',
  invisible: 'nothing-visible',
  lineBreak: 'one-line',
  stackedMarks: 'stacked-marks',
} as const satisfies Record<string, FieldErrorCode>;
type TextCode = (typeof TEXT_CODES)[keyof typeof TEXT_CODES];

/**
 * At most this many combining marks on one character: Unicode's stream-safe limit (UAX #15). No
 * script needs more (Arabic stacks two or three, Vietnamese two); longer runs only cost: laying out
 * 20,000 of them takes seconds of a PDF export.
 */
export const MAX_STACKED_MARKS = 30;
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_STACKED_MARKS + 1}}`, 'u');

/** Characters refused in every text: controls (but tab, newline, carriage return), reordering characters, lone surrogates, endless stacks of marks. */
function unsafeCharacterProblem(s: string): TextCode | null {
  if (/[\u202A-\u202E\u2066-\u2069]/u.test(s)) return TEXT_CODES.direction;
  if (LONE_SURROGATE.test(s) || FORBIDDEN_EVERYWHERE.test(s)) return TEXT_CODES.control;
  if (STACKED_MARKS.test(s)) return TEXT_CODES.stackedMarks;
  return null;
}

const nothingVisible = (s: string) => s !== '' && !VISIBLE.test(s);

/** The first rule a long text (with line breaks) breaks, or null. */
export function longTextProblem(s: string): TextCode | null {
  return unsafeCharacterProblem(s) ?? (nothingVisible(s) ? TEXT_CODES.invisible : null);
}

/** The first rule a name or title (one line) breaks, or null. */
export function lineTextProblem(s: string): TextCode | null {
  const unsafe = unsafeCharacterProblem(s);
  if (unsafe) return unsafe;
  if (/[\n\r\t\u2028\u2029]/u.test(s)) return TEXT_CODES.lineBreak;
  if ([...s.matchAll(DEFAULT_IGNORABLE)].some((m) => !isNeededInvisible(m[0]))) return TEXT_CODES.direction;
  return nothingVisible(s) ? TEXT_CODES.invisible : null;
}

const checked = (schema: z.ZodString, problem: (s: string) => TextCode | null) =>
  schema.superRefine((s, ctx) => {
    const code = problem(s);
    if (code) ctx.addIssue({ code: 'custom', ...(code === TEXT_CODES.stackedMarks ? fieldCode(code, { limit: MAX_STACKED_MARKS }) : fieldCode(code)) });
  });

const sized = (max: number, min: number) =>
  z
    .string()
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max);

/** Text a person writes (a mandate, a comment, a reason): line breaks kept; no controls, no reordering characters, something visible. */
export const text = (max: number, min = 1) => checked(sized(max, min), longTextProblem);

/** A name or a title (people, organisations, groups, documents, ballots, job titles): one line, nothing invisible or reordering. */
export const lineText = (max: number, min = 1) => checked(sized(max, min), lineTextProblem);

/** Free text that may be empty (search boxes, login e-mail): no controls or reordering characters. */
export const plainText = (max: number) => checked(z.string().max(max), unsafeCharacterProblem);
