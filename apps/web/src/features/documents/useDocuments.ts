import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendmentPage,
  AmendmentResponse,
  CommentResponse,
  CommentThreadPage,
  CompareResponse,
  CreateAmendmentRequest,
  CreateCommentRequest,
  CreateDocumentRequest,
  CreateReplyRequest,
  DispositionReport,
  DispositionRequest,
  DocumentListResponse,
  DocumentResponse,
  OpenAdoptionBallotRequest,
  OpenAmendmentBallotRequest,
  OpenedBallotResponse,
  ProvenanceResponse,
} from '@parley/contracts';
import { api } from '../../api/client';

// Every query is keyed under ['documents', documentId, …] (or the group's id for its list), so the
// live room of the document makes exactly these stale.
export const documentKey = (id: string) => ['documents', id] as const;
const enc = encodeURIComponent;

export function useGroupDocuments(groupId: string | undefined) {
  return useQuery({
    queryKey: ['working-groups', groupId ?? '', 'documents'],
    queryFn: ({ signal }) => api.get<DocumentListResponse>(`/api/working-groups/${enc(groupId ?? '')}/documents`, undefined, signal),
    enabled: !!groupId,
  });
}

/** A document at one version (the current one when `version` is undefined). */
export function useDocument(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...documentKey(id ?? ''), 'version', version ?? 'current'],
    queryFn: ({ signal }) => api.get<DocumentResponse>(`/api/documents/${enc(id ?? '')}`, { version }, signal),
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
      api.get<CommentThreadPage>(`/api/documents/${enc(documentId)}/comments`, { clauseId, version, limit: THREADS_PAGE, cursor: pageParam || undefined }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!clauseId,
  });
}

/** The amendments touching one clause (every status), with diffs and competitors. */
export function useClauseAmendments(documentId: string, clauseId: string | null) {
  return useQuery({
    queryKey: [...documentKey(documentId), 'amendments', { clauseId }],
    queryFn: ({ signal }) => api.get<AmendmentPage>(`/api/documents/${enc(documentId)}/amendments`, { clauseId, limit: 200 }, signal),
    enabled: !!clauseId,
  });
}

export function useCompare(documentId: string | undefined, from: number, to: number) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'compare', from, to],
    queryFn: ({ signal }) => api.get<CompareResponse>(`/api/documents/${enc(documentId ?? '')}/compare`, { from, to }, signal),
    enabled: !!documentId && from > 0 && to > 0,
    placeholderData: keepPreviousData,
  });
}

export function useProvenance(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'provenance', version],
    queryFn: ({ signal }) => api.get<ProvenanceResponse>(`/api/documents/${enc(documentId ?? '')}/versions/${version}/provenance`, undefined, signal),
    enabled: !!documentId && version > 0,
  });
}

export function useDispositionReport(documentId: string | undefined, version: number) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'dispositions', version],
    queryFn: ({ signal }) => api.get<DispositionReport>(`/api/documents/${enc(documentId ?? '')}/versions/${version}/dispositions`, undefined, signal),
    enabled: !!documentId && version > 0,
  });
}

/** After any write on a document, everything cached about it is read again. */
function useDocumentWrite<B, R>(documentId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }) });
}

export const useCreateDocument = (groupId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDocumentRequest) => api.post<DocumentResponse>(`/api/working-groups/${enc(groupId)}/documents`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['working-groups', groupId, 'documents'] }),
  });
};
export const usePostComment = (documentId: string) => useDocumentWrite(documentId, (body: CreateCommentRequest) => api.post<CommentResponse>(`/api/documents/${enc(documentId)}/comments`, body));
export const useReply = (documentId: string) =>
  useDocumentWrite(documentId, ({ commentId, ...body }: CreateReplyRequest & { commentId: string }) => api.post<CommentResponse>(`/api/comments/${enc(commentId)}/replies`, body));
export const useDispose = (documentId: string) =>
  useDocumentWrite(documentId, ({ commentId, ...body }: DispositionRequest & { commentId: string }) => api.post<CommentResponse>(`/api/comments/${enc(commentId)}/disposition`, body));
export const useProposeAmendment = (documentId: string) => useDocumentWrite(documentId, (body: CreateAmendmentRequest) => api.post<AmendmentResponse>(`/api/documents/${enc(documentId)}/amendments`, body));
export const useCosponsor = (documentId: string) => useDocumentWrite(documentId, (amendmentId: string) => api.post<AmendmentResponse>(`/api/amendments/${enc(amendmentId)}/cosponsors`));
export const useWithdrawCosponsorship = (documentId: string) =>
  useDocumentWrite(documentId, (amendmentId: string) => api.post<AmendmentResponse>(`/api/amendments/${enc(amendmentId)}/cosponsors/withdraw`));
export const useWithdraw = (documentId: string) => useDocumentWrite(documentId, (amendmentId: string) => api.post<AmendmentResponse>(`/api/amendments/${enc(amendmentId)}/withdraw`));
export const useOpenAmendmentBallot = (documentId: string) =>
  useDocumentWrite(documentId, ({ amendmentId, ...body }: OpenAmendmentBallotRequest & { amendmentId: string }) => api.post<AmendmentResponse>(`/api/amendments/${enc(amendmentId)}/ballot`, body));
export const useConsolidate = (documentId: string) => useDocumentWrite(documentId, () => api.post<DocumentResponse>(`/api/documents/${enc(documentId)}/versions`));
export const useOpenAdoptionBallot = (documentId: string, version: number) =>
  useDocumentWrite(documentId, (body: Partial<OpenAdoptionBallotRequest>) => api.post<OpenedBallotResponse>(`/api/documents/${enc(documentId)}/versions/${version}/adoption-ballot`, body));
