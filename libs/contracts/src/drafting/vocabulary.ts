import type { Reason } from '../common';

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

/**
 * Why a drafting act is refused or not possible now: the `code` of a drafting problem (beside its
 * English `detail`) and of `DocumentPermissions.reasonCode`. Append only; a translated interface keys on them.
 */
export const DRAFTING_REASON_CODES = [
  'sign-in',
  'needs-affiliation',
  'group-closed',
  'not-in-group',
  'members-only-amend',
  'members-only-cosponsor',
  'editors-only',
  'chairs-only',
  'own-amendment',
  'author-only-withdraw',
  'under-ballot',
  'not-proposed',
  'already-cosponsor',
  'not-cosponsor',
  'version-frozen',
  'not-current-version',
  'nothing-to-consolidate',
  'adoption-ballot-open',
] as const;
export type DraftingReasonCode = (typeof DRAFTING_REASON_CODES)[number];
export type DraftingReason = Reason<DraftingReasonCode>;

/** The problem type answered when an adoption ballot would open over unanswered clarification questions. */
export const UNANSWERED_CLARIFICATIONS_PROBLEM = '/problems/unanswered-clarifications';
