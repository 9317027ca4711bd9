import { z } from 'zod';
import type { AffiliationSnapshot, CompositionCaps, MembershipKind, OrganisationSubtype, PopulationComposition, StakeholderGroup } from '@parley/domain';
import type { AuditEventResponse } from './audit';
import type { BallotSummary } from './decisions';
import type { CommentKind } from './drafting';
import type { AuditEventLinks } from './transparency';
import type { PersonRef, WorkingGroupRef, WorkingGroupSummary } from './working-groups';

/**
 * The front door in one round trip: what is happening on the platform (public), and for a signed-in
 * person what needs them. Every list is short and bounded (HOME_LIMITS); a list's `total` says how
 * many there are in all, so the page can say "and 12 more" and link to the full view.
 */
export const HOME_LIMITS = {
  workingGroups: 6,
  ballots: 5,
  adoptedTexts: 4,
  endorsements: 5,
  recentActs: 8,
  mine: 5,
} as const;

/** No parameters: the page is the same for everyone, plus the personal part for the person signed in. */
export const homeQuery = z.strictObject({});
export type HomeQuery = z.infer<typeof homeQuery>;

/** A short list and how many there are in all. */
export interface Bounded<T> {
  items: T[];
  total: number;
}

/**
 * A group as the front door shows it: the group list's summary without the mandate, and of its
 * composition only the voting members by stakeholder group (the bar) and the caps; the rest (by
 * organisation, sub-type, observers, chairs) is on the group's page. Alarms as the list gives them.
 */
export type HomeWorkingGroup = Omit<WorkingGroupSummary, 'mandate' | 'composition'> & {
  composition: { votingMembers: Pick<PopulationComposition, 'total' | 'byStakeholderGroup'>; caps: CompositionCaps };
};

/** An open ballot with its working group's name (never a choice: secret or hidden tallies stay so). */
export interface HomeBallot extends BallotSummary {
  workingGroup: WorkingGroupRef;
}

export interface HomeAdoptedText {
  documentId: string;
  title: string;
  version: number;
  adoptedAt: string;
  workingGroup: WorkingGroupRef;
  /** Organisations endorsing it now (withdrawn endorsements not counted). */
  signatories: number;
}

export interface HomeEndorsement {
  id: string;
  documentId: string;
  documentTitle: string;
  version: number;
  workingGroupId: string;
  organisation: { id: string; name: string; stakeholderGroup: StakeholderGroup; subtype: OrganisationSubtype; verified: boolean };
  endorsedBy: PersonRef;
  endorsedAt: string;
}

/** A comment that waits for a disposition from a chair or rapporteur of its group (clarification questions first). */
export interface HomeCommentToAnswer {
  id: string;
  documentId: string;
  documentTitle: string;
  version: number;
  clauseId: string;
  kind: CommentKind;
  /** The start of the comment, cut at a word boundary. */
  excerpt: string;
  author: PersonRef & { snapshot: AffiliationSnapshot };
  createdAt: string;
  workingGroup: WorkingGroupRef;
}

export interface HomeJoinRequest {
  id: string;
  workingGroup: WorkingGroupRef;
  person: PersonRef;
  kind: MembershipKind;
  snapshot: AffiliationSnapshot;
  /** The start of the statement, cut at a word boundary. */
  statement: string;
  requestedAt: string;
}

/** What needs the signed-in person now. */
export interface HomeMine {
  /** Open ballots whose electorate they are in, that they can vote on now and have not voted on; soonest close first. */
  ballotsToVote: Bounded<HomeBallot>;
  /** Comments without a disposition in the groups where they chair or are rapporteur; clarifications first, then oldest first. */
  commentsToAnswer: Bounded<HomeCommentToAnswer>;
  /** Pending join requests in the groups where they decide them (a chair, or the convener while no chair is confirmed); oldest first. */
  joinRequestsToDecide: Bounded<HomeJoinRequest>;
}

export interface HomeResponse {
  /** Active working groups with composition, chairs and alarms; most alarms first. */
  workingGroups: Bounded<HomeWorkingGroup>;
  /** Open ballots, soonest close first. */
  ballotsClosingSoon: Bounded<HomeBallot>;
  /** Latest adopted versions, newest first. */
  adoptedTexts: HomeAdoptedText[];
  /** Latest endorsements still standing, newest first. */
  endorsements: HomeEndorsement[];
  /** The latest acts of every chain, as the public audit log serves them (withheld changes stay withheld). */
  recentActs: { items: AuditEventResponse[]; links: AuditEventLinks[] };
  /** Null for a visitor. */
  me: HomeMine | null;
}
