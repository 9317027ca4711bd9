import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganisationRequest, OrganisationListQuery, OrganisationResponse, Page } from '@parley/contracts';
import type { OrganisationSubtype, StakeholderGroup } from '@parley/domain';
import { api } from '../../api/client';

export interface OrganisationFilters {
  q?: string;
  stakeholderGroup?: StakeholderGroup;
  subtype?: OrganisationSubtype;
  country?: string;
  verified?: OrganisationListQuery['verified'];
}

const PAGE_SIZE = 50;

/** The directory, filtered, a page at a time. */
export function useOrganisations(filters: OrganisationFilters) {
  return useInfiniteQuery({
    queryKey: ['organisations', 'list', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<OrganisationResponse>>('/api/organisations', { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Name search for pickers: the first matches only. */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ['organisations', 'search', q],
    queryFn: ({ signal }) => api.get<Page<OrganisationResponse>>('/api/organisations', { q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationRequest) => api.post<OrganisationResponse>('/api/organisations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useVerifyOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OrganisationResponse>(`/api/organisations/${encodeURIComponent(id)}/verify`),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['organisations'] }),
        qc.invalidateQueries({ queryKey: ['people'] }),
        qc.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}
