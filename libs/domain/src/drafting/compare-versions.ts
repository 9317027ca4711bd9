import { indexClauses } from './clause-index';
import { longestIncreasingSubsequence } from './longest-increasing-subsequence';
import { clauseLabels } from './numbering';
import type { Clause } from './types';
import { type DiffPart, wordDiff } from './word-diff';

export const CLAUSE_CHANGE_STATUSES = ['unchanged', 'changed', 'moved', 'inserted', 'deleted'] as const;
export type ClauseChangeStatus = (typeof CLAUSE_CHANGE_STATUSES)[number];

interface InBoth {
  clauseId: string;
  before: Clause;
  after: Clause;
  beforeLabel: string | null;
  afterLabel: string | null;
  /** Word diff of the clause text (all `equal` when the text did not change). */
  diff: DiffPart[];
}

/** Same text, kind and relative place. (Its label may still differ, e.g. "3." became "4." after an insertion.) */
export interface UnchangedClause extends InBoth {
  status: 'unchanged';
}
/** Same relative place; text or kind changed. */
export interface ChangedClause extends InBoth {
  status: 'changed';
}
/** Its place relative to the other surviving clauses changed; its text may also have changed. */
export interface MovedClause extends InBoth {
  status: 'moved';
  textChanged: boolean;
}
export interface InsertedClause {
  status: 'inserted';
  clauseId: string;
  before: null;
  after: Clause;
  beforeLabel: null;
  afterLabel: string | null;
  diff: DiffPart[];
}
export interface DeletedClause {
  status: 'deleted';
  clauseId: string;
  before: Clause;
  after: null;
  beforeLabel: string | null;
  afterLabel: null;
  diff: DiffPart[];
}

export type ClauseComparison = UnchangedClause | ChangedClause | MovedClause | InsertedClause | DeletedClause;

export interface VersionComparison {
  /** In the new version's order; a deleted clause comes right after the clause that preceded it in the old version. */
  clauses: ClauseComparison[];
  summary: Record<ClauseChangeStatus, number>;
}

/**
 * Compares two versions clause by clause, matching clauses by their stable id. A clause counts as moved
 * only when it is outside one longest run of surviving clauses that kept their relative order, so an
 * insertion or deletion does not mark everything after it as moved.
 */
export function compareVersions(before: readonly Clause[], after: readonly Clause[], locale?: string): VersionComparison {
  const beforeById = indexClauses(before);
  const afterById = indexClauses(after);
  const beforeLabels = clauseLabels(before);
  const afterLabels = clauseLabels(after);
  const beforeIndex = new Map(before.map((c, i) => [c.id, i]));

  const survivors = after.filter((c) => beforeById.has(c.id));
  const inOrder = new Set(longestIncreasingSubsequence(survivors.map((c) => beforeIndex.get(c.id) ?? -1)).map((i) => survivors[i].id));

  // A deleted clause is shown after the nearest clause before it that stayed in place (or at the start).
  const deletedAfter = new Map<string | null, Clause[]>();
  let anchor: string | null = null;
  for (const clause of before) {
    if (inOrder.has(clause.id)) anchor = clause.id;
    else if (!afterById.has(clause.id)) {
      const group = deletedAfter.get(anchor);
      if (group) group.push(clause);
      else deletedAfter.set(anchor, [clause]);
    }
  }
  const deletedRows = (anchorId: string | null): DeletedClause[] =>
    (deletedAfter.get(anchorId) ?? []).map((clause) => ({
      status: 'deleted',
      clauseId: clause.id,
      before: clause,
      after: null,
      beforeLabel: beforeLabels.get(clause.id) ?? null,
      afterLabel: null,
      diff: clause.text === '' ? [] : [{ op: 'delete', text: clause.text }],
    }));

  const rows: ClauseComparison[] = deletedRows(null);
  for (const clause of after) {
    const old = beforeById.get(clause.id);
    const afterLabel = afterLabels.get(clause.id) ?? null;
    if (!old) {
      const diff: DiffPart[] = clause.text === '' ? [] : [{ op: 'insert', text: clause.text }];
      rows.push({ status: 'inserted', clauseId: clause.id, before: null, after: clause, beforeLabel: null, afterLabel, diff });
    } else {
      const textChanged = old.text !== clause.text;
      const common = {
        clauseId: clause.id,
        before: old,
        after: clause,
        beforeLabel: beforeLabels.get(clause.id) ?? null,
        afterLabel,
        diff: textChanged ? wordDiff(old.text, clause.text, locale) : clause.text === '' ? [] : [{ op: 'equal' as const, text: clause.text }],
      };
      if (!inOrder.has(clause.id)) rows.push({ ...common, status: 'moved', textChanged });
      else if (textChanged || old.kind !== clause.kind) rows.push({ ...common, status: 'changed' });
      else rows.push({ ...common, status: 'unchanged' });
    }
    rows.push(...deletedRows(clause.id));
  }

  const summary: Record<ClauseChangeStatus, number> = { unchanged: 0, changed: 0, moved: 0, inserted: 0, deleted: 0 };
  for (const row of rows) summary[row.status]++;
  return { clauses: rows, summary };
}
