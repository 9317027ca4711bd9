import { useQueries, useQuery } from '@tanstack/react-query';
import type { BallotListResponse, ChairTermListResponse, DocumentListResponse, DocumentResponse } from '@parley/contracts';
import { api } from '../../api/client';

/** A group's documents, each with its versions (a group holds a handful, read together). */
export function useGroupDocuments(groupId: string | undefined) {
  const list = useQuery({
    queryKey: ['working-groups', groupId ?? '', 'documents'],
    queryFn: ({ signal }) => api.get<DocumentListResponse>(`/api/working-groups/${encodeURIComponent(groupId ?? '')}/documents`, undefined, signal),
    enabled: !!groupId,
  });
  const documents = useQueries({
    queries: (list.data?.items ?? []).map((d) => ({
      queryKey: ['documents', d.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DocumentResponse>(`/api/documents/${encodeURIComponent(d.id)}`, undefined, signal),
    })),
  });
  return { list, documents };
}

/** A group's ballots, newest first (the public record lists them all, up to 200). */
export function useGroupBallots(groupId: string | undefined) {
  return useQuery({
    queryKey: ['working-groups', groupId ?? '', 'ballots', 'record'],
    queryFn: ({ signal }) => api.get<BallotListResponse>(`/api/working-groups/${encodeURIComponent(groupId ?? '')}/ballots`, { limit: 200 }, signal),
    enabled: !!groupId,
  });
}

/** Every chair term the group has had: who chaired, for whom, from when to when, confirmed by which ballot. */
export function useGroupChairTerms(groupId: string | undefined) {
  return useQuery({
    queryKey: ['chair-terms', { workingGroup: groupId ?? '' }],
    queryFn: ({ signal }) => api.get<ChairTermListResponse>('/api/chair-terms', { workingGroup: groupId }, signal),
    enabled: !!groupId,
  });
}
