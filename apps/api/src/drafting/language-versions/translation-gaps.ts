import type { EntityManager } from 'typeorm';
import { authenticTranslations, languageGaps, type LanguageGap } from '@parley/domain';
import type { UnLanguage } from '@parley/contracts';
import type { DocumentRepository } from '../document.repository';
import type { TranslationRepository } from './translation.repository';

const key = (language: string, clauseId: string) => `${language}\u0000${clauseId}`;

/**
 * The group's authentic languages (besides the document's original) whose version of `versionId`
 * (number `n`) is outdated or incomplete (decision 0045): what holds back adoption.
 */
export async function translationGapsOf(
  manager: EntityManager,
  documents: DocumentRepository,
  translations: TranslationRepository,
  doc: { id: string; workingGroupId: string },
  versionId: string,
  n: number,
): Promise<LanguageGap[]> {
  const [document, declared] = await Promise.all([documents.findDocument(doc.id, manager), translations.authenticLanguages(manager, doc.workingGroupId)]);
  const languages = authenticTranslations(document!.originalLanguage, declared ?? []) as UnLanguage[];
  if (languages.length === 0) return [];
  const [clauses, saved] = await Promise.all([documents.clausesOf(versionId, manager), translations.latestAt(doc.id, n, languages, manager)]);
  const byKey = new Map(saved.map((t) => [key(t.language, t.clauseId), t]));
  return languageGaps(clauses, languages, (l, c) => byKey.get(key(l, c)));
}
