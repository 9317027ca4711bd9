import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddAffiliationRequest, AddDeclarationRequest, AffiliationResponse, DeclarationResponse, UpdateAffiliationRequest } from '@parley/contracts';
import { api } from '../../api/client';
import { ME_KEY } from '../auth/useSession';

/** After any change to my affiliations or declarations, my snapshot and public profile are stale. */
function useRefreshMe() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ME_KEY }), qc.invalidateQueries({ queryKey: ['people'] })]);
}

export function useAddAffiliation() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (body: AddAffiliationRequest) => api.post<AffiliationResponse>('/api/me/affiliations', body),
    onSuccess: refresh,
  });
}

export function useUpdateAffiliation() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAffiliationRequest & { id: string }) =>
      api.patch<AffiliationResponse>(`/api/me/affiliations/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useAddDeclaration() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (body: AddDeclarationRequest) => api.post<DeclarationResponse>('/api/me/declarations', body),
    onSuccess: refresh,
  });
}
