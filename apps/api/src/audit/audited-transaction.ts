import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AffiliationSnapshot, AuditEvent, sealEvent } from '@parley/domain';
import type { AuditAction, AuditChange, AuditSubjectTypeOf } from '@parley/contracts';
import { Clock } from '../platform/clock/clock';
import { AuditEventBus } from './audit-event-bus';
import { AuditRepository, ChainHead } from './audit.repository';

export interface AuditActor {
  id: string | null;
  name: string | null;
  snapshot: AffiliationSnapshot | null;
}

interface NewAuditEventOf<A extends AuditAction> {
  scope: string;
  actor: AuditActor;
  action: A;
  subjectType: AuditSubjectTypeOf<A>;
  subjectId: string;
  /** Exactly the catalogue's change for `action` (libs/contracts/src/audit/): a missing or unknown key does not compile. */
  change: AuditChange<A>;
}

/** An event to record: one of the catalogue's actions with its subject type and change (the union of all when `A` is left open). */
export type NewAuditEvent<A extends AuditAction = AuditAction> = A extends AuditAction ? NewAuditEventOf<A> : never;

/** What a use case gets inside its transaction: the entity manager and a way to record what it did. */
export interface Tx {
  manager: EntityManager;
  now: Date;
  record<A extends AuditAction>(event: NewAuditEvent<A>): Promise<AuditEvent>;
  /** Several events at once (a batch of acts): one round trip per chain, in the order given. */
  recordAll(events: NewAuditEvent[]): Promise<AuditEvent[]>;
  /**
   * Says that this transaction has locked `scope` itself (chainLockSql in one of its statements)
   * and read its head in a later statement (chainHeadJoin): the events it records next follow on
   * from that head without another lock and read. A chain already locked keeps its own head.
   */
  lockedChain(scope: string, head: ChainHead): void;
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
      // The heads of the chains this transaction has locked: the first event of a chain locks it,
      // the next ones follow on from what this transaction appended.
      const heads = new Map<string, ChainHead>();
      const recordAll = async (inputs: NewAuditEvent[]): Promise<AuditEvent[]> => {
        const events: AuditEvent[] = new Array(inputs.length);
        for (const scope of new Set(inputs.map((i) => i.scope))) {
          let head = heads.get(scope) ?? (await this.audit.lockChain(manager, scope));
          const chain: AuditEvent[] = [];
          inputs.forEach((input, i) => {
            if (input.scope !== scope) return;
            events[i] = this.seal(input, head);
            head = { sequence: events[i].sequence, hash: events[i].hash };
            chain.push(events[i]);
          });
          await this.audit.append(manager, chain);
          heads.set(scope, head);
        }
        recorded.push(...events);
        return events;
      };
      const tx: Tx = {
        manager,
        now: this.clock.now(),
        record: async (input) => (await recordAll([input]))[0],
        recordAll,
        lockedChain: (scope, head) => void (heads.has(scope) || heads.set(scope, head)),
      };
      return work(tx);
    });
    this.bus.publishCommitted(recorded);
    return result;
  }

  private seal(input: NewAuditEvent, head: ChainHead): AuditEvent {
    return sealEvent({
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
  }
}
