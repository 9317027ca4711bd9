/**
 * The six languages of international negotiation (the UN's official languages), in the UN's own
 * order. Parley's interface, its exports and the language versions of texts all use these codes.
 */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export const isUnLanguage = (l: unknown): l is UnLanguage => typeof l === 'string' && (UN_LANGUAGES as readonly string[]).includes(l);

/** Arabic is written right to left; the other five left to right. */
export const RTL_LANGUAGES: readonly UnLanguage[] = ['ar'];
export const directionOf = (l: string): 'rtl' | 'ltr' => ((RTL_LANGUAGES as readonly string[]).includes(l.slice(0, 2)) ? 'rtl' : 'ltr');

/** Each language's name in itself (a reader finds their own language by its own name). */
export const LANGUAGE_ENDONYMS: Record<UnLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};
