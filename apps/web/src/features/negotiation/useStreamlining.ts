import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecommendationRequest, RecommendationsBallotRequest, StreamlineOptionsRequest, StreamlineRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** Streamlining and recommendations (decision 0034): writes refresh everything cached about the document. */
function useWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useStreamline = (documentId: string) =>
  useWrite(documentId, (body: StreamlineRequest) => apiCall('POST /api/documents/:id/streamlined-proposals', { params: { id: documentId }, body }));

export const useRecommend = (documentId: string) =>
  useWrite(documentId, ({ amendmentId, ...body }: RecommendationRequest & { amendmentId: string }) =>
    apiCall('POST /api/amendments/:id/recommendation', { params: { id: amendmentId }, body }),
  );

export const useOpenRecommendationsBallot = (documentId: string) =>
  useWrite(documentId, (body: RecommendationsBallotRequest) => apiCall('POST /api/documents/:id/recommendations-ballot', { params: { id: documentId }, body }));

/** The document's proposed amendments (every clause): what a recommendations ballot can cover. */
export function useProposedAmendments(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'amendments', { status: 'proposed' }],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/amendments', { params: { id: documentId }, query: { status: 'proposed', limit: 200 }, signal }),
    enabled,
  });
}

export const useStreamlineOptions = (documentId: string) =>
  useWrite(documentId, ({ bracketId, ...body }: StreamlineOptionsRequest & { bracketId: string }) =>
    apiCall('POST /api/brackets/:id/streamlined-options', { params: { id: bracketId }, body }),
  );
