import { z } from 'zod';
import {
  affiliationSnapshotSchema,
  ballotOutcomeValue,
  captureAlarmSchema,
  choiceCountsSchema,
  compositionCapsSchema,
  compositionSchema,
  decisionRuleValue,
  instant,
  membershipKindValue,
} from './api/domain-shapes';
import { personRef, workingGroupRef } from './api/refs';
import { BALLOT_SUBJECT_KINDS } from '@parley/domain';
import { allowedOrRefusal } from './refusals/problem';
import { procedureRulesView } from './procedures/rules';
import { CHAIR_NOMINATION_STATUSES, CHAIR_TERM_END_REASONS_RECORDED, JOIN_POLICIES, JOIN_REQUEST_STATUSES, WORKING_GROUP_STATUSES } from './working-group-vocabulary';

export const chairSummary = /* @__PURE__ */ z.object({
  termId: z.string(),
  person: personRef,
  /** Affiliation recorded when the term started. */
  snapshot: affiliationSnapshotSchema,
  confirmed: z.boolean(),
  startedAt: instant,
  endsAt: instant.nullable(),
});
export type ChairSummary = z.infer<typeof chairSummary>;

export const workingGroupSummary = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    mandate: z.string(),
    status: z.enum(WORKING_GROUP_STATUSES),
    joinPolicy: z.enum(JOIN_POLICIES),
    /** Only affiliations confirmed by their organisation are admitted as voting members. */
    requiresConfirmedAffiliations: z.boolean(),
    createdAt: instant,
    convener: personRef.extend({ snapshot: affiliationSnapshotSchema }),
    counts: z.object({ members: z.number(), observers: z.number(), pendingRequests: z.number() }),
    composition: compositionSchema,
    /** Acting chairs. */
    chairs: z.array(chairSummary),
    /**
     * This group's alarms, plus the cross-group most-private-sector alarm when it concerns this group.
     * An alarm about members names at most ALARM_NAMES_SHOWN of them (`params.people`, the first by
     * name) and counts all of them (`params.count`), however large the group.
     */
    alarms: z.array(captureAlarmSchema),
  })
  .meta({ id: 'WorkingGroupSummary' });
export type WorkingGroupSummary = z.infer<typeof workingGroupSummary>;

export const workingGroupListResponse = /* @__PURE__ */ z
  .object({
    items: z.array(workingGroupSummary),
    /** Alarms comparing the groups listed (the group with the most private-sector members). */
    crossGroupAlarms: z.array(captureAlarmSchema),
  })
  .meta({ id: 'WorkingGroupListResponse' });
export type WorkingGroupListResponse = z.infer<typeof workingGroupListResponse>;

export const memberResponse = /* @__PURE__ */ z
  .object({
    membershipId: z.string(),
    person: personRef,
    kind: membershipKindValue,
    rapporteur: z.boolean(),
    /** Holds an acting chair term. */
    chair: z.boolean(),
    statement: z.string().nullable(),
    admittedAt: instant,
    admittedBy: personRef.nullable(),
    /** Affiliation when admitted; never rewritten. */
    admissionSnapshot: affiliationSnapshotSchema,
    /** Affiliation today (null: none is current, the person cannot act). */
    currentSnapshot: affiliationSnapshotSchema.nullable(),
    /** The current affiliation is not the one they were admitted with (another employer, title or affiliation). */
    affiliationChanged: z.boolean(),
    leftAt: instant.nullable(),
    leftReason: z.string().nullable(),
    removedBy: personRef.nullable(),
  })
  .meta({ id: 'MemberResponse' });
export type MemberResponse = z.infer<typeof memberResponse>;

/** What admitting a pending request would do (libs/domain admissionEffect): shown to those who decide it, before they do. */
export const admissionEffectSchema = /* @__PURE__ */ z.object({
  /** The organisation they act for today is not verified. */
  organisationUnverified: z.boolean(),
  /** Cap alarms that would fire once they are admitted and that their admission feeds; `alreadyAbove` when the group is above that cap already. */
  caps: z.array(z.object({ alarm: captureAlarmSchema, alreadyAbove: z.boolean() })),
});
export type AdmissionEffectResponse = z.infer<typeof admissionEffectSchema>;

export const joinRequestResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    workingGroupId: z.string(),
    person: personRef,
    kind: membershipKindValue,
    statement: z.string(),
    snapshot: affiliationSnapshotSchema,
    requestedAt: instant,
    status: z.enum(JOIN_REQUEST_STATUSES),
    /** Who decided it: a chair or the convener; the person themself when they withdrew it. */
    decidedBy: personRef.nullable(),
    decidedAt: instant.nullable(),
    /** The reason for refusing, or the person's note when they withdrew the request. */
    reason: z.string().nullable(),
    membershipId: z.string().nullable(),
    /** Pending requests, as the group page shows them to those who decide: what admitting them would do. */
    ifAdmitted: admissionEffectSchema.optional(),
  })
  .meta({ id: 'JoinRequestResponse' });
export type JoinRequestResponse = z.infer<typeof joinRequestResponse>;

export const ballotOutcomeSummary = /* @__PURE__ */ z.object({
  id: z.string(),
  /** Null while the ballot is open. */
  outcome: ballotOutcomeValue.nullable(),
  closedAt: instant.nullable(),
  totals: choiceCountsSchema.nullable(),
});
export type BallotOutcomeSummary = z.infer<typeof ballotOutcomeSummary>;

export const chairNominationResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    workingGroup: workingGroupRef,
    nominee: personRef,
    nomineeSnapshot: affiliationSnapshotSchema,
    nominatedBy: personRef,
    nominatorSnapshot: affiliationSnapshotSchema,
    statement: z.string().nullable(),
    termEndsOn: z.string().nullable(),
    createdAt: instant,
    status: z.enum(CHAIR_NOMINATION_STATUSES),
    respondedAt: instant.nullable(),
    responseNote: z.string().nullable(),
    ballot: ballotOutcomeSummary.nullable(),
    chairTermId: z.string().nullable(),
    closedAt: instant.nullable(),
    closedNote: z.string().nullable(),
    /** Who withdrew the nomination (the nominee or their nominator); null unless withdrawn. */
    withdrawnBy: personRef.nullable(),
  })
  .meta({ id: 'ChairNominationResponse' });
export type ChairNominationResponse = z.infer<typeof chairNominationResponse>;

export const CHAIR_TERM_STATES = ['acting', 'overdue', 'ended'] as const;
export type ChairTermState = (typeof CHAIR_TERM_STATES)[number];

export const chairTermResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    workingGroup: workingGroupRef,
    person: personRef,
    /** Affiliation when the term started; never rewritten. */
    snapshot: affiliationSnapshotSchema,
    confirmed: z.boolean(),
    /** The ballot that confirmed the chair; null when nobody confirmed them. */
    confirmingBallot: ballotOutcomeSummary.nullable(),
    nominationId: z.string().nullable(),
    startedAt: instant,
    endsAt: instant.nullable(),
    endedAt: instant.nullable(),
    endReason: z.enum(CHAIR_TERM_END_REASONS_RECORDED).nullable(),
    endNote: z.string().nullable(),
    state: z.enum(CHAIR_TERM_STATES),
    /** An open chair-removal motion, with its ballot. */
    removalBallotId: z.string().nullable(),
  })
  .meta({ id: 'ChairTermResponse' });
export type ChairTermResponse = z.infer<typeof chairTermResponse>;

export const chairTermListResponse = /* @__PURE__ */ z.object({ items: z.array(chairTermResponse) }).meta({ id: 'ChairTermListResponse' });
export type ChairTermListResponse = z.infer<typeof chairTermListResponse>;

export const chairRemovalMotionResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    chairTermId: z.string(),
    workingGroupId: z.string(),
    proposedBy: personRef,
    reason: z.string(),
    ballotId: z.string(),
    status: z.enum(['balloting', 'carried', 'failed', 'moot']),
    createdAt: instant,
  })
  .meta({ id: 'ChairRemovalMotionResponse' });
export type ChairRemovalMotionResponse = z.infer<typeof chairRemovalMotionResponse>;

/** What the viewer may do here, so the web never re-derives the rules. Each is true or the reason it is not. */
export const workingGroupPermissions = /* @__PURE__ */ z.object({
  join: allowedOrRefusal,
  /** Joining as a voting member: where the group requires confirmed affiliations, only with one (observers stay open). */
  joinAsMember: allowedOrRefusal,
  leave: allowedOrRefusal,
  decideJoinRequests: allowedOrRefusal,
  nominateChair: allowedOrRefusal,
  manageMembers: allowedOrRefusal,
  /** Removing another member who is not a chair (a chair is removed by ballot instead). */
  removeMembers: allowedOrRefusal,
  /** Moving a chair's removal, which opens a chair-removal ballot. */
  proposeChairRemoval: allowedOrRefusal,
  /** Setting whether the group's chairs must use two-factor authentication: a chair or a steward (decision 0050). */
  setChairsTwoFactor: allowedOrRefusal,
});
export type WorkingGroupPermissions = z.infer<typeof workingGroupPermissions>;

export const viewerStanding = /* @__PURE__ */ z.object({
  membership: z.object({ id: z.string(), kind: membershipKindValue, rapporteur: z.boolean() }).nullable(),
  chair: z.boolean(),
  convener: z.boolean(),
  pendingRequest: joinRequestResponse.nullable(),
  canAct: z.boolean(),
});
export type ViewerStanding = z.infer<typeof viewerStanding>;

export const workingGroupResponse = /* @__PURE__ */ workingGroupSummary
  .extend({
    decisionRules: z.record(z.enum(BALLOT_SUBJECT_KINDS), decisionRuleValue),
    quorum: z.number(),
    quorumPerStakeholderGroup: z.boolean(),
    caps: compositionCapsSchema,
    procedureRules: procedureRulesView,
    /** The group's chairs must use two-factor authentication (decision 0050). */
    chairsRequireTwoFactor: z.boolean(),
    members: z.array(memberResponse),
    /** Every chair term, past ones included, oldest first. */
    chairTerms: z.array(chairTermResponse),
    /** Open and decided nominations, newest first. */
    nominations: z.array(chairNominationResponse),
    /** Pending join requests: only for those who decide them (a chair, or the convener before any chair is confirmed); null otherwise. */
    pendingRequests: z.array(joinRequestResponse).nullable(),
    /** Null for a visitor who is not signed in. */
    viewer: viewerStanding.nullable(),
    allowed: workingGroupPermissions,
  })
  .meta({ id: 'WorkingGroupResponse' });
export type WorkingGroupResponse = z.infer<typeof workingGroupResponse>;
