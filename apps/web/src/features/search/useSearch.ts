import { useInfiniteQuery } from '@tanstack/react-query';
import type { SearchQuery } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';

/** The filters of the results page, as its address carries them (`/search?q=…&kind=…`). */
export const SEARCH_PARAMS = ['q', 'kind', 'group', 'document', 'organisation', 'stakeholderGroup', 'from', 'to', 'language'] as const;
export type SearchFilters = Partial<Record<(typeof SEARCH_PARAMS)[number], string>>;

/** The results, a page at a time ("More results" reads the next with its cursor). Nothing is asked without words. */
export function useSearch(filters: SearchFilters) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => !!v)) as Omit<SearchQuery, 'cursor'>;
  return useInfiniteQuery({
    queryKey: ['search', query],
    queryFn: ({ pageParam, signal }) => apiCall('GET /api/search', { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!query.q?.trim(),
  });
}
