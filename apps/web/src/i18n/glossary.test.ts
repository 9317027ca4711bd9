import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
