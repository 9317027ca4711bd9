import type { i18n as I18n } from 'i18next';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import fr from '../i18n/fr.json';
import { createI18n as createAppI18n, type Language } from '../i18n';
import refusalsAr from '../i18n/refusals/ar.json';
import refusalsEn from '../i18n/refusals/en.json';
import refusalsEs from '../i18n/refusals/es.json';
import refusalsFr from '../i18n/refusals/fr.json';
import refusalsRu from '../i18n/refusals/ru.json';
import refusalsZh from '../i18n/refusals/zh.json';
import ru from '../i18n/ru.json';
import zh from '../i18n/zh.json';

/** All six catalogues at once, for tests that read texts synchronously in any language. */
export const ALL_CATALOGUES = {
  ar: { ...ar, ...refusalsAr },
  zh: { ...zh, ...refusalsZh },
  en: { ...en, ...refusalsEn },
  fr: { ...fr, ...refusalsFr },
  ru: { ...ru, ...refusalsRu },
  es: { ...es, ...refusalsEs },
};

/** The app's i18next with every language already loaded (the app fetches all but English on demand). */
export function createI18n(options: { lng?: Language; detect?: boolean } = {}): I18n {
  return createAppI18n({ ...options, catalogues: ALL_CATALOGUES });
}
