import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { canonicalJson, controlSecretResult, decideBallot, workingGroupScope, STAKEHOLDER_GROUPS } from '@parley/domain';
import type { BallotResponse, CloseBallotRequest, OpenBallotRequest } from '@parley/contracts';
import { AuditActor, AuditedTransaction, Tx } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { authorise, notFound, refuse, validationProblem } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { BallotEntity } from './ballot.entity';
import { BallotReads } from './ballot-reads.service';
import { canClose, canOpenBallot } from './ballot.policy';
import { BallotRepository } from './ballot.repository';
import { BallotSubjects, ClosedBallot } from './ballot-subjects';
import type { BallotOpener, OpenBallotSpec, OpenedBallot } from './open-ballot-spec';

/** Who closes a ballot that reached its closing time. */
const CLOSING_TIME_ACTOR: AuditActor = { id: null, name: 'Parley (closing time)', snapshot: null };
const MAX_TITLE = 300;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * What changes ballots: opening (also inside another context's transaction) and closing, early,
 * at closing time or by an operator, each in one audited transaction. What they answer is read
 * through BallotReads.
 */
@Injectable()
export class BallotService implements BallotOpener {
  constructor(
    private readonly ballots: BallotRepository,
    private readonly groups: WorkingGroupAccess,
    private readonly people: PeopleService,
    private readonly subjects: BallotSubjects,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly reads: BallotReads,
  ) {}

  // ---------- opening ----------

  /** A chair opens a free motion in their group. */
  async open(actor: Actor, input: OpenBallotRequest): Promise<BallotResponse> {
    const { id } = await this.tx.run(async (tx) => {
      const settings = await this.groups.settings(tx.manager, input.workingGroupId);
      if (!settings) throw notFound('working-group');
      const standing = await this.groups.standing(tx.manager, input.workingGroupId, actor.id, tx.now);
      const verdict = canOpenBallot({ isChair: standing.isChair, currentSnapshot: standing.currentSnapshot, groupStatus: settings.status, twoFactorMissing: standing.twoFactorMissing });
      authorise(verdict);
      if ((await this.groups.votingElectorate(tx.manager, input.workingGroupId, tx.now)).length === 0)
        throw refuse('no-electorate');
      return this.openInTransaction(tx, actor.id, {
        workingGroupId: input.workingGroupId,
        subjectType: input.subjectType,
        subjectId: null,
        title: input.title,
        description: input.description,
        rule: input.rule,
        countingUnit: input.countingUnit,
        quorum: input.quorum,
        quorumPerStakeholderGroup: input.quorumPerStakeholderGroup,
        visibility: input.visibility,
        tallies: input.tallies,
        requireReasonForNo: input.requireReasonForNo,
        closesAt: new Date(input.closesAt),
      });
    });
    return this.reads.get(id, actor);
  }

  /**
   * Opens a ballot inside the caller's transaction (see OpenBallotSpec): freezes the electorate with
   * its snapshots and records `ballot.opened`. The caller has already authorised the act.
   */
  async openInTransaction(tx: Tx, actorId: string, spec: OpenBallotSpec): Promise<OpenedBallot> {
    const settings = await this.groups.settings(tx.manager, spec.workingGroupId);
    if (!settings) throw notFound('working-group');
    if (settings.status === 'closed') throw refuse('ballot-group-closed');
    const title = spec.title.trim();
    if (title.length === 0 || title.length > MAX_TITLE) throw validationProblem('title', 'title-length', { maximum: MAX_TITLE });
    if (spec.subjectDetails && spec.subjectDetails.type !== spec.subjectType) throw new Error(`subject details of a ${spec.subjectDetails.type} on a ${spec.subjectType} ballot`);
    if (!(spec.closesAt instanceof Date) || Number.isNaN(spec.closesAt.getTime())) throw validationProblem('closesAt', 'not-a-date-time');
    if (spec.closesAt.getTime() <= tx.now.getTime()) throw validationProblem('closesAt', 'closing-in-future');
    const quorum = spec.quorum ?? settings.quorum;
    if (!(quorum >= 0 && quorum <= 1)) throw validationProblem('quorum', 'share');

    const electorate = await this.groups.votingElectorate(tx.manager, spec.workingGroupId, tx.now);
    const actor = await this.people.auditActor(tx.manager, actorId, tx.now);
    const terms = {
      rule: spec.rule ?? settings.decisionRules[spec.subjectType] ?? 'majority',
      countingUnit: spec.countingUnit ?? 'person',
      quorum: Math.round(quorum * 10_000) / 10_000,
      quorumPerStakeholderGroup: spec.quorumPerStakeholderGroup ?? settings.quorumPerStakeholderGroup,
      visibility: spec.visibility ?? 'roll-call',
      tallies: spec.tallies ?? 'live',
      requireReasonForNo: spec.requireReasonForNo ?? false,
    } as const;

    let id: string;
    try {
      id = await this.ballots.insert(tx.manager, {
        workingGroupId: spec.workingGroupId,
        subjectType: spec.subjectType,
        subjectId: spec.subjectId,
        subjectDetails: spec.subjectDetails ?? null,
        title,
        description: spec.description?.trim() || null,
        ...terms,
        warnings: spec.warnings ?? null,
        openedBy: actorId,
        openedBySnapshot: actor.snapshot,
        openedAt: tx.now,
        closesAt: spec.closesAt,
        electorateSize: electorate.length,
      });
    } catch (e) {
      if ((e as { code?: string; constraint?: string }).constraint === 'ballots_one_open_per_subject')
        throw refuse('ballot-already-open');
      throw e;
    }
    const electors = electorate.map((e) => ({ personId: e.personId, name: e.name, snapshot: e.snapshot }));
    await this.ballots.insertElectorate(tx.manager, id, electors);

    const sorted = [...electors].sort((a, b) => (a.personId < b.personId ? -1 : 1));
    await tx.record({
      scope: workingGroupScope(spec.workingGroupId),
      actor,
      action: 'ballot.opened',
      subjectType: 'ballot',
      subjectId: id,
      change: {
        title,
        description: spec.description?.trim() || null,
        subject: { type: spec.subjectType, id: spec.subjectId, ...(spec.subjectDetails ? { details: spec.subjectDetails } : {}) },
        ...terms,
        openedAt: tx.now.toISOString(),
        closesAt: spec.closesAt.toISOString(),
        electorate: {
          size: electors.length,
          byStakeholderGroup: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, electors.filter((e) => e.snapshot.stakeholderGroup === g).length])),
          voterIds: sorted.map((e) => e.personId),
          /** sha256 of the canonical JSON of [{personId, snapshot}] sorted by personId: the frozen electorate, checkable against the roll call. */
          digest: sha256(canonicalJson(sorted.map((e) => ({ personId: e.personId, snapshot: e.snapshot })))),
        },
        ...(spec.warnings === undefined ? {} : { warnings: spec.warnings }),
      },
    });
    return { id };
  }

  // ---------- closing ----------

  /** A chair closes a ballot before its closing time, saying why (the reason is recorded and shown). */
  async closeEarly(actor: Actor, ballotId: string, input: CloseBallotRequest = {}): Promise<BallotResponse> {
    await this.tx.run(async (tx) => {
      const seen = await this.ballots.findById(ballotId, tx.manager);
      if (!seen) throw notFound('ballot');
      const standing = await this.groups.standing(tx.manager, seen.workingGroupId, actor.id, tx.now);
      const ballot = (await this.ballots.lockOpenForClose(tx.manager, ballotId)) ?? (await this.ballots.findById(ballotId, tx.manager))!;
      authorise(canClose(standing, ballot));
      const reason = input.reason?.trim() || null;
      if (reason === null && tx.now.getTime() < ballot.closesAt.getTime()) throw validationProblem('reason', 'reason-for-closing-early');
      await this.closeLocked(tx, ballot, await this.people.auditActor(tx.manager, actor.id, tx.now), reason);
    });
    return this.reads.get(ballotId, actor);
  }

  /**
   * Closes every open ballot whose closing time has come. Safe with any number of API instances:
   * each ballot is closed in a transaction that locks its row and re-checks it is still open, so
   * exactly one instance closes it and the others find it closed. Returns the ids it closed.
   */
  async closeDue(limit = 50): Promise<string[]> {
    const closed: string[] = [];
    for (const id of await this.ballots.dueForClosing(this.clock.now(), limit)) {
      const done = await this.tx.run(async (tx) => {
        const ballot = await this.ballots.lockOpenForClose(tx.manager, id);
        if (!ballot || ballot.closesAt.getTime() > tx.now.getTime()) return false;
        await this.closeLocked(tx, ballot, CLOSING_TIME_ACTOR);
        return true;
      });
      if (done) closed.push(id);
    }
    return closed;
  }

  /**
   * Closes an open ballot now on behalf of an operator task (the demo loader), whatever its
   * closing time; the audit log names the operator as the closer. Not reachable over HTTP.
   */
  async closeByOperator(ballotId: string, operator: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const ballot = await this.ballots.lockOpenForClose(tx.manager, ballotId);
      if (!ballot) throw refuse('ballot-already-closed');
      await this.closeLocked(tx, ballot, { id: null, name: operator, snapshot: null });
    });
  }

  /** Decides the ballot once, stores the result, records `ballot.closed`, and lets the subject's context react, all in one transaction. */
  private async closeLocked(tx: Tx, ballot: BallotEntity, closer: AuditActor, reason: string | null = null): Promise<void> {
    const { electors, votes } = await this.ballots.electorateAndVotes(tx.manager, ballot.id);
    const result = decideBallot({
      electorate: electors.map((e) => ({ voterId: e.personId, snapshot: e.snapshot })),
      votes,
      countingUnit: ballot.countingUnit,
      rule: ballot.rule,
      quorum: ballot.quorum > 0 ? { share: ballot.quorum, perStakeholderGroup: ballot.quorumPerStakeholderGroup } : null,
    });
    // A secret ballot's stored result holds only totals and breakdowns by stakeholder group and
    // sub-type, under disclosure control (decision record 0014); so do its event and what the subject's handler sees.
    const stored = ballot.visibility === 'secret' ? controlSecretResult(result) : result;
    await this.ballots.markClosed(tx.manager, ballot.id, { closedAt: tx.now, closedBy: closer.id, reason, result: stored, outcome: result.outcome });
    await tx.record({
      scope: workingGroupScope(ballot.workingGroupId),
      actor: closer,
      action: 'ballot.closed',
      subjectType: 'ballot',
      subjectId: ballot.id,
      change: {
        closedBy: closer.id ? 'chair' : 'closing-time',
        closesAt: ballot.closesAt.toISOString(),
        closedAt: tx.now.toISOString(),
        reason,
        outcome: result.outcome,
        explanation: stored.explanation,
        explanationParts: stored.explanationParts,
        quorumMet: result.quorumMet,
        totals: result.totals,
        participation: result.participation,
        byStakeholderGroup: stored.byStakeholderGroup,
        ...('disclosureControl' in stored ? { disclosureControl: stored.disclosureControl } : {}),
        resultDigest: sha256(canonicalJson(stored)),
      },
    });
    const closed: ClosedBallot = {
      id: ballot.id,
      workingGroupId: ballot.workingGroupId,
      subjectType: ballot.subjectType,
      subjectId: ballot.subjectId,
      outcome: result.outcome,
      result: stored,
      closedAt: tx.now,
    };
    await this.subjects.handlerFor(ballot.subjectType)?.onClosed(tx, closed);
  }
}
