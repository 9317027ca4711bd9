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

export interface AuditHeadResponse {
  chains: { scope: string; sequence: number; hash: string }[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
}
