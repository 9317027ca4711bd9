import { z } from 'zod';
import { confirmerRole, event, id } from './define';

const whoFor = { personId: id, name: z.string(), organisationId: id, organisationName: z.string(), as: confirmerRole };

/** Focal points and their decisions on declared affiliations (the platform chain). */
export const AFFILIATION_CONFIRMATION_EVENTS = {
  'focal-point.appointed': event('focal-point', z.strictObject({ ...whoFor, reason: z.string().nullable() })),
  'focal-point.appointment-ended': event('focal-point', z.strictObject({ ...whoFor, reason: z.string().nullable() })),
  'affiliation.confirmed': event('affiliation', z.strictObject({ ...whoFor, reason: z.string().nullable(), via: z.enum(['decision', 'appointment', 'identity-provider']) })),
  'affiliation.refused': event('affiliation', z.strictObject({ ...whoFor, reason: z.string() })),
  'affiliation.confirmation-ended': event('affiliation', z.strictObject({ ...whoFor, reason: z.string() })),
} as const;
