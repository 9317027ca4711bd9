/**
 * Calendar dates as people type and read them, in the app's language (never the browser's). Values
 * travel as ISO `yyyy-mm-dd`, which every language also accepts as typed. Each language has its own
 * order and separator (decision 0046): day first in French, Spanish, Russian and Arabic; year first
 * in English (the unambiguous ISO form) and Chinese.
 */
import type { UnLanguage } from '@parley/contracts';

export type DateLanguage = UnLanguage;

/** How a language types a date: the order of its parts, the separator shown, and the hint's words. */
export interface TypedDatePattern {
  order: 'dmy' | 'ymd';
  separator: '/' | '.' | '-';
  /** The pattern in the reader's words (placeholder and hint). */
  pattern: string;
  /** The locale the date is read back in words with. */
  wordsLocale: string;
}

export const TYPED_DATE_PATTERNS: Record<DateLanguage, TypedDatePattern> = {
  ar: { order: 'dmy', separator: '/', pattern: 'يوم/شهر/سنة', wordsLocale: 'ar-u-nu-latn' },
  zh: { order: 'ymd', separator: '-', pattern: '年年年年-月月-日日', wordsLocale: 'zh-Hans-CN' },
  en: { order: 'ymd', separator: '-', pattern: 'yyyy-mm-dd', wordsLocale: 'en-GB' },
  fr: { order: 'dmy', separator: '/', pattern: 'jj/mm/aaaa', wordsLocale: 'fr-FR' },
  ru: { order: 'dmy', separator: '.', pattern: 'ДД.ММ.ГГГГ', wordsLocale: 'ru-RU' },
  es: { order: 'dmy', separator: '/', pattern: 'dd/mm/aaaa', wordsLocale: 'es-ES' },
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as 0–9: a reader may type either on an Arabic keyboard. */
const westernDigits = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

/** Whether year, month and day name a real calendar day (no 31 February). */
function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1000 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The pattern a date is typed in, in the reader's words (placeholder and hint). */
export function datePattern(lng: DateLanguage): string {
  return TYPED_DATE_PATTERNS[lng].pattern;
}

/** The ISO date a typed text means, or null when it is not a real date in the reader's pattern. */
export function parseTypedDate(text: string, lng: DateLanguage): string | null {
  const s = westernDigits(text.trim());
  const { order } = TYPED_DATE_PATTERNS[lng];
  let parts: [number, number, number] | null = null;
  const isoMatch = ISO.exec(s);
  // ISO is unambiguous in every language; day-first languages also read day/month/year, year-first ones year/month/day.
  const dayFirst = order === 'dmy' ? DAY_FIRST.exec(s) : null;
  const yearFirst = order === 'ymd' && lng !== 'en' ? (YEAR_FIRST.exec(s) ?? (lng === 'zh' ? CHINESE.exec(s) : null)) : null;
  if (isoMatch) parts = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  else if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  else if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  if (!parts || !realDay(...parts)) return null;
  return iso(...parts);
}

/** An ISO date as the reader types it: `01/09/2024` in French, `01.09.2024` in Russian, `2024-09-01` in English. */
export function typedDate(value: string, lng: DateLanguage): string {
  const m = ISO.exec(value);
  if (!m) return value;
  const { order, separator } = TYPED_DATE_PATTERNS[lng];
  return order === 'dmy' ? [m[3], m[2], m[1]].join(separator) : [m[1], m[2], m[3]].join(separator);
}

/** An ISO date in words: "1 septembre 2024", "1 September 2024", "1 سبتمبر 2024", "2024年9月1日". */
export function dateInWords(value: string, lng: DateLanguage): string {
  const m = ISO.exec(value);
  if (!m) return value;
  return new Intl.DateTimeFormat(TYPED_DATE_PATTERNS[lng].wordsLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
  );
}
