import { dateInWords, datePattern, parseTypedDate, typedDate } from './locale-date';

describe('dates typed and read in the app’s language', () => {
  it('reads 01/09/2024 in French as 1 September, never 9 January', () => {
    expect(parseTypedDate('01/09/2024', 'fr')).toBe('2024-09-01');
    expect(parseTypedDate('1/9/2024', 'fr')).toBe('2024-09-01');
    expect(parseTypedDate('2024-09-01', 'fr')).toBe('2024-09-01');
  });

  it('takes only unambiguous ISO dates in English', () => {
    expect(parseTypedDate('2024-09-01', 'en')).toBe('2024-09-01');
    expect(parseTypedDate('01/09/2024', 'en')).toBeNull();
  });

  it('refuses days that do not exist and half-typed dates', () => {
    expect(parseTypedDate('31/02/2024', 'fr')).toBeNull();
    expect(parseTypedDate('29/02/2023', 'fr')).toBeNull();
    expect(parseTypedDate('29/02/2024', 'fr')).toBe('2024-02-29');
    expect(parseTypedDate('01/09/24', 'fr')).toBeNull();
    expect(parseTypedDate('', 'fr')).toBeNull();
  });

  it('shows a stored date as typed and in words, in the reader’s language', () => {
    expect(typedDate('2024-09-01', 'fr')).toBe('01/09/2024');
    expect(typedDate('2024-09-01', 'en')).toBe('2024-09-01');
    expect(dateInWords('2024-09-01', 'fr')).toBe('1 septembre 2024');
    expect(dateInWords('2024-09-01', 'en')).toBe('1 September 2024');
    expect(datePattern('fr')).toBe('jj/mm/aaaa');
  });
});
