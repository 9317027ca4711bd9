import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';

export const CHAIR_TERM_END_REASONS = ['term-completed', 'resigned', 'removed-by-ballot', 'group-closed', 'left-group'] as const;
export type ChairTermEndReason = (typeof CHAIR_TERM_END_REASONS)[number];

/** One chair term: who, with which affiliation, confirmed by which ballot, from when to when. */
export interface ChairTerm {
  id: string;
  personId: string;
  /** Affiliation at confirmation; never rewritten. */
  snapshot: AffiliationSnapshot;
  /** The ballot that confirmed the chair; null when nobody confirmed them (a capture alarm). */
  confirmingBallotId: string | null;
  /** ISO datetime the term started (the confirming ballot passed). */
  startedAt: string;
  /** ISO date or datetime the term is due to end; null for an open-ended term. */
  endsAt: string | null;
  /** ISO datetime the end was recorded (resignation, removal, completion); null while the chair acts. */
  endedAt: string | null;
  endReason: ChairTermEndReason | null;
}

const at = (iso: string): number => Date.parse(iso);

/** The term as known at `now`: an end recorded after `now` has not happened yet. */
export function termAsOf(term: ChairTerm, now: Date): ChairTerm {
  if (term.endedAt !== null && at(term.endedAt) > now.getTime()) return { ...term, endedAt: null, endReason: null };
  return term;
}

/** The chair is acting: the term has started and no end has been recorded, whatever its due end date. */
export function isTermActing(term: ChairTerm, now: Date): boolean {
  return at(term.startedAt) <= now.getTime() && termAsOf(term, now).endedAt === null;
}

/** Current: acting and within the term (before `endsAt`, which is exclusive). */
export function isTermCurrent(term: ChairTerm, now: Date): boolean {
  return isTermActing(term, now) && (term.endsAt === null || now.getTime() < at(term.endsAt));
}

/** Overdue: acting although the term's due end has passed and no end was recorded. */
export function isTermOverdue(term: ChairTerm, now: Date): boolean {
  return isTermActing(term, now) && term.endsAt !== null && at(term.endsAt) <= now.getTime();
}
