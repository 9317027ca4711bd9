import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptNominationRequest,
  ChangeRoleRequest,
  ApiBody,
  JoinDecisionRequest,
  JoinRequestRequest,
  NominateChairRequest,
  ProposeChairRemovalRequest,
} from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { useLiveRoom } from '../../realtime/useLiveRoom';

export const workingGroupsKey = ['working-groups'] as const;
export const workingGroupKey = (id: string) => ['working-groups', id] as const;

/** Every group with composition, chairs and alarms (the list compares groups, so it is never paginated). */
export function useWorkingGroups() {
  return useQuery({
    queryKey: workingGroupsKey,
    queryFn: ({ signal }) => apiCall('GET /api/working-groups', { signal }),
  });
}

/** One group, followed live: membership, role, chair and ballot events in its room refetch it (and the list). */
export function useWorkingGroup(id: string | undefined) {
  useLiveRoom(id ? roomName.workingGroup(id) : null);
  return useQuery({
    queryKey: workingGroupKey(id ?? ''),
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
    staleTime: 0,
  });
}

/** After any act in a group, its page, the list (composition and alarms) and who-chaired-what are read again. */
export function useRefreshGroup(id: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: workingGroupsKey }), qc.invalidateQueries({ queryKey: ['chair-terms'] })]);
    await qc.invalidateQueries({ queryKey: workingGroupKey(id) });
  };
}

export function useCreateWorkingGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'POST /api/working-groups'>) => apiCall('POST /api/working-groups', { body }),
    onSuccess: async (g) => {
      qc.setQueryData(workingGroupKey(g.id), g);
      await qc.invalidateQueries({ queryKey: workingGroupsKey });
    },
  });
}

export function useJoinWorkingGroup(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: (body: JoinRequestRequest) => apiCall('POST /api/working-groups/:id/join-requests', { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useDecideJoinRequest(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ requestId, ...body }: JoinDecisionRequest & { requestId: string }) =>
      apiCall('POST /api/working-groups/:id/join-requests/:requestId/decision', { params: { id, requestId }, body }),
    onSuccess: refresh,
  });
}

export function useLeaveWorkingGroup(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: (body: { reason?: string }) => apiCall('POST /api/working-groups/:id/leave', { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useChangeRole(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ personId, ...body }: ChangeRoleRequest & { personId: string }) =>
      apiCall('POST /api/working-groups/:id/members/:personId/role', { params: { id, personId }, body }),
    onSuccess: refresh,
  });
}

export function useRemoveMember(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ personId, reason }: { personId: string; reason: string }) =>
      apiCall('POST /api/working-groups/:id/members/:personId/removal', { params: { id, personId }, body: { reason } }),
    onSuccess: refresh,
  });
}

export function useNominateChair(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: (body: NominateChairRequest) => apiCall('POST /api/working-groups/:id/chair-nominations', { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useAnswerNomination(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ nominationId, answer, ...body }: { nominationId: string; answer: 'acceptance' | 'declination'; note?: string } & AcceptNominationRequest) =>
      answer === 'acceptance'
        ? apiCall('POST /api/chair-nominations/:id/acceptance', { params: { id: nominationId }, body })
        : apiCall('POST /api/chair-nominations/:id/declination', { params: { id: nominationId }, body }),
    onSuccess: refresh,
  });
}

export function useResignChair(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ termId, note }: { termId: string; note?: string }) =>
      apiCall('POST /api/chair-terms/:id/resignation', { params: { id: termId }, body: note ? { note } : {} }),
    onSuccess: refresh,
  });
}

/** A voting member moves a chair's removal: a chair-removal ballot opens at once. */
export function useProposeChairRemoval(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ termId, ...body }: ProposeChairRemovalRequest & { termId: string }) =>
      apiCall('POST /api/chair-terms/:id/removal-motions', { params: { id: termId }, body }),
    onSuccess: refresh,
  });
}

/** A person withdraws their own pending join request. */
export function useWithdrawJoinRequest(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ requestId, note }: { requestId: string; note?: string }) =>
      apiCall('POST /api/working-groups/:id/join-requests/:requestId/withdrawal', { params: { id, requestId }, body: note ? { note } : {} }),
    onSuccess: refresh,
  });
}

/** The nominee or their nominator withdraws a nomination not answered yet. */
export function useWithdrawNomination(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ nominationId, note }: { nominationId: string; note?: string }) =>
      apiCall('POST /api/chair-nominations/:id/withdrawal', { params: { id: nominationId }, body: note ? { note } : {} }),
    onSuccess: refresh,
  });
}
