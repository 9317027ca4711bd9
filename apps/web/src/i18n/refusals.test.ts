import { FIELD_ERROR_CODES, REFUSAL_CODES } from '@parley/contracts';
import en from './refusals/en.json';
import fr from './refusals/fr.json';
import { REFUSAL_CONTEXT } from './server-messages';

type Table = Record<string, string>;
const CATALOGUES: [string, { refusal: Table; fieldError: Table }][] = [
  ['English', en],
  ['French', fr],
];
/** The sentences of a code: its own key, or one per value of the param that chooses (`code_value`), or plural forms. */
const sentencesOf = (code: string, table: Table) => Object.keys(table).filter((k) => k === code || k.startsWith(`${code}_`));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

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

  it('English and French have the same sentences, with the same placeholders, and translate them', () => {
    for (const part of ['refusal', 'fieldError'] as const) {
      const english: Table = en[part];
      const french: Table = fr[part];
      expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
      expect(Object.keys(english).filter((k) => placeholders(english[k]).join() !== placeholders(french[k]).join())).toEqual([]);
      expect(Object.keys(english).filter((k) => english[k] === french[k] && !/^\{\{\w+\}\}$/.test(english[k]))).toEqual([]);
    }
  });
});
