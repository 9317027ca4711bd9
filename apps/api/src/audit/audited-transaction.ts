import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AffiliationSnapshot, AuditEvent, sealEvent } from '@parley/domain';
import type { AuditAction } from '@parley/contracts';
import { Clock } from '../platform/clock/clock';
import { AuditEventBus } from './audit-event-bus';
import { AuditRepository } from './audit.repository';

export interface AuditActor {
  id: string | null;
  name: string | null;
  snapshot: AffiliationSnapshot | null;
}

export interface NewAuditEvent {
  scope: string;
  actor: AuditActor;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  change: Record<string, unknown>;
}

/** What a use case gets inside its transaction: the entity manager and a way to record what it did. */
export interface Tx {
  manager: EntityManager;
  now: Date;
  record(event: NewAuditEvent): Promise<AuditEvent>;
}

/**
 * One use case = one transaction: the change and its audit events commit together or not at all,
 * and the events are handed to the live publisher only after the commit.
 */
@Injectable()
export class AuditedTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly bus: AuditEventBus,
    private readonly clock: Clock,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const recorded: AuditEvent[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const tx: Tx = {
        manager,
        now,
        record: async (input) => {
          const head = await this.audit.lockChain(manager, input.scope);
          const event = sealEvent({
            scope: input.scope,
            sequence: head.sequence + 1,
            occurredAt: this.clock.now().toISOString(),
            actorId: input.actor.id,
            actorName: input.actor.name,
            actorSnapshot: input.actor.snapshot,
            action: input.action,
            subjectType: input.subjectType,
            subjectId: input.subjectId,
            change: JSON.parse(JSON.stringify(input.change)) as Record<string, unknown>,
            previousHash: head.hash,
          });
          await this.audit.insert(manager, event);
          recorded.push(event);
          return event;
        },
      };
      return work(tx);
    });
    this.bus.publishCommitted(recorded);
    return result;
  }
}
