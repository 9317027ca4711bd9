import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_ERROR_CODES, REFUSAL_CODES, UN_LANGUAGES, type UnLanguage } from '@parley/contracts';
import { keyDifferences, placeholderMismatches, untranslated, wordless } from './catalogue-rules';
import en from './refusals/en.json';
import fr from './refusals/fr.json';
import { createI18n } from '../test/i18n';
import { VALUE_PARAMS, valueInWords, type ValueWords } from './refusal-values';
import { fieldErrorMessage, REFUSAL_CONTEXT, refusalMessage } from './server-messages';

type Table = Record<string, string>;
type Refusals = { refusal: Table; fieldError: Table };
/** The refusal catalogues, from this folder's refusals/ or from PARLEY_I18N_DIR/refusals (see catalogues.test.ts). */
const DIR = join(process.env.PARLEY_I18N_DIR ?? __dirname, 'refusals');
const refusals = (lng: UnLanguage): Refusals => {
  const table = JSON.parse(readFileSync(join(DIR, `${lng}.json`), 'utf8')) as Partial<Refusals>;
  return { refusal: table.refusal ?? {}, fieldError: table.fieldError ?? {} };
};
const NAMES: Record<UnLanguage, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' };
const CATALOGUES: [string, Refusals, UnLanguage][] = UN_LANGUAGES.map((l) => [NAMES[l], refusals(l), l]);
const TRANSLATED = CATALOGUES.filter(([, , l]) => l !== 'en');
/** The sentences of a code: its own key, or one per value of the param that chooses (`code_value`), or plural forms. */
const sentencesOf = (code: string, table: Table) => Object.keys(table).filter((k) => k === code || k.startsWith(`${code}_`));

describe('the refusals the API answers with, in the reader’s language', () => {
  it.each(CATALOGUES)('%s says every refusal code', (_, catalogue) => {
    expect(REFUSAL_CODES.filter((code) => sentencesOf(code, catalogue.refusal).length === 0)).toEqual([]);
  });

  it.each(CATALOGUES)('%s says every field-error code', (_, catalogue) => {
    expect(FIELD_ERROR_CODES.filter((code) => !(code in catalogue.fieldError))).toEqual([]);
  });

  it.each(CATALOGUES)('%s has no sentence for a code the API does not give', (_, catalogue) => {
    const codes = new Set<string>(REFUSAL_CODES);
    expect(Object.keys(catalogue.refusal).filter((k) => !codes.has(k) && !codes.has(k.replace(/_[^_]+$/, '')))).toEqual([]);
    expect(Object.keys(catalogue.fieldError).filter((k) => !(FIELD_ERROR_CODES as string[]).includes(k))).toEqual([]);
  });

  it.each(CATALOGUES)('%s has a sentence for each value of the param that chooses among a refusal’s sentences', (_, catalogue) => {
    const missing = Object.entries(REFUSAL_CONTEXT).flatMap(([code, choice]) => choice!.values.map((v) => `${code}_${v}`).filter((k) => !(k in catalogue.refusal)));
    expect(missing).toEqual([]);
  });

  it.each(TRANSLATED)('%s has English’s sentences (plural forms by its own rule), with the same placeholders, and translates them', (_, catalogue, lng) => {
    for (const part of ['refusal', 'fieldError'] as const) {
      const english = new Map(Object.entries(en[part] as Table));
      const translated = new Map(Object.entries(catalogue[part]));
      expect({ part, ...keyDifferences(english, translated, lng) }).toEqual({ part, missing: [], extra: [] });
      expect({ part, placeholders: placeholderMismatches(english, translated, lng) }).toEqual({ part, placeholders: [] });
      expect({ part, untranslated: untranslated(english, translated, lng, new Set()) }).toEqual({ part, untranslated: [] });
    }
  });

  it('a sentence that is only a placeholder may be the same in every language', () => {
    expect(wordless('{{message}}')).toBe(true);
    expect(wordless('{{field}}: {{message}}')).toBe(true);
    expect(wordless('Refused: {{message}}')).toBe(false);
  });
});

describe('values of Parley’s lists inside a refusal (a status, a disposition, a stakeholder group), said in the reader’s language', () => {
  const french = createI18n({ lng: 'fr', detect: false });
  const english = createI18n({ lng: 'en', detect: false });
  const cases = Object.entries(VALUE_PARAMS).flatMap(([code, params]) =>
    Object.entries(params!).flatMap(([param, words]) => words.values.map((value) => [code, param, value, words] as [string, string, string, ValueWords])),
  );
  /** The refusal with this value, and the other params at a value of their own list (or the one that chooses the sentence). */
  const paramsFor = (code: string, param: string, value: string) => {
    const others = Object.entries(VALUE_PARAMS[code as keyof typeof VALUE_PARAMS]!).map(([k, w]) => [k, w.values[0]]);
    const choice = REFUSAL_CONTEXT[code as keyof typeof REFUSAL_CONTEXT];
    return { ...Object.fromEntries(others), ...(choice ? { [choice.param]: choice.values[0] } : {}), [param]: value };
  };
  const say = (t: typeof french.t, code: string, params: Record<string, string>) =>
    code in fr.fieldError ? fieldErrorMessage(t, { field: 'f', code, params, message: 'English from the API' }) : refusalMessage(t, { code, params });

  it.each(cases)('%s with %s = %s reads entirely French', (code, param, value, words) => {
    const sentence = say(french.t, code, paramsFor(code, param, value));
    const inFrench = valueInWords(french.t as never, words, value);
    const inEnglish = valueInWords(english.t as never, words, value);
    expect(sentence).toContain(inFrench);
    if (!inFrench.includes(value)) expect(sentence).not.toMatch(new RegExp(`(^|[^\\w-])${value}($|[^\\w-])`));
    if (inEnglish.toLowerCase() !== inFrench.toLowerCase()) expect(sentence?.toLowerCase()).not.toContain(inEnglish.toLowerCase());
  });
});
