import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CastVoteRequest, CloseBallotRequest } from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { useLiveRoom } from '../../realtime/useLiveRoom';

export const ballotKey = (id: string) => ['ballots', id] as const;

/** How often an open ballot is read again while the live connection is down. */
export const BALLOT_POLL_MS = 3000;

/** One ballot, followed live (its room's events refetch it); read again every few seconds while open and not live. */
export function useBallot(id: string | undefined) {
  const live = useLiveRoom(id ? roomName.ballot(id) : null);
  return useQuery({
    queryKey: ballotKey(id ?? ''),
    queryFn: ({ signal }) => apiCall('GET /api/ballots/:id', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === 'open' && live.status !== 'live' ? BALLOT_POLL_MS : false),
  });
}

/** Further pages of the roll call, after the first page the ballot itself carries. */
export function useMoreRollCall(id: string, firstCursor: string | null) {
  return useInfiniteQuery({
    queryKey: [...ballotKey(id), 'roll-call', firstCursor],
    queryFn: ({ pageParam, signal }) => apiCall('GET /api/ballots/:id/roll-call', { params: { id }, query: { cursor: pageParam, limit: 100 }, signal }),
    initialPageParam: firstCursor ?? '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: false,
  });
}

export function useCastVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CastVoteRequest) => apiCall('POST /api/ballots/:id/votes', { params: { id }, body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ballotKey(id) }),
  });
}

export function useCloseBallot(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseBallotRequest) => apiCall('POST /api/ballots/:id/close', { params: { id }, body }),
    onSuccess: (ballot) => qc.setQueryData(ballotKey(id), ballot),
    onSettled: () => qc.invalidateQueries({ queryKey: ballotKey(id) }),
  });
}
