import type { Clause } from '../drafting/types';
import { locatePassage } from './passages';

/** A bracket removed by choosing one of its options: the chosen text replaces the passage in the next version. */
export interface BracketChoice {
  bracketId: string;
  clauseId: string;
  passage: string;
  /** Where the passage was when the bracket was opened: the hint for finding it again. */
  hintStart: number;
  /** The chosen option's text. */
  text: string;
  /** When the bracket was removed (ISO 8601): choices apply in this order, then by bracket id. */
  removedAt: string;
}

export type BracketChoiceNotAppliedReason = 'clause-not-found' | 'passage-not-found';

export interface BracketChoicesResult {
  clauses: Clause[];
  applied: { bracketId: string; clauseId: string }[];
  notApplied: { bracketId: string; clauseId: string; reason: BracketChoiceNotAppliedReason; note: string }[];
}

const order = (a: BracketChoice, b: BracketChoice): number => {
  const byTime = Date.parse(a.removedAt) - Date.parse(b.removedAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.bracketId < b.bracketId ? -1 : a.bracketId > b.bracketId ? 1 : 0;
};

/**
 * Applies chosen options to a version's clauses (after its accepted amendments): each chosen text
 * replaces its passage, located again by `locatePassage` in the clause as it reads by then. A choice
 * whose clause is gone, or whose passage is no longer in the clause, is reported and changes nothing.
 * Deterministic: the result does not depend on the order choices are given in.
 */
export function applyBracketChoices(clauses: readonly Clause[], choices: readonly BracketChoice[]): BracketChoicesResult {
  const out = clauses.map((c) => ({ ...c }));
  const applied: BracketChoicesResult['applied'] = [];
  const notApplied: BracketChoicesResult['notApplied'] = [];
  for (const choice of [...choices].sort(order)) {
    const clause = out.find((c) => c.id === choice.clauseId);
    if (!clause) {
      notApplied.push({
        bracketId: choice.bracketId,
        clauseId: choice.clauseId,
        reason: 'clause-not-found',
        note: `Clause "${choice.clauseId}" is not in this version.`,
      });
      continue;
    }
    const at = locatePassage(clause.text, choice.passage, choice.hintStart);
    if (!at) {
      notApplied.push({
        bracketId: choice.bracketId,
        clauseId: choice.clauseId,
        reason: 'passage-not-found',
        note: `The bracketed passage “${choice.passage}” is no longer in the clause.`,
      });
      continue;
    }
    clause.text = clause.text.slice(0, at.start) + choice.text + clause.text.slice(at.end);
    applied.push({ bracketId: choice.bracketId, clauseId: choice.clauseId });
  }
  return { clauses: out, applied, notApplied };
}
