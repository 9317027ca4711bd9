import { Injectable } from '@nestjs/common';
import { isoDay, workingGroupScope } from '@parley/domain';
import type { AuditActor, Tx } from '../../audit/audited-transaction';
import { BallotSubjects, type ClosedBallot } from '../../decisions/ballot-subjects';
import { PeopleService } from '../../identity/people.service';
import { ChairTermRepository } from '../chair-term.repository';
import { WorkingGroupRepository } from '../working-group.repository';
import { ChairBallotViews } from './chair-ballot-views';

/** The consequence of a ballot is not anyone's act: it follows from the result, recorded with the ballot it came from. */
const BALLOT_RESULT: AuditActor = { id: null, name: null, snapshot: null };

/**
 * What a chair-confirmation or chair-removal ballot does when it closes, inside the transaction
 * that closes it. Each handler acts once: a nomination or motion no longer open is left alone.
 */
@Injectable()
export class ChairBallotHandlers {
  constructor(
    private readonly subjects: BallotSubjects,
    private readonly groups: WorkingGroupRepository,
    private readonly terms: ChairTermRepository,
    private readonly people: PeopleService,
    private readonly views: ChairBallotViews,
  ) {
    // Registered on construction, not in onModuleInit: ballots can close (the demo loader closes
    // some) before the application is initialised by listen().
    this.subjects.register('chair-confirmation', { onClosed: (tx, ballot) => this.confirmationClosed(tx, ballot), view: (ballot) => this.views.confirmation(ballot.subjectId) });
    this.subjects.register('chair-removal', { onClosed: (tx, ballot) => this.removalClosed(tx, ballot), view: (ballot) => this.views.removal(ballot.id, ballot.subjectId) });
  }

  /** Passed: the term starts now (until the nomination's end date, if any). Failed: the nomination closes. */
  async confirmationClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    if (!ballot.subjectId) return;
    const group = await this.groups.lockGroup(tx.manager, ballot.workingGroupId);
    const nomination = await this.terms.lockNomination(tx.manager, ballot.subjectId);
    if (!group || !nomination || nomination.status !== 'balloting' || nomination.ballotId !== ballot.id) return;
    const scope = workingGroupScope(group.id);
    const totals = ballot.result.totals;
    const closing = { outcome: ballot.outcome, ballotClosedAt: ballot.closedAt, totals, at: tx.now };

    if (ballot.outcome !== 'passed') {
      await this.terms.closeNomination(tx.manager, nomination.id, { ...closing, status: 'rejected', chairTermId: null, note: ballot.result.explanation });
      await tx.record({
        scope,
        actor: BALLOT_RESULT,
        action: 'chair.rejected',
        subjectType: 'chair-nomination',
        subjectId: nomination.id,
        change: { status: 'rejected', nomineeId: nomination.nomineeId, name: nomination.nomineeName, ballotId: ballot.id, outcome: ballot.outcome, totals, explanation: ballot.result.explanation },
      });
      return;
    }

    const snapshot = await this.people.snapshotOf(tx.manager, nomination.nomineeId, tx.now);
    const lapse = !(await this.groups.currentMembership(tx.manager, group.id, nomination.nomineeId))
      ? `${nomination.nomineeName} left the working group before the ballot closed`
      : snapshot === null
        ? `${nomination.nomineeName} had no current affiliation when the ballot closed`
        : (await this.terms.openTermOf(tx.manager, group.id, nomination.nomineeId))
          ? `${nomination.nomineeName} already chairs this working group`
          : nomination.termEndsOn !== null && nomination.termEndsOn <= isoDay(tx.now)
            ? `The term was to end on ${nomination.termEndsOn}, before the ballot closed`
            : null;
    if (lapse !== null) {
      await this.terms.closeNomination(tx.manager, nomination.id, { ...closing, status: 'lapsed', chairTermId: null, note: lapse });
      await tx.record({
        scope,
        actor: BALLOT_RESULT,
        action: 'chair.rejected',
        subjectType: 'chair-nomination',
        subjectId: nomination.id,
        change: { status: 'lapsed', nomineeId: nomination.nomineeId, name: nomination.nomineeName, ballotId: ballot.id, outcome: ballot.outcome, totals, note: lapse },
      });
      return;
    }

    const endsAt = nomination.termEndsOn === null ? null : new Date(`${nomination.termEndsOn}T00:00:00.000Z`);
    const termId = await this.terms.insertTerm(tx.manager, {
      workingGroupId: group.id,
      personId: nomination.nomineeId,
      snapshot: snapshot!,
      confirmingBallotId: ballot.id,
      nominationId: nomination.id,
      startedAt: tx.now,
      endsAt,
    });
    await this.terms.closeNomination(tx.manager, nomination.id, { ...closing, status: 'confirmed', chairTermId: termId, note: null });
    const activated = group.status === 'forming';
    if (activated) await this.groups.setStatus(tx.manager, group.id, 'active');
    await tx.record({
      scope,
      actor: BALLOT_RESULT,
      action: 'chair.confirmed',
      subjectType: 'chair-term',
      subjectId: termId,
      change: {
        personId: nomination.nomineeId,
        name: nomination.nomineeName,
        snapshot,
        nominationId: nomination.id,
        ballotId: ballot.id,
        outcome: ballot.outcome,
        totals,
        startedAt: tx.now.toISOString(),
        endsAt: endsAt?.toISOString() ?? null,
        ...(activated ? { groupStatus: 'active' } : {}),
      },
    });
  }

  /** Passed: the term ends as removed by ballot. Otherwise, or when the term had already ended, the motion closes. */
  async removalClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    const motion = await this.terms.lockRemovalMotionByBallot(tx.manager, ballot.id);
    if (!motion || motion.status !== 'balloting') return;
    const term = (await this.terms.lockTerm(tx.manager, motion.chairTermId))!;
    const scope = workingGroupScope(motion.workingGroupId);
    const totals = ballot.result.totals;
    if (ballot.outcome === 'passed' && term.endedAt === null) {
      await this.terms.endTerm(tx.manager, term.id, tx.now, 'removed-by-ballot', motion.reason);
      await this.terms.closeRemovalMotion(tx.manager, motion.id, 'carried', ballot.outcome, tx.now);
      await tx.record({
        scope,
        actor: BALLOT_RESULT,
        action: 'chair.removed',
        subjectType: 'chair-term',
        subjectId: term.id,
        change: { personId: term.personId, name: term.personName, termSnapshot: term.snapshot, motionId: motion.id, reason: motion.reason, ballotId: ballot.id, outcome: ballot.outcome, totals },
      });
      return;
    }
    const status = ballot.outcome === 'passed' ? 'moot' : 'failed';
    const failed = { personId: term.personId, name: term.personName, motionId: motion.id, ballotId: ballot.id, outcome: ballot.outcome, totals };
    await this.terms.closeRemovalMotion(tx.manager, motion.id, status, ballot.outcome, tx.now);
    await tx.record({
      scope,
      actor: BALLOT_RESULT,
      action: 'chair.removal-failed',
      subjectType: 'chair-term',
      subjectId: term.id,
      change:
        status === 'moot'
          ? { status, ...failed, note: `The term had already ended (${term.endReason})` }
          : { status, ...failed, explanation: ballot.result.explanation },
    });
  }
}
