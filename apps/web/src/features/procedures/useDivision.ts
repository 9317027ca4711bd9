import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclineDivisionRequest, OpenLastCallRequest, PutDivisionRequest, RequestDivisionRequest, SetVotingOrderRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** Division of the question, order of voting and last call (decision 0038); keyed under the document, so its live room makes them stale. */
export function useDivisions(documentId: string) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'divisions'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/divisions', { params: { id: documentId }, signal }),
  });
}

function useWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useRequestDivision = (documentId: string) => useWrite(documentId, (body: RequestDivisionRequest) => apiCall('POST /api/documents/:id/divisions', { params: { id: documentId }, body }));

export const usePutDivision = (documentId: string) =>
  useWrite(documentId, ({ divisionId, ...body }: PutDivisionRequest & { divisionId: string }) => apiCall('POST /api/divisions/:divisionId/ballot', { params: { divisionId }, body }));

export const useDeclineDivision = (documentId: string) =>
  useWrite(documentId, ({ divisionId, ...body }: DeclineDivisionRequest & { divisionId: string }) => apiCall('POST /api/divisions/:divisionId/decline', { params: { divisionId }, body }));

export function useVotingOrder(documentId: string, clauseId: string) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'voting-order', clauseId],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/clauses/:clauseId/voting-order', { params: { id: documentId, clauseId }, signal }),
  });
}

export const useSetVotingOrder = (documentId: string, clauseId: string) =>
  useWrite(documentId, (body: SetVotingOrderRequest) => apiCall('POST /api/documents/:id/clauses/:clauseId/voting-order', { params: { id: documentId, clauseId }, body }));

export function useVotingPlace(amendmentId: string) {
  return useQuery({
    queryKey: ['amendments', amendmentId, 'voting-place'],
    queryFn: ({ signal }) => apiCall('GET /api/amendments/:id/voting-place', { params: { id: amendmentId }, signal }),
  });
}

export function useLastCall(documentId: string, n: number) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'last-call', n],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/last-call', { params: { id: documentId, n }, signal }),
  });
}

export const useOpenLastCall = (documentId: string, n: number) =>
  useWrite(documentId, (body: OpenLastCallRequest) => apiCall('POST /api/documents/:id/versions/:n/last-call', { params: { id: documentId, n }, body }));
