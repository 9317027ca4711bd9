import { locatePassage, rangesOverlap } from './passages';

const text = 'States shall cooperate and States shall refrain from attacks on critical infrastructure.';

describe('locatePassage', () => {
  it('finds the passage at its own offsets when it is still there', () => {
    expect(locatePassage(text, 'shall', 7)).toEqual({ start: 7, end: 12 });
    expect(locatePassage(text, 'shall', 34)).toEqual({ start: 34, end: 39 });
  });

  it('finds the occurrence nearest the hint when the text moved', () => {
    const later = `Recalling its earlier work, ${text}`;
    expect(locatePassage(later, 'shall', 7)).toEqual({ start: 35, end: 40 });
    expect(locatePassage(later, 'shall', 58)).toEqual({ start: 62, end: 67 });
  });

  it('takes the earlier of two equally near occurrences', () => {
    expect(locatePassage('ab x ab', 'ab', 2.5)).toEqual({ start: 0, end: 2 });
    expect(locatePassage('ab__ab', 'ab', 2)).toEqual({ start: 0, end: 2 });
  });

  it('answers null when the passage is gone or empty', () => {
    expect(locatePassage(text, 'should', 7)).toBeNull();
    expect(locatePassage(text, '', 0)).toBeNull();
    expect(locatePassage('', 'shall', 0)).toBeNull();
  });

  it('does not accept a hint outside the text', () => {
    expect(locatePassage(text, 'States', -3)).toEqual({ start: 0, end: 6 });
    expect(locatePassage(text, 'attacks', 10_000)).toEqual({ start: 53, end: 60 });
  });

  it('locates the whole clause (an Alt 1 / Alt 2 bracket)', () => {
    expect(locatePassage(text, text, 0)).toEqual({ start: 0, end: text.length });
  });
});

describe('rangesOverlap', () => {
  it('overlaps when one character is shared, not when ranges only touch', () => {
    expect(rangesOverlap({ start: 0, end: 5 }, { start: 4, end: 8 })).toBe(true);
    expect(rangesOverlap({ start: 0, end: 5 }, { start: 5, end: 8 })).toBe(false);
    expect(rangesOverlap({ start: 2, end: 3 }, { start: 0, end: 10 })).toBe(true);
  });
});
