import { z } from 'zod';
import { fieldCode } from './refusals/field-errors';
import {
  CLAUSE_KINDS,
  DECISION_RULES,
  type AffiliationSnapshot,
  type ClauseKind,
  type DiffPart,
  type ExplanationPart,
  type NotAppliedReason,
  type OrganisationSubtype,
  type StakeholderGroup,
  type VersionComparison,
} from '@parley/domain';
import { lineText, text, uuid, type Reason } from './common';
import type { RefusalCode } from './refusals/catalogue';
import { PROBLEM_TYPES } from './refusals/problem-types';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const DOCUMENT_STATUSES = ['drafting', 'adopted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const COMMENT_KINDS = ['general', 'technical', 'editorial', 'clarification'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const DISPOSITIONS = ['accepted', 'noted', 'rejected'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const AMENDMENT_STATUSES = ['proposed', 'withdrawn', 'balloting', 'accepted', 'rejected', 'outdated'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
/** Statuses in which an amendment may still change the text. */
export const OPEN_AMENDMENT_STATUSES = ['proposed', 'balloting'] as const;

/** The largest text a document may be created from (characters); the JSON body limit (512 kB) answers 413 before. */
export const MAX_PASTED_TEXT = 400_000;
export const MAX_CLAUSES = 2000;
export const MAX_CLAUSE_TEXT = 20_000;

/** Why a drafting act is refused or not possible now, in machine form (a refusal code and its facts): `DocumentPermissions.reasonCode`. */
export type DraftingReason = Reason<RefusalCode>;

/**
 * Why an amendment is outdated or rejected, in machine form (`statusNote` says it in English):
 * - `target-changed` / `target-deleted`: its clause changed, or was deleted, after version `since`;
 * - `not-applied`: accepted, but consolidation into `version` could not apply it (`reason`);
 * - `competing-amendment-accepted`: another amendment to the same clause of `version` was accepted;
 * - `version-adopted`: `version` was adopted while it was proposed;
 * - `ballot-failed`: its ballot failed or lacked a quorum, with the ballot's explanation.
 */
export type AmendmentStatusReason =
  | { code: 'target-changed'; params: { since: number } }
  | { code: 'target-deleted'; params: { since: number; kind: 'replace' | 'insert' | 'delete' } }
  | { code: 'not-applied'; params: { version: number; reason: NotAppliedReason } }
  | { code: 'competing-amendment-accepted'; params: { acceptedAmendmentId: string; clauseLabel: string | null; version: number; authorName: string; organisationName: string } }
  | { code: 'version-adopted'; params: { version: number } }
  | { code: 'ballot-failed'; params: { ballotId: string; outcome: 'failed' | 'no-quorum'; explanationParts: ExplanationPart[] } };

/** The problem type answered when an adoption ballot would open over unanswered clarification questions. */
export const UNANSWERED_CLARIFICATIONS_PROBLEM = PROBLEM_TYPES.unansweredClarifications;

// ---------------------------------------------------------------------------------------------
// Requests

const clauseKind = z.enum(CLAUSE_KINDS);
const versionNumber = z.coerce.number().int().min(1, 'A version number from 1').max(100_000);

export const createDocumentRequest = z
  .strictObject({
    title: lineText(300, 3),
    /** An ordered list of clauses; or `pastedText`, one clause per paragraph. */
    clauses: z
      .array(z.strictObject({ kind: clauseKind, text: text(MAX_CLAUSE_TEXT) }))
      .min(1)
      .max(MAX_CLAUSES, `At most ${MAX_CLAUSES} clauses`)
      .optional(),
    pastedText: text(MAX_PASTED_TEXT).optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.clauses === undefined) === (d.pastedText === undefined))
      ctx.addIssue({ code: 'custom', path: [d.clauses ? 'pastedText' : 'clauses'], ...fieldCode('clauses-or-text') });
    if (d.pastedText !== undefined && d.pastedText.trim() === '') ctx.addIssue({ code: 'custom', path: ['pastedText'], ...fieldCode('required') });
  });
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

export const versionQuery = z.strictObject({ version: versionNumber.optional() });
export type VersionQuery = z.infer<typeof versionQuery>;

export const compareQuery = z.strictObject({ from: versionNumber, to: versionNumber });
export type CompareQuery = z.infer<typeof compareQuery>;

const quote = z
  .strictObject({
    text: z.string().min(1).max(MAX_CLAUSE_TEXT),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((q) => q.end > q.start, { path: ['end'], ...fieldCode('quote-end-after-start') });

export const createCommentRequest = z.strictObject({
  clauseId: uuid,
  /** The version the comment is made on; the current version when omitted. */
  version: versionNumber.optional(),
  kind: z.enum(COMMENT_KINDS).default('general'),
  body: text(10_000),
  /** The passage quoted, with its offsets in the clause text (UTF-16 code units, end exclusive). */
  quote: quote.optional(),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequest>;

export const createReplyRequest = z.strictObject({
  kind: z.enum(COMMENT_KINDS).default('general'),
  body: text(10_000),
});
export type CreateReplyRequest = z.infer<typeof createReplyRequest>;

export const commentListQuery = z.strictObject({
  clauseId: uuid,
  /** Comments made on this version and earlier ones; the current version when omitted. */
  version: versionNumber.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type CommentListQuery = z.infer<typeof commentListQuery>;

export const dispositionRequest = z.strictObject({
  disposition: z.enum(DISPOSITIONS),
  reason: text(5000),
});
export type DispositionRequest = z.infer<typeof dispositionRequest>;

const rationale = text(10_000);
export const createAmendmentRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replace'), baseVersion: versionNumber, targetClauseId: uuid, text: text(MAX_CLAUSE_TEXT), rationale }),
  z.strictObject({
    kind: z.literal('insert'),
    baseVersion: versionNumber,
    /** The clause the new one goes after; null inserts at the start. */
    afterClauseId: uuid.nullable(),
    clauseKind,
    text: text(MAX_CLAUSE_TEXT),
    rationale,
  }),
  z.strictObject({ kind: z.literal('delete'), baseVersion: versionNumber, targetClauseId: uuid, rationale }),
]);
export type CreateAmendmentRequest = z.infer<typeof createAmendmentRequest>;

export const amendmentListQuery = z.strictObject({
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

export const openAmendmentBallotRequest = z.strictObject(ballotOptions);
export type OpenAmendmentBallotRequest = z.infer<typeof openAmendmentBallotRequest>;

export const openAdoptionBallotRequest = z.strictObject({
  ...ballotOptions,
  /** The chair has seen the unanswered clarification questions and opens the ballot anyway. */
  confirmUnanswered: z.boolean().default(false),
});
export type OpenAdoptionBallotRequest = z.infer<typeof openAdoptionBallotRequest>;

// ---------------------------------------------------------------------------------------------
// Responses

/** A person as they appear next to an act: name and the affiliation they held at that moment. */
export interface ActorRef {
  id: string | null;
  name: string | null;
  snapshot: AffiliationSnapshot | null;
}

/** What the signed-in reader may do here; computed by the API's drafting policy, never by the web. */
export interface DocumentPermissions {
  comment: boolean;
  amend: boolean;
  dispose: boolean;
  consolidate: boolean;
  openAmendmentBallot: boolean;
  openAdoptionBallot: boolean;
  /** Why the reader may not comment or amend, when they may not (for a hint in the page), in English. */
  reason: string | null;
  /** The same reason in machine form, for a hint in the reader's language. */
  reasonCode: DraftingReason | null;
}

export interface DocumentSummary {
  id: string;
  workingGroupId: string;
  title: string;
  status: DocumentStatus;
  currentVersion: number;
  adoptedVersion: number | null;
  clauseCount: number;
  createdAt: string;
  createdBy: ActorRef;
}

export interface DocumentListResponse {
  items: DocumentSummary[];
  /** Whether the reader may create a document in this group (a chair or rapporteur). */
  can: { create: boolean };
}

export interface VersionSummary {
  number: number;
  createdAt: string;
  createdBy: ActorRef;
  adoptedAt: string | null;
  frozen: boolean;
}

export interface ClauseCounts {
  /** Comments (with replies) made on this version of the clause. */
  comments: number;
  /** Comments made on earlier versions of this clause. */
  earlierComments: number;
  /** Clarification questions on this clause, on this version or earlier, with no disposition yet. */
  unansweredClarifications: number;
}

export interface ClauseAmendmentMarkers {
  /** Amendments proposed or under ballot that replace or delete this clause, or insert after it. */
  open: number;
  balloting: number;
  /** Accepted, waiting for the next consolidation. */
  accepted: number;
}

export interface ClauseResponse {
  id: string;
  kind: ClauseKind;
  text: string;
  position: number;
  /** "4." for the fourth operative clause; null for headings and preambular paragraphs. */
  label: string | null;
  counts: ClauseCounts;
  amendments: ClauseAmendmentMarkers;
}

export interface VersionResponse extends VersionSummary {
  documentId: string;
  workingGroupId: string;
  isCurrent: boolean;
  /** The adoption ballot open on this version, if any. */
  openAdoptionBallotId: string | null;
  adoptionBallotId: string | null;
  clauses: ClauseResponse[];
  /** For versions after the first: what the consolidation applied and what it left out. */
  consolidation: ConsolidationReport | null;
  /** Accepted amendments the next consolidation would apply (0 on versions that are not current). */
  acceptedWaiting: number;
}

export interface ConsolidationReport {
  applied: { amendmentId: string; kind: 'replace' | 'insert' | 'delete'; clauseId: string }[];
  notApplied: { amendmentId: string; reason: string; note: string }[];
  outdated: { amendmentId: string; reason: string; note: string }[];
  carriedForward: string[];
}

export interface DocumentResponse extends DocumentSummary {
  workingGroup: { id: string; name: string };
  versions: VersionSummary[];
  version: VersionResponse;
  can: DocumentPermissions;
}

export interface CompareResponse extends VersionComparison {
  documentId: string;
  from: number;
  to: number;
}

export interface DispositionResponse {
  disposition: Disposition;
  reason: string;
  by: ActorRef;
  at: string;
}

export interface CommentResponse {
  id: string;
  documentId: string;
  clauseId: string;
  /** The version the comment was made on. */
  version: number;
  /** True when the clause's text has changed since the version the comment was made on (relative to the version read). */
  onEarlierText: boolean;
  parentId: string | null;
  kind: CommentKind;
  body: string;
  quote: { text: string; start: number; end: number } | null;
  author: ActorRef;
  createdAt: string;
  disposition: DispositionResponse | null;
  /** Replies, oldest first (only on top-level comments in a thread list). */
  replies: CommentResponse[];
  can: { reply: boolean; dispose: boolean };
}

export interface CommentThreadPage {
  items: CommentResponse[];
  nextCursor: string | null;
}

export interface CosponsorResponse {
  person: ActorRef;
  at: string;
}

export interface AmendmentResponse {
  id: string;
  documentId: string;
  kind: 'replace' | 'insert' | 'delete';
  /** The version it was written against. */
  baseVersion: number;
  /** The version it now applies to (later than baseVersion when it was carried forward). */
  appliesToVersion: number;
  /** The clause replaced or deleted, or the one the insertion goes after (null: at the start). */
  targetClauseId: string | null;
  targetLabel: string | null;
  /** The target clause's text in the version it applies to (null for an insertion). */
  targetText: string | null;
  /** The text proposed (null for a deletion). */
  text: string | null;
  newClauseKind: ClauseKind | null;
  /** Word-level diff from the target's text to the proposed text. */
  diff: DiffPart[];
  rationale: string;
  status: AmendmentStatus;
  /** Why it is outdated or rejected, in English. */
  statusNote: string | null;
  /** The same, in machine form: what a translated page says. */
  statusReason: AmendmentStatusReason | null;
  author: ActorRef;
  createdAt: string;
  cosponsors: CosponsorResponse[];
  /** Stakeholder groups of co-sponsors other than the author's: support across groups. */
  crossGroupSupport: StakeholderGroup[];
  ballotId: string | null;
  decidedAt: string | null;
  appliedInVersion: number | null;
  /** Other open amendments rewriting the same clause of the same version. */
  competingWith: string[];
  can: { cosponsor: boolean; withdrawCosponsorship: boolean; withdraw: boolean; openBallot: boolean };
}

export interface AmendmentPage {
  items: AmendmentResponse[];
  nextCursor: string | null;
  /** Every group of two or more competing open amendments in the document (ids, ordered). */
  competingGroups: string[][];
}

export interface DispositionReportEntry {
  commentId: string;
  parentId: string | null;
  clauseId: string;
  clauseLabel: string | null;
  clausePosition: number | null;
  kind: CommentKind;
  body: string;
  quote: string | null;
  author: ActorRef;
  createdAt: string;
  disposition: DispositionResponse | null;
}

export interface DispositionReport {
  documentId: string;
  title: string;
  version: number;
  entries: DispositionReportEntry[];
  totals: Record<Disposition | 'pending', number>;
  /** Clarification questions on this version or earlier with no answer yet. */
  unansweredClarifications: DispositionReportEntry[];
}

export interface UnansweredClarification {
  commentId: string;
  clauseId: string;
  clauseLabel: string | null;
  version: number;
  body: string;
  author: ActorRef;
  createdAt: string;
}

export interface OpenedBallotResponse {
  ballotId: string;
  /** The unanswered clarification questions the chair confirmed past (adoption only). */
  warnings: UnansweredClarification[];
}

export type ProvenanceOriginResponse =
  | { kind: 'original'; version: 1; author: ActorRef }
  | { kind: 'amendment'; amendmentId: string; version: number; author: ActorRef };

export interface ProvenanceSegmentResponse {
  text: string;
  words: number;
  origin: ProvenanceOriginResponse;
}

export interface ClauseHistoryEntry {
  amendmentId: string;
  kind: 'replace' | 'insert' | 'delete';
  status: AmendmentStatus;
  author: ActorRef;
  baseVersion: number;
  ballotId: string | null;
  decidedAt: string | null;
  appliedInVersion: number | null;
}

export interface ClauseProvenanceResponse {
  clauseId: string;
  kind: ClauseKind;
  label: string | null;
  words: number;
  segments: ProvenanceSegmentResponse[];
  history: ClauseHistoryEntry[];
}

export interface ProvenanceResponse {
  documentId: string;
  version: number;
  clauses: ClauseProvenanceResponse[];
  totals: {
    words: number;
    byGroup: { key: StakeholderGroup; words: number; share: number }[];
    bySubtype: { key: OrganisationSubtype; words: number; share: number }[];
    byOrganisation: { key: string; organisationName: string; stakeholderGroup: StakeholderGroup; words: number; share: number }[];
    /** Words by authors whose affiliation was unconfirmed when they acted: not counted under any organisation. */
    unconfirmed: { key: 'unconfirmed'; words: number; share: number };
    original: number;
    amended: number;
  };
  headline: { group: StakeholderGroup; words: number; share: number; percent: number; text: string } | null;
}
