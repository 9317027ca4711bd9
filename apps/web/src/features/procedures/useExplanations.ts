import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlaceExplanationRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** The explanations of position on a version (keyed under the document, so its live room makes them stale). */
export const explanationsKey = (documentId: string, version: number) => [...documentKey(documentId), 'explanations', version] as const;

export function useExplanations(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: explanationsKey(documentId ?? '', version),
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/explanations', { params: { id: documentId ?? '', n: version }, signal }),
    enabled: !!documentId && Number.isInteger(version) && version > 0,
  });
}

export function usePlaceExplanation(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlaceExplanationRequest) => apiCall('POST /api/documents/:id/versions/:n/explanations', { params: { id: documentId, n: version }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}
