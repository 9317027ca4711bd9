/**
 * Calendar dates as people type and read them, in the app's language (never the browser's): French
 * `jj/mm/aaaa` (day first), English the unambiguous `yyyy-mm-dd`. Values travel as ISO `yyyy-mm-dd`.
 */
export type DateLanguage = import('@parley/contracts').UnLanguage;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month and day name a real calendar day (no 31 February). */
function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1000 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The pattern a date is typed in, in the reader's words (placeholder and hint). */
export function datePattern(lng: DateLanguage): string {
  return lng === 'fr' ? 'jj/mm/aaaa' : 'yyyy-mm-dd';
}

/** The ISO date a typed text means, or null when it is not a real date in the reader's pattern. */
export function parseTypedDate(text: string, lng: DateLanguage): string | null {
  const s = text.trim();
  let parts: [number, number, number] | null = null;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const isoMatch = ISO.exec(s);
  // ISO is unambiguous in either language; French also reads day/month/year.
  if (isoMatch) parts = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  else if (lng === 'fr' && fr) parts = [Number(fr[3]), Number(fr[2]), Number(fr[1])];
  if (!parts || !realDay(...parts)) return null;
  return iso(...parts);
}

/** An ISO date as the reader types it: `01/09/2024` in French, `2024-09-01` in English. */
export function typedDate(value: string, lng: DateLanguage): string {
  const m = ISO.exec(value);
  if (!m) return value;
  return lng === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** An ISO date in words: "1 septembre 2024", "1 September 2024". */
export function dateInWords(value: string, lng: DateLanguage): string {
  const m = ISO.exec(value);
  if (!m) return value;
  return new Intl.DateTimeFormat(lng === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
  );
}
