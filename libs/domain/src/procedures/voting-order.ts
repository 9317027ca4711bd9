/**
 * Order of voting (issue #19, decision record 0038): amendments competing for the same clause (each
 * replacing or deleting it) are voted in an order the chair sets, with a reason (the General
 * Assembly's rule 90: the amendment furthest removed in substance from the original first). A ballot
 * on an amendment does not open while one ahead of it in the order is still undecided.
 */

/** An amendment's life as far as the order is concerned: proposed or under ballot is undecided. */
export const UNDECIDED_AMENDMENT_STATUSES = ['proposed', 'balloting'] as const;

export const isUndecided = (status: string): boolean => (UNDECIDED_AMENDMENT_STATUSES as readonly string[]).includes(status);

export interface Competitor {
  id: string;
  status: string;
}

export type VotingOrderProblem =
  | { code: 'too-few' }
  | { code: 'duplicate'; amendmentId: string }
  | { code: 'not-competing'; amendmentId: string }
  | { code: 'missing'; amendmentId: string };

/**
 * Whether `order` can be the clause's order of voting: at least two amendments, each named once,
 * each an undecided amendment competing for the clause, and every undecided competitor named.
 */
export function votingOrderProblem(order: readonly string[], competitors: readonly Competitor[]): VotingOrderProblem | null {
  const undecided = competitors.filter((c) => isUndecided(c.status));
  const ids = new Set(undecided.map((c) => c.id));
  const seen = new Set<string>();
  for (const id of order) {
    if (seen.has(id)) return { code: 'duplicate', amendmentId: id };
    seen.add(id);
    if (!ids.has(id)) return { code: 'not-competing', amendmentId: id };
  }
  const missing = undecided.find((c) => !seen.has(c.id));
  if (missing) return { code: 'missing', amendmentId: missing.id };
  if (order.length < 2) return { code: 'too-few' };
  return null;
}

/** Where an amendment stands in the order ("2nd of 3"), or null when the order does not name it. */
export function placeInOrder(order: readonly string[], amendmentId: string): { position: number; of: number } | null {
  const i = order.indexOf(amendmentId);
  return i === -1 ? null : { position: i + 1, of: order.length };
}

/** The first amendment ahead of this one in the order still undecided (its ballot must close first), or null. */
export function undecidedAhead(order: readonly string[], amendmentId: string, statusOf: (id: string) => string | undefined): string | null {
  const i = order.indexOf(amendmentId);
  if (i <= 0) return null;
  return order.slice(0, i).find((id) => isUndecided(statusOf(id) ?? '')) ?? null;
}
