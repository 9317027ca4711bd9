import type { ClauseKind } from '../drafting/types';

/**
 * Explanations of position (issue #19, decision record 0037). When a text is adopted — above all by
 * consensus — a delegation (an organisation, speaking through one of its current delegates in the
 * group) may place its position or a reservation on the record, or disassociate from named
 * paragraphs, before or after the decision. They are statements, not votes: they change no outcome.
 */
export const EXPLANATION_KINDS = ['position', 'reservation', 'disassociation'] as const;
export type ExplanationKind = (typeof EXPLANATION_KINDS)[number];

/** Before the decision (the version was not yet adopted when the statement was placed) or after it. */
export const EXPLANATION_TIMINGS = ['before', 'after'] as const;
export type ExplanationTiming = (typeof EXPLANATION_TIMINGS)[number];

/** How long after a version's adoption a delegation may still explain its position on it. */
export const EXPLANATION_AFTER_DAYS = 14;

const DAY = 86_400_000;

/** Where a version stands for explanations: someone is deciding on it, it was adopted (when), or neither. */
export interface VersionDecision {
  /** An adoption (a ballot, or a silence procedure) is under way on this version. */
  underAdoption: boolean;
  adoptedAt: Date | null;
}

export type ExplanationWindow =
  | { open: true; timing: ExplanationTiming; closesAt: Date | null }
  | { open: false; why: 'not-under-decision' }
  | { open: false; why: 'window-closed'; closedAt: Date };

/**
 * Whether a statement may be placed on a version now, and whether it counts as before or after the
 * decision. Before: while an adoption is under way on the version. After: from its adoption until
 * EXPLANATION_AFTER_DAYS days later. A draft nobody is deciding takes no explanation.
 */
export function explanationWindow(v: VersionDecision, now: Date): ExplanationWindow {
  if (v.adoptedAt) {
    const closesAt = new Date(v.adoptedAt.getTime() + EXPLANATION_AFTER_DAYS * DAY);
    return now.getTime() <= closesAt.getTime() ? { open: true, timing: 'after', closesAt } : { open: false, why: 'window-closed', closedAt: closesAt };
  }
  if (v.underAdoption) return { open: true, timing: 'before', closesAt: null };
  return { open: false, why: 'not-under-decision' };
}

/** Whether a statement placed at `at` came before or after the version's adoption (not yet adopted: before). */
export function explanationTiming(at: Date, adoptedAt: Date | null): ExplanationTiming {
  return adoptedAt && at.getTime() >= adoptedAt.getTime() ? 'after' : 'before';
}

export type ParagraphsProblem = { why: 'disassociation-needs-paragraphs' } | { why: 'not-a-paragraph'; clauseId: string } | { why: 'duplicate-paragraph'; clauseId: string };

/**
 * The paragraphs a statement names must be paragraphs (not headings) of the version it is placed
 * on, each named once; a disassociation names at least one (it is from something).
 */
export function checkParagraphs(kind: ExplanationKind, clauseIds: readonly string[], version: ReadonlyMap<string, ClauseKind>): ParagraphsProblem | null {
  if (kind === 'disassociation' && clauseIds.length === 0) return { why: 'disassociation-needs-paragraphs' };
  const seen = new Set<string>();
  for (const id of clauseIds) {
    const k = version.get(id);
    if (!k || k === 'heading') return { why: 'not-a-paragraph', clauseId: id };
    if (seen.has(id)) return { why: 'duplicate-paragraph', clauseId: id };
    seen.add(id);
  }
  return null;
}

/**
 * Paragraph labels as UN texts name them: preambular paragraphs PP1, PP2…, operative paragraphs
 * OP1, OP2… (the operative numbers are those of the text, "7." is OP7); headings have none.
 */
export function paragraphLabels(clauses: readonly { id: string; kind: ClauseKind }[]): Map<string, string | null> {
  let pp = 0;
  let op = 0;
  return new Map(clauses.map((c) => [c.id, c.kind === 'preamble' ? `PP${++pp}` : c.kind === 'operative' ? `OP${++op}` : null]));
}

/** "OP7", "OP2 and OP7", "PP1, OP2 and OP7" (in the text's order as given). */
export function paragraphList(labels: readonly string[], and = 'and'): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${and} ${labels[labels.length - 1]}`;
}
