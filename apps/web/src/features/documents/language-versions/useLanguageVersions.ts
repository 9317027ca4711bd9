import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SaveTranslationRequest, SetAuthenticLanguagesRequest, UnLanguage } from '@parley/contracts';
import { apiCall } from '../../../api/typed-client';
import { documentKey } from '../useDocuments';

/** A version in its languages: every language's counts, and the clauses in the languages read (keyed under the document, so its live room refreshes it). */
export function useLanguageVersions(documentId: string, version: number, languages: readonly UnLanguage[]) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'language-versions', version, languages.join(',')],
    queryFn: ({ signal }) =>
      apiCall('GET /api/documents/:id/versions/:n/language-versions', { params: { id: documentId, n: version }, query: languages.length > 0 ? { languages: languages.join(',') } : { only: 'counts' }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveTranslation(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTranslationRequest) => apiCall('POST /api/documents/:id/versions/:n/translations', { params: { id: documentId, n: version }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}

export function useSetOriginalLanguage(documentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (language: UnLanguage) => apiCall('PUT /api/documents/:id/original-language', { params: { id: documentId }, body: { language } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}

export function useSetAuthenticLanguages(documentId: string, groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetAuthenticLanguagesRequest) => apiCall('PUT /api/working-groups/:id/authentic-languages', { params: { id: groupId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}
