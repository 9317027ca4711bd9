import { isConfirmed, type AffiliationSnapshot, type MembershipKind } from '@parley/domain';
import type { GroupStanding } from './working-group-access';

/**
 * Who may do what in one working group: small pure functions over the actor's standing, each
 * answering `true` or the reason it is not allowed (shown to the person as is). Services call them
 * after loading the standing; responses carry them so the web never re-derives a rule.
 *
 * Powers: a chair (an acting chair term of THIS group) admits, refuses, removes members and assigns
 * roles; the convener decides join requests only while no chair of the group is confirmed; any
 * voting member (or chair) nominates a chair, and only a voting member can be nominated; any voting
 * member may move a chair's removal; nobody acts without a current affiliation.
 */
export type Verdict = true | string;

export interface PolicyStanding extends GroupStanding {
  groupStatus: 'forming' | 'active' | 'closed';
  /** The group has an acting chair confirmed by a ballot. */
  groupHasConfirmedChair: boolean;
}

export const NEEDS_AFFILIATION = 'You need a current affiliation to take part; add one on your profile';
export const GROUP_CLOSED = 'This working group is closed';
export const NOT_A_MEMBER = 'Only members of this working group can do this';
export const CHAIRS_ONLY = 'Only a chair of this working group can do this';
export const DECIDERS_ONLY = 'Only a chair of this working group (or its convener, while no chair is confirmed) can decide join requests';

/** The first condition of every act: a current affiliation, in an open group. */
export function canAct(s: Pick<PolicyStanding, 'currentSnapshot' | 'groupStatus'>): Verdict {
  if (s.currentSnapshot === null) return NEEDS_AFFILIATION;
  if (s.groupStatus === 'closed') return GROUP_CLOSED;
  return true;
}

/** Anyone signed in with a current affiliation may convene a group. */
export function canCreateGroup(currentSnapshot: GroupStanding['currentSnapshot']): Verdict {
  return currentSnapshot === null ? NEEDS_AFFILIATION : true;
}

export function canRequestToJoin(s: PolicyStanding, hasPendingRequest: boolean): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (s.membership) return 'You are already a member of this working group';
  if (hasPendingRequest) return 'You have already asked to join; a chair will answer your request';
  return true;
}

export function canDecideJoinRequests(s: PolicyStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (s.isChair) return true;
  if (s.isConvener && !s.groupHasConfirmedChair) return true;
  return DECIDERS_ONLY;
}

export function canLeave(s: PolicyStanding): Verdict {
  if (!s.membership) return 'You are not a member of this working group';
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
  if (!s.isChair) return CHAIRS_ONLY;
  if (target.personId === actorId) return 'To step out of the group yourself, leave it';
  if (target.isChair) return 'A chair is removed by a chair-removal ballot, not by removal from the group';
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
  return 'Only a chair of this working group can appoint a rapporteur or change a member’s role';
}

export const VOTING_MEMBERS_NOMINATE = 'Only voting members of this working group can nominate a chair';
export const NOMINEE_NOT_MEMBER = 'Only a member of this working group can be nominated as its chair';
export const NOMINEE_NOT_VOTING = 'Only a voting member of this working group can be nominated as its chair, not an observer';

/** A chair is nominated "by any member, or self": members vote, observers do not, so only voting members (and chairs) nominate. */
export function canNominateChair(s: PolicyStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.membership) return NOT_A_MEMBER;
  if (s.membership.kind !== 'member' && !s.isChair) return VOTING_MEMBERS_NOMINATE;
  return true;
}

/** Who can be nominated: a current voting member of the group (an observer first becomes a member). The service answers 409 on the nominee: a state of the nominee, not a right of the nominator. */
export function canBeNominated(nominee: Pick<TargetMember, 'kind'> | null): Verdict {
  if (!nominee) return NOMINEE_NOT_MEMBER;
  return nominee.kind === 'member' ? true : NOMINEE_NOT_VOTING;
}

/** Only the nominee answers their nomination, with a current affiliation, while still a voting member. */
export function canAnswerNomination(s: PolicyStanding, actorId: string, nomineeId: string): Verdict {
  if (actorId !== nomineeId) return 'Only the person nominated can accept or decline this nomination';
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.membership) return 'You are no longer a member of this working group';
  if (s.membership.kind !== 'member') return 'You are now an observer of this working group: only a voting member can stand as its chair';
  return true;
}

/** Declining needs nothing but being the nominee: someone who lost their affiliation must still be able to say no. */
export function canDeclineNomination(actorId: string, nomineeId: string): Verdict {
  return actorId === nomineeId ? true : 'Only the person nominated can accept or decline this nomination';
}

/** The nominee or whoever nominated them withdraws a nomination; like declining, it needs no affiliation. */
export function canWithdrawNomination(actorId: string, nomination: { nomineeId: string; nominatedBy: string }): Verdict {
  return actorId === nomination.nomineeId || actorId === nomination.nominatedBy ? true : 'Only the nominee or whoever nominated them can withdraw this nomination';
}

/** A person withdraws their own join request, affiliation or not. */
export function canWithdrawJoinRequest(actorId: string, requesterId: string): Verdict {
  return actorId === requesterId ? true : 'Only the person who asked to join can withdraw this request';
}

/** A chair resigns their own term; leaving needs no affiliation either. */
export function canResign(actorId: string, termPersonId: string): Verdict {
  return actorId === termPersonId ? true : 'Only the chair can resign their own term; others may propose a removal ballot';
}

/** Any voting member may move a chair's removal; the members decide by ballot. */
export function canProposeChairRemoval(s: PolicyStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (!s.membership || s.membership.kind !== 'member') return 'Only voting members of this working group can propose removing a chair';
  return true;
}

export const NEEDS_CONFIRMED_AFFILIATION = (organisationName: string) =>
  `This working group admits as voting members only people whose organisation confirmed their affiliation; ${organisationName} has not confirmed yours yet (you may join as an observer)`;

/**
 * Who may hold a vote: where the group requires confirmed affiliations (its default), only a person
 * whose current affiliation their organisation confirmed. Observers need no confirmation.
 */
export function canHoldVote(requiresConfirmedAffiliations: boolean, kind: MembershipKind, snapshot: AffiliationSnapshot | null): Verdict {
  if (kind !== 'member' || !requiresConfirmedAffiliations) return true;
  if (snapshot === null) return NEEDS_AFFILIATION;
  return isConfirmed(snapshot) ? true : NEEDS_CONFIRMED_AFFILIATION(snapshot.organisationName);
}
