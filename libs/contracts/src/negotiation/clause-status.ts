import { z } from 'zod';
import { AD_REF_ENDINGS, CLAUSE_STATUSES } from '@parley/domain';
import { isoDate, text, uuid } from '../common';
import { instant } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';

/**
 * Clause status and agreed ad ref (issue #18, decision record 0032): the requests, what the
 * document read adds to each clause and to the version, and a clause's status history.
 */
export const clauseStatusValue = /* @__PURE__ */ z.enum(CLAUSE_STATUSES);

export const setClauseStatusRequest = /* @__PURE__ */ z.strictObject({
  status: clauseStatusValue,
  /** Why the clause moved ("agreed at the second reading", "referred to the informal group on definitions"). */
  note: text(2000).optional(),
});
export type SetClauseStatusRequest = z.infer<typeof setClauseStatusRequest>;

export const agreeAdRefRequest = /* @__PURE__ */ z.strictObject({
  /** The last day the ad ref holds (UTC): from the next day it is expired. Today or later. */
  expiresOn: isoDate,
  note: text(2000).optional(),
});
export type AgreeAdRefRequest = z.infer<typeof agreeAdRefRequest>;

export const endAdRefRequest = /* @__PURE__ */ z.strictObject({ note: text(2000).optional() });
export type EndAdRefRequest = z.infer<typeof endAdRefRequest>;

/** One delegation's ad ref on a clause, as read. */
export const adRefView = /* @__PURE__ */ z.object({
  id: z.string(),
  clauseId: z.string(),
  /** The delegation: the organisation of the delegate who gave it, as it was then. */
  organisationId: z.string(),
  organisationName: z.string(),
  expiresOn: z.string(),
  note: z.string().nullable(),
  agreedBy: actorRef,
  agreedAt: instant,
  /** The version it was given on. */
  version: z.number(),
  ended: z.enum(AD_REF_ENDINGS).nullable(),
  endedBy: actorRef.nullable(),
  endedAt: instant.nullable(),
  endNote: z.string().nullable(),
  /** Not ended, not past its expiry day. */
  open: z.boolean(),
  expired: z.boolean(),
  /** Expires within a week. */
  expiringSoon: z.boolean(),
});
export type AdRefView = z.infer<typeof adRefView>;

/** What the document read says of each clause's negotiating status (additive to the clause response). */
export const clauseNegotiation = /* @__PURE__ */ z.object({
  /** As shown: an agreed clause whose text changed since it was agreed reads `under-negotiation`. */
  status: clauseStatusValue,
  /** As last recorded. */
  recordedStatus: clauseStatusValue,
  changedSinceAgreed: z.boolean(),
  /** True until the document is adopted: nothing is agreed until everything is agreed. */
  provisional: z.boolean(),
  statusSetAt: instant.nullable(),
  /** Open ad refs (the delegations' names), oldest first. */
  adRefs: z.array(z.object({ id: z.string(), organisationId: z.string(), organisationName: z.string(), expiresOn: z.string(), expiringSoon: z.boolean() })),
  /** Open brackets in the clause (0 until brackets are recorded). */
  openBrackets: z.number(),
});
export type ClauseNegotiation = z.infer<typeof clauseNegotiation>;

/** The version's counts: "41 of 52 paragraphs agreed, 6 ad ref, 5 bracketed". */
export const negotiationCountsView = /* @__PURE__ */ z.object({
  paragraphs: z.number(),
  agreed: z.number(),
  underNegotiation: z.number(),
  informalGroup: z.number(),
  notRead: z.number(),
  adRef: z.number(),
  bracketed: z.number(),
  provisional: z.boolean(),
});
export type NegotiationCountsView = z.infer<typeof negotiationCountsView>;

/** What the reader may do about clause status on this version. */
export const negotiationPermissions = /* @__PURE__ */ z.object({
  /** A chair or rapporteur, on the current version of a text not adopted. */
  setStatus: z.boolean(),
  /** A member delegate (for their own delegation), on the current version of a text not adopted. */
  agreeAdRef: z.boolean(),
  /** The delegation the reader would agree for (their current affiliation's organisation). */
  delegation: z.object({ organisationId: z.string(), organisationName: z.string() }).nullable(),
});
export type NegotiationPermissions = z.infer<typeof negotiationPermissions>;

export const clauseStatusEntry = /* @__PURE__ */ z.object({
  id: z.string(),
  status: clauseStatusValue,
  note: z.string().nullable(),
  by: actorRef,
  at: instant,
  version: z.number(),
});
export type ClauseStatusEntry = z.infer<typeof clauseStatusEntry>;

/** A clause's status history (newest first) and every ad ref given on it (newest first). */
export const clauseStatusHistory = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    clauseId: z.string(),
    current: clauseNegotiation,
    history: z.array(clauseStatusEntry),
    adRefs: z.array(adRefView),
  })
  .meta({ id: 'ClauseStatusHistory' });
export type ClauseStatusHistory = z.infer<typeof clauseStatusHistory>;

export const clauseParams = { clauseId: uuid };
