import { z } from 'zod';
import { ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS } from '@parley/domain';
import { fieldCode } from './refusals/field-errors';
import { UN_LANGUAGES, type UnLanguage } from './languages';

// Names, titles and texts people type: one set of rules (NFC, no controls or reordering characters, something visible).
export { lineText, plainText, text, TEXT_CODES } from './text';

/** The first day a date field accepts: earlier dates are typing mistakes (PostgreSQL refuses year 0 outright). */
export const EARLIEST_DATE = '1900-01-01';

export const isoDate = z.iso.date().refine((d) => d >= EARLIEST_DATE, fieldCode('date-too-early', { earliest: EARLIEST_DATE }));
export const uuid = z.uuid();
export const stakeholderGroup = z.enum(STAKEHOLDER_GROUPS);
export const organisationSubtype = z.enum(ORGANISATION_SUBTYPES as [string, ...string[]]);
export const countryCode = z
  .string()
  .refine((s) => /^[A-Z]{2}$/.test(s), fieldCode('country-code'))
  .meta({ pattern: '^[A-Z]{2}$' });

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A reason in machine form: a stable code and the facts it names (amendment status reasons, alarms). */
export interface Reason<C extends string = string> {
  code: C;
  params: ReasonParams;
}

export type ReasonParams = Record<string, string | number | null>;

/**
 * The language of what the API writes in a file (docs/decisions/0030, 0048): a CSV export's header row
 * (`en`, or none, keeps the stable column keys; the other five put labels in the same order), the
 * words around a text in its Word and PDF exports. One of the six UN languages.
 */
export const CSV_LANGUAGES = UN_LANGUAGES;
export type CsvLanguage = UnLanguage;
export const csvExportQuery = /* @__PURE__ */ z.strictObject({ lang: z.enum(CSV_LANGUAGES).optional() });
export type CsvExportQuery = z.infer<typeof csvExportQuery>;
