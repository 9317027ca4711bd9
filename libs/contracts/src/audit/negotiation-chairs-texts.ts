import { z } from 'zod';
import { CHAIRS_TEXT_STANDINGS, OFFICES } from '@parley/domain';
import { affiliationSnapshot, event, id } from './define';
import { MEMBERS_ONLY_ISSUE } from './procedures-publication';
import { CHAIRS_TEXT_CITATIONS } from './agreed-language';

const setAside = z.strictObject({ amendmentId: id, reason: z.string(), note: z.string() });

/** Chair's texts (decision 0033): a version written by the chair's office, its pen holder on record. */
export const CHAIRS_TEXT_EVENTS = {
  'version.chairs-text-issued': event(
    'version',
    z.strictObject({
      documentId: id,
      number: z.number(),
      previous: z.number(),
      label: z.string(),
      symbol: z.string().nullable(),
      standing: z.enum(CHAIRS_TEXT_STANDINGS),
      office: z.enum(OFFICES),
      /** Who held the pen, with their affiliation as at the issue. */
      penHolder: z.strictObject({ id, name: z.string(), snapshot: affiliationSnapshot }),
      /** Clause ids: kept with a new text or kind, added, removed. */
      changed: z.array(id),
      added: z.array(id),
      removed: z.array(id),
      outdated: z.array(setAside),
      carriedForward: z.array(id),
      clauses: z.number(),
      textDigest: z.string(),
      note: z.string().nullable(),
      ...MEMBERS_ONLY_ISSUE,
      /** Agreed language its clauses quote (decision 0054). */
      ...CHAIRS_TEXT_CITATIONS,
    }),
  ),
} as const;
