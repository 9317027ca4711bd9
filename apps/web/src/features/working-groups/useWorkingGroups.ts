import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptNominationRequest,
  ChangeRoleRequest,
  ChairNominationResponse,
  ChairRemovalMotionResponse,
  CreateWorkingGroupRequest,
  JoinDecisionRequest,
  JoinRequestRequest,
  JoinRequestResponse,
  MemberResponse,
  NominateChairRequest,
  ProposeChairRemovalRequest,
  WorkingGroupListResponse,
  WorkingGroupResponse,
} from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { api } from '../../api/client';
import { useLiveRoom } from '../../realtime/useLiveRoom';

export const workingGroupsKey = ['working-groups'] as const;
export const workingGroupKey = (id: string) => ['working-groups', id] as const;

/** Every group with composition, chairs and alarms (the list compares groups, so it is never paginated). */
export function useWorkingGroups() {
  return useQuery({
    queryKey: workingGroupsKey,
    queryFn: ({ signal }) => api.get<WorkingGroupListResponse>('/api/working-groups', undefined, signal),
  });
}

/** One group, followed live: membership, role, chair and ballot events in its room refetch it (and the list). */
export function useWorkingGroup(id: string | undefined) {
  useLiveRoom(id ? roomName.workingGroup(id) : null);
  return useQuery({
    queryKey: workingGroupKey(id ?? ''),
    queryFn: ({ signal }) => api.get<WorkingGroupResponse>(`/api/working-groups/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

/** After any act in a group, its page, the list (composition and alarms) and who-chaired-what are read again. */
function useRefreshGroup(id: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: workingGroupsKey }), qc.invalidateQueries({ queryKey: ['chair-terms'] })]);
    await qc.invalidateQueries({ queryKey: workingGroupKey(id) });
  };
}

export function useCreateWorkingGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateWorkingGroupRequest>) => api.post<WorkingGroupResponse>('/api/working-groups', body),
    onSuccess: async (g) => {
      qc.setQueryData(workingGroupKey(g.id), g);
      await qc.invalidateQueries({ queryKey: workingGroupsKey });
    },
  });
}

export function useJoinWorkingGroup(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: (body: JoinRequestRequest) => api.post<JoinRequestResponse>(`/api/working-groups/${encodeURIComponent(id)}/join-requests`, body),
    onSuccess: refresh,
  });
}

export function useDecideJoinRequest(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ requestId, ...body }: JoinDecisionRequest & { requestId: string }) =>
      api.post<JoinRequestResponse>(`/api/working-groups/${encodeURIComponent(id)}/join-requests/${encodeURIComponent(requestId)}/decision`, body),
    onSuccess: refresh,
  });
}

export function useLeaveWorkingGroup(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: (body: { reason?: string }) => api.post<void>(`/api/working-groups/${encodeURIComponent(id)}/leave`, body),
    onSuccess: refresh,
  });
}

export function useChangeRole(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ personId, ...body }: ChangeRoleRequest & { personId: string }) =>
      api.post<MemberResponse>(`/api/working-groups/${encodeURIComponent(id)}/members/${encodeURIComponent(personId)}/role`, body),
    onSuccess: refresh,
  });
}

export function useRemoveMember(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ personId, reason }: { personId: string; reason: string }) =>
      api.post<MemberResponse>(`/api/working-groups/${encodeURIComponent(id)}/members/${encodeURIComponent(personId)}/removal`, { reason }),
    onSuccess: refresh,
  });
}

export function useNominateChair(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: (body: NominateChairRequest) => api.post<ChairNominationResponse>(`/api/working-groups/${encodeURIComponent(id)}/chair-nominations`, body),
    onSuccess: refresh,
  });
}

export function useAnswerNomination(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ nominationId, answer, ...body }: { nominationId: string; answer: 'acceptance' | 'declination'; note?: string } & AcceptNominationRequest) =>
      api.post<ChairNominationResponse>(`/api/chair-nominations/${encodeURIComponent(nominationId)}/${answer}`, body),
    onSuccess: refresh,
  });
}

export function useResignChair(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ termId, note }: { termId: string; note?: string }) => api.post(`/api/chair-terms/${encodeURIComponent(termId)}/resignation`, note ? { note } : {}),
    onSuccess: refresh,
  });
}

/** A voting member moves a chair's removal: a chair-removal ballot opens at once. */
export function useProposeChairRemoval(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ termId, ...body }: ProposeChairRemovalRequest & { termId: string }) =>
      api.post<ChairRemovalMotionResponse>(`/api/chair-terms/${encodeURIComponent(termId)}/removal-motions`, body),
    onSuccess: refresh,
  });
}

/** A person withdraws their own pending join request. */
export function useWithdrawJoinRequest(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ requestId, note }: { requestId: string; note?: string }) =>
      api.post<JoinRequestResponse>(`/api/working-groups/${encodeURIComponent(id)}/join-requests/${encodeURIComponent(requestId)}/withdrawal`, note ? { note } : {}),
    onSuccess: refresh,
  });
}

/** The nominee or their nominator withdraws a nomination not answered yet. */
export function useWithdrawNomination(id: string) {
  const refresh = useRefreshGroup(id);
  return useMutation({
    mutationFn: ({ nominationId, note }: { nominationId: string; note?: string }) =>
      api.post<ChairNominationResponse>(`/api/chair-nominations/${encodeURIComponent(nominationId)}/withdrawal`, note ? { note } : {}),
    onSuccess: refresh,
  });
}
