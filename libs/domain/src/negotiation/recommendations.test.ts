import { followedRecommendation, recommendationNeedsTarget, resolveRecommendationsBallot, type RecommendedItem } from './recommendations';

const items: RecommendedItem[] = [
  { amendmentId: 'acc', recommendation: 'accept', targetAmendmentId: null },
  { amendmentId: 'rej', recommendation: 'reject', targetAmendmentId: null },
  { amendmentId: 'into-acc', recommendation: 'merged-into', targetAmendmentId: 'acc' },
  { amendmentId: 'into-open', recommendation: 'accept-as-modified', targetAmendmentId: 'chairs' },
  { amendmentId: 'into-gone', recommendation: 'merged-into', targetAmendmentId: 'withdrawn' },
];
const open = (id: string) => id === 'chairs';

describe('resolveRecommendationsBallot: how a set ballot resolves each amendment', () => {
  it('passed: each follows its recommendation; merged into a target accepted by the same ballot or still open; a target gone sends it back to proposed', () => {
    expect(resolveRecommendationsBallot(true, items, open)).toEqual([
      { amendmentId: 'acc', status: 'accepted', mergedInto: null },
      { amendmentId: 'rej', status: 'rejected', mergedInto: null },
      { amendmentId: 'into-acc', status: 'merged', mergedInto: 'acc' },
      { amendmentId: 'into-open', status: 'merged', mergedInto: 'chairs' },
      { amendmentId: 'into-gone', status: 'proposed', mergedInto: null, targetGone: true },
    ]);
  });

  it('failed or without quorum: every amendment goes back to proposed', () => {
    expect(resolveRecommendationsBallot(false, items, open).map((r) => r.status)).toEqual(['proposed', 'proposed', 'proposed', 'proposed', 'proposed']);
  });
});

describe('followedRecommendation', () => {
  const rec = (recommendation: RecommendedItem['recommendation'], targetAmendmentId: string | null = null) => ({ recommendation, targetAmendmentId });

  it('accepted follows accept; rejected follows reject; merged follows merged-into / accept-as-modified into the same target', () => {
    expect(followedRecommendation(rec('accept'), { status: 'accepted', mergedInto: null })).toBe(true);
    expect(followedRecommendation(rec('accept'), { status: 'rejected', mergedInto: null })).toBe(false);
    expect(followedRecommendation(rec('reject'), { status: 'rejected', mergedInto: null })).toBe(true);
    expect(followedRecommendation(rec('reject'), { status: 'accepted', mergedInto: null })).toBe(false);
    expect(followedRecommendation(rec('merged-into', 't'), { status: 'merged', mergedInto: 't' })).toBe(true);
    expect(followedRecommendation(rec('accept-as-modified', 't'), { status: 'merged', mergedInto: 't' })).toBe(true);
    expect(followedRecommendation(rec('merged-into', 't'), { status: 'merged', mergedInto: 'other' })).toBe(false);
    expect(followedRecommendation(rec('accept'), { status: 'merged', mergedInto: 't' })).toBe(false);
  });

  it('undecided, withdrawn or outdated, or without a recommendation: null', () => {
    for (const status of ['proposed', 'balloting', 'withdrawn', 'outdated']) expect(followedRecommendation(rec('accept'), { status, mergedInto: null })).toBeNull();
    expect(followedRecommendation(null, { status: 'accepted', mergedInto: null })).toBeNull();
  });

  it('merged-into and accept-as-modified point at another amendment; accept and reject do not', () => {
    expect(['accept', 'reject', 'accept-as-modified', 'merged-into'].map((r) => recommendationNeedsTarget(r as RecommendedItem['recommendation']))).toEqual([false, false, true, true]);
  });
});
