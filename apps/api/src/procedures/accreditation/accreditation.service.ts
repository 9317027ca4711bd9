import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { circulationOutcome, circulationOutcomeInWords, procedureRulesOf, workingGroupScope, type AffiliationSnapshot } from '@parley/domain';
import type {
  ChangeProcedureRulesRequest,
  JoinRequestStatus,
  CirculatedRequestView,
  CirculationListResponse,
  ProcedureRulesResponse,
  RaiseObjectionRequest,
  WithdrawObjectionRequest,
} from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, stated } from '../../platform/http/problem';
import { WorkingGroupStandings } from '../../working-groups/working-group-standing';
import type { PolicyStanding } from '../../working-groups/working-group.policy';
import { WorkingGroupRepository, type JoinRequestRow, type WorkingGroupRow } from '../../working-groups/working-group.repository';
import { canChangeRules, canDecideCirculated, canObject, canWithdrawObjection } from './accreditation.policy';
import {
  circulationOf,
  decidersOf,
  insertObjection,
  lockObjection,
  objectionsInGroup,
  objectionsOf,
  setJoinPolicyAndRules,
  withdrawObjection,
  type CirculationRow,
  type ObjectionRow,
} from './accreditation.reads';
import { refusal } from '@parley/contracts';

const SIGN_IN = stated(refusal('unauthenticated'));

/** Objections to circulated join requests, the public read of them, and the chairs' editor of the rules of procedure (decision 0039). */
@Injectable()
export class AccreditationService {
  constructor(
    private readonly groups: WorkingGroupRepository,
    private readonly standings: WorkingGroupStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** Every request circulated under non-objection in the group, newest first, with its objections: public. */
  async circulations(groupId: string, viewer: Actor | null): Promise<CirculationListResponse> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    // One round trip: everything but the viewer's standing is keyed by the group (bench:procedures measures this page against its SQL).
    const groupRead = this.groups.findGroup(groupId, manager);
    const [group, circulated, objections, standing] = await Promise.all([
      groupRead,
      this.groups.circulatedRequests(groupId, manager),
      objectionsInGroup(manager, groupId),
      viewer ? groupRead.then((g) => (g ? this.standings.of(manager, g, viewer.id, now) : null)) : Promise.resolve(null),
    ]);
    if (!group) throw notFound('working-group');
    const byRequest = new Map<string, ObjectionRow[]>();
    for (const o of objections) {
      const list = byRequest.get(o.requestId);
      if (list) list.push(o);
      else byRequest.set(o.requestId, [o]);
    }
    return {
      joinPolicy: group.joinPolicy,
      nonObjectionHours: procedureRulesOf(group.procedureRules).nonObjectionHours,
      items: circulated.map((r) => toView(r, r, byRequest.get(r.id) ?? [], r.deciderSnapshot, standing, viewer?.id ?? null, now)),
    };
  }

  /** A voting member objects, signed (their affiliation snapshot) and reasoned; the objection is public. */
  raise(actor: Actor, groupId: string, requestId: string, input: RaiseObjectionRequest): Promise<CirculatedRequestView> {
    return this.tx.run(async (tx) => {
      const { group, request, circulation } = await this.lockCirculated(tx, groupId, requestId);
      const standing = await this.standings.of(tx.manager, group, actor.id, tx.now);
      const own = (await objectionsOf(tx.manager, [requestId])).find((o) => o.personId === actor.id && o.withdrawnAt === null);
      authorise(canObject(standing, { personId: request.personId, status: request.status, endsAt: circulation.endsAt }, actor.id, own !== undefined, tx.now));
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const snapshot = standing.currentSnapshot!;
      const objectionId = await insertObjection(tx.manager, { requestId, personId: actor.id, snapshot, reason: input.reason, raisedAt: tx.now });
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: auditActor,
        action: 'join-request.objection-raised',
        subjectType: 'join-request-objection',
        subjectId: objectionId,
        change: { requestId, applicantId: request.personId, applicantName: request.personName, objectionId, personId: actor.id, name: auditActor.name ?? '', snapshot, reason: input.reason },
      });
      return this.viewOf(tx.manager, group, request, circulation, actor, tx.now);
    });
  }

  /** The objector withdraws their objection while the request is pending; it stays on the record as withdrawn. */
  withdraw(actor: Actor, groupId: string, requestId: string, objectionId: string, input: WithdrawObjectionRequest): Promise<CirculatedRequestView> {
    return this.tx.run(async (tx) => {
      const { group, request, circulation } = await this.lockCirculated(tx, groupId, requestId);
      const objection = await lockObjection(tx.manager, objectionId);
      if (!objection || objection.requestId !== requestId) throw notFound('join-request-objection');
      authorise(canWithdrawObjection(actor.id, objection));
      if (request.status !== 'pending') throw refuse('request-decided', { status: request.status });
      const note = input.note ?? null;
      await withdrawObjection(tx.manager, objectionId, tx.now, note);
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'join-request.objection-withdrawn',
        subjectType: 'join-request-objection',
        subjectId: objectionId,
        change: {
          requestId,
          applicantId: request.personId,
          applicantName: request.personName,
          objectionId,
          personId: objection.personId,
          name: objection.personName,
          snapshot: objection.snapshot,
          reason: objection.reason,
          note,
        },
      });
      return this.viewOf(tx.manager, group, request, circulation, actor, tx.now);
    });
  }

  /**
   * A chair (or the convener while no chair is confirmed) changes the join policy and any subset of
   * the rules of procedure. Requests already pending keep the policy they were made under.
   */
  changeRules(actor: Actor, groupId: string, input: ChangeProcedureRulesRequest): Promise<ProcedureRulesResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.groups.lockGroup(tx.manager, groupId);
      if (!group) throw notFound('working-group');
      authorise(canChangeRules(await this.standings.of(tx.manager, group, actor.id, tx.now)));
      const before = { joinPolicy: group.joinPolicy, procedureRules: procedureRulesOf(group.procedureRules) };
      const after = { joinPolicy: input.joinPolicy ?? before.joinPolicy, procedureRules: { ...before.procedureRules, ...input.procedureRules } };
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await setJoinPolicyAndRules(tx.manager, groupId, after.joinPolicy, after.procedureRules);
        await tx.record({
          scope: workingGroupScope(groupId),
          actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
          action: 'working-group.rules-changed',
          subjectType: 'working-group',
          subjectId: groupId,
          change: { before, after, note: input.note ?? null },
        });
      }
      return { workingGroupId: groupId, ...after };
    });
  }

  private async lockCirculated(tx: Tx, groupId: string, requestId: string): Promise<{ group: WorkingGroupRow; request: JoinRequestRow; circulation: CirculationRow }> {
    // Locks in the order a decision on the request takes them: the group, then the request.
    const group = await this.groups.lockGroup(tx.manager, groupId);
    if (!group) throw notFound('working-group');
    const request = await this.groups.lockJoinRequest(tx.manager, requestId);
    if (!request || request.workingGroupId !== groupId) throw notFound('join-request');
    const circulation = await circulationOf(tx.manager, requestId);
    if (!circulation) throw refuse('request-not-circulated');
    return { group, request, circulation };
  }

  private async viewOf(manager: EntityManager, group: WorkingGroupRow, request: JoinRequestRow, c: CirculationRow, viewer: Actor, now: Date): Promise<CirculatedRequestView> {
    const fresh = (await this.groups.findJoinRequest(request.id, manager))!;
    const standing = await this.standings.of(manager, group, viewer.id, now);
    const deciders = await decidersOf(manager, [request.id]);
    return toView(fresh, c, await objectionsOf(manager, [request.id]), deciders.get(request.id) ?? null, standing, viewer.id, now);
  }
}

function toView(
  r: JoinRequestRow,
  c: Pick<CirculationRow, 'hours' | 'endsAt'>,
  objections: ObjectionRow[],
  deciderSnapshot: AffiliationSnapshot | null,
  standing: PolicyStanding | null,
  viewerId: string | null,
  now: Date,
): CirculatedRequestView {
  const standingCount = objections.filter((o) => o.withdrawnAt === null).length;
  const outcome = circulationOutcome(r.status, c.endsAt, standingCount, now);
  const own = viewerId ? objections.find((o) => o.personId === viewerId && o.withdrawnAt === null) : undefined;
  return {
    requestId: r.id,
    workingGroupId: r.workingGroupId,
    applicant: { id: r.personId, name: r.personName },
    kind: r.kind,
    statement: r.statement,
    snapshot: r.snapshot,
    requestedAt: r.requestedAt.toISOString(),
    circulationEndsAt: c.endsAt.toISOString(),
    nonObjectionHours: c.hours,
    status: r.status,
    outcome: outcome.kind,
    outcomeText: circulationOutcomeInWords(outcome),
    decidedBy: r.decidedBy ? { id: r.decidedBy, name: r.decidedByName, snapshot: deciderSnapshot } : null,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    reason: r.reason,
    objections: objections.map((o) => ({
      id: o.id,
      objector: { id: o.personId, name: o.personName, snapshot: o.snapshot },
      reason: o.reason,
      raisedAt: o.raisedAt.toISOString(),
      withdrawnAt: o.withdrawnAt ? o.withdrawnAt.toISOString() : null,
      withdrawalNote: o.withdrawalNote,
    })),
    can:
      standing && viewerId
        ? {
            object: stated(canObject(standing, { personId: r.personId, status: r.status, endsAt: c.endsAt }, viewerId, own !== undefined, now)),
            decide: r.status === 'pending' ? stated(canDecideCirculated(standing, c.endsAt, now)) : stated(refusal('request-decided', { status: r.status as Exclude<JoinRequestStatus, 'pending'> })),
          }
        : { object: SIGN_IN, decide: SIGN_IN },
    ownObjectionId: own?.id ?? null,
  };
}
