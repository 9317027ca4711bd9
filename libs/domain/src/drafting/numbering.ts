import type { Clause } from './types';

export interface NumberedClause extends Clause {
  /** 1, 2, ... for operative clauses in reading order; null for headings and preambular paragraphs. */
  number: number | null;
  /** What is shown before the clause: "1.", "2.", ...; null when the clause is not numbered. */
  label: string | null;
}

/** Numbers operative clauses 1., 2., ... in reading order; headings and preambles are not numbered. */
export function numberClauses(clauses: readonly Clause[]): NumberedClause[] {
  let next = 1;
  return clauses.map((clause) => {
    if (clause.kind !== 'operative') return { ...clause, number: null, label: null };
    const number = next++;
    return { ...clause, number, label: operativeLabel(number) };
  });
}

/** The display label of the `number`th operative clause of a version: "3.". */
export function operativeLabel(number: number): string {
  return `${number}.`;
}

/** The display label of every clause of a version, by clause id ("3." or null). */
export function clauseLabels(clauses: readonly Clause[]): Map<string, string | null> {
  return new Map(numberClauses(clauses).map((c) => [c.id, c.label]));
}
