import { nameMatches, searchByName } from './name-search';

describe('finding members by name for a mention', () => {
  it.each([
    ['Isabelle Moreau', 'mo', true],
    ['Isabelle Moreau', 'MOR', true],
    ['Isabelle Moreau', 'isa mor', true],
    ['Isabelle Moreau', 'ele', false],
    ['José Álvarez', 'jose', true],
    ['José Álvarez', 'alv', true],
    ['Jose Alvarez', 'ál', true],
    ['Mei Lin Tan', 'lin', true],
    ['Jean-Pierre Dubois', 'pierre', true],
    ['Ana Ruiz', '', true],
    ['Ana Ruiz', '  ', true],
    ['Ana Ruiz', 'ana bo', false],
  ])('%s for “%s”: %s', (name, typed, expected) => {
    expect(nameMatches(name, typed)).toBe(expected);
  });

  it('keeps the order given and stops at the limit', () => {
    const people = ['Ana Ruiz', 'Anaïs Martin', 'Bo Li', 'Ananya Rao'].map((name) => ({ name }));
    expect(searchByName(people, 'ana', 2).map((p) => p.name)).toEqual(['Ana Ruiz', 'Anaïs Martin']);
    expect(searchByName(people, 'zz', 10)).toEqual([]);
  });
});
