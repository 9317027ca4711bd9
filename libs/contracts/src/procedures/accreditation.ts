import { z } from 'zod';
import { text } from '../common';
import { affiliationSnapshotSchema, instant, membershipKindValue } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';
import { personRef } from '../api/refs';
import { allowedOrRefusal } from '../refusals/problem';
import { JOIN_POLICIES, JOIN_REQUEST_STATUSES } from '../working-groups';
import { procedureRulesInput, procedureRulesView } from './rules';

/**
 * Accreditation by non-objection (decision record 0039) and the chairs' editor of the group's rules
 * of procedure: the requests and what the public reads of circulated join requests.
 */
export const raiseObjectionRequest = /* @__PURE__ */ z.strictObject({
  /** Why the member objects: required, public, shown to the applicant and everyone. */
  reason: text(2000),
});
export type RaiseObjectionRequest = z.infer<typeof raiseObjectionRequest>;

export const withdrawObjectionRequest = /* @__PURE__ */ z.strictObject({ note: text(2000).optional() });
export type WithdrawObjectionRequest = z.infer<typeof withdrawObjectionRequest>;

/** A chair changes the group's join policy and any subset of its rules of procedure (the rest keep their values). */
export const changeProcedureRulesRequest = /* @__PURE__ */ z.strictObject({
  joinPolicy: z.enum(JOIN_POLICIES).optional(),
  procedureRules: procedureRulesInput.default({}),
  /** Why the rules change (recorded). */
  note: text(2000).optional(),
});
export type ChangeProcedureRulesRequest = z.infer<typeof changeProcedureRulesRequest>;

export const procedureRulesResponse = /* @__PURE__ */ z
  .object({ workingGroupId: z.string(), joinPolicy: z.enum(JOIN_POLICIES), procedureRules: procedureRulesView })
  .meta({ id: 'ProcedureRulesResponse' });
export type ProcedureRulesResponse = z.infer<typeof procedureRulesResponse>;

/** One signed objection: who (with the affiliation they held), why, and its withdrawal if any. */
export const objectionView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    objector: actorRef,
    reason: z.string(),
    raisedAt: instant,
    withdrawnAt: instant.nullable(),
    withdrawalNote: z.string().nullable(),
  })
  .meta({ id: 'JoinRequestObjection' });
export type ObjectionView = z.infer<typeof objectionView>;

export const CIRCULATION_OUTCOMES = ['circulating', 'awaiting-chair', 'admitted-over-objections', 'admitted-without-objection', 'refused', 'withdrawn'] as const;

/** A join request circulated under non-objection, as everyone reads it. */
export const circulatedRequestView = /* @__PURE__ */ z
  .object({
    requestId: z.string(),
    workingGroupId: z.string(),
    applicant: personRef,
    kind: membershipKindValue,
    statement: z.string(),
    snapshot: affiliationSnapshotSchema,
    requestedAt: instant,
    circulationEndsAt: instant,
    nonObjectionHours: z.number(),
    status: z.enum(JOIN_REQUEST_STATUSES),
    outcome: z.enum(CIRCULATION_OUTCOMES),
    /** The outcome in an English sentence (the web writes its own from `outcome`). */
    outcomeText: z.string(),
    decidedBy: actorRef.nullable(),
    decidedAt: instant.nullable(),
    /** The chair's reason (or the applicant's note when they withdrew). */
    reason: z.string().nullable(),
    objections: z.array(objectionView),
    /** What the viewer may do on it now. */
    can: z.object({ object: allowedOrRefusal, decide: allowedOrRefusal }),
    /** The viewer's own standing objection, if any (they may withdraw it). */
    ownObjectionId: z.string().nullable(),
  })
  .meta({ id: 'CirculatedJoinRequest' });
export type CirculatedRequestView = z.infer<typeof circulatedRequestView>;

export const circulationListResponse = /* @__PURE__ */ z
  .object({ joinPolicy: z.enum(JOIN_POLICIES), nonObjectionHours: z.number(), items: z.array(circulatedRequestView) })
  .meta({ id: 'CirculationList' });
export type CirculationListResponse = z.infer<typeof circulationListResponse>;
