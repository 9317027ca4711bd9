import fc from 'fast-check';
import { longestIncreasingSubsequence } from './longest-increasing-subsequence';

describe('longestIncreasingSubsequence', () => {
  it.each([
    [[], []],
    [
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ],
    [
      [3, 0, 1, 2],
      [1, 2, 3],
    ], // the first clause moved to the end: only it is outside
    [
      [1, 2, 3, 0],
      [0, 1, 2],
    ], // the last clause moved to the start
    [[1, 0], [1]], // a swap keeps one of the two
    [
      [0, 5, 1, 2, 6, 3],
      [0, 2, 3, 5],
    ],
  ])('%j keeps indexes %j', (values, expected) => {
    expect(longestIncreasingSubsequence(values)).toEqual(expected);
  });

  it('returns an increasing run at least as long as any other', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(50), { maxLength: 12 }), (values) => {
        const picked = longestIncreasingSubsequence(values);
        for (let k = 1; k < picked.length; k++) {
          expect(picked[k]).toBeGreaterThan(picked[k - 1]);
          expect(values[picked[k]]).toBeGreaterThan(values[picked[k - 1]]);
        }
        // quadratic reference length
        const best = values.map(() => 1);
        values.forEach((v, i) => {
          for (let j = 0; j < i; j++) if (values[j] < v) best[i] = Math.max(best[i], best[j] + 1);
        });
        expect(picked.length).toBe(Math.max(0, ...best));
      }),
    );
  });
});
