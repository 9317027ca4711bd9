import { parseAuditEvent, type ParsedAuditEvent } from '@parley/contracts';
import type { AuditEvent } from '@parley/domain';

const parsed = new WeakMap<AuditEvent, ParsedAuditEvent>();

/** The event read through the catalogue, once per event object however many rooms and replays ask. */
export function typedEvent(event: AuditEvent): ParsedAuditEvent {
  let p = parsed.get(event);
  if (!p) parsed.set(event, (p = parseAuditEvent(event)));
  return p;
}
