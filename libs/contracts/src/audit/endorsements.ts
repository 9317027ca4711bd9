import { z } from 'zod';
import { event, id, isoTime, stakeholderGroupOf, subtypeOf } from './define';

const ofVersion = { documentId: id, version: z.number(), organisationId: id, organisationName: z.string() };

/** Organisations endorsing an adopted version (each group's chain). */
export const ENDORSEMENT_EVENTS = {
  'endorsement.made': event(
    'endorsement',
    z.strictObject({ ...ofVersion, stakeholderGroup: stakeholderGroupOf, subtype: subtypeOf, adoptedAt: isoTime.nullable() }),
  ),
  'endorsement.withdrawn': event('endorsement', z.strictObject({ ...ofVersion, endorsedAt: isoTime, reason: z.string().nullable() })),
} as const;
