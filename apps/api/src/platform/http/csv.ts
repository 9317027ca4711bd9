/** What a CSV cell may hold: null and undefined are empty cells, numbers and booleans their `String()`. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * The UTF-8 byte-order mark every export starts with: without it spreadsheet programs (Excel) read
 * the file in the system's legacy code page and garble accented names.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF. A cell starting with a
 * character a spreadsheet reads as a formula (= + - @, or a tab or CR before one) is prefixed with
 * a quote, so opening an export never runs what someone typed (CSV formula injection).
 */
export function csvCell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The one CSV writer of every export: the byte-order mark, a header row, then the rows, each line ended by CRLF. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
