import { authenticTranslations, gapTotals, languageGaps, translationGate, translationState } from './language-versions';

describe('translationState', () => {
  it('is current while the original reads as it did when translated', () => {
    expect(translationState('States shall cooperate.', { sourceText: 'States shall cooperate.' })).toBe('current');
  });
  it('is outdated once the original changed since the translation was made', () => {
    expect(translationState('States shall cooperate fully.', { sourceText: 'States shall cooperate.' })).toBe('outdated');
  });
  it('is current again when the original comes back to the text translated', () => {
    expect(translationState('A.', { sourceText: 'A.' })).toBe('current');
  });
  it('is missing where nobody translated the clause', () => {
    expect(translationState('New clause.', undefined)).toBe('missing');
  });
});

describe('languageGaps', () => {
  const clauses = [
    { clauseId: 'c1', text: 'One.' },
    { clauseId: 'c2', text: 'Two, amended.' },
    { clauseId: 'c3', text: 'Three (new).' },
  ];
  const saved: Record<string, Record<string, string>> = {
    fr: { c1: 'One.', c2: 'Two.', c3: 'Three (new).' },
    ar: { c1: 'One.', c2: 'Two, amended.' },
    es: { c1: 'One.', c2: 'Two, amended.', c3: 'Three (new).' },
  };
  const lookup = (l: string, c: string) => (saved[l]?.[c] === undefined ? undefined : { sourceText: saved[l][c] });

  it('lists outdated and missing clauses per language in reading order, and leaves out languages up to date', () => {
    expect(languageGaps(clauses, ['fr', 'ar', 'es', 'zh'], lookup)).toEqual([
      { language: 'fr', outdated: ['c2'], missing: [] },
      { language: 'ar', outdated: [], missing: ['c3'] },
      { language: 'zh', outdated: [], missing: ['c1', 'c2', 'c3'] },
    ]);
  });
  it('counts the totals a refusal names', () => {
    expect(gapTotals(languageGaps(clauses, ['fr', 'ar'], lookup))).toEqual({ languages: 'fr, ar', outdated: 1, missing: 1 });
  });
});

describe('authenticTranslations', () => {
  it('never asks for a translation into the original language, and names each language once', () => {
    expect(authenticTranslations('en', ['fr', 'en', 'ar', 'fr'])).toEqual(['fr', 'ar']);
  });
  it('asks for nothing when the group declared no language beyond the original', () => {
    expect(authenticTranslations('fr', [])).toEqual([]);
    expect(authenticTranslations('fr', ['fr'])).toEqual([]);
  });
});

describe('translationGate', () => {
  const gaps = [{ language: 'fr', outdated: ['c2'], missing: [] }];
  it('opens when every authentic language is up to date, recording nothing', () => {
    expect(translationGate([], false)).toEqual({ open: true, confirmedGaps: null });
  });
  it('refuses while a language lags and the chair has not confirmed the warning', () => {
    expect(translationGate(gaps, false)).toEqual({ open: false, gaps });
  });
  it('opens on the chair’s confirmation, recording what lagged', () => {
    expect(translationGate(gaps, true)).toEqual({ open: true, confirmedGaps: gaps });
  });
});
