import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AffiliationDecisionRequest,
  AffiliationRequestResponse,
  AffiliationResponse,
  AppointFocalPointRequest,
  FocalPointResponse,
  MyFocalPointsResponse,
  OrganisationResponse,
  OrganisationRosterResponse,
} from '@parley/contracts';
import { api } from '../../api/client';
import { ME_KEY } from '../auth/useSession';

const KEY = ['confirmations'] as const;

/** The affiliations awaiting the viewer's word (a focal point: their organisations'; a steward: all, or one organisation's). */
export function useAffiliationRequests(enabled: boolean, organisationId?: string) {
  return useQuery({
    queryKey: [...KEY, 'requests', organisationId ?? 'mine'],
    queryFn: ({ signal }) => api.get<AffiliationRequestResponse[]>('/api/affiliation-requests', organisationId ? { organisation: organisationId } : undefined, signal),
    enabled,
  });
}

/** The organisations the signed-in person answers for as a focal point. */
export function useMyFocalPoints(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => api.get<MyFocalPointsResponse>('/api/me/focal-points', undefined, signal),
    enabled,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'one', id],
    queryFn: ({ signal }) => api.get<OrganisationResponse>(`/api/organisations/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

/** An organisation's focal points and confirmed delegates, with what the viewer may do. */
export function useRoster(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'roster', id],
    queryFn: ({ signal }) => api.get<OrganisationRosterResponse>(`/api/organisations/${encodeURIComponent(id ?? '')}/roster`, undefined, signal),
    enabled: !!id,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: ['people'] }), qc.invalidateQueries({ queryKey: ME_KEY })]);
}

export function useDecideAffiliation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ affiliationId, ...body }: AffiliationDecisionRequest & { affiliationId: string }) =>
      api.post<AffiliationResponse>(`/api/affiliations/${encodeURIComponent(affiliationId)}/decision`, body),
    onSuccess: refresh,
  });
}

export function useAppointFocalPoint(organisationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AppointFocalPointRequest) => api.post<FocalPointResponse>(`/api/organisations/${encodeURIComponent(organisationId)}/focal-points`, body),
    onSuccess: refresh,
  });
}
