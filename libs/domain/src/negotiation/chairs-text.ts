import { CLAUSE_KINDS, type Clause, type ClauseKind } from '../drafting/types';

/** One clause of a chair's text as written: an existing clause's id to keep its identity, or none for a new clause. */
export interface ChairsTextClauseInput {
  id?: string | null;
  kind: ClauseKind;
  text: string;
}

export type ChairsTextProblem =
  | { index: number; field: 'id'; code: 'not-a-clause' }
  | { index: number; field: 'id'; code: 'duplicate-clause' }
  | { index: number; field: 'kind'; code: 'invalid-option' };

export interface ChairsTextChanges {
  kept: number;
  changed: string[];
  added: string[];
  removed: string[];
}

export type ChairsTextPlan =
  | { ok: true; clauses: Clause[]; changes: ChairsTextChanges }
  | { ok: false; problem: ChairsTextProblem };

/**
 * The next version a chair's text makes: the chair's clauses in their order. A clause that names an
 * id keeps that clause's identity, so it must be one of the current version's clauses, named once;
 * a clause without one is new and gets `newId(index)`. Clauses of the current version the chair
 * left out are removed. The first problem found is answered, so nothing is half-applied.
 */
export function planChairsText(current: readonly Clause[], written: readonly ChairsTextClauseInput[], newId: (index: number) => string): ChairsTextPlan {
  const before = new Map(current.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const clauses: Clause[] = [];
  const changed: string[] = [];
  const added: string[] = [];
  for (const [index, c] of written.entries()) {
    if (!(CLAUSE_KINDS as readonly string[]).includes(c.kind)) return { ok: false, problem: { index, field: 'kind', code: 'invalid-option' } };
    if (c.id) {
      const was = before.get(c.id);
      if (!was) return { ok: false, problem: { index, field: 'id', code: 'not-a-clause' } };
      if (seen.has(c.id)) return { ok: false, problem: { index, field: 'id', code: 'duplicate-clause' } };
      seen.add(c.id);
      if (was.text !== c.text || was.kind !== c.kind) changed.push(c.id);
      clauses.push({ id: c.id, kind: c.kind, text: c.text });
    } else {
      const id = newId(index);
      added.push(id);
      clauses.push({ id, kind: c.kind, text: c.text });
    }
  }
  const removed = current.filter((c) => !seen.has(c.id)).map((c) => c.id);
  return { ok: true, clauses, changes: { kept: seen.size - changed.length, changed, added, removed } };
}
