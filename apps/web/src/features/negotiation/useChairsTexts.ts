import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DOCX_MEDIA_TYPE, type IssueChairsTextRequest, type VersionImportPreview } from '@parley/contracts';
import { apiRequest } from '../../api/client';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** The label suggested for the next chair's text, read afresh each time the editor opens. */
export function useChairsTextSuggestion(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'chairs-texts', 'suggestion'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/chairs-texts/suggestion', { params: { id: documentId }, signal }),
    enabled,
    staleTime: 0,
  });
}

export function useIssueChairsText(documentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueChairsTextRequest) => apiCall('POST /api/documents/:id/chairs-texts', { params: { id: documentId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}

/** What a Word file would make the next text: the preview of the file against the current version (nothing is stored). */
export function useChairsTextFromWord(documentId: string) {
  return useMutation({
    mutationFn: (file: File) => apiRequest<VersionImportPreview>(`/api/documents/${encodeURIComponent(documentId)}/import-preview`, { method: 'POST', file: { data: file, type: DOCX_MEDIA_TYPE } }),
  });
}
