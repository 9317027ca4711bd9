import type { Reason } from '../common';
import type { RefusalCode } from '../refusals/catalogue';
import { PROBLEM_TYPES } from '../refusals/problem-types';

export const DOCUMENT_STATUSES = ['drafting', 'adopted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const COMMENT_KINDS = ['general', 'technical', 'editorial', 'clarification'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const DISPOSITIONS = ['accepted', 'noted', 'rejected'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const AMENDMENT_STATUSES = ['proposed', 'withdrawn', 'balloting', 'accepted', 'rejected', 'outdated', 'merged'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
/** Statuses in which an amendment may still change the text. */
export const OPEN_AMENDMENT_STATUSES = ['proposed', 'balloting'] as const;

/** The largest text a document may be created from (characters); the JSON body limit (512 kB) answers 413 before. */
export const MAX_PASTED_TEXT = 400_000;
export const MAX_CLAUSES = 2000;
export const MAX_CLAUSE_TEXT = 20_000;
/** A clause's translation: translations run 20–30% longer than their original, so half as long again (decision 0045). */
export const MAX_TRANSLATION_TEXT = Math.ceil(MAX_CLAUSE_TEXT * 1.5);

/** Why a drafting act is refused or not possible now, in machine form (a refusal code and its facts): `DocumentPermissions.reasonCode`. */
export type DraftingReason = Reason<RefusalCode>;

/** The problem type answered when an adoption ballot would open over unanswered clarification questions. */
export const UNANSWERED_CLARIFICATIONS_PROBLEM = PROBLEM_TYPES.unansweredClarifications;
