import { authenticTranslationFrozen, authenticTranslations, gapTotals, languageGaps, originalLanguageFixed, translationGate, translationState, unchangedTranslation } from './language-versions';

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

describe('translationState from a comparison made by the store (no texts read)', () => {
  it('reads current and outdated from the flag, whatever the original text', () => {
    expect(translationState('anything', { current: true })).toBe('current');
    expect(translationState('anything', { current: false })).toBe('outdated');
  });
});

describe('authenticTranslationFrozen', () => {
  const base = { language: 'fr', version: 2, originalLanguage: 'en', authentic: ['fr', 'en'], underAdoption: null, adopted: null };
  it('leaves translation open when nothing is put to adoption or adopted', () => {
    expect(authenticTranslationFrozen(base)).toBeNull();
  });
  it('freezes an authentic language on the version under adoption and earlier ones', () => {
    expect(authenticTranslationFrozen({ ...base, underAdoption: 2 })).toEqual({ why: 'under-adoption', version: 2 });
    expect(authenticTranslationFrozen({ ...base, version: 1, underAdoption: 2 })).toEqual({ why: 'under-adoption', version: 2 });
  });
  it('freezes an authentic language on an adopted version and earlier ones', () => {
    expect(authenticTranslationFrozen({ ...base, adopted: 2 })).toEqual({ why: 'adopted', version: 2 });
    expect(authenticTranslationFrozen({ ...base, version: 3, adopted: 2 })).toBeNull();
  });
  it('leaves languages that are not authentic open, even during adoption or after it', () => {
    expect(authenticTranslationFrozen({ ...base, language: 'ar', underAdoption: 2 })).toBeNull();
    expect(authenticTranslationFrozen({ ...base, language: 'ar', adopted: 2 })).toBeNull();
  });
});

describe('originalLanguageFixed', () => {
  it('is open on a first version alone, neither adopted nor put to adoption', () => {
    expect(originalLanguageFixed({ currentVersion: 1, underAdoption: false, adopted: false })).toBeNull();
  });
  it('is fixed by a second version, an adoption under way or an adoption', () => {
    expect(originalLanguageFixed({ currentVersion: 2, underAdoption: false, adopted: false })).toEqual({ why: 'versions', version: 2 });
    expect(originalLanguageFixed({ currentVersion: 1, underAdoption: true, adopted: false })).toEqual({ why: 'under-adoption', version: 1 });
    expect(originalLanguageFixed({ currentVersion: 1, underAdoption: false, adopted: true })).toEqual({ why: 'adopted', version: 1 });
  });
});

describe('unchangedTranslation', () => {
  it('is a save of the same words made from the same original', () => {
    expect(unchangedTranslation({ text: 'Un.', sourceText: 'One.' }, 'Un.', 'One.')).toBe(true);
  });
  it('is not when the words differ, the original changed since, or nothing was saved', () => {
    expect(unchangedTranslation({ text: 'Un.', sourceText: 'One.' }, 'Un !', 'One.')).toBe(false);
    expect(unchangedTranslation({ text: 'Un.', sourceText: 'One.' }, 'Un.', 'One, amended.')).toBe(false);
    expect(unchangedTranslation(null, 'Un.', 'One.')).toBe(false);
  });
});
