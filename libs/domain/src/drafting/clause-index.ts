import type { Clause } from './types';

/** Clauses by id; a version with two clauses of one id is malformed and refused. */
export function indexClauses(clauses: readonly Clause[]): Map<string, Clause> {
  const byId = new Map<string, Clause>();
  for (const clause of clauses) {
    if (byId.has(clause.id)) throw new Error(`Duplicate clause id "${clause.id}" in one version`);
    byId.set(clause.id, clause);
  }
  return byId;
}
