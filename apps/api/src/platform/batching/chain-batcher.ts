import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@parley/contracts';
import { AuditedTransaction, type NewAuditEvent, type Tx } from '../../audit/audited-transaction';
import { Clock } from '../clock/clock';
import { KeyedBatcher, type Settled } from './keyed-batcher';

/**
 * The transaction an act of a chain writes in: an audited transaction whose recorded events an act
 * never reads back, because in a batch they are sealed and appended only when every act has run.
 */
export interface ChainTx extends Omit<Tx, 'record' | 'recordAll' | 'lockedChain'> {
  record<A extends AuditAction>(event: NewAuditEvent<A>): Promise<unknown>;
  recordAll(events: NewAuditEvent[]): Promise<unknown>;
}

/** One act of a chain: its writes and the events it records, in the transaction it is given. */
export type ChainAct<T> = (tx: ChainTx) => Promise<T>;

/**
 * The most acts one transaction takes. A batch's acts run one after another on one connection, so a
 * long batch keeps the acts behind it waiting; ten already share one commit and one chain lock ten
 * ways (decision 0055 has the measurements). Far below the 64
 * subtransactions PostgreSQL keeps in shared memory per transaction (past that, every other
 * backend's snapshot must look them up on disk).
 */
const MAX_ACTS_PER_TRANSACTION = 10;

/**
 * Transactions of one chain written at once (decision 0062): a batch's acts run one after another on
 * one connection, so with one at a time a busy group waits on that connection's round trips while
 * the cores idle. Three took the comment storm from 27 to 38 % of its limit; five added nothing.
 */
const TRANSACTIONS_IN_FLIGHT = 3;

/** How many times an act that loses deadlocks runs, each time in a later transaction, before its caller gets the error. */
const DEADLOCK_RUNS = 5;

/** PostgreSQL's deadlock_detected: the victim's statement failed and nothing of its act remains. */
const isDeadlock = (error: unknown) => (error as { code?: string } | null)?.code === '40P01';

/** An act that lost a deadlock: rolled back (its savepoint or its whole transaction), so it can run again. */
class DeadlockedAct extends Error {
  constructor(readonly deadlock: unknown) {
    super('deadlocked act, to run again');
  }
}

/**
 * Group commit for every act of a busy hash chain (docs/decisions/0055-group-commit-of-drafting-acts.md).
 * Acts on one chain (a working group's audit scope) that arrive while a transaction of that chain is
 * being written wait and run together in the next one, in arrival order, each inside its own
 * SAVEPOINT: a refused act (a thrown problem, a constraint it broke) is rolled back alone and gets its
 * refusal, the others commit. Their events are appended in one statement, in act order, under one
 * chain lock taken at the end, and each caller is answered only after COMMIT. If the connection drops
 * or the commit fails, every act of that transaction gets the error and nothing is retried: the commit
 * may have happened. An act alone is the ordinary one-act transaction, run at once (no timer, no
 * savepoint), so a quiet chain pays nothing.
 */
@Injectable()
export class ChainBatcher {
  private readonly batcher = new KeyedBatcher<ChainAct<unknown>, unknown>({
    maxBatch: MAX_ACTS_PER_TRANSACTION,
    inFlight: TRANSACTIONS_IN_FLIGHT,
    run: (_scope, acts) => (acts.length === 1 ? this.alone(acts[0]) : this.together(acts)),
    // A savepoint already isolates each act; a whole transaction fails only when the connection or the commit did.
    retryAloneAfter: () => false,
  });

  constructor(
    private readonly audited: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `act` in a transaction of `scope`'s chain, shared with the acts that arrive meanwhile; answers
   * once committed. Transactions of a chain written at once can deadlock on row locks taken in another
   * order: PostgreSQL then fails one act, which is rolled back and runs again in a later transaction.
   */
  async run<T>(scope: string, act: ChainAct<T>): Promise<T> {
    const guarded: ChainAct<T> = async (tx) => {
      try {
        return await act(tx);
      } catch (error) {
        throw isDeadlock(error) ? new DeadlockedAct(error) : error;
      }
    };
    for (let runs = 1; ; runs++) {
      try {
        return (await this.batcher.submit(scope, guarded)) as T;
      } catch (error) {
        if (!(error instanceof DeadlockedAct)) throw error;
        if (runs >= DEADLOCK_RUNS) throw error.deadlock;
      }
    }
  }

  /** How many acts of a chain wait for the transaction being written (for tests and metrics). */
  waiting(scope: string): number {
    return this.batcher.waiting(scope);
  }

  /** An act alone: its own transaction, no savepoint; its events too are appended last, so the chain lock is the last one it takes. */
  private alone(act: ChainAct<unknown>): Promise<Settled<unknown>[]> {
    return this.audited.run(async (tx) => {
      const own: NewAuditEvent[] = [];
      const value = await act(this.collecting(tx, own));
      await tx.recordAll(own);
      return [{ ok: true, value }];
    });
  }

  /** The transaction as an act sees it: its events collected in `into`, each act its own time. */
  private collecting(tx: Tx, into: NewAuditEvent[]): ChainTx {
    return {
      manager: tx.manager,
      now: this.clock.now(),
      record: async (event) => into.push(event),
      recordAll: async (events) => into.push(...events),
    };
  }

  private together(acts: ChainAct<unknown>[]): Promise<Settled<unknown>[]> {
    return this.audited.run(async (tx) => {
      const outcomes: Settled<unknown>[] = [];
      const kept: NewAuditEvent[] = [];
      for (const act of acts) {
        const own: NewAuditEvent[] = [];
        await tx.manager.query('SAVEPOINT chain_act');
        try {
          const value = await act(this.collecting(tx, own));
          await tx.manager.query('RELEASE SAVEPOINT chain_act');
          kept.push(...own);
          outcomes.push({ ok: true, value });
        } catch (error) {
          // If this fails too, the connection is gone: the whole transaction fails, every act with it.
          await tx.manager.query('ROLLBACK TO SAVEPOINT chain_act');
          outcomes.push({ ok: false, error });
        }
      }
      await tx.recordAll(kept);
      return outcomes;
    });
  }
}
