import en from './en.json';
import fr from './fr.json';
import ar from './ar.json';
import { createI18n, currentLanguage, intlLocale, LANGUAGE_STORAGE_KEY, startI18n, switchLanguage } from './index';

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

  it('opens in the language the reader chose before, its texts fetched before the first render', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    const i18n = await startI18n();
    expect(i18n.t('nav.workingGroups')).toBe(fr.nav.workingGroups);
    expect(i18n.t('nav.workingGroups')).not.toBe(en.nav.workingGroups);
    expect(i18n.resolvedLanguage).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('starts with English alone and fetches another language when the reader switches to it', async () => {
    const i18n = createI18n({ detect: false });
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(false);
    expect(i18n.t('nav.workingGroups')).toBe(en.nav.workingGroups);
    await switchLanguage(i18n, 'ar');
    expect(i18n.t('nav.workingGroups')).toBe(ar.nav.workingGroups);
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
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
