import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_COMPOSITION_CAPS, DEFAULT_DECISION_RULES, procedureRulesOf, workingGroupScope } from '@parley/domain';
import {
  type CreateWorkingGroupRequest,
  type WorkingGroupListQuery,
  type WorkingGroupListResponse,
  type WorkingGroupPermissions,
  type WorkingGroupResponse,
} from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { stewardRole } from '../policy/permissions';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { authorise, notFound, refused, stated } from '../platform/http/problem';
import { ChairTermRepository } from './chair-term.repository';
import { WorkingGroupStandings } from './working-group-standing';
import {
  canChangeRole,
  canCreateGroup,
  canDecideJoinRequests,
  canHoldVote,
  canLeave,
  canNominateChair,
  canProposeChairRemoval,
  canRemoveMember,
  canRequestToJoin,
  canSetChairsTwoFactor,
  type PolicyStanding,
} from './working-group.policy';
import { WorkingGroupRepository } from './working-group.repository';
import { toChairTermResponse, toJoinRequestResponse, toMemberResponse, toNominationResponse, WorkingGroupViews } from './working-group.views';

@Injectable()
export class WorkingGroupService {
  constructor(
    private readonly groups: WorkingGroupRepository,
    private readonly terms: ChairTermRepository,
    private readonly views: WorkingGroupViews,
    private readonly standings: WorkingGroupStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** The creator convenes the group (they are not its chair) and, unless they say otherwise, joins it as a voting member. */
  create(actor: Actor, input: Omit<CreateWorkingGroupRequest, 'requiresConfirmedAffiliations'> & { requiresConfirmedAffiliations?: boolean; convenerJoinsAs?: 'member' | 'observer' | 'none' }): Promise<WorkingGroupResponse> {
    return this.tx.run(async (tx) => {
      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      authorise(canCreateGroup(auditActor.snapshot));
      const snapshot = auditActor.snapshot!;
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('working-group-name:' || lower($1)))`, [input.name]);
      if (await this.groups.nameTaken(tx.manager, input.name)) throw refused(refusal('group-name-taken', { name: input.name }), 'name');
      const requiresConfirmedAffiliations = input.requiresConfirmedAffiliations ?? true;
      const decisionRules = { ...DEFAULT_DECISION_RULES, ...Object.fromEntries(Object.entries(input.decisionRules ?? {}).filter(([, v]) => v !== undefined)) };
      const caps = { ...DEFAULT_COMPOSITION_CAPS, ...Object.fromEntries(Object.entries(input.caps ?? {}).filter(([, v]) => v !== undefined)) };
      const procedureRules = procedureRulesOf(input.procedureRules);
      const id = await this.groups.insertGroup(tx.manager, {
        name: input.name,
        mandate: input.mandate,
        joinPolicy: input.joinPolicy,
        decisionRules,
        quorum: input.quorum,
        quorumPerStakeholderGroup: input.quorumPerStakeholderGroup,
        maxStakeholderGroupShare: caps.maxStakeholderGroupShare,
        maxVotingMembersPerOrganisation: caps.maxVotingMembersPerOrganisation,
        convenerId: actor.id,
        convenerSnapshot: snapshot,
        createdAt: tx.now,
        requiresConfirmedAffiliations,
        procedureRules,
      });
      const scope = workingGroupScope(id);
      await tx.record({
        scope,
        actor: auditActor,
        action: 'working-group.created',
        subjectType: 'working-group',
        subjectId: id,
        change: { name: input.name, mandate: input.mandate, joinPolicy: input.joinPolicy, requiresConfirmedAffiliations, decisionRules, quorum: input.quorum, quorumPerStakeholderGroup: input.quorumPerStakeholderGroup, caps, convener: { personId: actor.id, name: auditActor.name, snapshot }, procedureRules },
      });
      // A convener whose organisation has not confirmed them joins a group that requires it as an observer.
      const asked = input.convenerJoinsAs ?? 'member';
      const joinsAs = asked === 'member' && canHoldVote(requiresConfirmedAffiliations, 'member', snapshot) !== true ? 'observer' : asked;
      if (joinsAs !== 'none') {
        const membershipId = await this.groups.insertMembership(tx.manager, { workingGroupId: id, personId: actor.id, kind: joinsAs, admissionSnapshot: snapshot, statement: null, admittedAt: tx.now, admittedBy: actor.id });
        await tx.record({
          scope,
          actor: auditActor,
          action: 'membership.admitted',
          subjectType: 'membership',
          subjectId: membershipId,
          change: { personId: actor.id, name: auditActor.name, kind: joinsAs, snapshot, via: 'convener' },
        });
      }
      return this.detail(id, actor, tx.manager, tx.now);
    });
  }

  async list(q: WorkingGroupListQuery): Promise<WorkingGroupListResponse> {
    const now = this.clock.now();
    const groups = await this.groups.listGroups(undefined);
    const memberships = await this.groups.currentMemberships(null);
    const terms = await this.terms.terms({});
    const affiliations = await this.views.affiliationsNow(undefined, [...memberships.map((m) => m.personId), ...terms.map((t) => t.personId)], now);
    const pending = await this.groups.pendingRequestCounts();
    const pictures = groups.map((g) =>
      this.views.picture(
        g,
        memberships.filter((m) => m.workingGroupId === g.id),
        terms.filter((t) => t.workingGroupId === g.id),
        affiliations,
        now,
      ),
    );
    // The comparison is across every group that is not closed, whatever the filter shows.
    const crossGroupAlarms = this.views.crossGroupAlarms(pictures);
    return {
      items: pictures.filter((p) => !q.status || p.group.status === q.status).map((p) => this.views.summary(p, crossGroupAlarms, pending.get(p.group.id) ?? 0, now)),
      crossGroupAlarms,
    };
  }

  get(id: string, viewer: Actor | null): Promise<WorkingGroupResponse> {
    return this.detail(id, viewer, this.dataSource.manager, this.clock.now());
  }

  private async detail(id: string, viewer: Actor | null, manager: DataSource['manager'], now: Date): Promise<WorkingGroupResponse> {
    const group = await this.groups.findGroup(id, manager);
    if (!group) throw notFound('working-group');
    // The cross-group alarm needs every group's composition.
    const list = await this.crossGroupFor(manager, now);
    const memberships = await this.groups.currentMemberships([id], manager);
    const terms = await this.terms.terms({ workingGroupIds: [id] }, manager);
    const pending = await this.groups.joinRequests(id, 'pending', manager);
    const affiliations = await this.views.affiliationsNow(manager, [...memberships.map((m) => m.personId), ...terms.map((t) => t.personId), ...pending.map((r) => r.personId)], now);
    const picture = this.views.picture(group, memberships, terms, affiliations, now);

    const standing = viewer ? await this.standings.of(manager, group, viewer.id, now) : null;
    const pendingOfViewer = viewer ? pending.find((r) => r.personId === viewer.id) ?? null : null;
    const seesRequests = standing !== null && canDecideJoinRequests(standing) === true;
    return {
      ...this.views.summary(picture, list, pending.length, now),
      // A group whose rules predate a ballot kind (`recommendations`, decision 0034) reads that kind's default.
      decisionRules: { ...DEFAULT_DECISION_RULES, ...group.decisionRules },
      quorum: group.quorum,
      quorumPerStakeholderGroup: group.quorumPerStakeholderGroup,
      caps: picture.composition.caps,
      procedureRules: procedureRulesOf(group.procedureRules),
      chairsRequireTwoFactor: group.chairsRequireTwoFactor,
      members: memberships.map((m) => toMemberResponse(m, affiliations.get(m.personId)!, picture.actingChairIds.has(m.personId))),
      chairTerms: terms.map((t) => toChairTermResponse(t, now)),
      nominations: (await this.terms.nominations(id, manager)).map(toNominationResponse),
      pendingRequests: seesRequests ? pending.map((r) => ({ ...toJoinRequestResponse(r), ifAdmitted: this.views.admissionEffect(picture, r, affiliations.get(r.personId)!, now) })) : null,
      viewer: standing
        ? {
            membership: standing.membership ? { id: standing.membership.id, kind: standing.membership.kind, rapporteur: standing.membership.isRapporteur } : null,
            chair: standing.isChair,
            convener: standing.isConvener,
            pendingRequest: pendingOfViewer ? toJoinRequestResponse(pendingOfViewer) : null,
            canAct: standing.currentSnapshot !== null,
          }
        : null,
      allowed: permissionsOf(standing, viewer, pendingOfViewer !== null, group.requiresConfirmedAffiliations),
    };
  }

  private async crossGroupFor(manager: DataSource['manager'], now: Date) {
    const groups = await this.groups.listGroups(undefined, manager);
    const memberships = await this.groups.currentMemberships(null, manager);
    const affiliations = await this.views.affiliationsNow(manager, memberships.map((m) => m.personId), now);
    return this.views.crossGroupAlarms(groups.map((g) => this.views.picture(g, memberships.filter((m) => m.workingGroupId === g.id), [], affiliations, now)));
  }
}

const SIGN_IN = stated(refusal('unauthenticated'));

function permissionsOf(s: PolicyStanding | null, viewer: Actor | null, hasPendingRequest: boolean, requiresConfirmed: boolean): WorkingGroupPermissions {
  if (s === null || viewer === null)
    return { join: SIGN_IN, joinAsMember: SIGN_IN, leave: SIGN_IN, decideJoinRequests: SIGN_IN, nominateChair: SIGN_IN, manageMembers: SIGN_IN, removeMembers: SIGN_IN, proposeChairRemoval: SIGN_IN, setChairsTwoFactor: SIGN_IN };
  const actorId = viewer.id;
  // Acts on another member are answered for any other member who is not a chair; the web shows them on such rows only.
  const anotherMember = { personId: '', kind: 'member' as const, isChair: false };
  return {
    join: stated(canRequestToJoin(s, hasPendingRequest)),
    joinAsMember: stated(canHoldVote(requiresConfirmed, 'member', s.currentSnapshot)),
    leave: stated(canLeave(s)),
    decideJoinRequests: stated(canDecideJoinRequests(s)),
    nominateChair: stated(canNominateChair(s)),
    manageMembers: stated(canChangeRole(s, actorId, anotherMember, { rapporteur: true })),
    removeMembers: stated(canRemoveMember(s, actorId, anotherMember)),
    proposeChairRemoval: stated(canProposeChairRemoval(s)),
    setChairsTwoFactor: stated(canSetChairsTwoFactor(s, stewardRole(viewer))),
  };
}
