import { z } from 'zod';
import { citationsInput } from './agreed-language';
import { ADOPTION_WARNING_KINDS, CLAUSE_KINDS, DECISION_RULES } from '@parley/domain';
import { lineText, text, uuid } from '../common';
import { fieldCode } from '../refusals/field-errors';
import { membersOnlyUntilInput } from '../procedures/publication';
import { UN_LANGUAGES } from '../languages';
import { writtenLanguage } from './written-language';
import { AMENDMENT_STATUSES, COMMENT_KINDS, DISPOSITIONS, MAX_CLAUSE_TEXT, MAX_CLAUSES, MAX_PASTED_TEXT } from './vocabulary';

const clauseKind = /* @__PURE__ */ z.enum(CLAUSE_KINDS);
const versionNumber = /* @__PURE__ */ z.coerce.number().int().min(1, 'A version number from 1').max(100_000);

export const createDocumentRequest = /* @__PURE__ */ z
  .strictObject({
    title: lineText(300, 3),
    /** An ordered list of clauses; or `pastedText`, one clause per paragraph. */
    clauses: z
      .array(z.strictObject({ kind: clauseKind, text: text(MAX_CLAUSE_TEXT) }))
      .min(1)
      .max(MAX_CLAUSES, `At most ${MAX_CLAUSES} clauses`)
      .optional(),
    pastedText: text(MAX_PASTED_TEXT).optional(),
    /** Circulated to the group's members only until then (decision 0041); absent: public at once. */
    membersOnlyUntil: membersOnlyUntilInput.optional(),
    /** The language the text is written and negotiated in (decision 0045); absent: English. */
    originalLanguage: z.enum(UN_LANGUAGES).optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.clauses === undefined) === (d.pastedText === undefined))
      ctx.addIssue({ code: 'custom', path: [d.clauses ? 'pastedText' : 'clauses'], ...fieldCode('clauses-or-text') });
    if (d.pastedText !== undefined && d.pastedText.trim() === '') ctx.addIssue({ code: 'custom', path: ['pastedText'], ...fieldCode('required') });
  });
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

export const versionQuery = /* @__PURE__ */ z.strictObject({ version: versionNumber.optional() });
export type VersionQuery = z.infer<typeof versionQuery>;

export const compareQuery = /* @__PURE__ */ z.strictObject({ from: versionNumber, to: versionNumber });
export type CompareQuery = z.infer<typeof compareQuery>;

const quote = /* @__PURE__ */ z
  .strictObject({
    text: z.string().min(1).max(MAX_CLAUSE_TEXT),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((q) => q.end > q.start, { path: ['end'], ...fieldCode('quote-end-after-start') });

export const createCommentRequest = /* @__PURE__ */ z.strictObject({
  clauseId: uuid,
  /** The version the comment is made on; the current version when omitted. */
  version: versionNumber.optional(),
  kind: z.enum(COMMENT_KINDS).default('general'),
  body: text(10_000),
  /** The passage quoted, with its offsets in the clause text (UTF-16 code units, end exclusive). */
  quote: quote.optional(),
  /** The language the body is written in (decision 0047); unknown when omitted. */
  writtenLanguage: writtenLanguage.optional(),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequest>;

export const createReplyRequest = /* @__PURE__ */ z.strictObject({
  kind: z.enum(COMMENT_KINDS).default('general'),
  body: text(10_000),
  writtenLanguage: writtenLanguage.optional(),
});
export type CreateReplyRequest = z.infer<typeof createReplyRequest>;

export const commentListQuery = /* @__PURE__ */ z.strictObject({
  clauseId: uuid,
  /** Comments made on this version and earlier ones; the current version when omitted. */
  version: versionNumber.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type CommentListQuery = z.infer<typeof commentListQuery>;

export const dispositionRequest = /* @__PURE__ */ z.strictObject({
  disposition: z.enum(DISPOSITIONS),
  reason: text(5000),
});
export type DispositionRequest = z.infer<typeof dispositionRequest>;

const rationale = text(10_000);
/** The language the amendment (its text and rationale) is written in (decision 0047); unknown when omitted. */
const amendmentLanguage = /* @__PURE__ */ writtenLanguage.optional();
export const createAmendmentRequest = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('replace'),
    baseVersion: versionNumber,
    targetClauseId: uuid,
    text: text(MAX_CLAUSE_TEXT),
    rationale,
    writtenLanguage: amendmentLanguage,
    /** Agreed language the text quotes (decision 0054): its words are precedent, not the proposer's. */
    citations: citationsInput.optional(),
  }),
  z.strictObject({
    kind: z.literal('insert'),
    baseVersion: versionNumber,
    /** The clause the new one goes after; null inserts at the start. */
    afterClauseId: uuid.nullable(),
    clauseKind,
    text: text(MAX_CLAUSE_TEXT),
    rationale,
    writtenLanguage: amendmentLanguage,
    citations: citationsInput.optional(),
  }),
  z.strictObject({ kind: z.literal('delete'), baseVersion: versionNumber, targetClauseId: uuid, rationale, writtenLanguage: amendmentLanguage }),
]);
export type CreateAmendmentRequest = z.infer<typeof createAmendmentRequest>;

export const amendmentListQuery = /* @__PURE__ */ z.strictObject({
  clauseId: uuid.optional(),
  status: z.enum(AMENDMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});
export type AmendmentListQuery = z.infer<typeof amendmentListQuery>;

/** How a drafting ballot is run; everything but the closing time defaults to the group's settings. */
export const ballotOptions = {
  closesAt: z.iso.datetime({ offset: true }).optional(),
  rule: z.enum(DECISION_RULES).optional(),
  quorum: z.number().min(0).max(1).optional(),
  visibility: z.enum(['roll-call', 'secret']).optional(),
  tallies: z.enum(['live', 'hidden-until-close']).optional(),
  requireReasonForNo: z.boolean().optional(),
};

export const openAmendmentBallotRequest = /* @__PURE__ */ z.strictObject(ballotOptions);
export type OpenAmendmentBallotRequest = z.infer<typeof openAmendmentBallotRequest>;

export const openAdoptionBallotRequest = /* @__PURE__ */ z.strictObject({
  ...ballotOptions,
  /** The chair has seen the unanswered clarification questions and opens the ballot anyway (same as acknowledging `unanswered-clarifications`). */
  confirmUnanswered: z.boolean().default(false),
  /** The warnings (GET …/adoption-preflight) the chair has read and opens the ballot past; each one that applies must be listed. */
  acknowledgedWarnings: z.array(z.enum(ADOPTION_WARNING_KINDS)).max(ADOPTION_WARNING_KINDS.length).default([]),
  /** The chair confirms the warning that an authentic language version is outdated or incomplete (decision 0045); recorded in the event. */
  acknowledgeOutdatedTranslations: z.boolean().optional(),
});

/** A chair or rapporteur consolidates the next version, with a note saying what it is (stored with the version and shown with it). */
export const consolidateRequest = /* @__PURE__ */ z.strictObject({
  note: text(2000).optional(),
  /** Circulated to the group's members only until then (decision 0041); absent: public at once. */
  membersOnlyUntil: membersOnlyUntilInput.optional(),
});
export type ConsolidateRequest = z.infer<typeof consolidateRequest>;
export type OpenAdoptionBallotRequest = z.infer<typeof openAdoptionBallotRequest>;
