import { z } from 'zod';
import type { AuditEvent } from '@parley/domain';

/** The event vocabulary: `<resource>.<past-tense verb>`, used as audit action and socket event name alike. Never rename one once shipped. */
export const AUDIT_ACTIONS = [
  'person.registered',
  'person.made-steward',
  'organisation.created',
  'organisation.verified',
  'affiliation.added',
  'affiliation.ended',
  'affiliation.made-primary',
  'declaration.added',
  'working-group.created',
  'membership.requested',
  'membership.admitted',
  'membership.refused',
  'membership.left',
  'membership.removed',
  'role.changed',
  'chair.nominated',
  'chair.nomination-accepted',
  'chair.nomination-declined',
  'chair.confirmed',
  'chair.rejected',
  'chair.resigned',
  'chair.removal-proposed',
  'chair.removed',
  'ballot.opened',
  'ballot.closed',
  'vote.cast',
  'vote.changed',
  'chair.removal-failed',
  'chair.imported',
  'document.created',
  'version.created',
  'comment.posted',
  'comment.disposed',
  'amendment.proposed',
  'amendment.cosponsored',
  'amendment.withdrawn',
  'amendment.accepted',
  'amendment.rejected',
  'amendment.outdated',
  'version.adopted',
  'endorsement.made',
  'endorsement.withdrawn',
  'membership.request-withdrawn',
  'chair.nomination-withdrawn',
  'amendment.cosponsorship-withdrawn',
  'focal-point.appointed',
  'focal-point.appointment-ended',
  'affiliation.confirmed',
  'affiliation.refused',
  'affiliation.confirmation-ended',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEventResponse = AuditEvent;

export const auditHeadResponse = /* @__PURE__ */ z
  .object({ chains: z.array(z.object({ scope: z.string(), sequence: z.number(), hash: z.string() })) })
  .meta({ id: 'AuditHeadResponse' });
export type AuditHeadResponse = z.infer<typeof auditHeadResponse>;

export const healthResponse = /* @__PURE__ */ z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']), version: z.string() })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof healthResponse>;
