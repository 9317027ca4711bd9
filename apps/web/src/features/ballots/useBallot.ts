import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BallotResponse, CastVoteRequest, RollCallPage, VoteResponse } from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { api } from '../../api/client';
import { useLiveRoom } from '../../realtime/useLiveRoom';

export const ballotKey = (id: string) => ['ballots', id] as const;

/** How often an open ballot is read again while the live connection is down. */
export const BALLOT_POLL_MS = 3000;

/** One ballot, followed live (its room's events refetch it); read again every few seconds while open and not live. */
export function useBallot(id: string | undefined) {
  const live = useLiveRoom(id ? roomName.ballot(id) : null);
  return useQuery({
    queryKey: ballotKey(id ?? ''),
    queryFn: ({ signal }) => api.get<BallotResponse>(`/api/ballots/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === 'open' && live.status !== 'live' ? BALLOT_POLL_MS : false),
  });
}

/** Further pages of the roll call, after the first page the ballot itself carries. */
export function useMoreRollCall(id: string, firstCursor: string | null) {
  return useInfiniteQuery({
    queryKey: [...ballotKey(id), 'roll-call', firstCursor],
    queryFn: ({ pageParam, signal }) => api.get<RollCallPage>(`/api/ballots/${encodeURIComponent(id)}/roll-call`, { cursor: pageParam, limit: 100 }, signal),
    initialPageParam: firstCursor ?? '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: false,
  });
}

export function useCastVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CastVoteRequest) => api.post<VoteResponse>(`/api/ballots/${encodeURIComponent(id)}/votes`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ballotKey(id) }),
  });
}

export function useCloseBallot(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<BallotResponse>(`/api/ballots/${encodeURIComponent(id)}/close`),
    onSuccess: (ballot) => qc.setQueryData(ballotKey(id), ballot),
    onSettled: () => qc.invalidateQueries({ queryKey: ballotKey(id) }),
  });
}
