import { admissionAnswersRequest } from '@parley/domain';
import type { TypedAuditEvents } from '@parley/contracts';
import { EventContext, type Notice } from './notice';

/** A request to join: the chairs decide it (the convener while there is no chair). */
export async function membershipRequested(c: EventContext, e: TypedAuditEvents['membership.requested']): Promise<Notice[]> {
  if (!c.groupId || e.change.joinPolicy === 'open') return [];
  return [await c.notice('join-request-received', await c.lookups.deciders(c.groupId))];
}

/** The applicant learns the decision on their request (not an open-policy admission: that was their own act). */
export async function membershipDecided(c: EventContext, e: TypedAuditEvents['membership.admitted'] | TypedAuditEvents['membership.refused']): Promise<Notice[]> {
  const ch = e.change;
  if (e.action === 'membership.admitted' && !admissionAnswersRequest(ch.via, 'requestId' in ch)) return [];
  return [await c.notice('join-request-decided', [ch.personId], { facts: { decision: e.action === 'membership.admitted' ? 'admitted' : 'refused' } })];
}

/** Under non-objection, the voting members may object to a request circulated to them. */
export async function joinRequestCirculated(c: EventContext, e: TypedAuditEvents['join-request.circulated']): Promise<Notice[]> {
  if (!c.groupId) return [];
  const members = (await c.lookups.members(c.groupId, true)).filter((m) => m !== e.change.personId);
  return [await c.notice('admission-proposed', members, { facts: { applicant: e.change.name, until: e.change.endsAt } })];
}

export async function chairNominated(c: EventContext, e: TypedAuditEvents['chair.nominated']): Promise<Notice[]> {
  if (e.change.selfNomination) return [];
  return [await c.notice('nominated', [e.change.nomineeId])];
}
