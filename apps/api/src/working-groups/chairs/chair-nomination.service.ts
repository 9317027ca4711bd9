import { Injectable } from '@nestjs/common';
import { isoDay, workingGroupScope } from '@parley/domain';
import type {
  AcceptNominationRequest,
  ChairNominationResponse,
  ChairRemovalMotionResponse,
  ChairTermResponse,
  DeclineNominationRequest,
  NominateChairRequest,
  ProposeChairRemovalRequest,
  ResignChairRequest,
  WithdrawNominationRequest,
} from '@parley/contracts';
import { AuditedTransaction, Tx } from '../../audit/audited-transaction';
import { BallotService } from '../../decisions/ballot.service';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { refusal } from '@parley/contracts';
import { authorise, notFound, refuse, refused, validationProblem } from '../../platform/http/problem';
import { ChairTermRepository } from '../chair-term.repository';
import { WorkingGroupStandings } from '../working-group-standing';
import { canAnswerNomination, canBeNominated, canDeclineNomination, canNominateChair, canProposeChairRemoval, canResign, canWithdrawNomination } from '../working-group.policy';
import { WorkingGroupRepository, type WorkingGroupRow } from '../working-group.repository';
import { toChairTermResponse, toNominationResponse } from '../working-group.views';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_BALLOT_DAYS = 7;

/**
 * Chairs are confirmed, not named: a member nominates (or self-nominates), the nominee accepts,
 * acceptance opens a chair-confirmation ballot with the group's rule, and the term starts only
 * when that ballot passes (see ChairBallotHandlers). Resignation ends a term; a chair-removal
 * ballot can end one.
 */
@Injectable()
export class ChairNominationService {
  constructor(
    private readonly groups: WorkingGroupRepository,
    private readonly terms: ChairTermRepository,
    private readonly standings: WorkingGroupStandings,
    private readonly people: PeopleService,
    private readonly ballots: BallotService,
    private readonly tx: AuditedTransaction,
  ) {}

  nominate(actor: Actor, groupId: string, input: NominateChairRequest): Promise<ChairNominationResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.lockGroup(tx, groupId);
      authorise(canNominateChair(await this.standings.of(tx.manager, group, actor.id, tx.now)));
      const nominee = await this.groups.currentMembership(tx.manager, groupId, input.nomineeId);
      const eligible = canBeNominated(nominee);
      if (eligible !== true) throw refused(eligible, 'nomineeId');
      const nomineeName = nominee!.personName;
      const nomineeSnapshot = await this.people.snapshotOf(tx.manager, input.nomineeId, tx.now);
      if (!nomineeSnapshot) throw refused(refusal('nominee-without-affiliation', { name: nomineeName }), 'nomineeId');
      if (await this.terms.openTermOf(tx.manager, groupId, input.nomineeId)) throw refused(refusal('already-chairs', { name: nomineeName }), 'nomineeId');
      if (await this.terms.openNominationOf(tx.manager, groupId, input.nomineeId)) throw refused(refusal('nominee-open-nomination', { name: nomineeName }), 'nomineeId');
      if (input.termEndsOn && input.termEndsOn <= isoDay(tx.now)) throw validationProblem('termEndsOn', 'term-ends-after-today');
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const id = await this.terms.insertNomination(tx.manager, {
        workingGroupId: groupId,
        nomineeId: input.nomineeId,
        nomineeSnapshot,
        nominatedBy: actor.id,
        nominatorSnapshot: auditActor.snapshot!,
        statement: input.statement ?? null,
        termEndsOn: input.termEndsOn ?? null,
        createdAt: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: auditActor,
        action: 'chair.nominated',
        subjectType: 'chair-nomination',
        subjectId: id,
        change: { nomineeId: input.nomineeId, nomineeName, nomineeSnapshot, selfNomination: input.nomineeId === actor.id, statement: input.statement ?? null, termEndsOn: input.termEndsOn ?? null },
      });
      return toNominationResponse((await this.terms.findNomination(id, tx.manager))!);
    });
  }

  /** The nominee accepts: a chair-confirmation ballot opens, with the group's rule, for `ballotDays` (default 7). */
  accept(actor: Actor, nominationId: string, input: AcceptNominationRequest, options: { closesAt?: Date } = {}): Promise<ChairNominationResponse> {
    return this.tx.run(async (tx) => {
      // Locks in the same order as every other chair act: the group, then the nomination.
      const seen = await this.terms.findNomination(nominationId, tx.manager);
      if (!seen) throw notFound('nomination');
      const group = await this.lockGroup(tx, seen.workingGroupId);
      const nomination = (await this.terms.lockNomination(tx.manager, nominationId))!;
      authorise(canAnswerNomination(await this.standings.of(tx.manager, group, actor.id, tx.now), actor.id, nomination.nomineeId));
      if (nomination.status !== 'nominated') throw refuse('nomination-answered', { status: nomination.status });
      if (await this.terms.openTermOf(tx.manager, group.id, actor.id)) throw refuse('you-already-chair');
      const snapshot = (await this.people.snapshotOf(tx.manager, actor.id, tx.now))!;
      const closesAt = options.closesAt ?? new Date(tx.now.getTime() + (input.ballotDays ?? DEFAULT_BALLOT_DAYS) * DAY_MS);
      const { id: ballotId } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: group.id,
        subjectType: 'chair-confirmation',
        subjectId: nomination.id,
        title: `Confirm ${nomination.nomineeName} (${snapshot.organisationName}) as chair of ${group.name}`,
        subjectDetails: { type: 'chair-confirmation', personName: nomination.nomineeName, organisationName: snapshot.organisationName, groupName: group.name },
        description: [
          nomination.statement,
          nomination.termEndsOn ? `The term would end on ${nomination.termEndsOn}.` : 'The term would have no end date.',
          `Nominated by ${nomination.nominatorName} (${nomination.nominatorSnapshot.organisationName}).`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        closesAt,
      });
      await this.terms.markBalloting(tx.manager, nomination.id, tx.now, ballotId);
      await tx.record({
        scope: workingGroupScope(group.id),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'chair.nomination-accepted',
        subjectType: 'chair-nomination',
        subjectId: nomination.id,
        change: { nomineeId: actor.id, snapshot, ballotId, rule: group.decisionRules['chair-confirmation'], closesAt: closesAt.toISOString() },
      });
      return toNominationResponse((await this.terms.findNomination(nomination.id, tx.manager))!);
    });
  }

  decline(actor: Actor, nominationId: string, input: DeclineNominationRequest): Promise<ChairNominationResponse> {
    return this.tx.run(async (tx) => {
      const nomination = await this.terms.lockNomination(tx.manager, nominationId);
      if (!nomination) throw notFound('nomination');
      authorise(canDeclineNomination(actor.id, nomination.nomineeId));
      if (nomination.status !== 'nominated') throw refuse('nomination-answered', { status: nomination.status });
      await this.terms.markDeclined(tx.manager, nomination.id, tx.now, input.note ?? null);
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      await tx.record({
        scope: workingGroupScope(nomination.workingGroupId),
        actor: auditActor,
        action: 'chair.nomination-declined',
        subjectType: 'chair-nomination',
        subjectId: nomination.id,
        change: { nomineeId: actor.id, snapshot: auditActor.snapshot, note: input.note ?? null },
      });
      return toNominationResponse((await this.terms.findNomination(nomination.id, tx.manager))!);
    });
  }

  /** The nominee or their nominator withdraws a nomination the nominee has not answered (once accepted, the ballot decides). */
  withdraw(actor: Actor, nominationId: string, input: WithdrawNominationRequest): Promise<ChairNominationResponse> {
    return this.tx.run(async (tx) => {
      const nomination = await this.terms.lockNomination(tx.manager, nominationId);
      if (!nomination) throw notFound('nomination');
      authorise(canWithdrawNomination(actor.id, nomination));
      if (nomination.status !== 'nominated') throw refuse('nomination-not-withdrawable', { status: nomination.status });
      const note = input.note ?? null;
      await this.terms.markWithdrawn(tx.manager, nomination.id, tx.now, actor.id, note);
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      await tx.record({
        scope: workingGroupScope(nomination.workingGroupId),
        actor: auditActor,
        action: 'chair.nomination-withdrawn',
        subjectType: 'chair-nomination',
        subjectId: nomination.id,
        change: {
          nomineeId: nomination.nomineeId,
          nomineeName: nomination.nomineeName,
          nomineeSnapshot: nomination.nomineeSnapshot,
          by: actor.id === nomination.nomineeId ? 'nominee' : 'nominator',
          snapshot: auditActor.snapshot,
          note,
        },
      });
      return toNominationResponse((await this.terms.findNomination(nomination.id, tx.manager))!);
    });
  }

  resign(actor: Actor, termId: string, input: ResignChairRequest): Promise<ChairTermResponse> {
    return this.tx.run(async (tx) => {
      const term = await this.terms.lockTerm(tx.manager, termId);
      if (!term) throw notFound('chair-term');
      authorise(canResign(actor.id, term.personId));
      if (term.endedAt) throw refuse('term-ended', { reason: term.endReason });
      await this.terms.endTerm(tx.manager, term.id, tx.now, 'resigned', input.note ?? null);
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      await tx.record({
        scope: workingGroupScope(term.workingGroupId),
        actor: auditActor,
        action: 'chair.resigned',
        subjectType: 'chair-term',
        subjectId: term.id,
        change: { personId: term.personId, name: term.personName, termSnapshot: term.snapshot, snapshot: auditActor.snapshot, startedAt: term.startedAt.toISOString(), note: input.note ?? null },
      });
      return toChairTermResponse((await this.terms.findTerm(term.id, tx.manager))!, tx.now);
    });
  }

  /** Any voting member may move to remove a chair: a chair-removal ballot opens with the group's rule. */
  proposeRemoval(actor: Actor, termId: string, input: ProposeChairRemovalRequest): Promise<ChairRemovalMotionResponse> {
    return this.tx.run(async (tx) => {
      const seen = await this.terms.findTerm(termId, tx.manager);
      if (!seen) throw notFound('chair-term');
      const group = await this.lockGroup(tx, seen.workingGroupId);
      const term = (await this.terms.lockTerm(tx.manager, termId))!;
      authorise(canProposeChairRemoval(await this.standings.of(tx.manager, group, actor.id, tx.now)));
      if (term.endedAt) throw refuse('term-ended', { reason: term.endReason });
      if (await this.terms.openRemovalMotionOf(tx.manager, term.id)) throw refuse('removal-ballot-open');
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const closesAt = new Date(tx.now.getTime() + (input.ballotDays ?? DEFAULT_BALLOT_DAYS) * DAY_MS);
      const { id: ballotId } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: group.id,
        subjectType: 'chair-removal',
        subjectId: term.id,
        title: `Remove ${term.personName} (${term.snapshot.organisationName}) as chair of ${group.name}`,
        subjectDetails: { type: 'chair-removal', personName: term.personName, organisationName: term.snapshot.organisationName, groupName: group.name },
        description: `Proposed by ${auditActor.name} (${auditActor.snapshot!.organisationName}): ${input.reason}`,
        closesAt,
      });
      const id = await this.terms.insertRemovalMotion(tx.manager, { workingGroupId: group.id, chairTermId: term.id, proposedBy: actor.id, proposerSnapshot: auditActor.snapshot!, reason: input.reason, createdAt: tx.now, ballotId });
      await tx.record({
        scope: workingGroupScope(group.id),
        actor: auditActor,
        action: 'chair.removal-proposed',
        subjectType: 'chair-term',
        subjectId: term.id,
        change: { motionId: id, personId: term.personId, name: term.personName, termSnapshot: term.snapshot, reason: input.reason, ballotId, rule: group.decisionRules['chair-removal'] },
      });
      return { id, chairTermId: term.id, workingGroupId: group.id, proposedBy: { id: actor.id, name: auditActor.name ?? actor.name }, reason: input.reason, ballotId, status: 'balloting', createdAt: tx.now.toISOString() };
    });
  }

  async get(nominationId: string): Promise<ChairNominationResponse> {
    const n = await this.terms.findNomination(nominationId);
    if (!n) throw notFound('nomination');
    return toNominationResponse(n);
  }

  async list(groupId: string): Promise<ChairNominationResponse[]> {
    if (!(await this.groups.findGroup(groupId))) throw notFound('working-group');
    return (await this.terms.nominations(groupId)).map(toNominationResponse);
  }

  private async lockGroup(tx: Tx, groupId: string): Promise<WorkingGroupRow> {
    const group = await this.groups.lockGroup(tx.manager, groupId);
    if (!group) throw notFound('working-group');
    return group;
  }
}
