import type { TypedAuditEvents } from '@parley/contracts';
import { EventContext, links, type Notice } from './notice';

/** A declared affiliation awaits confirmation by the organisation's focal points (see identity/focal-point.service.ts). */
export async function affiliationAdded(c: EventContext, e: TypedAuditEvents['affiliation.added']): Promise<Notice[]> {
  const ch = e.change;
  return [await c.notice('affiliation-to-confirm', await c.lookups.focalPoints(ch.organisationId), { link: links.focalPoints(), facts: { organisation: ch.organisationName } })];
}
