import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssueChairsTextRequest } from '@parley/contracts';
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
