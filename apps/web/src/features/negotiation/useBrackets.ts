import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenBracketRequest, ProposeOptionRequest, RemoveBracketRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/**
 * Every bracket of a document located in one version (the current one when undefined). Keyed under the
 * document, so its live room makes it stale with everything else about the document.
 */
export function useBrackets(documentId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'brackets', version ?? 'current'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/brackets', { params: { id: documentId ?? '' }, query: { version }, signal }),
    enabled: !!documentId,
  });
}

function useBracketWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useOpenBracket = (documentId: string) =>
  useBracketWrite(documentId, (body: OpenBracketRequest) => apiCall('POST /api/documents/:id/brackets', { params: { id: documentId }, body }));
export const useProposeOption = (documentId: string) =>
  useBracketWrite(documentId, ({ bracketId, ...body }: ProposeOptionRequest & { bracketId: string }) =>
    apiCall('POST /api/brackets/:id/options', { params: { id: bracketId }, body }),
  );
export const useRemoveBracket = (documentId: string) =>
  useBracketWrite(documentId, ({ bracketId, ...body }: RemoveBracketRequest & { bracketId: string }) =>
    apiCall('POST /api/brackets/:id/removal', { params: { id: bracketId }, body }),
  );
