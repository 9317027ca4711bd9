/**
 * The chair's recommendations (decision record 0034): on an open amendment the chair recommends
 * `accept`, `reject`, `accept-as-modified` (pointing at the chair's streamlined proposal that carries
 * the modified text) or `merged-into` (pointing at another open amendment of the document). One ballot
 * can adopt a set of them; the record then says, for each amendment, whether its outcome followed
 * its recommendation.
 */
export const RECOMMENDATIONS = ['accept', 'reject', 'accept-as-modified', 'merged-into'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Recommendations that point at another amendment (the modified text, or the amendment it is merged into). */
export const recommendationNeedsTarget = (r: Recommendation): boolean => r === 'accept-as-modified' || r === 'merged-into';

/** One amendment of a recommendations ballot, with the recommendation in force when the ballot opened. */
export interface RecommendedItem {
  amendmentId: string;
  recommendation: Recommendation;
  targetAmendmentId: string | null;
}

/** What closing a recommendations ballot does to one amendment of its set. */
export interface ItemResolution {
  amendmentId: string;
  status: 'accepted' | 'rejected' | 'merged' | 'proposed';
  mergedInto: string | null;
  /** Passed, but the amendment it was to be merged into is no longer open: it goes back to proposed. */
  targetGone?: true;
}

/**
 * How a closed recommendations ballot resolves each amendment of its set.
 * - Failed or without quorum: every amendment goes back to `proposed` (the recommendation stays on record).
 * - Passed: each follows its recommendation: `accept` → accepted; `reject` → rejected; `merged-into`
 *   and `accept-as-modified` → merged into the amendment pointed at, provided that one is still open
 *   or is accepted by this same ballot (`targetOpen` says whether it is open now); otherwise back to
 *   proposed (`targetGone`). A target in the set follows its own recommendation.
 */
export function resolveRecommendationsBallot(passed: boolean, items: readonly RecommendedItem[], targetOpen: (amendmentId: string) => boolean): ItemResolution[] {
  if (!passed) return items.map((i) => ({ amendmentId: i.amendmentId, status: 'proposed', mergedInto: null }));
  const acceptedHere = new Set(items.filter((i) => i.recommendation === 'accept').map((i) => i.amendmentId));
  return items.map((i): ItemResolution => {
    switch (i.recommendation) {
      case 'accept':
        return { amendmentId: i.amendmentId, status: 'accepted', mergedInto: null };
      case 'reject':
        return { amendmentId: i.amendmentId, status: 'rejected', mergedInto: null };
      case 'accept-as-modified':
      case 'merged-into': {
        const target = i.targetAmendmentId!;
        if (acceptedHere.has(target) || targetOpen(target)) return { amendmentId: i.amendmentId, status: 'merged', mergedInto: target };
        return { amendmentId: i.amendmentId, status: 'proposed', mergedInto: null, targetGone: true };
      }
    }
  });
}

/**
 * Whether an amendment's outcome followed the recommendation it had: null while it is undecided (or
 * it left without a decision: withdrawn, outdated), or when it had none.
 */
export function followedRecommendation(
  rec: { recommendation: Recommendation; targetAmendmentId: string | null } | null,
  outcome: { status: string; mergedInto: string | null },
): boolean | null {
  if (!rec) return null;
  switch (outcome.status) {
    case 'accepted':
      return rec.recommendation === 'accept';
    case 'rejected':
      return rec.recommendation === 'reject';
    case 'merged':
      return recommendationNeedsTarget(rec.recommendation) && rec.targetAmendmentId === outcome.mergedInto;
    default:
      return null;
  }
}
