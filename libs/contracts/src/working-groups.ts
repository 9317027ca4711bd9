import { z } from 'zod';
import { fieldCode } from './refusals/field-errors';
import { BALLOT_SUBJECT_KINDS, DECISION_RULES, MEMBERSHIP_KINDS, type BallotSubjectKind } from '@parley/domain';
import { CSV_LANGUAGES, isoDate, lineText, stakeholderGroup, text, uuid } from './common';
import { procedureRulesInput } from './procedures/rules';
import { JOIN_POLICIES, JOIN_REQUEST_STATUSES, WORKING_GROUP_STATUSES } from './working-group-vocabulary';

// The lists are in a module of their own, without schemas, so a page can name them without bundling
// zod and every schema of this file (decision 0064).
export * from './working-group-vocabulary';

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
  /** Missing rules take DEFAULT_PROCEDURE_RULES. */
  procedureRules: procedureRulesInput.optional(),
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
    /** Under non-objection (decision 0039): the ids of the standing objections the chair has read; admitting over objections needs each one. */
    acknowledgedObjections: z.array(uuid).max(500).optional(),
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
    /** The CSV header row's language (`fr`: French labels; default: the stable column keys). */
    lang: z.enum(CSV_LANGUAGES).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], ...fieldCode('range-not-reversed') });
export type ChairTermListQuery = z.infer<typeof chairTermListQuery>;

