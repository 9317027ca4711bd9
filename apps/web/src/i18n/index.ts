import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { directionOf, UN_LANGUAGES } from '@parley/contracts';
import { type Catalogue, ENGLISH, loadCatalogue } from './catalogue-loaders';

/** The six UN languages, in the UN's order. */
export const LANGUAGES = UN_LANGUAGES;
export type Language = (typeof LANGUAGES)[number];
/** Where the language switch remembers the reader's choice. */
export const LANGUAGE_STORAGE_KEY = 'parley.language';

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
 * One i18next instance, initialised synchronously with the catalogues given (English alone unless
 * told otherwise: English is every language's fallback, the others are fetched when chosen, see
 * `startI18n`). The detector reads the remembered choice, then the browser's languages;
 * `<html lang>` and `<html dir>` follow every change.
 */
export function createI18n(
  options: { lng?: Language; detect?: boolean; catalogues?: Partial<Record<Language, Catalogue>> } = {},
): I18n {
  const catalogues = options.catalogues ?? { en: ENGLISH };
  const instance = i18next.createInstance();
  if (options.detect !== false) instance.use(LanguageDetector);
  instance.use(initReactI18next);
  instance.on('languageChanged', reflectOnDocument);
  void instance.init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([l, translation]) => [l, { translation }])),
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

/** Fetches a language's catalogue (its own script, loaded once). One that cannot be fetched (the network dropped) leaves English showing through. */
async function loadLanguage(i18n: I18n, lng: Language): Promise<void> {
  try {
    i18n.addResourceBundle(lng, 'translation', await loadCatalogue(lng), true, true);
  } catch {
    // Offline or a stale deployment: the page stays usable in English, in the chosen language's direction.
  }
}

/**
 * The app's i18next: the reader's language detected and its catalogue fetched before the first
 * render, so the first page is already in that language and only one language's texts are loaded.
 */
export async function startI18n(): Promise<I18n> {
  const instance = createI18n();
  const lng = currentLanguage(instance);
  if (lng !== 'en') {
    await loadLanguage(instance, lng);
    await instance.changeLanguage(lng); // resolves to the catalogue now there
  }
  return instance;
}

/** Switch language (its catalogue fetched first), remember it, and update `<html lang>` (through the languageChanged listener). */
export async function switchLanguage(i18n: I18n, lng: Language): Promise<void> {
  // Already loaded: change at once, in this tick (no flash of the old language).
  if (!i18n.hasResourceBundle(lng, 'translation')) await loadLanguage(i18n, lng);
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
