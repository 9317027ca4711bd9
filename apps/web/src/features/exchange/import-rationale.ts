import type { TFunction } from 'i18next';

/** The file's name without its folder or extension ("Draft v3.docx" → "Draft v3"). */
export const fileTitle = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.docx$/i, '');

/**
 * The rationale an imported amendment carries: the importer's words, and who made the change in
 * Word as the file says it (the file's words, never taken as an identity).
 */
export function importedRationale(t: TFunction, rationale: string, wordAuthor: string | null): string {
  const base = rationale.trim();
  return wordAuthor ? `${base} ${t('exchange.amendments.byInWord', { author: wordAuthor })}` : base;
}
