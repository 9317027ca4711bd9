import { silenceOutcomeOf } from '@parley/domain';
import type { TypedAuditEvents } from '@parley/contracts';
import { EventContext, type Notice } from './notice';

type SilenceEnd = TypedAuditEvents['silence.objection-raised'] | TypedAuditEvents['silence.withdrawn'] | TypedAuditEvents['silence.passed'];

/** A silence procedure starts: every member of the group (it is adopted unless one objects). */
export async function silenceStarted(c: EventContext, e: TypedAuditEvents['silence.started']): Promise<Notice[]> {
  if (!c.groupId) return [];
  const ch = e.change;
  return [await c.notice('silence-started', await c.lookups.members(c.groupId), { documentId: ch.documentId, version: ch.version, facts: { deadline: ch.deadline } })];
}

export async function silenceConcluded(c: EventContext, e: SilenceEnd): Promise<Notice[]> {
  if (!c.groupId) return [];
  const outcome = silenceOutcomeOf(e.action);
  const ch = e.change;
  return [await c.notice('silence-concluded', await c.lookups.members(c.groupId), { documentId: ch.documentId, version: ch.version, facts: { outcome } })];
}

export async function lastCallOpened(c: EventContext, e: TypedAuditEvents['last-call.opened']): Promise<Notice[]> {
  if (!c.groupId) return [];
  const ch = e.change;
  return [await c.notice('last-call-opened', await c.lookups.members(c.groupId), { documentId: ch.documentId, version: ch.version, facts: { closesAt: ch.closesAt } })];
}
