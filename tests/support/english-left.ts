import type { UnLanguage } from '@parley/contracts';

/**
 * What of a text is English that should not be: a check for server texts in the six languages.
 * Proper names given (people, organisations, titles in the test data) are taken out first; then a
 * French or Spanish text may not hold English words that those languages do not share, and an
 * Arabic, Chinese or Russian text no Latin word at all except the names Parley keeps in every
 * language (Parley, UTC, ISO's column codes, clause references such as OP3, "ad referendum").
 */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|of|and|to|was|were|your|you|has|have|by|with|for|is|this|that|ballot|amendment|paragraph|closed|opened|proposed|adopted|withdrew|recorded|people|person|yes|abstain|comments?|chair|members?|session|agenda|speaking|version)(?!\p{L})/giu;
const KEPT_LATIN = /\b(Parley|UTC|MB\/NC|ge|te|ed|qu|PP\d*|OP\d*|H\d*|ad referendum|GCSC|YYYY-MM-DD|ISO|https?:\/\/\S+|[\w.+-]+@[\w.-]+)\b/gu;

export function englishLeft(text: string, lang: UnLanguage, names: readonly string[] = []): string[] {
  let rest = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(n).join(' ');
  if (lang === 'en') return [];
  if (lang === 'fr' || lang === 'es')
    return [...rest.matchAll(ENGLISH_WORDS)]
      .map((m) => m[0])
      .filter((w) => !(lang === 'fr' && /^(version|session|members?)$/iu.test(w)) && !(lang === 'es' && /^(session)$/iu.test(w)));
  rest = rest.replace(KEPT_LATIN, ' ');
  return [...rest.matchAll(/(?<!\p{L})[A-Za-z]{2,}(?!\p{L})/gu)].map((m) => m[0]);
}

/** The script each language is written in (Latin for French and Spanish). */
export const SCRIPT_OF: Record<UnLanguage, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  en: /[A-Za-z]/u,
  fr: /[A-Za-z]/u,
  ru: /\p{Script=Cyrillic}/u,
  es: /[A-Za-z]/u,
};
