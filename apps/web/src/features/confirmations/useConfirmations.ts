import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AffiliationDecisionRequest, AppointFocalPointRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { ME_KEY } from '../auth/useSession';

const KEY = ['confirmations'] as const;

/** The affiliations awaiting the viewer's word (a focal point: their organisations'; a steward: all, or one organisation's). */
export function useAffiliationRequests(enabled: boolean, organisationId?: string) {
  return useQuery({
    queryKey: [...KEY, 'requests', organisationId ?? 'mine'],
    queryFn: ({ signal }) => apiCall('GET /api/affiliation-requests', { query: organisationId ? { organisation: organisationId } : undefined, signal }),
    enabled,
  });
}

/** The organisations the signed-in person answers for as a focal point. */
export function useMyFocalPoints(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => apiCall('GET /api/me/focal-points', { signal }),
    enabled,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'one', id],
    queryFn: ({ signal }) => apiCall('GET /api/organisations/:id', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
  });
}

/** An organisation's focal points and confirmed delegates, with what the viewer may do. */
export function useRoster(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'roster', id],
    queryFn: ({ signal }) => apiCall('GET /api/organisations/:id/roster', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: ['people'] }), qc.invalidateQueries({ queryKey: ME_KEY })]);
}

export function useDecideAffiliation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ affiliationId, ...body }: AffiliationDecisionRequest & { affiliationId: string }) =>
      apiCall('POST /api/affiliations/:id/decision', { params: { id: affiliationId }, body }),
    onSuccess: refresh,
  });
}

export function useAppointFocalPoint(organisationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AppointFocalPointRequest) => apiCall('POST /api/organisations/:id/focal-points', { params: { id: organisationId }, body }),
    onSuccess: refresh,
  });
}
