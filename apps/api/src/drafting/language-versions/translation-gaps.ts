import type { EntityManager } from 'typeorm';
import { authenticTranslations, languageGaps, type LanguageGap } from '@parley/domain';
import type { AdoptionLanguageVersions, UnLanguage } from '@parley/contracts';
import type { DocumentRepository } from '../document.repository';
import type { TranslationRepository } from './translation.repository';

const key = (language: string, clauseId: string) => `${language}\u0000${clauseId}`;

/**
 * The group's authentic languages (besides the document's original) whose version of `versionId`
 * (number `n`) is outdated or incomplete (decision 0045): what holds back adoption. Read without
 * the texts (review M4). `languageVersions`: what an adoption of it is on in each language.
 */
export async function languageVersionsOf(
  manager: EntityManager,
  documents: DocumentRepository,
  translations: TranslationRepository,
  doc: { id: string; workingGroupId: string },
  versionId: string,
  n: number,
): Promise<{ gaps: LanguageGap[]; languageVersions: AdoptionLanguageVersions }> {
  const [document, declared] = await Promise.all([documents.findDocument(doc.id, manager), translations.authenticLanguages(manager, doc.workingGroupId)]);
  const originalLanguage = document!.originalLanguage;
  const languages = authenticTranslations(originalLanguage, declared ?? []) as UnLanguage[];
  const record = (texts: AdoptionLanguageVersions['texts']): AdoptionLanguageVersions => ({ originalLanguage, authenticLanguages: [...(declared ?? [])], texts });
  if (languages.length === 0) return { gaps: [], languageVersions: record([]) };
  const [clauses, saved] = await Promise.all([documents.clausesOf(versionId, manager), translations.statesAt(doc.id, versionId, n, languages, [], manager)]);
  const byKey = new Map(saved.map((t) => [key(t.language, t.clauseId), t]));
  return {
    gaps: languageGaps(clauses, languages, (l, c) => byKey.get(key(l, c))),
    languageVersions: record(languages.map((language) => ({ language, translationIds: clauses.flatMap((c) => byKey.get(key(language, c.clauseId))?.id ?? []) }))),
  };
}
