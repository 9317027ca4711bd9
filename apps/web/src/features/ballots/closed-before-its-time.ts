/**
 * Closed before its closing time. A ballot nobody (no chair) closed can still have closed early: an
 * operator task closed it (the old demo loader did), so "no closer" alone does not mean "on time".
 */
export function closedBeforeItsTime(closedAt: string, closesAt: string): boolean {
  return Date.parse(closedAt) < Date.parse(closesAt);
}
