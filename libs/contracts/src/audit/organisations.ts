import { z } from 'zod';
import { event, id, stakeholderGroupOf, subtypeOf } from './define';

/** Organisations (the platform chain). */
export const ORGANISATION_EVENTS = {
  'organisation.created': event(
    'organisation',
    z.strictObject({
      name: z.string(),
      stakeholderGroup: stakeholderGroupOf,
      subtype: subtypeOf,
      country: z.string().nullable(),
      lobbyingRegisterId: z.string().nullable(),
    }),
  ),
  'organisation.verified': event('organisation', z.strictObject({ name: z.string(), stewardId: id })),
} as const;
