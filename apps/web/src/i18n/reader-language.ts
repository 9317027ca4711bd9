import type { i18n as I18n } from 'i18next';
import { currentLanguage, isLanguage, type Language } from './index';

/**
 * The language the reader chose, as the API should write to them (e-mails, a meeting report's draft):
 * the chosen one of the six even while its interface catalogue is still incomplete and i18next falls
 * back to English for the screen.
 */
export function readerLanguage(i18n: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  const chosen = i18n.language?.slice(0, 2);
  return isLanguage(chosen) ? chosen : currentLanguage(i18n);
}
