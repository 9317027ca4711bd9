import type { DraftingReason, DraftingReasonCode, ReasonParams } from '@parley/contracts';
import type { GroupStanding } from '../working-groups/working-group-access';

/**
 * Who may do what with a working group's texts: small pure functions over the actor's standing in
 * THAT group (and the state of the thing acted on), each answering `true` or the reason it is not
 * allowed, shown to the person as is. Services call them after loading the standing; responses carry
 * the verdicts so the web never re-derives a rule.
 *
 * - Members and observers comment; observers do not amend, co-sponsor or vote.
 * - Chairs and rapporteurs create documents, give dispositions and consolidate versions.
 * - Only a chair opens ballots (on an amendment, or on adopting a version).
 * - Nobody acts without a current affiliation, or in a closed group.
 */
export type Verdict = true | string;

export interface DraftingStanding extends GroupStanding {
  groupStatus: 'forming' | 'active' | 'closed';
}

export const NEEDS_AFFILIATION = 'You need a current affiliation to take part; add one on your profile';
export const GROUP_CLOSED = 'This working group is closed';
export const NOT_IN_GROUP = 'Only members and observers of this working group can comment';
export const MEMBERS_ONLY_AMEND = 'Only members of this working group can propose amendments; observers comment';
export const MEMBERS_ONLY_COSPONSOR = 'Only members of this working group can co-sponsor amendments';
export const EDITORS_ONLY = 'Only a chair or rapporteur of this working group can do this';
export const CHAIRS_ONLY = 'Only a chair of this working group can open a ballot';
export const OWN_AMENDMENT = 'You cannot co-sponsor your own amendment';
export const AUTHOR_ONLY_WITHDRAW = 'Only the author can withdraw an amendment';
export const UNDER_BALLOT = 'This amendment is under ballot and can no longer be withdrawn';
export const NOT_COSPONSOR = 'You do not co-sponsor this amendment';
export const COSPONSORSHIP_UNDER_BALLOT = 'This amendment is under ballot; co-sponsorships can no longer be withdrawn';
/** A state refusal: the amendment is no longer `proposed`, and `what` (co-sponsor, withdraw, …) needs it to be. */
export const notProposed = (status: string, what: string) => `This amendment is ${status}; only a proposed amendment can be ${what}`;
const NOT_PROPOSED = /^This amendment is ([\w-]+); only a proposed amendment can be (.+)$/;

const CODES = new Map<string, DraftingReasonCode>([
  [NEEDS_AFFILIATION, 'needs-affiliation'],
  [GROUP_CLOSED, 'group-closed'],
  [NOT_IN_GROUP, 'not-in-group'],
  [MEMBERS_ONLY_AMEND, 'members-only-amend'],
  [MEMBERS_ONLY_COSPONSOR, 'members-only-cosponsor'],
  [EDITORS_ONLY, 'editors-only'],
  [CHAIRS_ONLY, 'chairs-only'],
  [OWN_AMENDMENT, 'own-amendment'],
  [AUTHOR_ONLY_WITHDRAW, 'author-only-withdraw'],
  [UNDER_BALLOT, 'under-ballot'],
  [COSPONSORSHIP_UNDER_BALLOT, 'under-ballot'],
  [NOT_COSPONSOR, 'not-cosponsor'],
]);

/** The machine form of a refusal this policy gave (its code and facts), for the problem's `code` and `params`. */
export function reasonOf(verdict: string): DraftingReason | undefined {
  const code = CODES.get(verdict);
  if (code) return { code, params: {} };
  const m = verdict.match(NOT_PROPOSED);
  return m ? { code: 'not-proposed', params: { status: m[1] } } : undefined;
}

/** A reason this context states itself (not a policy verdict), in machine form. */
export const reason = (code: DraftingReasonCode, params: ReasonParams = {}): DraftingReason => ({ code, params });

const isRapporteur = (s: GroupStanding): boolean => s.membership?.isRapporteur === true;
const isVotingMember = (s: GroupStanding): boolean => s.membership?.kind === 'member';

/** The first condition of every act: a current affiliation, in a group that is not closed. */
export function canAct(s: Pick<DraftingStanding, 'currentSnapshot' | 'groupStatus'>): Verdict {
  if (s.currentSnapshot === null) return NEEDS_AFFILIATION;
  if (s.groupStatus === 'closed') return GROUP_CLOSED;
  return true;
}

/** Chairs and rapporteurs edit: create documents, dispose of comments, consolidate. */
export function canEdit(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.isChair || isRapporteur(s) ? true : EDITORS_ONLY;
}

export const canCreateDocument = canEdit;
export const canDispose = canEdit;
export const canConsolidate = canEdit;

/** Members (voting or observing), and the group's chairs, comment and reply. */
export function canComment(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership !== null || s.isChair ? true : NOT_IN_GROUP;
}

/** Voting members (and chairs) propose amendments; observers do not. */
export function canAmend(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return isVotingMember(s) || s.isChair ? true : MEMBERS_ONLY_AMEND;
}

/** Another voting member co-sponsors an amendment; never its author. (Whether it is still open is the service's check: a state, not a right.) */
export function canCosponsor(s: DraftingStanding, amendment: { authorId: string }, actorId: string): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (amendment.authorId === actorId) return OWN_AMENDMENT;
  if (!isVotingMember(s)) return MEMBERS_ONLY_COSPONSOR;
  return true;
}

/** The author withdraws their amendment while it is proposed (not under ballot, not decided). */
export function canWithdraw(amendment: { authorId: string; status: string }, actorId: string): Verdict {
  if (amendment.authorId !== actorId) return AUTHOR_ONLY_WITHDRAW;
  if (amendment.status === 'balloting') return UNDER_BALLOT;
  if (amendment.status !== 'proposed') return notProposed(amendment.status, 'withdrawn');
  return true;
}

/**
 * A co-sponsor withdraws their co-sponsorship while the amendment is proposed: once under ballot its
 * support is part of what members vote on. Nobody else can, and no affiliation is needed to stop backing a text.
 */
export function canWithdrawCosponsorship(amendment: { status: string }, isCosponsor: boolean): Verdict {
  if (!isCosponsor) return NOT_COSPONSOR;
  if (amendment.status === 'balloting') return COSPONSORSHIP_UNDER_BALLOT;
  if (amendment.status !== 'proposed') return notProposed(amendment.status, 'changed');
  return true;
}

/** A chair of the group opens ballots. */
export function canOpenBallot(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.isChair ? true : CHAIRS_ONLY;
}

/** A standing for readers who are not signed in: allowed nothing. */
export function anonymousStanding(groupStatus: DraftingStanding['groupStatus']): DraftingStanding {
  return { membership: null, isChair: false, isConvener: false, currentSnapshot: null, groupStatus };
}
