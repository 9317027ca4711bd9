import { Injectable } from '@nestjs/common';
import type { BallotOutcome, BallotResult, BallotSubjectKind, ControlledBallotResult } from '@parley/domain';
import type { BallotSubjectView } from '@parley/contracts';
import type { Tx } from '../audit/audited-transaction';

export interface ClosedBallot {
  id: string;
  workingGroupId: string;
  subjectType: BallotSubjectKind;
  subjectId: string | null;
  outcome: BallotOutcome;
  /** As published: a secret ballot's under disclosure control. */
  result: BallotResult | ControlledBallotResult;
  closedAt: Date;
}

/**
 * What a ballot decides belongs to another context (a chair nomination, an amendment, a version).
 * That context registers a handler here; the decisions context calls it inside the transaction
 * that closes the ballot, so the decision and its consequence commit together, and asks it for
 * the subject as the ballot page shows it.
 */
export interface BallotSubjectHandler {
  onClosed(tx: Tx, ballot: ClosedBallot): Promise<void>;
  /** What the ballot decides, as its page shows it (a few bounded reads, never a whole document for one clause). */
  view?(ballot: { id: string; subjectId: string | null }): Promise<BallotSubjectView | null>;
}

@Injectable()
export class BallotSubjects {
  private readonly handlers = new Map<BallotSubjectKind, BallotSubjectHandler>();

  register(subjectType: BallotSubjectKind, handler: BallotSubjectHandler): void {
    if (this.handlers.has(subjectType)) throw new Error(`a handler for ${subjectType} ballots is already registered`);
    this.handlers.set(subjectType, handler);
  }

  handlerFor(subjectType: BallotSubjectKind): BallotSubjectHandler | null {
    return this.handlers.get(subjectType) ?? null;
  }
}
