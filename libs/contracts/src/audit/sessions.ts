import { z } from 'zod';
import { event } from './define';

/**
 * A steward's act on someone else's sessions (decision 0051). A person's own sign-ins, sign-outs and
 * ended sessions are not audit events: the sessions table keeps them, private to the person.
 */
export const SESSION_EVENTS = {
  'person.sessions-ended': event('person', z.strictObject({ name: z.string(), reason: z.string(), sessionsEnded: z.number().int().min(0) })),
} as const;
