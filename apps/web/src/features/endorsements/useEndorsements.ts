import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCall, fillPath } from '../../api/typed-client';

export const signatoriesKey = (documentId: string, version: number) => ['signatories', documentId, version] as const;

/** The signatories of a version, with what the reader may do (endorse for which organisations, withdraw which). */
export function useSignatories(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: signatoriesKey(documentId ?? '', version),
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/signatories', { params: { id: documentId ?? '', n: version }, signal }),
    enabled: !!documentId && Number.isInteger(version) && version > 0,
  });
}

export function useEndorse(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      apiCall('POST /api/documents/:id/versions/:n/endorsements', { params: { id: documentId, n: version }, body: { organisationId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: signatoriesKey(documentId, version) }),
  });
}

export function useWithdrawEndorsement(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      apiCall('POST /api/documents/:id/versions/:n/endorsements/:endorsementId/withdraw', {
        params: { id: documentId, n: version, endorsementId: id },
        body: reason ? { reason } : {},
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: signatoriesKey(documentId, version) }),
  });
}

export const adoptedMarkdownUrl = (documentId: string, version: number) =>
  fillPath('/api/documents/:id/versions/:n/adopted.md', { id: documentId, n: version });
