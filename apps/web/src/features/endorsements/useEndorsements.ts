import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndorsementResponse, SignatoriesResponse } from '@parley/contracts';
import { api } from '../../api/client';

const base = (documentId: string, version: number) => `/api/documents/${encodeURIComponent(documentId)}/versions/${version}`;
export const signatoriesKey = (documentId: string, version: number) => ['signatories', documentId, version] as const;

/** The signatories of a version, with what the reader may do (endorse for which organisations, withdraw which). */
export function useSignatories(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: signatoriesKey(documentId ?? '', version),
    queryFn: ({ signal }) => api.get<SignatoriesResponse>(`${base(documentId ?? '', version)}/signatories`, undefined, signal),
    enabled: !!documentId && Number.isInteger(version) && version > 0,
  });
}

export function useEndorse(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => api.post<EndorsementResponse>(`${base(documentId, version)}/endorsements`, { organisationId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: signatoriesKey(documentId, version) }),
  });
}

export function useWithdrawEndorsement(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api.post<EndorsementResponse>(`${base(documentId, version)}/endorsements/${encodeURIComponent(id)}/withdraw`, reason ? { reason } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: signatoriesKey(documentId, version) }),
  });
}

export const adoptedMarkdownUrl = (documentId: string, version: number) => `${base(documentId, version)}/adopted.md`;
