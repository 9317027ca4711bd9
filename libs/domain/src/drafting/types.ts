import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';

/** How a clause reads, as in a UN resolution: headings and preambular paragraphs are not numbered. */
export const CLAUSE_KINDS = ['heading', 'preamble', 'operative'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** One clause of a version. The id is stable across versions: the same clause keeps it when its text changes or it moves. */
export interface Clause {
  id: string;
  kind: ClauseKind;
  text: string;
}

/** A version is its clauses, in reading order. */
export type VersionClauses = readonly Clause[];

export const AMENDMENT_KINDS = ['replace', 'insert', 'delete'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

interface AmendmentCommon {
  id: string;
  /** The version number the amendment was written against. */
  baseVersion: number;
}

/** Replace the whole text of a clause. */
export interface ReplaceAmendment extends AmendmentCommon {
  kind: 'replace';
  targetClauseId: string;
  text: string;
}

/** Insert a new clause after the target clause, or at the start of the text when the target is null. */
export interface InsertAmendment extends AmendmentCommon {
  kind: 'insert';
  targetClauseId: string | null;
  text: string;
  newClauseKind: ClauseKind;
}

/** Delete a clause. */
export interface DeleteAmendment extends AmendmentCommon {
  kind: 'delete';
  targetClauseId: string;
}

export type Amendment = ReplaceAmendment | InsertAmendment | DeleteAmendment;

/**
 * An amendment whose ballot passed. `acceptedAt` is the ISO-8601 instant the ballot closed; together
 * with the id it is the order key consolidation applies amendments in (see `compareAcceptance`).
 */
export type AcceptedAmendment = Amendment & { acceptedAt: string };

/** Who performed an act, with their affiliation as it was at that moment. */
export interface Authorship {
  authorId: string;
  snapshot: AffiliationSnapshot;
}
