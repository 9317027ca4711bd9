import type { UnLanguage as Language } from '@parley/contracts';
import en from './en.json';
import refusalsEn from './refusals/en.json';

/** One language's texts: the interface's, and the refusals the API answers with (by code). */
export type Catalogue = Record<string, unknown>;

/** English is in the app's first script: it is the fallback of every other language. */
export const ENGLISH: Catalogue = { ...en, ...refusalsEn };

const merged = (texts: Promise<{ default: Catalogue }>, refusals: Promise<{ default: Catalogue }>) =>
  Promise.all([texts, refusals]).then(([a, b]) => ({ ...a.default, ...b.default }));

/**
 * The other five, each its own script fetched when the reader chooses that language (each is as
 * large as the rest of the first page's JavaScript; bundling all six made the first download 2.5×).
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ar: () => merged(import('./ar.json'), import('./refusals/ar.json')),
  zh: () => merged(import('./zh.json'), import('./refusals/zh.json')),
  fr: () => merged(import('./fr.json'), import('./refusals/fr.json')),
  ru: () => merged(import('./ru.json'), import('./refusals/ru.json')),
  es: () => merged(import('./es.json'), import('./refusals/es.json')),
};

export function loadCatalogue(lng: Language): Promise<Catalogue> {
  return lng === 'en' ? Promise.resolve(ENGLISH) : LOADERS[lng]();
}
