import { useQueries, useQuery } from '@tanstack/react-query';
import { apiCall } from '../../api/typed-client';

/** A group's documents, each with its versions (a group holds a handful, read together). */
export function useGroupDocuments(groupId: string | undefined) {
  const list = useQuery({
    queryKey: ['working-groups', groupId ?? '', 'documents'],
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/documents', { params: { id: groupId ?? '' }, signal }),
    enabled: !!groupId,
  });
  const documents = useQueries({
    queries: (list.data?.items ?? []).map((d) => ({
      queryKey: ['documents', d.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiCall('GET /api/documents/:id', { params: { id: d.id }, signal }),
    })),
  });
  return { list, documents };
}

/** A group's ballots, newest first (the public record lists them all, up to 200). */
export function useGroupBallots(groupId: string | undefined) {
  return useQuery({
    queryKey: ['working-groups', groupId ?? '', 'ballots', 'record'],
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/ballots', { params: { id: groupId ?? '' }, query: { limit: 200 }, signal }),
    enabled: !!groupId,
  });
}

/** Every chair term the group has had: who chaired, for whom, from when to when, confirmed by which ballot. */
export function useGroupChairTerms(groupId: string | undefined) {
  return useQuery({
    queryKey: ['chair-terms', { workingGroup: groupId ?? '' }],
    queryFn: ({ signal }) => apiCall('GET /api/chair-terms', { query: { workingGroup: groupId }, signal }),
    enabled: !!groupId,
  });
}
