import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreeAdRefRequest, EndAdRefRequest, SetClauseStatusRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** A clause's status history and ad refs (keyed under the document, so its live room makes it stale). */
export function useClauseStatus(documentId: string, clauseId: string) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'clause-status', clauseId],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/clauses/:clauseId/status', { params: { id: documentId, clauseId }, signal }),
  });
}

function useWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useSetClauseStatus = (documentId: string, clauseId: string) =>
  useWrite(documentId, (body: SetClauseStatusRequest) => apiCall('POST /api/documents/:id/clauses/:clauseId/status', { params: { id: documentId, clauseId }, body }));

export const useAgreeAdRef = (documentId: string, clauseId: string) =>
  useWrite(documentId, (body: AgreeAdRefRequest) => apiCall('POST /api/documents/:id/clauses/:clauseId/ad-ref', { params: { id: documentId, clauseId }, body }));

export const useEndAdRef = (documentId: string, clauseId: string) =>
  useWrite(documentId, ({ adRefId, act, ...body }: EndAdRefRequest & { adRefId: string; act: 'lift' | 'withdraw' }) =>
    act === 'lift'
      ? apiCall('POST /api/documents/:id/clauses/:clauseId/ad-ref/:adRefId/lift', { params: { id: documentId, clauseId, adRefId }, body })
      : apiCall('POST /api/documents/:id/clauses/:clauseId/ad-ref/:adRefId/withdraw', { params: { id: documentId, clauseId, adRefId }, body }),
  );
