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

describe('dates typed and read in each of the six languages', () => {
  it('reads day-first dates in Spanish, Russian and Arabic, and shows them with each language’s separator', () => {
    expect(parseTypedDate('01/09/2024', 'es')).toBe('2024-09-01');
    expect(parseTypedDate('01.09.2024', 'ru')).toBe('2024-09-01');
    expect(parseTypedDate('1/9/2024', 'ar')).toBe('2024-09-01');
    expect(typedDate('2024-09-01', 'es')).toBe('01/09/2024');
    expect(typedDate('2024-09-01', 'ru')).toBe('01.09.2024');
    expect(typedDate('2024-09-01', 'ar')).toBe('01/09/2024');
  });

  it('reads a date typed with Arabic-Indic digits on an Arabic keyboard', () => {
    expect(parseTypedDate('٠١/٠٩/٢٠٢٤', 'ar')).toBe('2024-09-01');
    expect(parseTypedDate('٣١/٠٢/٢٠٢٤', 'ar')).toBeNull();
  });

  it('reads year-first dates in Chinese, with dashes, slashes or 年月日', () => {
    expect(parseTypedDate('2024-09-01', 'zh')).toBe('2024-09-01');
    expect(parseTypedDate('2024/9/1', 'zh')).toBe('2024-09-01');
    expect(parseTypedDate('2024年9月1日', 'zh')).toBe('2024-09-01');
    expect(parseTypedDate('01/09/2024', 'zh')).toBeNull();
    expect(typedDate('2024-09-01', 'zh')).toBe('2024-09-01');
  });

  it('says a date in words in each language, Arabic with the Western digits of UN Arabic documents', () => {
    expect(dateInWords('2024-09-01', 'ar')).toBe('1 سبتمبر 2024');
    expect(dateInWords('2024-09-01', 'zh')).toBe('2024年9月1日');
    expect(dateInWords('2024-09-01', 'ru')).toBe('1 сентября 2024 г.');
    expect(dateInWords('2024-09-01', 'es')).toBe('1 de septiembre de 2024');
  });

  it('has a typed pattern for every language, in its own words', () => {
    expect(datePattern('ar')).toBe('يوم/شهر/سنة');
    expect(datePattern('ru')).toBe('ДД.ММ.ГГГГ');
    expect(datePattern('es')).toBe('dd/mm/aaaa');
  });
});
