import { z } from 'zod';
import type { StatedRefusal } from './refusals/catalogue';
import { fieldCode } from './refusals/field-errors';
import {
  BALLOT_SUBJECT_KINDS,
  DECISION_RULES,
  MEMBERSHIP_KINDS,
  type BallotSubjectKind,
  type AffiliationSnapshot,
  type BallotOutcome,
  type CaptureAlarm,
  type ChoiceCounts,
  type Composition,
  type CompositionCaps,
  type DecisionRule,
  type MembershipKind,
} from '@parley/domain';
import { isoDate, lineText, stakeholderGroup, text, uuid } from './common';

export const WORKING_GROUP_STATUSES = ['forming', 'active', 'closed'] as const;
export type WorkingGroupStatus = (typeof WORKING_GROUP_STATUSES)[number];

export const JOIN_POLICIES = ['open', 'approval'] as const;
export type JoinPolicy = (typeof JOIN_POLICIES)[number];

export const JOIN_REQUEST_STATUSES = ['pending', 'admitted', 'refused', 'withdrawn'] as const;

/** Why a chair term ended (the database's vocabulary; `term-ended` is a term that reached its end date). */
export const CHAIR_TERM_END_REASONS_RECORDED = ['resigned', 'removed-by-ballot', 'term-ended', 'left-group'] as const;
export type RecordedChairTermEndReason = (typeof CHAIR_TERM_END_REASONS_RECORDED)[number];

const decisionRule = z.enum(DECISION_RULES);
const share = z.number().min(0).max(1);

export const createWorkingGroupRequest = z.strictObject({
  name: lineText(200, 3),
  mandate: text(20000, 10),
  joinPolicy: z.enum(JOIN_POLICIES).default('approval'),
  /** Only affiliations confirmed by their organisation are admitted as voting members (observers and comments stay open). */
  requiresConfirmedAffiliations: z.boolean().default(true),
  /** Missing kinds take DEFAULT_DECISION_RULES. */
  decisionRules: z.strictObject(Object.fromEntries(BALLOT_SUBJECT_KINDS.map((k) => [k, decisionRule.optional()])) as Record<BallotSubjectKind, z.ZodOptional<typeof decisionRule>>).optional(),
  /** Share of the electorate that must take part in a ballot. */
  quorum: share.default(0.5),
  quorumPerStakeholderGroup: z.boolean().default(false),
  caps: z
    .strictObject({
      maxStakeholderGroupShare: z.number().gt(0).max(1).optional(),
      maxVotingMembersPerOrganisation: z.number().int().min(1).max(1000).optional(),
    })
    .optional(),
});
export type CreateWorkingGroupRequest = z.infer<typeof createWorkingGroupRequest>;

export const workingGroupListQuery = z.strictObject({
  status: z.enum(WORKING_GROUP_STATUSES).optional(),
});
export type WorkingGroupListQuery = z.infer<typeof workingGroupListQuery>;

export const joinRequestRequest = z.strictObject({
  kind: z.enum(MEMBERSHIP_KINDS),
  statement: text(2000),
});
export type JoinRequestRequest = z.infer<typeof joinRequestRequest>;

export const joinDecisionRequest = z
  .strictObject({
    decision: z.enum(['admit', 'refuse']),
    reason: text(2000).optional(),
  })
  .refine((d) => d.decision === 'admit' || d.reason !== undefined, { path: ['reason'], ...fieldCode('reason-for-refusing') });
export type JoinDecisionRequest = z.infer<typeof joinDecisionRequest>;

export const joinRequestListQuery = z.strictObject({
  status: z.enum([...JOIN_REQUEST_STATUSES, 'all']).default('pending'),
});
export type JoinRequestListQuery = z.infer<typeof joinRequestListQuery>;

/** A person withdraws their own pending join request, with an optional note. */
export const withdrawJoinRequestRequest = z.strictObject({ note: text(2000).optional() });
export type WithdrawJoinRequestRequest = z.infer<typeof withdrawJoinRequestRequest>;

export const leaveRequest = z.strictObject({ reason: text(2000).optional() });
export type LeaveRequest = z.infer<typeof leaveRequest>;

export const removeMemberRequest = z.strictObject({ reason: text(2000) });
export type RemoveMemberRequest = z.infer<typeof removeMemberRequest>;

export const changeRoleRequest = z
  .strictObject({
    kind: z.enum(MEMBERSHIP_KINDS).optional(),
    rapporteur: z.boolean().optional(),
  })
  .refine((r) => r.kind !== undefined || r.rapporteur !== undefined, { path: ['kind'], ...fieldCode('kind-or-rapporteur') });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequest>;

export const memberListQuery = z.strictObject({
  status: z.enum(['current', 'past', 'all']).default('current'),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const nominateChairRequest = z.strictObject({
  nomineeId: uuid,
  statement: text(2000).optional(),
  /** The day the term is to end (exclusive); none for an open-ended term. */
  termEndsOn: isoDate.optional(),
});
export type NominateChairRequest = z.infer<typeof nominateChairRequest>;

export const acceptNominationRequest = z.strictObject({
  /** How long the confirmation ballot stays open. Default 7 days. */
  ballotDays: z.number().int().min(1).max(60).optional(),
});
export type AcceptNominationRequest = z.infer<typeof acceptNominationRequest>;

export const declineNominationRequest = z.strictObject({ note: text(2000).optional() });
export type DeclineNominationRequest = z.infer<typeof declineNominationRequest>;

/** The nominee or their nominator withdraws a nomination not answered yet, with an optional note. */
export const withdrawNominationRequest = z.strictObject({ note: text(2000).optional() });
export type WithdrawNominationRequest = z.infer<typeof withdrawNominationRequest>;

export const resignChairRequest = z.strictObject({ note: text(2000).optional() });
export type ResignChairRequest = z.infer<typeof resignChairRequest>;

export const proposeChairRemovalRequest = z.strictObject({
  reason: text(2000),
  ballotDays: z.number().int().min(1).max(60).optional(),
});
export type ProposeChairRemovalRequest = z.infer<typeof proposeChairRemovalRequest>;

export const chairTermListQuery = z
  .strictObject({
    person: uuid.optional(),
    organisation: uuid.optional(),
    group: stakeholderGroup.optional(),
    workingGroup: uuid.optional(),
    /** Terms overlapping [from, to], days inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], ...fieldCode('range-not-reversed') });
export type ChairTermListQuery = z.infer<typeof chairTermListQuery>;

// ---------- responses ----------

export interface PersonRef {
  id: string;
  name: string;
}

export interface WorkingGroupRef {
  id: string;
  name: string;
}

export interface ChairSummary {
  termId: string;
  person: PersonRef;
  /** Affiliation recorded when the term started. */
  snapshot: AffiliationSnapshot;
  confirmed: boolean;
  startedAt: string;
  endsAt: string | null;
}

export interface WorkingGroupSummary {
  id: string;
  name: string;
  mandate: string;
  status: WorkingGroupStatus;
  joinPolicy: JoinPolicy;
  /** Only affiliations confirmed by their organisation are admitted as voting members. */
  requiresConfirmedAffiliations: boolean;
  createdAt: string;
  convener: PersonRef & { snapshot: AffiliationSnapshot };
  counts: { members: number; observers: number; pendingRequests: number };
  composition: Composition;
  /** Acting chairs. */
  chairs: ChairSummary[];
  /**
   * This group's alarms, plus the cross-group most-private-sector alarm when it concerns this group.
   * An alarm about members names at most ALARM_NAMES_SHOWN of them (`params.people`, the first by
   * name) and counts all of them (`params.count`), however large the group.
   */
  alarms: CaptureAlarm[];
}

export interface WorkingGroupListResponse {
  items: WorkingGroupSummary[];
  /** Alarms comparing the groups listed (the group with the most private-sector members). */
  crossGroupAlarms: CaptureAlarm[];
}

export interface MemberResponse {
  membershipId: string;
  person: PersonRef;
  kind: MembershipKind;
  rapporteur: boolean;
  /** Holds an acting chair term. */
  chair: boolean;
  statement: string | null;
  admittedAt: string;
  admittedBy: PersonRef | null;
  /** Affiliation when admitted; never rewritten. */
  admissionSnapshot: AffiliationSnapshot;
  /** Affiliation today (null: none is current, the person cannot act). */
  currentSnapshot: AffiliationSnapshot | null;
  /** The current affiliation is not the one they were admitted with (another employer, title or affiliation). */
  affiliationChanged: boolean;
  leftAt: string | null;
  leftReason: string | null;
  removedBy: PersonRef | null;
}

export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export interface JoinRequestResponse {
  id: string;
  workingGroupId: string;
  person: PersonRef;
  kind: MembershipKind;
  statement: string;
  snapshot: AffiliationSnapshot;
  requestedAt: string;
  status: JoinRequestStatus;
  /** Who decided it: a chair or the convener; the person themself when they withdrew it. */
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  /** The reason for refusing, or the person's note when they withdrew the request. */
  reason: string | null;
  membershipId: string | null;
}

export const CHAIR_NOMINATION_STATUSES = ['nominated', 'declined', 'balloting', 'confirmed', 'rejected', 'lapsed', 'withdrawn'] as const;
export type ChairNominationStatus = (typeof CHAIR_NOMINATION_STATUSES)[number];

export interface BallotOutcomeSummary {
  id: string;
  /** Null while the ballot is open. */
  outcome: BallotOutcome | null;
  closedAt: string | null;
  totals: ChoiceCounts | null;
}

export interface ChairNominationResponse {
  id: string;
  workingGroup: WorkingGroupRef;
  nominee: PersonRef;
  nomineeSnapshot: AffiliationSnapshot;
  nominatedBy: PersonRef;
  nominatorSnapshot: AffiliationSnapshot;
  statement: string | null;
  termEndsOn: string | null;
  createdAt: string;
  status: ChairNominationStatus;
  respondedAt: string | null;
  responseNote: string | null;
  ballot: BallotOutcomeSummary | null;
  chairTermId: string | null;
  closedAt: string | null;
  closedNote: string | null;
  /** Who withdrew the nomination (the nominee or their nominator); null unless withdrawn. */
  withdrawnBy: PersonRef | null;
}

export type ChairTermState = 'acting' | 'overdue' | 'ended';

export interface ChairTermResponse {
  id: string;
  workingGroup: WorkingGroupRef;
  person: PersonRef;
  /** Affiliation when the term started; never rewritten. */
  snapshot: AffiliationSnapshot;
  confirmed: boolean;
  /** The ballot that confirmed the chair; null when nobody confirmed them. */
  confirmingBallot: BallotOutcomeSummary | null;
  nominationId: string | null;
  startedAt: string;
  endsAt: string | null;
  endedAt: string | null;
  endReason: RecordedChairTermEndReason | null;
  endNote: string | null;
  state: ChairTermState;
  /** An open chair-removal motion, with its ballot. */
  removalBallotId: string | null;
}

export interface ChairTermListResponse {
  items: ChairTermResponse[];
}

export interface ChairRemovalMotionResponse {
  id: string;
  chairTermId: string;
  workingGroupId: string;
  proposedBy: PersonRef;
  reason: string;
  ballotId: string;
  status: 'balloting' | 'carried' | 'failed' | 'moot';
  createdAt: string;
}

/** What the viewer may do here, so the web never re-derives the rules. Each is true or the refusal (code, params, English detail). */
export interface WorkingGroupPermissions {
  join: true | StatedRefusal;
  /** Joining as a voting member: where the group requires confirmed affiliations, only with one (observers stay open). */
  joinAsMember: true | StatedRefusal;
  leave: true | StatedRefusal;
  decideJoinRequests: true | StatedRefusal;
  nominateChair: true | StatedRefusal;
  manageMembers: true | StatedRefusal;
  /** Removing another member who is not a chair (a chair is removed by ballot instead). */
  removeMembers: true | StatedRefusal;
  /** Moving a chair's removal, which opens a chair-removal ballot. */
  proposeChairRemoval: true | StatedRefusal;
}

export interface ViewerStanding {
  membership: { id: string; kind: MembershipKind; rapporteur: boolean } | null;
  chair: boolean;
  convener: boolean;
  pendingRequest: JoinRequestResponse | null;
  canAct: boolean;
}

export interface WorkingGroupResponse extends WorkingGroupSummary {
  decisionRules: Record<BallotSubjectKind, DecisionRule>;
  quorum: number;
  quorumPerStakeholderGroup: boolean;
  caps: CompositionCaps;
  members: MemberResponse[];
  /** Every chair term, past ones included, oldest first. */
  chairTerms: ChairTermResponse[];
  /** Open and decided nominations, newest first. */
  nominations: ChairNominationResponse[];
  /** Pending join requests: only for those who decide them (a chair, or the convener before any chair is confirmed); null otherwise. */
  pendingRequests: JoinRequestResponse[] | null;
  /** Null for a visitor who is not signed in. */
  viewer: ViewerStanding | null;
  allowed: WorkingGroupPermissions;
}
