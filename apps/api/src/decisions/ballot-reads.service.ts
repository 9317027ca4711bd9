import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { controlSecretResult, proxyUseProblem, type AffiliationSnapshot } from '@parley/domain';
import { refusal, type Verdict, type BallotListQuery, type BallotListResponse, type BallotResponse, type BallotSummary, type PublishedResult, type RollCallPage, type RollCallQuery } from '@parley/contracts';
import type { Actor } from '../identity/actor';
import { PeopleRepository } from '../identity/people.repository';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { cursorCodec } from '../platform/http/cursor';
import { notFound, refuse, stated } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { BallotEntity } from './ballot.entity';
import { BallotSubjects } from './ballot-subjects';
import { canClose, canVote, choicesVisible, rollCallPublished, runningTallyVisible } from './ballot.policy';
import { BallotRepository, type RollCallRow } from './ballot.repository';
import { myVote } from './vote.service';
import { proxiesCovering } from '../procedures/proxies/proxies.reads';

const ROLL_CALL_FIRST_PAGE = 50;

const rollCallCursor = cursorCodec({ name: 'text', id: 'uuid' });
const groupBallotsCursor = cursorCodec({ openedAt: 'instant', id: 'uuid' });

/** Ballots as read: one ballot with what the reader may do, its roll call, a group's ballots, and the lists the home page shows. */
@Injectable()
export class BallotReads {
  constructor(
    private readonly ballots: BallotRepository,
    private readonly groups: WorkingGroupAccess,
    private readonly people: PeopleService,
    private readonly peopleRepo: PeopleRepository,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly subjects: BallotSubjects,
  ) {}

  async get(id: string, actor: Actor | null): Promise<BallotResponse> {
    // One round trip for the common public page: the ballot, with the running tally and the roll call's first
    // page read beside it, each empty unless the ballot shows it (decided again below by the ballot read).
    const [page, personTally, firstRollCall] = await Promise.all([
      this.ballots.findForPage(id),
      this.ballots.personTallyIfShown(id),
      this.ballots.rollCallPage(id, null, ROLL_CALL_FIRST_PAGE + 1, { onlyIfPublished: true }),
    ]);
    if (!page) throw notFound('ballot');
    const { ballot } = page;
    const now = this.clock.now();
    const handler = this.subjects.handlerFor(ballot.subjectType);
    const tally = !runningTallyVisible(ballot)
      ? null
      : personTally && ballot.countingUnit === 'person'
        ? Promise.resolve(personTally)
        : this.ballots.runningTally(id, ballot.countingUnit);
    const [votesCast, runningTally, result, rollCall, subject] = await Promise.all([
      // Counted by person, the running tally already counts every vote (each is one elector's): no second scan of the votes.
      // Participation leaves recusals out of its count; a recusal is a vote cast all the same.
      tally && ballot.countingUnit === 'person' ? tally.then((t) => t.participation.participants + t.totals.recuse) : this.ballots.votesCast(id),
      tally ?? Promise.resolve(null),
      ballot.status === 'closed' ? this.publishedResult(ballot) : Promise.resolve(null),
      rollCallPublished(ballot) ? this.rollCallShaped(ballot, firstRollCall, ROLL_CALL_FIRST_PAGE) : null,
      handler?.view ? handler.view({ id: ballot.id, subjectId: ballot.subjectId }) : Promise.resolve(null),
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
      const voting = canVote({ inElectorate: elector !== null, currentSnapshot, membership: memberships.get(actor.id) }, ballot, now);
      const proxyVotes = await this.proxyVotesOf(ballot, actor.id, voting, currentSnapshot, now);
      const castBy = vote?.castBy ? await this.peopleRepo.findById(vote.castBy) : null;
      const mine = vote ? { ...myVote(ballot, vote), ...(castBy ? { castBy: { id: castBy.id, name: castBy.name } } : {}) } : null;
      me = { inElectorate: elector !== null, snapshot: elector?.snapshot ?? null, vote: mine, ...(proxyVotes.length ? { proxyVotes } : {}) };
      can = { vote: stated(voting), close: stated(canClose({ isChair, currentSnapshot }, ballot)) };
    }

    return {
      ...this.summary(ballot, votesCast),
      workingGroup: { id: ballot.workingGroupId, name: page.groupName },
      description: ballot.description,
      subjectView: subject,
      openedBy: { id: ballot.openedBy, name: page.openedByName, snapshot: ballot.openedBySnapshot },
      closedBy: ballot.closedBy ? { id: ballot.closedBy, name: page.closedByName } : null,
      closeReason: ballot.closeReason,
      warnings: ballot.warnings ?? null,
      runningTally,
      me,
      can,
      rollCall,
      result,
    };
  }

  /**
   * The votes a holder holds by proxy on this ballot (decision record 0040): each grantor whose live
   * proxy covers it, their vote so far, and whether the holder may cast it now (the same rule casting
   * applies: the holder's own right to vote, the proxy still valid, the grantor not having voted themselves).
   */
  private async proxyVotesOf(ballot: BallotEntity, holderId: string, holderVerdict: Verdict, holderNow: AffiliationSnapshot | null, now: Date): Promise<NonNullable<NonNullable<BallotResponse['me']>['proxyVotes']>> {
    const manager = this.dataSource.manager;
    const proxies = await proxiesCovering(manager, ballot.workingGroupId, ballot.id, [holderId], now);
    if (proxies.length === 0) return [];
    const grantorIds = proxies.map((p) => p.grantorId);
    const [electors, snapshots, memberships, votes, group] = await Promise.all([
      this.ballots.electorsAmong(manager, ballot.id, grantorIds),
      this.people.snapshotsOf(manager, grantorIds, now),
      this.ballots.membershipsNow(manager, ballot.workingGroupId, grantorIds),
      this.ballots.votesOf(ballot.id, grantorIds),
      this.groups.settings(manager, ballot.workingGroupId),
    ]);
    return proxies.flatMap((p) => {
      const elector = electors.get(p.grantorId);
      if (!elector) return [];
      const vote = votes.get(p.grantorId) ?? null;
      const castByGrantor = vote !== null && vote.proxyId === null;
      const why = proxyUseProblem({
        withinStakeholderGroup: group?.procedureRules.proxyWithinStakeholderGroup ?? false,
        grantorInElectorate: true,
        grantorVoting: memberships.get(p.grantorId)?.status === 'voting',
        grantorNow: snapshots.get(p.grantorId) ?? null,
        holderNow,
      });
      const verdict: Verdict =
        holderVerdict !== true
          ? holderVerdict
          : why
            ? refusal('proxy-no-longer-valid', { name: p.grantorName, why })
            : castByGrantor
              ? refusal('proxy-grantor-voted', { name: p.grantorName })
              : true;
      return [{ proxyId: p.id, grantor: { id: p.grantorId, name: elector.name }, snapshot: elector.snapshot, vote: vote ? myVote(ballot, vote) : null, castByGrantor, can: stated(verdict) }];
    });
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
    return this.rollCallShaped(ballot, await this.ballots.rollCallPage(ballot.id, after, limit + 1), limit);
  }

  /** A page of the roll call from its rows (one more than `limit` read, to know whether a next page exists). */
  private rollCallShaped(ballot: BallotEntity, rows: RollCallRow[], limit: number): RollCallPage {
    const page = rollCallCursor.page(rows, limit, (last) => ({ name: last.name, id: last.personId }));
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
        castBy: r.castById ? { id: r.castById, name: r.castByName ?? '' } : null,
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
