import { refusal, type Verdict } from '@parley/contracts';
import type { AffiliationSnapshot, GroupStatus } from '@parley/domain';
import { canAct } from '../policy/standing';
import type { BallotTallyMode, BallotVisibility } from './open-ballot-spec';

/**
 * Who may do what with ballots, and what a ballot discloses: small pure functions over plain
 * standing and ballot objects, answering `true` or the refusal (its status says 403 or 409). The
 * ballot service calls them; responses carry the verdicts (`can`), so the web never re-derives a rule.
 */
export interface OpenerStanding {
  isChair: boolean;
  currentSnapshot: AffiliationSnapshot | null;
  groupStatus: GroupStatus;
  /** See GroupStanding.twoFactorMissing (decision 0050). */
  twoFactorMissing?: boolean;
}

export interface BallotState {
  status: 'open' | 'closed';
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  visibility: BallotVisibility;
  tallies: BallotTallyMode;
}

/** Open at this instant: not closed, and its closing time not reached (the scheduler may not have run yet). */
export function isAcceptingVotes(b: Pick<BallotState, 'status' | 'closesAt'>, now: Date): boolean {
  return b.status === 'open' && now.getTime() < b.closesAt.getTime();
}

export function canOpenBallot(s: OpenerStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.isChair ? true : refusal('chairs-only');
}

export function canClose(s: Pick<OpenerStanding, 'isChair' | 'currentSnapshot' | 'twoFactorMissing'>, b: Pick<BallotState, 'status' | 'closedAt'>): Verdict {
  if (!s.isChair) return refusal('chairs-only-close');
  if (s.currentSnapshot === null) return refusal('needs-affiliation');
  if (s.twoFactorMissing) return refusal('two-factor-required');
  if (b.status === 'closed') return refusal('ballot-closed-at', { closedAt: (b.closedAt as Date).toISOString() });
  return true;
}

/** Where a person stands in the ballot's working group now (their latest membership). */
export type MembershipNow = { status: 'voting' } | { status: 'observer' } | { status: 'left' | 'removed'; since: Date };

export interface VoterStanding {
  /** In the electorate frozen when the ballot opened. */
  inElectorate: boolean;
  currentSnapshot: AffiliationSnapshot | null;
  /**
   * Their membership of the ballot's group now. Casting and `can.vote` always pass it; only lists
   * that vote on nothing (what awaits a person's vote) may leave it out, and then it is not checked.
   */
  membership?: MembershipNow;
}

/**
 * Someone who is no longer a voting member (left, removed, or made an observer) does not vote, even
 * on a ballot opened while they were one; a vote they cast while a member stays counted (decision
 * record 0015).
 */
function membershipRefusal(m: MembershipNow | undefined): Verdict {
  if (!m || m.status === 'voting') return true;
  if (m.status === 'observer') return refusal('voter-now-observer');
  return refusal(m.status === 'removed' ? 'voter-removed-from-group' : 'voter-left-group', { since: m.since.toISOString() });
}

/** Whether this person can vote on this ballot now: 409 when the ballot no longer takes votes, 403 when the person may not. */
export function canVote(v: VoterStanding, b: Pick<BallotState, 'status' | 'openedAt' | 'closesAt' | 'closedAt'>, now: Date): Verdict {
  if (b.status === 'closed') return refusal('ballot-closed', { closedAt: (b.closedAt as Date).toISOString() });
  if (!isAcceptingVotes(b, now)) return refusal('ballot-past-closing', { closesAt: b.closesAt.toISOString() });
  if (!v.inElectorate) return refusal('not-in-electorate', { openedAt: b.openedAt.toISOString() });
  const member = membershipRefusal(v.membership);
  if (member !== true) return member;
  if (v.currentSnapshot === null) return refusal('needs-affiliation');
  return true;
}

/** The running tally is shown while open only on live roll-call ballots (secret ballots never show one: a tally seen before and after one vote would tell that vote). */
export function runningTallyVisible(b: Pick<BallotState, 'status' | 'visibility' | 'tallies'>): boolean {
  return b.status === 'open' && b.visibility === 'roll-call' && b.tallies === 'live';
}

/** Individual choices are public on roll-call ballots, once closed or all along when tallies are live. */
export function choicesVisible(b: Pick<BallotState, 'status' | 'visibility' | 'tallies'>): boolean {
  return b.visibility === 'roll-call' && (b.status === 'closed' || b.tallies === 'live');
}

/** A roll-call list exists only on roll-call ballots. */
export function rollCallPublished(b: Pick<BallotState, 'visibility'>): boolean {
  return b.visibility === 'roll-call';
}

/** A voter sees their own choice back, except on a secret ballot (no receipt a voter could be made to show). */
export function ownChoiceVisible(b: Pick<BallotState, 'visibility'>): boolean {
  return b.visibility === 'roll-call';
}
