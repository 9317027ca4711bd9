import { useTranslation } from 'react-i18next';
import { countryName, currentLanguage, formatDate, intlLocale } from '../i18n';

/**
 * The Intl locale of the interface's language (Arabic with Western digits, decision 0046): every
 * date, time, number, list and duration on a page is formatted with it.
 */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return intlLocale(currentLanguage(i18n));
}

/** Dates, numbers, lists, relative times and country names in the reader's language. */
export function useFormatters() {
  const lng = useLocale();
  return {
    locale: lng,
    date: (iso: string) => formatDate(iso, lng),
    country: (code: string) => countryName(code, lng),
    number: (n: number) => new Intl.NumberFormat(lng).format(n),
    list: (items: string[]) => new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(items),
    relative: (value: number, unit: Intl.RelativeTimeFormatUnit) => new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(value, unit),
  };
}
