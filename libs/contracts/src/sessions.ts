import { z } from 'zod';
import { instant } from './api/domain-shapes';
import { text } from './common';

/** A session as its person (or a steward) sees it in the list of active sessions (decision 0051). */
export const sessionDevice = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('browser'), browser: z.string(), os: z.string().nullable() }),
  z.object({ kind: z.literal('script'), tool: z.string().nullable() }),
  z.object({ kind: z.literal('unknown') }),
]);

export const activeSessionResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    /** The session this request came with. */
    current: z.boolean(),
    device: sessionDevice,
    /** The device's name in English ("Firefox on Windows"); the web composes its own. */
    deviceLabel: z.string(),
    /** The network it was opened from (IPv4 /24, IPv6 /48), never the address; null when unknown. */
    ipRange: z.string().nullable(),
    signedInVia: z.object({ method: z.enum(['password', 'identity-provider']), providerId: z.string().nullable(), providerName: z.string().nullable() }),
    createdAt: instant,
    /** Within a minute: last use is written at most once a minute per session. */
    lastUsedAt: instant,
    expiresAt: instant,
  })
  .meta({ id: 'ActiveSession' });
export type ActiveSessionResponse = z.infer<typeof activeSessionResponse>;

export const activeSessionList = /* @__PURE__ */ z.array(activeSessionResponse);

export const sessionsEndedResponse = /* @__PURE__ */ z.object({ ended: z.number().int().min(0) }).meta({ id: 'SessionsEnded' });
export type SessionsEndedResponse = z.infer<typeof sessionsEndedResponse>;

/** A steward ends every session of an account: the reason is recorded in the public audit log. */
export const endAllSessionsRequest = /* @__PURE__ */ z.strictObject({ reason: text(500) });
export type EndAllSessionsRequest = z.infer<typeof endAllSessionsRequest>;
