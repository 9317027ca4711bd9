import { z } from 'zod';
import { BALLOT_OUTCOMES, DIVISION_STATUSES, LAST_CALL_WARNING_KINDS, MAX_DIVISION_CLAUSES, MAX_LAST_CALL_DAYS } from '@parley/domain';
import { text, uuid } from '../common';
import { instant } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';
import { ballotOptions } from '../drafting/requests';
import { COMMENT_KINDS, DISPOSITIONS } from '../drafting/vocabulary';

/**
 * Division of the question, order of voting and last call (issue #19, decision record 0038): the
 * requests, and what the document page, the ballot page and the public record read.
 */

// ——— Division of the question ———

/** A voting member asks for a separate ballot on clauses of the current version, with a reason. */
export const requestDivisionRequest = /* @__PURE__ */ z.strictObject({
  clauseIds: z.array(uuid).min(1).max(MAX_DIVISION_CLAUSES),
  reason: text(4000),
});
export type RequestDivisionRequest = z.infer<typeof requestDivisionRequest>;

/** The chair puts a request to a separate ballot, with the ballot's terms (defaults: the group's rule for `division`, a week). */
export const putDivisionRequest = /* @__PURE__ */ z.strictObject(ballotOptions);
export type PutDivisionRequest = z.infer<typeof putDivisionRequest>;

/** The chair declines a request, with a reason (public). */
export const declineDivisionRequest = /* @__PURE__ */ z.strictObject({ reason: text(4000) });
export type DeclineDivisionRequest = z.infer<typeof declineDivisionRequest>;

export const divisionClause = /* @__PURE__ */ z.object({ clauseId: z.string(), label: z.string().nullable(), text: z.string() });

/** One request, as everyone reads it: who asked (with their affiliation then), why, what the chair did, and the separate vote's result. */
export const divisionView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    documentId: z.string(),
    version: z.number(),
    clauses: z.array(divisionClause),
    reason: z.string(),
    requestedBy: actorRef,
    requestedAt: instant,
    status: z.enum(DIVISION_STATUSES),
    decidedBy: actorRef.nullable(),
    decidedAt: instant.nullable(),
    declineReason: z.string().nullable(),
    ballotId: z.string().nullable(),
    /** Once the separate vote closed. */
    result: z.object({ outcome: z.enum(BALLOT_OUTCOMES), yes: z.number(), no: z.number(), abstain: z.number(), closedAt: instant }).nullable(),
    /** The version that applied a deletion (null: not yet, or nothing to delete). */
    consolidatedInVersion: z.number().nullable(),
  })
  .meta({ id: 'DivisionView' });
export type DivisionView = z.infer<typeof divisionView>;

export const divisionList = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    divisions: z.array(divisionView),
    /** What the reader may do on the current version. */
    can: z.object({ request: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: 'DivisionList' });
export type DivisionList = z.infer<typeof divisionList>;

// ——— Order of voting ———

export const setVotingOrderRequest = /* @__PURE__ */ z.strictObject({
  /** Every undecided amendment replacing or deleting the clause, first voted first. */
  amendmentIds: z.array(uuid).min(2).max(100),
  reason: text(4000),
});
export type SetVotingOrderRequest = z.infer<typeof setVotingOrderRequest>;

export const votingOrderItem = /* @__PURE__ */ z.object({ amendmentId: z.string(), kind: z.string(), status: z.string(), author: actorRef, text: z.string().nullable(), ballotId: z.string().nullable() });

/** A clause's order of voting (null order: none set), and its competing amendments. */
export const votingOrderView = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    clauseId: z.string(),
    clauseLabel: z.string().nullable(),
    order: z
      .object({ id: z.string(), items: z.array(votingOrderItem), reason: z.string(), setBy: actorRef, setAt: instant })
      .nullable(),
    /** Undecided amendments competing for the clause, in the order (then those the order does not name). */
    competitors: z.array(votingOrderItem),
    can: z.object({ set: z.boolean() }),
  })
  .meta({ id: 'VotingOrderView' });
export type VotingOrderView = z.infer<typeof votingOrderView>;

/** Where an amendment stands in its clause's order of voting ("voted 2nd of 3 on OP4"); null position: not in an order. */
export const amendmentVotingPlace = /* @__PURE__ */ z
  .object({ amendmentId: z.string(), documentId: z.string(), clauseId: z.string().nullable(), clauseLabel: z.string().nullable(), position: z.number().nullable(), of: z.number().nullable(), reason: z.string().nullable() })
  .meta({ id: 'AmendmentVotingPlace' });
export type AmendmentVotingPlace = z.infer<typeof amendmentVotingPlace>;

// ——— Last call ———

export const openLastCallRequest = /* @__PURE__ */ z.strictObject({
  /** At least the group's `lastCallDays` (or one day when it sets none). */
  days: z.number().int().min(1).max(MAX_LAST_CALL_DAYS),
  note: text(2000).optional(),
});
export type OpenLastCallRequest = z.infer<typeof openLastCallRequest>;

export const lastCallComment = /* @__PURE__ */ z.object({
  commentId: z.string(),
  clauseId: z.string(),
  clauseLabel: z.string().nullable(),
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  author: actorRef,
  createdAt: instant,
  disposition: z.enum(DISPOSITIONS).nullable(),
});

/** A version's last call (null: none opened), what it produced, and what the adoption would be warned of. */
export const lastCallView = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    version: z.number(),
    /** The group's rule (0: none required). */
    lastCallDays: z.number(),
    lastCall: z
      .object({
        id: z.string(),
        days: z.number(),
        opensAt: instant,
        closesAt: instant,
        open: z.boolean(),
        note: z.string().nullable(),
        openedBy: actorRef,
        comments: z.array(lastCallComment),
        /** Counts by kind and by disposition (`none`: not yet disposed of). */
        byKind: z.record(z.string(), z.number()),
        byDisposition: z.record(z.string(), z.number()),
      })
      .nullable(),
    warnings: z.array(z.enum(LAST_CALL_WARNING_KINDS)),
    can: z.object({ open: z.boolean(), minimumDays: z.number() }),
  })
  .meta({ id: 'LastCallView' });
export type LastCallView = z.infer<typeof lastCallView>;
