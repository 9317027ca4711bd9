import type { AffiliationSnapshot } from '@parley/domain';
import type { Reason } from '@parley/contracts';
import type { BallotTallyMode, BallotVisibility } from './open-ballot-spec';

/**
 * Who may do what with ballots, and what a ballot discloses: small pure functions over plain
 * standing and ballot objects. The ballot service calls them; responses carry the verdicts
 * (`can`), so the web never re-derives a rule.
 */
export type Verdict = true | string;

/** A refusal with the kind of answer it deserves: 403 (not allowed) or 409 (the ballot's state), and a stable code when it has one. */
export interface Refusal {
  kind: 'forbidden' | 'conflict';
  message: string;
  reason?: Reason;
}

export interface OpenerStanding {
  isChair: boolean;
  currentSnapshot: AffiliationSnapshot | null;
  groupStatus: 'forming' | 'active' | 'closed';
}

export interface BallotState {
  status: 'open' | 'closed';
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  visibility: BallotVisibility;
  tallies: BallotTallyMode;
}

export const NEEDS_AFFILIATION = 'You need a current affiliation to take part; add one on your profile';
export const CHAIRS_OPEN = 'Only a chair of this working group can open a ballot';
export const CHAIRS_CLOSE = 'Only a chair of this working group can close a ballot early';
export const GROUP_CLOSED = 'This working group is closed';

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Open at this instant: not closed, and its closing time not reached (the scheduler may not have run yet). */
export function isAcceptingVotes(b: Pick<BallotState, 'status' | 'closesAt'>, now: Date): boolean {
  return b.status === 'open' && now.getTime() < b.closesAt.getTime();
}

export function canOpenBallot(s: OpenerStanding): Verdict {
  if (s.currentSnapshot === null) return NEEDS_AFFILIATION;
  if (s.groupStatus === 'closed') return GROUP_CLOSED;
  if (!s.isChair) return CHAIRS_OPEN;
  return true;
}

export function closeRefusal(s: Pick<OpenerStanding, 'isChair' | 'currentSnapshot'>, b: Pick<BallotState, 'status' | 'closedAt'>): Refusal | null {
  if (!s.isChair) return { kind: 'forbidden', message: CHAIRS_CLOSE };
  if (s.currentSnapshot === null) return { kind: 'forbidden', message: NEEDS_AFFILIATION };
  if (b.status === 'closed') return { kind: 'conflict', message: `This ballot is already closed (${utc(b.closedAt as Date)})` };
  return null;
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
function membershipRefusal(m: MembershipNow | undefined): Refusal | null {
  if (!m || m.status === 'voting') return null;
  if (m.status === 'observer')
    return {
      kind: 'forbidden',
      message:
        'You are now an observer of this working group: only its current voting members vote, even on a ballot opened before; a vote you cast as a member stays counted',
      reason: { code: 'voter-now-observer', params: {} },
    };
  const removed = m.status === 'removed';
  return {
    kind: 'forbidden',
    message: `You ${removed ? 'were removed from' : 'left'} this working group on ${utc(m.since)}: only its current voting members vote, even on a ballot opened before; a vote you cast while a member stays counted`,
    reason: { code: removed ? 'voter-removed-from-group' : 'voter-left-group', params: { since: m.since.toISOString() } },
  };
}

/** Why this person cannot vote on this ballot now, or null when they can. */
export function voteRefusal(v: VoterStanding, b: Pick<BallotState, 'status' | 'openedAt' | 'closesAt' | 'closedAt'>, now: Date): Refusal | null {
  if (b.status === 'closed') return { kind: 'conflict', message: `This ballot closed on ${utc(b.closedAt as Date)}; votes can no longer be cast or changed` };
  if (!isAcceptingVotes(b, now))
    return { kind: 'conflict', message: `This ballot closed at its closing time, ${utc(b.closesAt)}; votes can no longer be cast or changed` };
  if (!v.inElectorate)
    return {
      kind: 'forbidden',
      message: `You are not in this ballot's electorate: it was fixed when the ballot opened on ${utc(b.openedAt)}, and only the group's voting members at that moment can vote on it`,
    };
  const notMember = membershipRefusal(v.membership);
  if (notMember) return notMember;
  if (v.currentSnapshot === null) return { kind: 'forbidden', message: NEEDS_AFFILIATION };
  return null;
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
