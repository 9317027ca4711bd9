import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GiveProxyRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';

/** A group's proxies (decision record 0040). Keyed under the group, so the group room's live events (proxy.*, membership.*) refetch it. */
export const proxiesKey = (groupId: string) => ['working-groups', groupId, 'proxies'] as const;

export function useGroupProxies(groupId: string) {
  return useQuery({
    queryKey: proxiesKey(groupId),
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/proxies', { params: { id: groupId }, signal }),
  });
}

export function useGiveProxy(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GiveProxyRequest) => apiCall('POST /api/working-groups/:id/proxies', { params: { id: groupId }, body }),
    onSettled: () => qc.invalidateQueries({ queryKey: proxiesKey(groupId) }),
  });
}

export function useRevokeProxy(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (proxyId: string) => apiCall('POST /api/proxies/:id/revoke', { params: { id: proxyId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: proxiesKey(groupId) }),
  });
}
