import { z } from 'zod';
import { ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS } from '@parley/domain';

// Names, titles and texts people type: one set of rules (NFC, no controls or reordering characters, something visible).
export { lineText, plainText, text, TEXT_MESSAGES } from './text';

/** The first day a date field accepts: earlier dates are typing mistakes (PostgreSQL refuses year 0 outright). */
export const EARLIEST_DATE = '1900-01-01';

export const isoDate = z.iso.date({ message: 'A date as YYYY-MM-DD' }).refine((d) => d >= EARLIEST_DATE, `A date from ${EARLIEST_DATE} on`);
export const uuid = z.uuid({ message: 'Not a valid id' });
export const stakeholderGroup = z.enum(STAKEHOLDER_GROUPS);
export const organisationSubtype = z.enum(ORGANISATION_SUBTYPES as [string, ...string[]]);
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code (ISO 3166-1), e.g. FR');

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** RFC 9457 problem details, as every error is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  /** A stable code for the reason named in `detail`, with the facts it names, so a client can say it in its own language. */
  code?: string;
  params?: ReasonParams;
}

export type ReasonParams = Record<string, string | number | null>;

/** A reason in machine form beside its English sentence: a stable code and the facts the sentence names. */
export interface Reason<C extends string = string> {
  code: C;
  params: ReasonParams;
}

export const PROBLEM_TYPES = {
  validation: '/problems/validation-failed',
  notFound: '/problems/not-found',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  rateLimited: '/problems/rate-limited',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  csrf: '/problems/csrf-token-invalid',
  unavailable: '/problems/service-unavailable',
  internal: '/problems/internal-error',
} as const;
