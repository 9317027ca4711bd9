import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { workingGroupScope } from '@parley/domain';
import type {
  ChangeRoleRequest,
  JoinDecisionRequest,
  JoinRequestListQuery,
  JoinRequestRequest,
  JoinRequestResponse,
  LeaveRequest,
  MemberListQuery,
  MemberResponse,
  RemoveMemberRequest,
  WithdrawJoinRequestRequest,
} from '@parley/contracts';
import { AuditedTransaction, Tx } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { authorise, notFound, refuse, refused } from '../platform/http/problem';
import { objectionsBeforeDecision, startCirculation } from '../procedures/accreditation/circulation';
import { ChairTermRepository } from './chair-term.repository';
import { WorkingGroupAccess, type LedGroup } from './working-group-access';
import { WorkingGroupStandings } from './working-group-standing';
import { canChangeRole, canDecideJoinRequests, canHoldVote, canLeave, canRemoveMember, canRequestToJoin, canWithdrawJoinRequest } from './working-group.policy';
import { WorkingGroupRepository, type WorkingGroupRow } from './working-group.repository';
import { endProxiesOf } from '../procedures/proxies/proxies.reads';
import { toJoinRequestResponse, toMemberResponse, WorkingGroupViews } from './working-group.views';

/** Joining, admission, leaving, removal and roles: each one transaction with its audit event, in the group's chain. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly groups: WorkingGroupRepository,
    private readonly terms: ChairTermRepository,
    private readonly standings: WorkingGroupStandings,
    private readonly views: WorkingGroupViews,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly access: WorkingGroupAccess,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The pending requests a person may decide now (in groups where they chair, or convene while no
   * chair is confirmed: canDecideJoinRequests), oldest first, and how many there are in all.
   */
  async requestsAwaiting(actor: Actor, limit: number): Promise<{ items: JoinRequestResponse[]; total: number; groups: Map<string, string> }> {
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const led = await this.access.ledGroups(manager, actor.id, now);
    const deciding: LedGroup[] = [];
    for (const g of led.filter((x) => x.isChair || x.isConvener))
      if (canDecideJoinRequests(await this.standings.of(manager, g, actor.id, now)) === true) deciding.push(g);
    const { rows, total } = await this.groups.pendingRequestsIn(deciding.map((g) => g.id), limit, manager);
    return { items: rows.map(toJoinRequestResponse), total, groups: new Map(deciding.map((g) => [g.id, g.name])) };
  }

  /** The person's own place in groups (for the steps of a newcomer): groups joined, requests pending. */
  placesOf(actor: Actor): Promise<{ joined: number; requested: number }> {
    return this.groups.placesOf(actor.id);
  }

  /** Asks to join; under the `open` policy the person is admitted at once. */
  requestToJoin(actor: Actor, groupId: string, input: JoinRequestRequest): Promise<JoinRequestResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.lockGroup(tx, groupId);
      const standing = await this.standings.of(tx.manager, group, actor.id, tx.now);
      const pending = await this.groups.pendingRequestOf(tx.manager, groupId, actor.id);
      authorise(canRequestToJoin(standing, pending !== null));
      const snapshot = standing.currentSnapshot!;
      authorise(canHoldVote(group.requiresConfirmedAffiliations, input.kind, snapshot));
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const requestId = await this.groups.insertJoinRequest(tx.manager, { workingGroupId: groupId, personId: actor.id, kind: input.kind, statement: input.statement, snapshot, requestedAt: tx.now });
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: auditActor,
        action: 'membership.requested',
        subjectType: 'join-request',
        subjectId: requestId,
        change: { personId: actor.id, name: auditActor.name, kind: input.kind, statement: input.statement, snapshot, joinPolicy: group.joinPolicy },
      });
      if (group.joinPolicy === 'non-objection') await startCirculation(tx, group, requestId, actor.id, auditActor);
      if (group.joinPolicy === 'open') {
        const membershipId = await this.groups.insertMembership(tx.manager, { workingGroupId: groupId, personId: actor.id, kind: input.kind, admissionSnapshot: snapshot, statement: input.statement, admittedAt: tx.now, admittedBy: null });
        await this.groups.decideJoinRequest(tx.manager, requestId, { status: 'admitted', decidedBy: null, deciderSnapshot: null, decidedAt: tx.now, reason: null, membershipId });
        await tx.record({
          scope: workingGroupScope(groupId),
          actor: auditActor,
          action: 'membership.admitted',
          subjectType: 'membership',
          subjectId: membershipId,
          change: { personId: actor.id, name: auditActor.name, kind: input.kind, snapshot, requestId, via: 'open-policy' },
        });
      }
      return toJoinRequestResponse((await this.groups.findJoinRequest(requestId, tx.manager))!);
    });
  }

  /** A chair (or the convener, while no chair is confirmed) admits or refuses a pending request. */
  decide(actor: Actor, groupId: string, requestId: string, input: JoinDecisionRequest): Promise<JoinRequestResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.lockGroup(tx, groupId);
      const standing = await this.standings.of(tx.manager, group, actor.id, tx.now);
      authorise(canDecideJoinRequests(standing));
      const request = await this.groups.lockJoinRequest(tx.manager, requestId);
      // A request of another group is not found here, whatever the actor's role there.
      if (!request || request.workingGroupId !== groupId) throw notFound('join-request');
      if (request.status !== 'pending') throw refuse('request-decided', { status: request.status });
      // Under non-objection (decision 0039): after the circulation, with the standing objections in view.
      const objectionsInView = await objectionsBeforeDecision(tx, requestId, input);
      const inView = objectionsInView ? { objectionsInView } : {};
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const scope = workingGroupScope(groupId);
      if (input.decision === 'admit') {
        const snapshot = await this.people.snapshotOf(tx.manager, request.personId, tx.now);
        if (snapshot === null) throw refuse('applicant-without-affiliation', { name: request.personName });
        const voteVerdict = canHoldVote(group.requiresConfirmedAffiliations, request.kind, snapshot);
        if (voteVerdict !== true) throw refuse('applicant-unconfirmed', { name: request.personName, organisation: snapshot.organisationName });
        if (await this.groups.currentMembership(tx.manager, groupId, request.personId)) throw refuse('already-a-member', { name: request.personName });
        const membershipId = await this.groups.insertMembership(tx.manager, { workingGroupId: groupId, personId: request.personId, kind: request.kind, admissionSnapshot: snapshot, statement: request.statement, admittedAt: tx.now, admittedBy: actor.id });
        await this.groups.decideJoinRequest(tx.manager, requestId, { status: 'admitted', decidedBy: actor.id, deciderSnapshot: auditActor.snapshot, decidedAt: tx.now, reason: input.reason ?? null, membershipId });
        await tx.record({
          scope,
          actor: auditActor,
          action: 'membership.admitted',
          subjectType: 'membership',
          subjectId: membershipId,
          change: { personId: request.personId, name: request.personName, kind: request.kind, snapshot, requestId, reason: input.reason ?? null, via: standing.isChair ? 'chair' : 'convener', ...inView },
        });
      } else {
        await this.groups.decideJoinRequest(tx.manager, requestId, { status: 'refused', decidedBy: actor.id, deciderSnapshot: auditActor.snapshot, decidedAt: tx.now, reason: input.reason!, membershipId: null });
        await tx.record({
          scope,
          actor: auditActor,
          action: 'membership.refused',
          subjectType: 'join-request',
          subjectId: requestId,
          change: { personId: request.personId, name: request.personName, kind: request.kind, snapshot: request.snapshot, reason: input.reason!, via: standing.isChair ? 'chair' : 'convener', ...inView },
        });
      }
      return toJoinRequestResponse((await this.groups.findJoinRequest(requestId, tx.manager))!);
    });
  }

  /** The person withdraws their own pending request: it stays on the record as withdrawn, decided by themself. */
  withdrawRequest(actor: Actor, groupId: string, requestId: string, input: WithdrawJoinRequestRequest): Promise<JoinRequestResponse> {
    return this.tx.run(async (tx) => {
      // Locks in the same order as a decision on the request: the group, then the request.
      await this.lockGroup(tx, groupId);
      const request = await this.groups.lockJoinRequest(tx.manager, requestId);
      if (!request || request.workingGroupId !== groupId) throw notFound('join-request');
      authorise(canWithdrawJoinRequest(actor.id, request.personId));
      if (request.status !== 'pending') throw refuse('request-decided', { status: request.status });
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const note = input.note ?? null;
      await this.groups.decideJoinRequest(tx.manager, requestId, { status: 'withdrawn', decidedBy: actor.id, deciderSnapshot: auditActor.snapshot, decidedAt: tx.now, reason: note, membershipId: null });
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: auditActor,
        action: 'membership.request-withdrawn',
        subjectType: 'join-request',
        subjectId: requestId,
        change: { personId: actor.id, name: request.personName, kind: request.kind, snapshot: request.snapshot, note },
      });
      return toJoinRequestResponse((await this.groups.findJoinRequest(requestId, tx.manager))!);
    });
  }

  /** Leaving ends any chair term the person holds in the group. */
  leave(actor: Actor, groupId: string, input: LeaveRequest): Promise<void> {
    return this.tx.run(async (tx) => {
      const group = await this.lockGroup(tx, groupId);
      const standing = await this.standings.of(tx.manager, group, actor.id, tx.now);
      authorise(canLeave(standing));
      const membership = (await this.groups.currentMembership(tx.manager, groupId, actor.id))!;
      const endedChairTermId = await this.endChairTermOnLeaving(tx, groupId, actor.id, input.reason ?? null);
      await this.groups.closeMembership(tx.manager, membership.id, tx.now, input.reason ?? null, null);
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: auditActor,
        action: 'membership.left',
        subjectType: 'membership',
        subjectId: membership.id,
        change: { personId: actor.id, name: auditActor.name, kind: membership.kind, admissionSnapshot: membership.admissionSnapshot, snapshot: auditActor.snapshot, reason: input.reason ?? null, endedChairTermId },
      });
      await endProxiesOf(tx, groupId, actor.id, 'left', auditActor);
    });
  }

  /** A chair removes a member, with a reason. A chair is not removed this way but by ballot. */
  remove(actor: Actor, groupId: string, personId: string, input: RemoveMemberRequest): Promise<MemberResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.lockGroup(tx, groupId);
      const standing = await this.standings.of(tx.manager, group, actor.id, tx.now);
      const target = await this.groups.currentMembership(tx.manager, groupId, personId);
      if (!target) throw notFound('member');
      const targetIsChair = (await this.terms.openTermOf(tx.manager, groupId, personId)) !== null;
      authorise(canRemoveMember(standing, actor.id, { personId, kind: target.kind, isChair: targetIsChair }));
      await this.groups.closeMembership(tx.manager, target.id, tx.now, input.reason, actor.id);
      const targetSnapshot = await this.people.snapshotOf(tx.manager, personId, tx.now);
      const chair = await this.people.auditActor(tx.manager, actor.id, tx.now);
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: chair,
        action: 'membership.removed',
        subjectType: 'membership',
        subjectId: target.id,
        change: { personId, name: target.personName, kind: target.kind, admissionSnapshot: target.admissionSnapshot, snapshot: targetSnapshot, reason: input.reason },
      });
      await endProxiesOf(tx, groupId, personId, 'removed', chair);
      return this.memberResponse(tx, target.id, groupId, 'past');
    });
  }

  /** Roles: a chair appoints a rapporteur or changes a member's kind; anyone may step down to observer. */
  changeRole(actor: Actor, groupId: string, personId: string, input: ChangeRoleRequest): Promise<MemberResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.lockGroup(tx, groupId);
      const standing = await this.standings.of(tx.manager, group, actor.id, tx.now);
      const target = await this.groups.currentMembership(tx.manager, groupId, personId);
      if (!target) throw notFound('member');
      const targetIsChair = (await this.terms.openTermOf(tx.manager, groupId, personId)) !== null;
      authorise(canChangeRole(standing, actor.id, { personId, kind: target.kind, isChair: targetIsChair }, input));
      if (input.kind === 'member' && target.kind !== 'member') {
        const targetSnapshot = await this.people.snapshotOf(tx.manager, personId, tx.now);
        if (canHoldVote(group.requiresConfirmedAffiliations, 'member', targetSnapshot) !== true)
          throw refused(refusal('member-unconfirmed', { name: target.personName }), 'kind');
      }
      const to = { kind: input.kind ?? target.kind, rapporteur: input.rapporteur ?? target.isRapporteur };
      const from = { kind: target.kind, rapporteur: target.isRapporteur };
      if (to.kind !== from.kind || to.rapporteur !== from.rapporteur) {
        await this.groups.setRole(tx.manager, target.id, to.kind, to.rapporteur);
        const changer = await this.people.auditActor(tx.manager, actor.id, tx.now);
        if (from.kind === 'member' && to.kind !== 'member') await endProxiesOf(tx, groupId, personId, 'not-voting', changer);
        await tx.record({
          scope: workingGroupScope(groupId),
          actor: changer,
          action: 'role.changed',
          subjectType: 'membership',
          subjectId: target.id,
          change: { personId, name: target.personName, from, to, snapshot: await this.people.snapshotOf(tx.manager, personId, tx.now) },
        });
      }
      return this.memberResponse(tx, target.id, groupId, 'current');
    });
  }

  async members(groupId: string, q: MemberListQuery): Promise<MemberResponse[]> {
    if (!(await this.groups.findGroup(groupId))) throw notFound('working-group');
    const now = this.clock.now();
    const rows = await this.groups.memberships(groupId, q.status);
    const terms = await this.terms.terms({ workingGroupIds: [groupId] });
    const acting = new Set(terms.filter((t) => t.endedAt === null && t.startedAt <= now).map((t) => t.personId));
    const affiliations = await this.views.affiliationsNow(undefined, rows.map((r) => r.personId), now);
    return rows.map((r) => toMemberResponse(r, affiliations.get(r.personId)!, r.leftAt === null && acting.has(r.personId)));
  }

  /** Join requests are seen by those who decide them. */
  requests(actor: Actor, groupId: string, q: JoinRequestListQuery): Promise<JoinRequestResponse[]> {
    return this.tx.run(async (tx) => {
      const group = await this.groups.findGroup(groupId, tx.manager);
      if (!group) throw notFound('working-group');
      authorise(canDecideJoinRequests(await this.standings.of(tx.manager, group, actor.id, tx.now)));
      return (await this.groups.joinRequests(groupId, q.status, tx.manager)).map(toJoinRequestResponse);
    });
  }

  private async lockGroup(tx: Tx, groupId: string): Promise<WorkingGroupRow> {
    const group = await this.groups.lockGroup(tx.manager, groupId);
    if (!group) throw notFound('working-group');
    return group;
  }

  private async endChairTermOnLeaving(tx: Tx, groupId: string, personId: string, reason: string | null): Promise<string | null> {
    const term = await this.terms.openTermOf(tx.manager, groupId, personId);
    if (!term) return null;
    await this.terms.endTerm(tx.manager, term.id, tx.now, 'left-group', reason);
    return term.id;
  }

  private async memberResponse(tx: Tx, membershipId: string, groupId: string, status: Exclude<MemberListQuery['status'], 'all'>): Promise<MemberResponse> {
    const row = (await this.groups.memberships(groupId, status, tx.manager)).find((m) => m.id === membershipId)!;
    const affiliations = await this.views.affiliationsNow(tx.manager, [row.personId], tx.now);
    const chair = row.leftAt === null && (await this.terms.openTermOf(tx.manager, groupId, row.personId)) !== null;
    return toMemberResponse(row, affiliations.get(row.personId)!, chair);
  }
}
