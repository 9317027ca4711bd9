import { createI18n, currentLanguage, intlLocale, LANGUAGE_STORAGE_KEY } from './index';

describe('the interface’s language, direction and locale', () => {
  afterEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('is the language the reader chose, even where its catalogue still lacks texts', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ar');
    const i18n = createI18n();
    expect(currentLanguage(i18n)).toBe('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('falls back to English for a language Parley does not speak', () => {
    const i18n = createI18n({ detect: false });
    void i18n.changeLanguage('de');
    expect(currentLanguage(i18n)).toBe('en');
  });

  it('formats with Western digits in Arabic, whatever the region, and simplified Chinese', () => {
    expect(intlLocale('ar')).toBe('ar-u-nu-latn');
    expect(new Intl.NumberFormat(intlLocale('ar')).format(1234)).not.toMatch(/[٠-٩]/);
    expect(new Intl.DateTimeFormat(intlLocale('ar'), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2024-09-01T00:00:00Z'))).toBe('1 سبتمبر 2024');
    expect(new Intl.DateTimeFormat(intlLocale('zh'), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2024-09-01T00:00:00Z'))).toBe('2024年9月1日');
    expect(new Intl.ListFormat(intlLocale('ru'), { type: 'conjunction' }).format(['А', 'Б', 'В'])).toBe('А, Б и В');
    expect(new Intl.RelativeTimeFormat(intlLocale('es'), { numeric: 'auto' }).format(-1, 'day')).toBe('ayer');
    expect(intlLocale('fr-CA')).toBe('fr');
  });
});
