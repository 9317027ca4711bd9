import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConsolidateRequest,
  CreateAmendmentRequest,
  CreateCommentRequest,
  CreateDocumentRequest,
  CreateReplyRequest,
  DispositionRequest,
  OpenAdoptionBallotRequest,
  OpenAmendmentBallotRequest,
} from '@parley/contracts';
import { apiCall } from '../../api/typed-client';

// Every query is keyed under ['documents', documentId, …] (or the group's id for its list), so the
// live room of the document makes exactly these stale.
export const documentKey = (id: string) => ['documents', id] as const;

export function useGroupDocuments(groupId: string | undefined) {
  return useQuery({
    queryKey: ['working-groups', groupId ?? '', 'documents'],
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/documents', { params: { id: groupId ?? '' }, signal }),
    enabled: !!groupId,
  });
}

/** A document at one version (the current one when `version` is undefined). */
export function useDocument(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...documentKey(id ?? ''), 'version', version ?? 'current'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id', { params: { id: id ?? '' }, query: { version }, signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

const THREADS_PAGE = 20;

/** One clause's threads as read at a version, a page at a time (only for the clause the reader opened). */
export function useClauseComments(documentId: string, clauseId: string | null, version: number) {
  return useInfiniteQuery({
    queryKey: [...documentKey(documentId), 'comments', { clauseId, version }],
    queryFn: ({ pageParam, signal }) =>
      apiCall('GET /api/documents/:id/comments', {
        params: { id: documentId },
        query: { clauseId, version, limit: THREADS_PAGE, cursor: pageParam || undefined },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!clauseId,
  });
}

/** The amendments touching one clause (every status), with diffs and competitors. */
export function useClauseAmendments(documentId: string, clauseId: string | null) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'amendments', { clauseId }],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/amendments', { params: { id: documentId }, query: { clauseId, limit: 200 }, signal }),
    enabled: !!clauseId,
  });
}

export function useCompare(documentId: string | undefined, from: number, to: number) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'compare', from, to],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/compare', { params: { id: documentId ?? '' }, query: { from, to }, signal }),
    enabled: !!documentId && from > 0 && to > 0,
    placeholderData: keepPreviousData,
  });
}

export function useProvenance(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'provenance', version],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/provenance', { params: { id: documentId ?? '', n: version }, signal }),
    enabled: !!documentId && version > 0,
  });
}

export function useDispositionReport(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'dispositions', version],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/dispositions', { params: { id: documentId ?? '', n: version }, signal }),
    enabled: !!documentId && version > 0,
  });
}

/** After any write on a document, everything cached about it is read again. */
export function useDocumentWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useCreateDocument = (groupId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDocumentRequest) => apiCall('POST /api/working-groups/:id/documents', { params: { id: groupId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['working-groups', groupId, 'documents'] }),
  });
};
export const usePostComment = (documentId: string) =>
  useDocumentWrite(documentId, (body: CreateCommentRequest) => apiCall('POST /api/documents/:id/comments', { params: { id: documentId }, body }));
export const useReply = (documentId: string) =>
  useDocumentWrite(documentId, ({ commentId, ...body }: CreateReplyRequest & { commentId: string }) =>
    apiCall('POST /api/comments/:id/replies', { params: { id: commentId }, body }),
  );
export const useDispose = (documentId: string) =>
  useDocumentWrite(documentId, ({ commentId, ...body }: DispositionRequest & { commentId: string }) =>
    apiCall('POST /api/comments/:id/disposition', { params: { id: commentId }, body }),
  );
export const useProposeAmendment = (documentId: string) =>
  useDocumentWrite(documentId, (body: CreateAmendmentRequest) => apiCall('POST /api/documents/:id/amendments', { params: { id: documentId }, body }));
export const useCosponsor = (documentId: string) =>
  useDocumentWrite(documentId, (amendmentId: string) => apiCall('POST /api/amendments/:id/cosponsors', { params: { id: amendmentId } }));
export const useWithdrawCosponsorship = (documentId: string) =>
  useDocumentWrite(documentId, (amendmentId: string) => apiCall('POST /api/amendments/:id/cosponsors/withdraw', { params: { id: amendmentId } }));
export const useWithdraw = (documentId: string) =>
  useDocumentWrite(documentId, (amendmentId: string) => apiCall('POST /api/amendments/:id/withdraw', { params: { id: amendmentId } }));
export const useOpenAmendmentBallot = (documentId: string) =>
  useDocumentWrite(documentId, ({ amendmentId, ...body }: OpenAmendmentBallotRequest & { amendmentId: string }) =>
    apiCall('POST /api/amendments/:id/ballot', { params: { id: amendmentId }, body }),
  );
export const useConsolidate = (documentId: string) =>
  useDocumentWrite(documentId, (body: ConsolidateRequest) => apiCall('POST /api/documents/:id/versions', { params: { id: documentId }, body }));

/** What the chair reads before opening the adoption ballot: read afresh each time the dialog opens. */
export function useAdoptionPreflight(documentId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'adoption-preflight', version],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/adoption-preflight', { params: { id: documentId, n: version }, signal }),
    enabled,
    staleTime: 0,
  });
}

/** The version consolidating would create, read afresh each time the dialog opens. */
export function useConsolidationPreview(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'consolidation-preview'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/consolidation-preview', { signal, params: { id: documentId } }),
    enabled,
    staleTime: 0,
  });
}
export const useOpenAdoptionBallot = (documentId: string, version: number) =>
  useDocumentWrite(documentId, (body: Partial<OpenAdoptionBallotRequest>) =>
    apiCall('POST /api/documents/:id/versions/:n/adoption-ballot', { params: { id: documentId, n: version }, body }),
  );
