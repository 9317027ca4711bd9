import { useTranslation } from 'react-i18next';
import { countryName, formatDate } from '../i18n';

/** Dates and country names in the reader's language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return {
    date: (iso: string) => formatDate(iso, lng),
    country: (code: string) => countryName(code, lng),
  };
}
