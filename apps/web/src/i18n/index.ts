import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { directionOf, UN_LANGUAGES } from '@parley/contracts';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import refusalsAr from './refusals/ar.json';
import refusalsEn from './refusals/en.json';
import refusalsEs from './refusals/es.json';
import refusalsFr from './refusals/fr.json';
import refusalsRu from './refusals/ru.json';
import refusalsZh from './refusals/zh.json';
import ru from './ru.json';
import zh from './zh.json';

/** The six UN languages, in the UN's order. */
export const LANGUAGES = UN_LANGUAGES;
export type Language = (typeof LANGUAGES)[number];
/** Where the language switch remembers the reader's choice. */
export const LANGUAGE_STORAGE_KEY = 'parley.language';

/** Each language: the interface's texts, and the refusals the API answers with (by code). */
export const resources = {
  ar: { translation: { ...ar, ...refusalsAr } },
  zh: { translation: { ...zh, ...refusalsZh } },
  en: { translation: { ...en, ...refusalsEn } },
  fr: { translation: { ...fr, ...refusalsFr } },
  ru: { translation: { ...ru, ...refusalsRu } },
  es: { translation: { ...es, ...refusalsEs } },
} as const;

export const isLanguage = (l: string | undefined | null): l is Language => !!l && (LANGUAGES as readonly string[]).includes(l);

/**
 * The language in use, reduced to one Parley speaks (`fr-CA` → `fr`): the one chosen, even while
 * its catalogue lacks texts (English shows through, the page is still Arabic: `lang`, `dir`, dates),
 * else the one i18next resolved to.
 */
export function currentLanguage(i18n: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  const chosen = (i18n.language ?? '').slice(0, 2);
  if (isLanguage(chosen)) return chosen;
  const l = (i18n.resolvedLanguage ?? 'en').slice(0, 2);
  return isLanguage(l) ? l : 'en';
}

/**
 * The locale each language formats dates, numbers and lists with (decision 0046). Arabic keeps the
 * Western digits 0–9, as the United Nations' Arabic documents do (`ar-u-nu-latn`, whatever a
 * browser's regional default); Chinese is the simplified script. English and French as before.
 */
export const INTL_LOCALES: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans-CN',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

/** The Intl locale for a language code (`fr-CA` → `fr`; unknown → English). */
export function intlLocale(lng: string | undefined | null): string {
  const l = (lng ?? 'en').slice(0, 2);
  return INTL_LOCALES[isLanguage(l) ? l : 'en'];
}

function reflectOnDocument(lng: string): void {
  if (typeof document === 'undefined') return;
  const l = lng.slice(0, 2);
  const language = isLanguage(l) ? l : 'en';
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/**
 * One i18next instance with the six languages bundled (they are small), initialised synchronously so
 * the first render is already translated. The detector reads the remembered choice, then the
 * browser's languages; `<html lang>` and `<html dir>` follow every change.
 */
export function createI18n(options: { lng?: Language; detect?: boolean } = {}): I18n {
  const instance = i18next.createInstance();
  if (options.detect !== false) instance.use(LanguageDetector);
  instance.use(initReactI18next);
  instance.on('languageChanged', reflectOnDocument);
  void instance.init({
    resources,
    lng: options.lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    react: { useSuspense: false },
    detection: {
      order: ['localStorage', 'navigator', 'htmlTag'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
  });
  // `{{label, bare}}`: a clause number without its trailing dot ("4." → "4"), where a sentence goes on after it.
  instance.services.formatter?.add('bare', (value: unknown) => String(value ?? '').replace(/\.$/, ''));
  reflectOnDocument(currentLanguage(instance));
  return instance;
}

/** Switch language, remember it, and update `<html lang>` (through the languageChanged listener). */
export async function switchLanguage(i18n: I18n, lng: Language): Promise<void> {
  await i18n.changeLanguage(lng);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
}

/** A calendar date (YYYY-MM-DD) in the reader's language, without shifting it by time zone. */
export function formatDate(iso: string, lng: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A country's name in the reader's language, from its ISO 3166-1 code. */
export function countryName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(lng)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
