/**
 * Division of the question (issue #19, decision record 0038): a voting member asks that a clause, or
 * a set of clauses, of the current version be put to a separate ballot before the ballot on the
 * whole. The chair puts it to a ballot or declines it with a reason. The ballot asks "retain these
 * paragraphs?": passed, they stay; failed, they are deleted from the text by the next consolidation
 * (credited to the vote, not to a person); without quorum nothing was decided and the text stands.
 * Pure rules; the API stores requests and ballots.
 */
import type { BallotOutcome } from '../decisions/types';

export const DIVISION_STATUSES = ['pending', 'balloting', 'declined', 'retained', 'deleted'] as const;
export type DivisionStatus = (typeof DIVISION_STATUSES)[number];

/** The most clauses one request may name. */
export const MAX_DIVISION_CLAUSES = 50;

/** What a closed division ballot means for the paragraphs: only a failed ballot deletes them. */
export function divisionResult(outcome: BallotOutcome): 'retained' | 'deleted' {
  return outcome === 'failed' ? 'deleted' : 'retained';
}

export interface DivisionClause {
  id: string;
  kind: 'heading' | 'preamble' | 'operative';
}

export type DivisionClauseProblem =
  | { code: 'duplicate'; clauseId: string }
  | { code: 'not-in-version'; clauseId: string }
  | { code: 'heading'; clauseId: string }
  | { code: 'whole-text' };

/**
 * Whether a set of clauses can be divided from a version: each named once, each in the version and
 * a paragraph (not a heading), and not every paragraph (a division of the whole is the vote on the whole).
 */
export function divisionClauseProblem(clauseIds: readonly string[], version: readonly DivisionClause[]): DivisionClauseProblem | null {
  const byId = new Map(version.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const id of clauseIds) {
    if (seen.has(id)) return { code: 'duplicate', clauseId: id };
    seen.add(id);
    const c = byId.get(id);
    if (!c) return { code: 'not-in-version', clauseId: id };
    if (c.kind === 'heading') return { code: 'heading', clauseId: id };
  }
  const paragraphs = version.filter((c) => c.kind !== 'heading').length;
  if (seen.size >= paragraphs) return { code: 'whole-text' };
  return null;
}

/** The requests that stand in the way of adopting the text: still to be decided by the chair, under ballot, or a deletion no consolidation has applied yet. */
export function divisionsBlockingAdoption<T extends { status: DivisionStatus; consolidatedInVersion: number | null }>(requests: readonly T[]): T[] {
  return requests.filter((r) => r.status === 'pending' || r.status === 'balloting' || (r.status === 'deleted' && r.consolidatedInVersion === null));
}

/** Deletes the clauses of failed divisions from a text; says which divisions deleted something (a clause already gone deletes nothing). */
export function applyDivisionDeletions<C extends { id: string }>(clauses: readonly C[], divisions: readonly { id: string; clauseIds: readonly string[] }[]): { clauses: C[]; applied: { divisionId: string; clauseIds: string[] }[] } {
  const gone = new Set<string>();
  const applied: { divisionId: string; clauseIds: string[] }[] = [];
  const present = new Set(clauses.map((c) => c.id));
  for (const d of divisions) {
    const hit = d.clauseIds.filter((id) => present.has(id) && !gone.has(id));
    for (const id of hit) gone.add(id);
    applied.push({ divisionId: d.id, clauseIds: hit });
  }
  return { clauses: clauses.filter((c) => !gone.has(c.id)), applied };
}
