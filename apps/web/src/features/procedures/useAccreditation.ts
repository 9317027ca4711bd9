import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, RaiseObjectionRequest, WithdrawObjectionRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { workingGroupKey, workingGroupsKey } from '../working-groups/useWorkingGroups';

/** Keyed under the group: every event of the group's room (objections, decisions, rule changes) makes it stale. */
export const circulationsKey = (groupId: string) => ['working-groups', groupId, 'circulations'] as const;

/** The join requests circulated under non-objection in a group, with their signed objections (public). */
export function useCirculations(groupId: string) {
  return useQuery({
    queryKey: circulationsKey(groupId),
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/circulations', { params: { id: groupId }, signal }),
    staleTime: 0,
  });
}

function useRefresh(groupId: string) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: workingGroupKey(groupId) });
    await qc.invalidateQueries({ queryKey: workingGroupsKey });
  };
}

export function useRaiseObjection(groupId: string, requestId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: (body: RaiseObjectionRequest) => apiCall('POST /api/working-groups/:id/join-requests/:requestId/objections', { params: { id: groupId, requestId }, body }),
    onSuccess: refresh,
  });
}

export function useWithdrawObjection(groupId: string, requestId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: ({ objectionId, ...body }: WithdrawObjectionRequest & { objectionId: string }) =>
      apiCall('POST /api/working-groups/:id/join-requests/:requestId/objections/:objectionId/withdrawal', { params: { id: groupId, requestId, objectionId }, body }),
    onSuccess: refresh,
  });
}

export function useChangeProcedureRules(groupId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: (body: ApiBody<'PATCH /api/working-groups/:id/procedure-rules'>) => apiCall('PATCH /api/working-groups/:id/procedure-rules', { params: { id: groupId }, body }),
    onSuccess: refresh,
  });
}
