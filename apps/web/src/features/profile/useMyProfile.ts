import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddAffiliationRequest, AddDeclarationRequest, UpdateAffiliationRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { ME_KEY } from '../auth/useSession';

/** After any change to my affiliations or declarations, my snapshot and public profile are stale. */
function useRefreshMe() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ME_KEY }), qc.invalidateQueries({ queryKey: ['people'] })]);
}

export function useAddAffiliation() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (body: AddAffiliationRequest) => apiCall('POST /api/me/affiliations', { body }),
    onSuccess: refresh,
  });
}

export function useUpdateAffiliation() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAffiliationRequest & { id: string }) => apiCall('PATCH /api/me/affiliations/:id', { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useAddDeclaration() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (body: AddDeclarationRequest) => apiCall('POST /api/me/declarations', { body }),
    onSuccess: refresh,
  });
}
