import type { AffiliationResponse } from '@parley/contracts';

/**
 * Splits affiliations into those still running (current, or starting later) and those that ended,
 * each newest first.
 */
export function splitAffiliations(affiliations: AffiliationResponse[], today: string) {
  const byStart = [...affiliations].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const ended = (a: AffiliationResponse) => !a.current && a.endDate !== null && a.endDate <= today;
  return { current: byStart.filter((a) => !ended(a)), past: byStart.filter(ended) };
}
