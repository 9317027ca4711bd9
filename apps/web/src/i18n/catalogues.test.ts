import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UN_LANGUAGES, type UnLanguage } from '@parley/contracts';
import i18next from 'i18next';
import { invalidPluralForms, keyDifferences, leaves, placeholderMismatches, pluralCategories, type Tree, untranslated } from './catalogue-rules';

/**
 * The six interface catalogues against English, by the rules of catalogue-rules.ts. The catalogues
 * are read from this folder, or from PARLEY_I18N_DIR (to try the rules on a catalogue before it
 * lands: `PARLEY_I18N_DIR=/tmp/filled npx jest apps/web/src/i18n/catalogues.test.ts`).
 */
const DIR = process.env.PARLEY_I18N_DIR ?? __dirname;
const catalogue = (lng: UnLanguage): Tree => JSON.parse(readFileSync(join(DIR, `${lng}.json`), 'utf8')) as Tree;
const english = new Map(leaves(catalogue('en')));
const TRANSLATED = UN_LANGUAGES.filter((l) => l !== 'en');

/** Keys whose text may be English's own in every language: the product's name, and each language's name in itself. */
const SAME_EVERYWHERE = ['app.name', ...UN_LANGUAGES.map((l) => `language.${l}`)];
/** And per language: words spelled the same in it (French "Organisations", "Actions"…). */
const SAME_IN: Record<Exclude<UnLanguage, 'en'>, string[]> = {
  fr: [
    'nav.organisations',
    'organisations.results',
    'profile.organisation',
    'profile.affiliationsTitle',
    'people.affiliationsTitle',
    'organisations.actions',
    // Families of audit actions whose French name is spelled as the English one.
    'audit.families.organisation',
    'audit.families.affiliation',
    'audit.families.vote',
    'audit.families.document',
    'audit.families.version',
    // An explanation of position is a "position" in both languages.
    'explanations.kinds.position',
    // Search results: "version 2" and "Organisation" are French words too.
    'search.version',
    'search.kinds.organisation',
    // Agreed language's pedigree: "Paris Call, version 2" reads the same in French.
    'agreedLanguage.pedigree.where',
  ],
  ar: [],
  zh: [],
  ru: [],
  // Markdown is a name; "provisional" and "original" are spelled as in English.
  es: ['publicRecord.markdown', 'clauseStatus.provisionalBadge', 'languageVersions.mark.original'],
};

describe.each(TRANSLATED)('the %s interface catalogue', (lng) => {
  const texts = new Map(leaves(catalogue(lng)));

  it('has every English key, each plural family in exactly the language’s plural forms', () => {
    expect(keyDifferences(english, texts, lng)).toEqual({ missing: [], extra: [] });
  });

  it('uses only plural forms Intl.PluralRules knows for the language', () => {
    expect(invalidPluralForms(english, texts, lng)).toEqual([]);
  });

  it('keeps English’s placeholders', () => {
    expect(placeholderMismatches(english, texts, lng)).toEqual([]);
  });

  it('translates every string (only proper names and language names may stay the same)', () => {
    expect(untranslated(english, texts, lng, new Set([...SAME_EVERYWHERE, ...SAME_IN[lng]]))).toEqual([]);
  });
});

describe('plural forms as i18next picks them', () => {
  it('each language’s categories are the ones the rules of the catalogues expect', () => {
    expect(Object.fromEntries(UN_LANGUAGES.map((l) => [l, [...pluralCategories(l)].sort()]))).toEqual({
      ar: ['few', 'many', 'one', 'other', 'two', 'zero'],
      zh: ['other'],
      en: ['one', 'other'],
      fr: ['many', 'one', 'other'],
      ru: ['few', 'many', 'one', 'other'],
      es: ['many', 'one', 'other'],
    });
  });

  it.each(TRANSLATED)('%s: every count from 0 to 1,000,000 finds its own form, never English', (lng) => {
    const i18n = i18next.createInstance();
    void i18n.init({ resources: { [lng]: { translation: catalogue(lng) }, en: { translation: catalogue('en') } }, lng, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } });
    const texts = new Map(leaves(catalogue(lng)));
    const rules = new Intl.PluralRules(lng);
    const base = 'meetings.attendance.count'; // "{{count}} attendee": the number and the noun only
    const wrong: string[] = [];
    for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 111, 1_000_000]) {
      const key = `${base}_${rules.select(n)}`;
      const expected = texts.get(key)?.replace('{{count}}', String(n));
      if (expected === undefined || i18n.t(base, { count: n }) !== expected) wrong.push(`${n} → ${key}`);
    }
    expect(wrong).toEqual([]);
  });
});
