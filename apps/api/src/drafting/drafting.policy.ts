import { refusal, type AmendmentStatus, type Verdict } from '@parley/contracts';
import type { GroupStatus } from '@parley/domain';
import { canAct } from '../policy/standing';
import type { GroupStanding } from '../working-groups/working-group-access';

/**
 * Who may do what with a working group's texts: small pure functions over the actor's standing in
 * THAT group (and the state of the thing acted on), each answering `true` or the refusal (a code of
 * the catalogue in libs/contracts). Services call them after loading the standing; responses carry
 * the verdicts so the web never re-derives a rule.
 *
 * - Members and observers comment; observers do not amend, co-sponsor or vote.
 * - Chairs and rapporteurs create documents, give dispositions and consolidate versions.
 * - Only a chair opens ballots (on an amendment, or on adopting a version).
 * - Nobody acts without a current affiliation, or in a closed group.
 */
export interface DraftingStanding extends GroupStanding {
  groupStatus: GroupStatus;
}

const isRapporteur = (s: GroupStanding): boolean => s.membership?.isRapporteur === true;
const isVotingMember = (s: GroupStanding): boolean => s.membership?.kind === 'member';

/** Chairs and rapporteurs edit: create documents, dispose of comments, consolidate. */
export function canEdit(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.isChair || isRapporteur(s) ? true : refusal('editors-only');
}

export const canCreateDocument = canEdit;
export const canDispose = canEdit;
export const canConsolidate = canEdit;

/** Members (voting or observing), and the group's chairs, comment and reply. */
export function canComment(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership !== null || s.isChair ? true : refusal('not-in-group');
}

/**
 * Members (voting or observing) and the group's chairs add their translation of a comment or of an
 * amendment's rationale (decision 0047): shown as theirs, never as official. Nobody outside the group.
 */
export function canAddParticipantTranslation(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership !== null || s.isChair ? true : refusal('translators-in-group-only');
}

/** Voting members (and chairs) propose amendments; observers do not. */
export function canAmend(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return isVotingMember(s) || s.isChair ? true : refusal('members-only-amend');
}

/** Another voting member co-sponsors an amendment; never its author. (Whether it is still open is the service's check: a state, not a right.) */
export function canCosponsor(s: DraftingStanding, amendment: { authorId: string }, actorId: string): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  if (amendment.authorId === actorId) return refusal('own-amendment');
  if (!isVotingMember(s)) return refusal('members-only-cosponsor');
  return true;
}

/** The author withdraws their amendment while it is proposed (not under ballot, not decided). */
export function canWithdraw(amendment: { authorId: string; status: AmendmentStatus }, actorId: string): Verdict {
  if (amendment.authorId !== actorId) return refusal('author-only-withdraw');
  if (amendment.status === 'balloting') return refusal('under-ballot', { what: 'amendment' });
  if (amendment.status !== 'proposed') return refusal('not-proposed', { status: amendment.status, act: 'withdraw' });
  return true;
}

/**
 * A co-sponsor withdraws their co-sponsorship while the amendment is proposed: once under ballot its
 * support is part of what members vote on. Nobody else can, and no affiliation is needed to stop backing a text.
 */
export function canWithdrawCosponsorship(amendment: { status: AmendmentStatus }, isCosponsor: boolean): Verdict {
  if (!isCosponsor) return refusal('not-cosponsor');
  if (amendment.status === 'balloting') return refusal('under-ballot', { what: 'cosponsorship' });
  if (amendment.status !== 'proposed') return refusal('not-proposed', { status: amendment.status, act: 'change' });
  return true;
}

/** A chair of the group opens ballots: the ballots' own rule. */
export { canOpenBallot } from '../decisions/ballot.policy';

/** A standing for readers who are not signed in: allowed nothing. */
export function anonymousStanding(groupStatus: DraftingStanding['groupStatus']): DraftingStanding {
  return { membership: null, isChair: false, isConvener: false, currentSnapshot: null, groupStatus };
}

/**
 * Voting members (rapporteurs among them) and chairs translate the group's texts (decision 0045):
 * a language version may become authentic, so it is a drafting act; observers comment but do not
 * translate, even one named rapporteur (review M3: the membership kind decides, not the role).
 */
export function canTranslate(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return isVotingMember(s) || s.isChair ? true : refusal('members-only-translate');
}

/** A chair of the group sets a document's original language and the group's authentic languages (decision 0045). */
export function canSetLanguages(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.isChair ? true : refusal('chairs-only');
}
