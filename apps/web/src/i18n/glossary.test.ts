import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UN_LANGUAGES, type UnLanguage } from '@parley/contracts';
import fr from './fr.json';
import refusalsFr from './refusals/fr.json';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

interface GlossaryRow {
  english: string;
  french: string;
  forbidden: string[];
}

/** The rows of docs/glossary.md's table: English | French | meaning | variants the French interface must not use. */
function glossary(): GlossaryRow[] {
  const text = readFileSync(join(__dirname, '../../../../docs/glossary.md'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| English') && !l.startsWith('| ---'))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()))
    .map(([english, french, , notInFrench]) => ({ english, french, forbidden: [...(notInFrench ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]) }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A variant as a whole word or phrase, case-insensitive, whatever apostrophe or space is typed. */
const variant = (v: string) => new RegExp(`(^|[^\\p{L}])${escape(v).replace(/[’']/g, "[’']").replace(/ /g, '[\\s\\u00a0]+')}($|[^\\p{L}])`, 'iu');

describe('the French interface speaks the glossary (docs/glossary.md)', () => {
  // Placeholders ({{clause}}) are names in the code, not French.
  const french = [...leaves(fr as Tree), ...leaves(refusalsFr as Tree, 'refusals.')].map(([k, v]) => [k, v.replace(/\{\{[^}]*\}\}/g, '…')] as [string, string]);
  const rows = glossary();

  it('has a row for the concepts the French once mixed up', () => {
    expect(rows.find((r) => r.english === 'clause')).toMatchObject({ french: 'paragraphe', forbidden: expect.arrayContaining(['clause']) });
    expect(rows.find((r) => r.english === 'ballot')).toMatchObject({ french: 'scrutin', forbidden: expect.arrayContaining(['vote de confirmation']) });
    expect(rows.find((r) => r.english === 'vote')?.french).toBe('vote');
  });

  it.each(rows.filter((r) => r.forbidden.length > 0).map((r) => [r.english, r] as const))('says “%s” only with its glossary term', (_english, row) => {
    const offending = french.filter(([, text]) => row.forbidden.some((v) => variant(v).test(text))).map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });

  it('uses French punctuation after a clause number: “Paragraphe 4 :”, never “Paragraphe 4.:”', () => {
    const tight = french.filter(([, text]) => /[^\s\u00a0\u202f]:(\s|$)/.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(tight).toEqual([]);
    expect(fr.documents.clause).toMatchObject({ name: 'Paragraphe {{label, bare}}', lead: '{{name}} : ' });
  });
});

/**
 * The glossary of each other language, docs/glossary/<lang>.md (a table `| English | <term> | Not in
 * <language> |`, forbidden variants in backticks), against that language's interface and refusal
 * catalogues. Glossaries and catalogues may be read from elsewhere to try a file before it lands:
 * PARLEY_GLOSSARY_DIR and PARLEY_I18N_DIR.
 */
const GLOSSARY_DIR = process.env.PARLEY_GLOSSARY_DIR ?? join(__dirname, '../../../../docs/glossary');
const I18N_DIR = process.env.PARLEY_I18N_DIR ?? __dirname;

interface TermRow {
  english: string;
  term: string;
  forbidden: string[];
}

/** The rows of a language's glossary table (header and separator left out). */
export function glossaryRows(text: string): TermRow[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| English') && !/^\|\s*-/.test(l))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()))
    .map(([english, term, notIn]) => ({ english, term, forbidden: [...(notIn ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]) }));
}

/**
 * A forbidden variant found in a text: Chinese has no spaces between words, so any occurrence counts;
 * Arabic may join a conjunction or preposition to the word (و، ف، ب، ل، ك); other languages match whole words.
 */
export function variantIn(lng: UnLanguage, v: string): RegExp {
  const body = escape(v).replace(/[’']/g, "[’']").replace(/ /g, '[\\s\\u00a0]+');
  if (lng === 'zh') return new RegExp(body, 'u');
  const prefix = lng === 'ar' ? '[وفبلك]?' : '';
  return new RegExp(`(^|[^\\p{L}])${prefix}${body}($|[^\\p{L}])`, 'iu');
}

const catalogueTexts = (lng: UnLanguage): [string, string][] => {
  const read = (file: string) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Tree) : {});
  return [...leaves(read(join(I18N_DIR, `${lng}.json`))), ...leaves(read(join(I18N_DIR, 'refusals', `${lng}.json`)), 'refusals.')].map(
    ([k, v]) => [k, v.replace(/\{\{[^}]*\}\}/g, '…')] as [string, string],
  );
};

const WITH_GLOSSARY = UN_LANGUAGES.filter((l) => l !== 'en' && l !== 'fr' && existsSync(join(GLOSSARY_DIR, `${l}.md`)));

describe('each language’s glossary (docs/glossary/<lang>.md)', () => {
  it('reads a glossary table, its forbidden variants in backticks', () => {
    const rows = glossaryRows('| English | Русский | Not in Russian |\n| --- | --- | --- |\n| clause | пункт | `клаузула` · `статья` |\n| vote | голос |  |\n');
    expect(rows).toEqual([
      { english: 'clause', term: 'пункт', forbidden: ['клаузула', 'статья'] },
      { english: 'vote', term: 'голос', forbidden: [] },
    ]);
    expect(variantIn('zh', '条款').test('第4条款的修正案')).toBe(true);
    expect(variantIn('ar', 'التصويت').test('فتح والتصويت')).toBe(true);
    expect(variantIn('ru', 'статья').test('статьями')).toBe(false);
  });

  if (WITH_GLOSSARY.length === 0) return;
  describe.each(WITH_GLOSSARY)('%s', (lng) => {
    const rows = glossaryRows(readFileSync(join(GLOSSARY_DIR, `${lng}.md`), 'utf8'));
    const texts = catalogueTexts(lng);

    it('has a term for each concept', () => {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => !r.english || !r.term).map((r) => r.english)).toEqual([]);
    });

    it('uses no forbidden variant anywhere in the interface or the refusals', () => {
      const offending = rows.flatMap((row) =>
        texts.filter(([, text]) => row.forbidden.some((v) => variantIn(lng, v).test(text))).map(([key, text]) => `${row.english} → ${key}: ${text}`),
      );
      expect(offending).toEqual([]);
    });
  });
});
