import { z } from 'zod';
import { fieldCode } from './refusals/field-errors';
import { auditEventSchema } from './api/domain-shapes';
import { isoDate, uuid } from './common';

/** `scope=all` reads every chain (the platform's and each working group's) as one log. */
export const ALL_AUDIT_SCOPES = 'all';

const instant = z.union([isoDate, z.iso.datetime({ offset: true })]);

/**
 * The public audit log, filtered. `scope` is one chain (`platform`, `wg:<id>`) or `all`. Filters:
 * `actor` (a person's id), `organisation` (the organisation of the actor's snapshot at that moment),
 * `action` (`chair.confirmed`, or a family: `chair` or `chair.*`), `from`/`to` (dates are whole UTC
 * days, `to` included). Keyset pagination: pass back `nextCursor` as `cursor`. `after` (a sequence)
 * still reads one chain onwards, as replay does.
 */
export const auditLogQuery = /* @__PURE__ */ z
  .strictObject({
    scope: z.string().min(1).max(100),
    after: z.coerce.number().int().min(0).optional(),
    cursor: z.string().max(400).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
    actor: uuid.optional(),
    organisation: uuid.optional(),
    action: z
      .string()
      .max(80)
      .refine((s) => /^[a-z-]+(\.[a-z-]+|\.\*)?$/.test(s), fieldCode('action-filter'))
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !(q.after && q.scope === ALL_AUDIT_SCOPES), { path: ['after'], ...fieldCode('sequence-needs-scope') });
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

/** Which chain the JSON Lines export streams: one (`platform`, `wg:<id>`), or every chain when omitted. */
export const auditExportQuery = /* @__PURE__ */ z.strictObject({
  scope: z
    .string()
    .regex(/^(platform|wg:[\w-]{1,97})$/, 'Not a chain: platform or wg:<working group id>')
    .optional(),
});
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

/** Where an event lives: its web page and its API resource. */
export const auditEventLink = /* @__PURE__ */ z.object({
  scope: z.string(),
  sequence: z.number(),
  hash: z.string(),
  /** The public page of the event in the web app. */
  page: z.string(),
  /** The event as JSON. */
  api: z.string(),
});
export type AuditEventLink = z.infer<typeof auditEventLink>;

export const auditEventLinks = /* @__PURE__ */ z.object({
  page: z.string(),
  api: z.string(),
  /** The event this one's `previousHash` points to; null for the first event of a chain. */
  previous: auditEventLink.nullable(),
});
export type AuditEventLinks = z.infer<typeof auditEventLinks>;

/**
 * A page of the audit log. `items` are the events exactly as stored and exported (they verify with
 * libs/domain's `verifyChain`); `links[i]` says where `items[i]` and the event before it live.
 * An event whose change is not public yet (a vote on a ballot whose choices stay hidden until it
 * closes) is served with `withheld` set and an empty change; its hash still links the chain.
 */
export const auditLogResponse = /* @__PURE__ */ z
  .object({ items: z.array(auditEventSchema), links: z.array(auditEventLinks), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditLogResponse' });
export type AuditLogResponse = z.infer<typeof auditLogResponse>;

export const auditEventDetailResponse = /* @__PURE__ */ z
  .object({
    event: auditEventSchema,
    links: auditEventLinks,
    /** The event after this one in its chain, if any yet. */
    next: auditEventLink.nullable(),
  })
  .meta({ id: 'AuditEventDetailResponse' });
export type AuditEventDetailResponse = z.infer<typeof auditEventDetailResponse>;

export const auditEventPage = (scope: string, sequence: number) => `/audit/events/${encodeURIComponent(scope)}/${sequence}`;
export const auditEventApi = (scope: string, sequence: number) => `/api/audit/events/${encodeURIComponent(scope)}/${sequence}`;

/** Why an event's change is withheld from the public log for now (defined with the rule, in libs/domain, which the offline verifier shares). */
export { WITHHELD_UNTIL_CLOSE } from '@parley/domain';
