import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canonicalJson, controlSecretResult, decideBallot, workingGroupScope, STAKEHOLDER_GROUPS } from '@parley/domain';
import type {
  BallotListQuery,
  BallotListResponse,
  BallotResponse,
  BallotSummary,
  OpenBallotRequest,
  PublishedResult,
  RollCallPage,
  RollCallQuery,
} from '@parley/contracts';
import { AuditActor, AuditedTransaction, Tx } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { PeopleRepository } from '../identity/people.repository';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { cursorCodec } from '../platform/http/cursor';
import { authorise, notFound, refuse, stated, validationProblem } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { BallotEntity } from './ballot.entity';
import { canClose, canOpenBallot, canVote, choicesVisible, rollCallPublished, runningTallyVisible } from './ballot.policy';
import { myVote } from './vote.service';
import { BallotRepository } from './ballot.repository';
import { BallotSubjects, ClosedBallot } from './ballot-subjects';
import type { BallotOpener, OpenBallotSpec, OpenedBallot } from './open-ballot-spec';

/** Who closes a ballot that reached its closing time. */
const CLOSING_TIME_ACTOR: AuditActor = { id: null, name: 'Parley (closing time)', snapshot: null };
const ROLL_CALL_FIRST_PAGE = 50;
const MAX_TITLE = 300;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const rollCallCursor = cursorCodec({ name: 'text', id: 'uuid' });
const groupBallotsCursor = cursorCodec({ openedAt: 'instant', id: 'uuid' });

@Injectable()
export class BallotService implements BallotOpener {
  constructor(
    private readonly ballots: BallotRepository,
    private readonly groups: WorkingGroupAccess,
    private readonly people: PeopleService,
    private readonly peopleRepo: PeopleRepository,
    private readonly subjects: BallotSubjects,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  // ---------- opening ----------

  /** A chair opens a free motion in their group. */
  async open(actor: Actor, input: OpenBallotRequest): Promise<BallotResponse> {
    const { id } = await this.tx.run(async (tx) => {
      const settings = await this.groups.settings(tx.manager, input.workingGroupId);
      if (!settings) throw notFound('working-group');
      const standing = await this.groups.standing(tx.manager, input.workingGroupId, actor.id, tx.now);
      const verdict = canOpenBallot({ isChair: standing.isChair, currentSnapshot: standing.currentSnapshot, groupStatus: settings.status });
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
    return this.get(id, actor);
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

  /** A chair closes a ballot before its closing time. */
  async closeEarly(actor: Actor, ballotId: string): Promise<BallotResponse> {
    await this.tx.run(async (tx) => {
      const seen = await this.ballots.findById(ballotId, tx.manager);
      if (!seen) throw notFound('ballot');
      const standing = await this.groups.standing(tx.manager, seen.workingGroupId, actor.id, tx.now);
      const ballot = (await this.ballots.lockOpenForClose(tx.manager, ballotId)) ?? (await this.ballots.findById(ballotId, tx.manager))!;
      authorise(canClose(standing, ballot));
      await this.closeLocked(tx, ballot, await this.people.auditActor(tx.manager, actor.id, tx.now));
    });
    return this.get(ballotId, actor);
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
  private async closeLocked(tx: Tx, ballot: BallotEntity, closer: AuditActor): Promise<void> {
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
    await this.ballots.markClosed(tx.manager, ballot.id, { closedAt: tx.now, closedBy: closer.id, result: stored, outcome: result.outcome });
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

  // ---------- reading ----------

  async get(id: string, actor: Actor | null): Promise<BallotResponse> {
    const ballot = await this.ballots.findById(id);
    if (!ballot) throw notFound('ballot');
    const now = this.clock.now();
    const [votesCast, runningTally, result, rollCall, openedBy, closedBy, group] = await Promise.all([
      this.ballots.votesCast(id),
      runningTallyVisible(ballot) ? this.ballots.runningTally(id, ballot.countingUnit) : Promise.resolve(null),
      ballot.status === 'closed' ? this.publishedResult(ballot) : Promise.resolve(null),
      rollCallPublished(ballot) ? this.rollCallOf(ballot, null, ROLL_CALL_FIRST_PAGE) : Promise.resolve(null),
      this.peopleRepo.findById(ballot.openedBy),
      ballot.closedBy ? this.peopleRepo.findById(ballot.closedBy) : Promise.resolve(null),
      this.groups.settings(this.dataSource.manager, ballot.workingGroupId),
    ]);

    let me: BallotResponse['me'] = null;
    let can: BallotResponse['can'] = { vote: stated(refusal('sign-in-to-vote')), close: stated(refusal('sign-in-to-close')) };
    if (actor) {
      const [elector, vote, currentSnapshot, isChair, memberships] = await Promise.all([
        this.ballots.elector(undefined, id, actor.id),
        this.ballots.voteOf(id, actor.id),
        this.people.snapshotOf(undefined, actor.id, now),
        this.groups.isChair(this.dataSource.manager, ballot.workingGroupId, actor.id, now),
        this.ballots.membershipsNow(this.dataSource.manager, ballot.workingGroupId, [actor.id]),
      ]);
      me = { inElectorate: elector !== null, snapshot: elector?.snapshot ?? null, vote: vote ? myVote(ballot, vote) : null };
      const voting = canVote({ inElectorate: elector !== null, currentSnapshot, membership: memberships.get(actor.id) }, ballot, now);
      can = { vote: stated(voting), close: stated(canClose({ isChair, currentSnapshot }, ballot)) };
    }

    return {
      ...this.summary(ballot, votesCast),
      workingGroup: { id: ballot.workingGroupId, name: group?.name ?? '' },
      description: ballot.description,
      openedBy: { id: ballot.openedBy, name: openedBy?.name ?? '', snapshot: ballot.openedBySnapshot },
      closedBy: ballot.closedBy ? { id: ballot.closedBy, name: closedBy?.name ?? '' } : null,
      warnings: ballot.warnings ?? null,
      runningTally,
      me,
      can,
      rollCall,
      result,
    };
  }

  /**
   * The stored result. A secret ballot closed before disclosure control was stored with every
   * breakdown row: control it on the way out (its `ballot.closed` event keeps what it recorded).
   */
  private async publishedResult(ballot: BallotEntity): Promise<PublishedResult | null> {
    const stored = await this.ballots.publishedResult(ballot.id);
    if (!stored || ballot.visibility !== 'secret' || 'disclosureControl' in stored) return stored;
    const { rollCall: _none, ...controlled } = controlSecretResult({ ...stored, rollCall: [] });
    return controlled;
  }

  /** Of these ballots, those whose individual choices are not public now (roll-call ballots whose tallies stay hidden until they close). */
  async choicesHidden(ids: string[]): Promise<Set<string>> {
    const ballots = await Promise.all([...new Set(ids)].map((id) => this.ballots.findById(id)));
    return new Set(ballots.filter((b): b is BallotEntity => b !== null && rollCallPublished(b) && !choicesVisible(b)).map((b) => b.id));
  }

  async rollCall(id: string, q: RollCallQuery): Promise<RollCallPage> {
    const ballot = await this.ballots.findById(id);
    if (!ballot) throw notFound('ballot');
    if (!rollCallPublished(ballot)) throw refuse('secret-roll-call');
    return this.rollCallOf(ballot, rollCallCursor.decode(q.cursor), q.limit);
  }

  async listForGroup(workingGroupId: string, q: BallotListQuery): Promise<BallotListResponse> {
    if (!(await this.groups.settings(this.dataSource.manager, workingGroupId))) throw notFound('working-group');
    const after = groupBallotsCursor.decode(q.cursor);
    const rows = await this.ballots.listForGroup(workingGroupId, { status: q.status, limit: q.limit + 1, after });
    const page = groupBallotsCursor.page(rows, q.limit, (last) => ({ openedAt: last.ballot.openedAt.toISOString(), id: last.ballot.id }));
    return { items: page.items.map((r) => this.summary(r.ballot, r.votesCast)), nextCursor: page.nextCursor };
  }

  /** Ballots taking votes now, soonest close first, and how many there are in all. */
  async closingSoon(limit: number): Promise<{ items: BallotSummary[]; total: number }> {
    const { rows, total } = await this.ballots.acceptingVotes(this.clock.now(), limit);
    return { items: rows.map((r) => this.summary(r.ballot, r.votesCast)), total };
  }

  /** The ballots this person can vote on now (canVote allows) and has not voted on, soonest close first. */
  async awaitingVoteOf(actor: Actor, limit: number): Promise<{ items: BallotSummary[]; total: number }> {
    const now = this.clock.now();
    const currentSnapshot = await this.people.snapshotOf(undefined, actor.id, now);
    // Without a current affiliation nobody votes (canVote): nothing waits on them.
    if (currentSnapshot === null) return { items: [], total: 0 };
    const { rows, total } = await this.ballots.awaitingVoteOf(actor.id, now, limit);
    const open = rows.filter((r) => canVote({ inElectorate: true, currentSnapshot }, r.ballot, now) === true);
    return { items: open.map((r) => this.summary(r.ballot, r.votesCast)), total: total - (rows.length - open.length) };
  }

  private async rollCallOf(ballot: BallotEntity, after: { name: string; id: string } | null, limit: number): Promise<RollCallPage> {
    const page = rollCallCursor.page(await this.ballots.rollCallPage(ballot.id, after, limit + 1), limit, (last) => ({ name: last.name, id: last.personId }));
    const visible = choicesVisible(ballot);
    return {
      choicesVisible: visible,
      items: page.items.map((r) => ({
        voter: { id: r.personId, name: r.name },
        snapshot: r.snapshot,
        voted: r.choice !== null,
        choice: visible ? r.choice : null,
        reason: visible ? r.reason : null,
        changedAt: r.changedAt ? new Date(r.changedAt).toISOString() : null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private summary(b: BallotEntity, votesCast: number): BallotSummary {
    return {
      id: b.id,
      workingGroupId: b.workingGroupId,
      subject: { type: b.subjectType, id: b.subjectId, details: b.subjectDetails },
      title: b.title,
      status: b.status,
      rule: b.rule,
      countingUnit: b.countingUnit,
      quorum: b.quorum > 0 ? b.quorum : null,
      quorumPerStakeholderGroup: b.quorumPerStakeholderGroup,
      visibility: b.visibility,
      tallies: b.tallies,
      requireReasonForNo: b.requireReasonForNo,
      openedAt: b.openedAt.toISOString(),
      closesAt: b.closesAt.toISOString(),
      closedAt: b.closedAt ? b.closedAt.toISOString() : null,
      outcome: b.outcome,
      electorateSize: b.electorateSize,
      votesCast,
    };
  }
}
