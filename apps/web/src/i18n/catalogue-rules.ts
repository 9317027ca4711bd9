/**
 * The rules every translation catalogue follows, relative to English (the catalogue tests apply
 * them to the interface's texts and to the refusals). A plural family in English is `base_one` /
 * `base_other` (some with an explicit `base_zero`, which every language keeps); in language L it is
 * exactly `base_<c>` for each of L's Intl.PluralRules categories c. An ordinal family
 * (`base_ordinal_<c>`) has L's ordinal categories. Every other key is exactly English's.
 */
export type Tree = { [key: string]: string | Tree };

/** Each text of a catalogue under its dotted key. */
export const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

/** `{{label, bare}}` is the placeholder `label` with a format. */
export const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();

const CARDINAL = /^(.*)_(zero|one|two|few|many|other)$/;
const ORDINAL = /^(.*)_ordinal_(zero|one|two|few|many|other)$/;

export const pluralCategories = (lng: string, type: 'cardinal' | 'ordinal' = 'cardinal'): string[] =>
  new Intl.PluralRules(lng, { type }).resolvedOptions().pluralCategories as string[];

interface Family {
  base: string;
  type: 'cardinal' | 'ordinal';
  /** The English forms of the family (category → text). */
  english: Map<string, string>;
}

/** English's plural families (by base), and its keys outside them. */
export function englishShape(english: Map<string, string>): { families: Map<string, Family>; plain: string[] } {
  const families = new Map<string, Family>();
  const plain: string[] = [];
  for (const [key, text] of english) {
    const ordinal = ORDINAL.exec(key);
    const cardinal = ordinal ? null : CARDINAL.exec(key);
    const m = ordinal ?? cardinal;
    // A family is a base with a `_one` or `_other` in English (a lone `something_other` key is no family).
    if (m && (english.has(`${ordinal ? `${m[1]}_ordinal` : m[1]}_other`) || english.has(`${ordinal ? `${m[1]}_ordinal` : m[1]}_one`))) {
      const base = m[1];
      const id = `${base}|${ordinal ? 'ordinal' : 'cardinal'}`;
      const family = families.get(id) ?? { base, type: ordinal ? 'ordinal' : 'cardinal', english: new Map() };
      family.english.set(m[2], text);
      families.set(id, family);
    } else plain.push(key);
  }
  return { families, plain };
}

/** The keys a catalogue in `lng` must have, each with the English text it translates (plural forms: English's `other`, or the same category). */
export function expectedKeys(english: Map<string, string>, lng: string): Map<string, string> {
  const { families, plain } = englishShape(english);
  const expected = new Map<string, string>(plain.map((k) => [k, english.get(k)!]));
  for (const f of families.values()) {
    const categories = new Set(pluralCategories(lng, f.type));
    if (f.type === 'cardinal' && f.english.has('zero')) categories.add('zero');
    for (const c of categories) {
      const key = f.type === 'ordinal' ? `${f.base}_ordinal_${c}` : `${f.base}_${c}`;
      expected.set(key, f.english.get(c) ?? f.english.get('other')!);
    }
  }
  return expected;
}

const pluralCategoryOf = (key: string): string | null => (ORDINAL.exec(key) ?? CARDINAL.exec(key))?.[2] ?? null;

/** Keys missing from the catalogue, and keys it has that `lng` should not (an English-only `_one` in Chinese, a `_many` missing in Russian). */
export function keyDifferences(english: Map<string, string>, catalogue: Map<string, string>, lng: string): { missing: string[]; extra: string[] } {
  const expected = expectedKeys(english, lng);
  return {
    missing: [...expected.keys()].filter((k) => !catalogue.has(k)).sort(),
    extra: [...catalogue.keys()].filter((k) => !expected.has(k)).sort(),
  };
}

/**
 * Keys whose placeholders differ from English's. A plural form has the placeholders of one of
 * English's forms of its family, `{{count}}` aside: a form may say the number in words ("تعليقان",
 * two comments; "un commentaire") or in figures ("1 commentaire"), except the forms for many numbers
 * (few, many, other), which say `{{count}}` where English's `other` does.
 */
export function placeholderMismatches(english: Map<string, string>, catalogue: Map<string, string>, lng: string): string[] {
  const expected = expectedKeys(english, lng);
  const { families } = englishShape(english);
  const familyOf = (key: string) => {
    const ordinal = ORDINAL.exec(key);
    const m = ordinal ?? CARDINAL.exec(key);
    return m ? families.get(`${m[1]}|${ordinal ? 'ordinal' : 'cardinal'}`) : undefined;
  };
  const withoutCount = (s: string) => placeholders(s).filter((p) => p !== 'count').join();
  return [...catalogue]
    .filter(([k]) => expected.has(k))
    .filter(([k, text]) => {
      const family = familyOf(k);
      if (!family) return placeholders(expected.get(k)!).join() !== placeholders(text).join();
      const category = pluralCategoryOf(k)!;
      const countRequired = !['zero', 'one', 'two'].includes(category) && placeholders(family.english.get('other') ?? '').includes('count');
      if (countRequired && !placeholders(text).includes('count')) return true;
      return ![...family.english.values()].some((e) => withoutCount(e) === withoutCount(text));
    })
    .map(([k]) => k);
}

/** Whether a text says nothing in words: only placeholders, punctuation and symbols (`{{title}}, {{organisation}}`). */
export const wordless = (text: string): boolean => !/\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));

/** Keys whose text is English's own, outside the allow-list (proper names, endonyms) and wordless texts. */
export function untranslated(english: Map<string, string>, catalogue: Map<string, string>, lng: string, allowed: ReadonlySet<string>): string[] {
  const expected = expectedKeys(english, lng);
  return [...catalogue]
    .filter(([k, text]) => expected.has(k) && text === expected.get(k) && !allowed.has(k) && !wordless(text))
    .map(([k]) => k);
}

/** Suffixed keys whose category is not one of `lng`'s (cardinal, or ordinal for `_ordinal_`), `zero` allowed where English has it. */
export function invalidPluralForms(english: Map<string, string>, catalogue: Map<string, string>, lng: string): string[] {
  const { families } = englishShape(english);
  const bases = new Map([...families.values()].map((f) => [`${f.base}|${f.type}`, f]));
  return [...catalogue.keys()].filter((k) => {
    const ordinal = ORDINAL.exec(k);
    const m = ordinal ?? CARDINAL.exec(k);
    if (!m) return false;
    const f = bases.get(`${m[1]}|${ordinal ? 'ordinal' : 'cardinal'}`);
    if (!f) return false; // not a family of English's: the key test reports it
    const valid = new Set(pluralCategories(lng, f.type));
    if (f.type === 'cardinal' && f.english.has('zero')) valid.add('zero');
    return !valid.has(m[2]);
  });
}
