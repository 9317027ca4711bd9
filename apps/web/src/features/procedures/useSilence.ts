import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectSilenceRequest, StartSilenceRequest, WithdrawSilenceRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** A document's silence procedures, newest first (keyed under the document, so its live room makes them stale). */
export function useDocumentSilences(documentId: string) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'silence'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/silence', { params: { id: documentId }, signal }),
  });
}

/** What a chair reads before putting a version under silence, read afresh each time the dialog opens. */
export function useSilencePreflight(documentId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'silence-preflight', version],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/silence-preflight', { params: { id: documentId, n: version }, signal }),
    enabled,
    staleTime: 0,
  });
}

function useWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useStartSilence = (documentId: string, version: number) =>
  useWrite(documentId, (body: StartSilenceRequest) => apiCall('POST /api/documents/:id/versions/:n/silence', { params: { id: documentId, n: version }, body }));

export const useObjectToSilence = (documentId: string, silenceId: string) =>
  useWrite(documentId, (body: ObjectSilenceRequest) => apiCall('POST /api/silence/:id/objections', { params: { id: silenceId }, body }));

export const useWithdrawSilence = (documentId: string, silenceId: string) =>
  useWrite(documentId, (body: WithdrawSilenceRequest) => apiCall('POST /api/silence/:id/withdraw', { params: { id: silenceId }, body }));
