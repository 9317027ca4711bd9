import en from './en.json';
import fr from './fr.json';

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
// `{{label, bare}}` is the placeholder `label` with a format.
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const english = new Map(leaves(en));
  const french = new Map(leaves(fr));

  it('have the same keys in English and French', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('translate every string (only proper names and language names may stay the same)', () => {
    const sameAllowed = new Set([
      'app.name',
      'language.en',
      'language.fr',
      'language.ar',
      'language.zh',
      'language.ru',
      'language.es',
      'nav.organisations',
      'organisations.results',
      'profile.organisation',
      'profile.affiliationsTitle',
      'people.affiliationsTitle',
      'organisations.actions',
      'affiliation.atOrganisation',
      // Families of audit actions whose French name is spelled as the English one.
      'audit.families.organisation',
      'audit.families.affiliation',
      'audit.families.vote',
      'audit.families.document',
      'audit.families.version',
      // An explanation of position is a "position" in both languages.
      'explanations.kinds.position',
    ]);
    const untranslated = [...english].filter(([k, v]) => french.get(k) === v && !sameAllowed.has(k)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('keep the same placeholders', () => {
    const mismatched = [...english].filter(([k, v]) => placeholders(v).join() !== placeholders(french.get(k) ?? '').join()).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });
});
