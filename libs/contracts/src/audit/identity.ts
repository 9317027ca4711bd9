import { z } from 'zod';
import { DECLARATION_KINDS } from '../identity';
import { event, id, stakeholderGroupOf, subtypeOf } from './define';

/** People, their affiliations and declarations (the platform chain). */
export const IDENTITY_EVENTS = {
  'person.registered': event('person', z.strictObject({ name: z.string(), steward: z.boolean() })),
  'person.made-steward': event('person', z.strictObject({ name: z.string(), via: z.enum(['steward', 'command-line']) })),
  'affiliation.added': event(
    'affiliation',
    z.strictObject({
      organisationId: id,
      organisationName: z.string(),
      stakeholderGroup: stakeholderGroupOf,
      subtype: subtypeOf,
      title: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      primary: z.boolean(),
    }),
  ),
  'affiliation.ended': event('affiliation', z.strictObject({ organisationId: id, organisationName: z.string(), endDate: z.string() })),
  'affiliation.made-primary': event('affiliation', z.strictObject({ organisationId: id, organisationName: z.string() })),
  'declaration.added': event(
    'declaration',
    z.union([
      z.strictObject({
        kind: z.enum(DECLARATION_KINDS),
        organisationId: id.nullable(),
        organisationName: z.string(),
        note: z.string(),
        since: z.string().nullable(),
      }),
      // Declared with an independent expert's affiliation: the funding, without an organisation id or date.
      z.strictObject({ kind: z.literal('funding'), organisationName: z.string(), note: z.string() }),
    ]),
  ),
} as const;
