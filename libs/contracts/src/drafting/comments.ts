import { recommendationRecordEntry } from '../negotiation/streamlining';
import { z } from 'zod';
import { instant } from '../api/domain-shapes';
import { actorRef } from './actors';
import { recordedMention } from '../notifications/views';
import { COMMENT_KINDS, DISPOSITIONS } from './vocabulary';
import { personTranslation, writtenLanguage } from './written-language';

export const dispositionResponse = /* @__PURE__ */ z.object({ disposition: z.enum(DISPOSITIONS), reason: z.string(), by: actorRef, at: instant });
export type DispositionResponse = z.infer<typeof dispositionResponse>;

const commentFields = {
  id: z.string(),
  documentId: z.string(),
  clauseId: z.string(),
  /** The version the comment was made on. */
  version: z.number(),
  /** True when the clause's text has changed since the version the comment was made on (relative to the version read). */
  onEarlierText: z.boolean(),
  parentId: z.string().nullable(),
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  /** The language the body was written in; null when unknown (written before decision 0047, or not said). */
  writtenLanguage: writtenLanguage.nullable(),
  /** Translations participants added, oldest first: never official. */
  translations: z.array(personTranslation),
  quote: z.object({ text: z.string(), start: z.number(), end: z.number() }).nullable(),
  author: actorRef,
  /** The members the body mentions (`@[Name](id)` tokens the server resolved when it was posted), each with their affiliation then (issue #20). A token not listed here is plain text. */
  mentions: z.array(recordedMention),
  createdAt: instant,
  disposition: dispositionResponse.nullable(),
  can: z.object({ reply: z.boolean(), dispose: z.boolean(), translate: z.boolean() }),
};

export interface CommentResponse extends z.infer<z.ZodObject<typeof commentFields>> {
  /** Replies, oldest first (only on top-level comments in a thread list). */
  replies: CommentResponse[];
}

export const commentResponse: z.ZodType<CommentResponse> = /* @__PURE__ */ z
  .object({
    ...commentFields,
    get replies() {
      return z.array(commentResponse);
    },
  })
  .meta({ id: 'CommentResponse' });

export const commentThreadPage = /* @__PURE__ */ z
  .object({ items: z.array(commentResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'CommentThreadPage' });
export type CommentThreadPage = z.infer<typeof commentThreadPage>;

export const dispositionReportEntry = /* @__PURE__ */ z.object({
  commentId: z.string(),
  parentId: z.string().nullable(),
  clauseId: z.string(),
  clauseLabel: z.string().nullable(),
  clausePosition: z.number().nullable(),
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  quote: z.string().nullable(),
  author: actorRef,
  createdAt: instant,
  disposition: dispositionResponse.nullable(),
  /** The version the comment was made on. */
  version: z.number(),
  /** Whether the clause's text changed between that version and the report's. */
  onEarlierText: z.boolean(),
});
export type DispositionReportEntry = z.infer<typeof dispositionReportEntry>;

export const dispositionReport = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    title: z.string(),
    version: z.number(),
    /** The comments made on this version (what its totals count). */
    entries: z.array(dispositionReportEntry),
    /** Comments made on earlier versions on the clauses this version still has, with their threads: the clause panel shows them too. */
    carried: z.array(dispositionReportEntry),
    totals: z.object({ accepted: z.number(), noted: z.number(), rejected: z.number(), pending: z.number() }),
    /** Clarification questions on this version or earlier with no answer yet. */
    unansweredClarifications: z.array(dispositionReportEntry),
    /** Amendments to this version the chair gave a recommendation on: the recommendation, the outcome, whether it followed (decision 0034). */
    recommendations: z.array(recommendationRecordEntry),
  })
  .meta({ id: 'DispositionReport' });
export type DispositionReport = z.infer<typeof dispositionReport>;

export const unansweredClarification = /* @__PURE__ */ z.object({
  commentId: z.string(),
  clauseId: z.string(),
  clauseLabel: z.string().nullable(),
  version: z.number(),
  body: z.string(),
  author: actorRef,
  createdAt: instant,
});
export type UnansweredClarification = z.infer<typeof unansweredClarification>;

export const openedBallotResponse = /* @__PURE__ */ z
  .object({
    ballotId: z.string(),
    /** The unanswered clarification questions the chair confirmed past (adoption only). */
    warnings: z.array(unansweredClarification),
  })
  .meta({ id: 'OpenedBallotResponse' });
export type OpenedBallotResponse = z.infer<typeof openedBallotResponse>;
