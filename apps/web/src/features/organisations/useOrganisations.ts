import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganisationRequest, OrganisationListQuery } from '@parley/contracts';
import type { OrganisationSubtype, StakeholderGroup } from '@parley/domain';
import { apiCall } from '../../api/typed-client';

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
    queryFn: ({ pageParam, signal }) => apiCall('GET /api/organisations', { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Name search for pickers: the first matches only. */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ['organisations', 'search', q],
    queryFn: ({ signal }) => apiCall('GET /api/organisations', { query: { q: q || undefined, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationRequest) => apiCall('POST /api/organisations', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useVerifyOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('POST /api/organisations/:id/verify', { params: { id } }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['organisations'] }),
        qc.invalidateQueries({ queryKey: ['people'] }),
        qc.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}
