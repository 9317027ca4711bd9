import { LANGUAGE_ENDONYMS, type UnLanguage } from '@parley/contracts';

/** A language's name in the reader's interface language ("French" on an English page, "français" on a French one). */
export function languageName(language: UnLanguage, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'language' }).of(language) ?? LANGUAGE_ENDONYMS[language];
  } catch {
    return LANGUAGE_ENDONYMS[language];
  }
}

/** How a language is offered in a list: its own name, and the reader's name for it when different ("Français — French"). */
export function languageOption(language: UnLanguage, lng: string): string {
  const own = LANGUAGE_ENDONYMS[language];
  const name = languageName(language, lng);
  return own.toLocaleLowerCase(lng) === name.toLocaleLowerCase(lng) ? own : `${own} — ${name}`;
}
