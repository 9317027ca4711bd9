import { AuditEvent, GENESIS_HASH } from './audit-event';
import { sealEvent } from './hash-chain';

/** What a test chain's event is about; the rest (time, actor, links) is filled in. */
export interface ChainAct {
  action: string;
  subjectType: string;
  subjectId: string;
  change: Record<string, unknown>;
}

/** A valid chain of sealed events, one a second from 2026-12-01, each linked to the one before. */
export function chainOf(scope: string, acts: ChainAct[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  let previousHash = GENESIS_HASH;
  acts.forEach((a, i) => {
    const e = sealEvent({
      scope,
      sequence: i + 1,
      occurredAt: new Date(Date.UTC(2026, 11, 1, 9, 0, i)).toISOString(),
      actorId: `person-${i % 3}`,
      actorName: `Person ${i % 3}`,
      actorSnapshot: null,
      previousHash,
      ...a,
    });
    out.push(e);
    previousHash = e.hash;
  });
  return out;
}

/** A chain of `thing.changed` events with the changes given. */
export const chainOfChanges = (scope: string, changes: Record<string, unknown>[]): AuditEvent[] =>
  chainOf(
    scope,
    changes.map((change, i) => ({ action: 'thing.changed', subjectType: 'thing', subjectId: String(i), change })),
  );
