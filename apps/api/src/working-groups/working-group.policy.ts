import { refusal, type Verdict } from '@parley/contracts';
import { isConfirmed, type AffiliationSnapshot, type GroupStatus, type MembershipKind } from '@parley/domain';
import { canAct } from '../policy/standing';
import type { GroupStanding } from './working-group-access';

/**
 * Who may do what in one working group: small pure functions over the actor's standing, each
 * answering `true` or the refusal (a code of the catalogue in libs/contracts). Services call them
 * after loading the standing; responses carry them so the web never re-derives a rule.
 *
 * Powers: a chair (an acting chair term of THIS group) admits, refuses, removes members and assigns
 * roles; the convener decides join requests only while no chair of the group is confirmed; any
 * voting member (or chair) nominates a chair, and only a voting member can be nominated; any voting
 * member may move a chair's removal; nobody acts without a current affiliation.
 */
export interface PolicyStanding extends GroupStanding {
  groupStatus: GroupStatus;
  /** The group has an acting chair confirmed by a ballot. */
  groupHasConfirmedChair: boolean;
}

/** Anyone signed in with a current affiliation may convene a group. */
export function canCreateGroup(currentSnapshot: GroupStanding['currentSnapshot']): Verdict {
  return currentSnapshot === null ? refusal('needs-affiliation') : true;
}

export function canRequestToJoin(s: PolicyStanding, hasPendingRequest: boolean): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (s.membership) return refusal('already-member');
  if (hasPendingRequest) return refusal('already-asked');
  return true;
}

export function canDecideJoinRequests(s: PolicyStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (s.isChair) return true;
  if (s.isConvener && !s.groupHasConfirmedChair) return true;
  return refusal('deciders-only');
}

export function canLeave(s: PolicyStanding): Verdict {
  if (!s.membership) return refusal('not-member');
  // Leaving never needs an affiliation: someone whose employment ended must still be able to step out.
  return true;
}

export interface TargetMember {
  personId: string;
  kind: MembershipKind;
  isChair: boolean;
}

export function canRemoveMember(s: PolicyStanding, actorId: string, target: TargetMember): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.isChair) return refusal('chairs-only-act');
  if (target.personId === actorId) return refusal('remove-self');
  if (target.isChair) return refusal('chair-removed-by-ballot');
  return true;
}

export interface RoleChange {
  kind?: MembershipKind;
  rapporteur?: boolean;
}

/** A chair assigns roles (rapporteur, member or observer); anyone may step down from voting member to observer, or stop being rapporteur. */
export function canChangeRole(s: PolicyStanding, actorId: string, target: TargetMember, change: RoleChange): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (s.isChair) return true;
  const self = target.personId === actorId;
  const stepsDown = (change.kind === undefined || change.kind === 'observer') && change.rapporteur !== true;
  if (self && stepsDown) return true;
  return refusal('chairs-only-roles');
}

/** A chair is nominated "by any member, or self": members vote, observers do not, so only voting members (and chairs) nominate. */
export function canNominateChair(s: PolicyStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.membership) return refusal('members-only');
  if (s.membership.kind !== 'member' && !s.isChair) return refusal('voting-members-nominate');
  return true;
}

/** Who can be nominated: a current voting member of the group (an observer first becomes a member). The service answers 409 on the nominee: a state of the nominee, not a right of the nominator. */
export function canBeNominated(nominee: Pick<TargetMember, 'kind'> | null): Verdict {
  if (!nominee) return refusal('nominee-not-member');
  return nominee.kind === 'member' ? true : refusal('nominee-not-voting');
}

/** Only the nominee answers their nomination, with a current affiliation, while still a voting member. */
export function canAnswerNomination(s: PolicyStanding, actorId: string, nomineeId: string): Verdict {
  if (actorId !== nomineeId) return refusal('nominee-only-answers');
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.membership) return refusal('no-longer-member');
  if (s.membership.kind !== 'member') return refusal('observer-cannot-stand');
  return true;
}

/** Declining needs nothing but being the nominee: someone who lost their affiliation must still be able to say no. */
export function canDeclineNomination(actorId: string, nomineeId: string): Verdict {
  return actorId === nomineeId ? true : refusal('nominee-only-answers');
}

/** The nominee or whoever nominated them withdraws a nomination; like declining, it needs no affiliation. */
export function canWithdrawNomination(actorId: string, nomination: { nomineeId: string; nominatedBy: string }): Verdict {
  return actorId === nomination.nomineeId || actorId === nomination.nominatedBy ? true : refusal('nomination-withdrawers-only');
}

/** A person withdraws their own join request, affiliation or not. */
export function canWithdrawJoinRequest(actorId: string, requesterId: string): Verdict {
  return actorId === requesterId ? true : refusal('join-requester-only');
}

/** A chair resigns their own term; leaving needs no affiliation either. */
export function canResign(actorId: string, termPersonId: string): Verdict {
  return actorId === termPersonId ? true : refusal('own-term-only');
}

/** Any voting member may move a chair's removal; the members decide by ballot. */
export function canProposeChairRemoval(s: PolicyStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.membership || s.membership.kind !== 'member') return refusal('voting-members-remove-chair');
  return true;
}

/**
 * Who may hold a vote: where the group requires confirmed affiliations (its default), only a person
 * whose current affiliation their organisation confirmed. Observers need no confirmation.
 */
export function canHoldVote(requiresConfirmedAffiliations: boolean, kind: MembershipKind, snapshot: AffiliationSnapshot | null): Verdict {
  if (kind !== 'member' || !requiresConfirmedAffiliations) return true;
  if (snapshot === null) return refusal('needs-affiliation');
  return isConfirmed(snapshot) ? true : refusal('needs-confirmed-affiliation', { organisation: snapshot.organisationName });
}

/**
 * Whether the group's chairs must use two-factor authentication (decision 0050): a chair of the group
 * or a steward sets it (`asSteward`: the steward role's verdict, policy/permissions.ts, which checks a steward's own second factor).
 */
export function canSetChairsTwoFactor(s: PolicyStanding, asSteward: Verdict): Verdict {
  const base = canAct(s);
  if (base === true && s.isChair) return true;
  if (asSteward === true && s.groupStatus !== 'closed') return true;
  if (asSteward !== true && asSteward.code === 'two-factor-required') return asSteward;
  return base === true ? refusal('chairs-only-act') : base;
}
