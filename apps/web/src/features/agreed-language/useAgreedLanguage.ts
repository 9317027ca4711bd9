import { useInfiniteQuery } from '@tanstack/react-query';
import type { AgreedLanguageQuery } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';

/** The library's filters, as the page's address carries them (`/agreed-language?q=…&group=…`). */
export const AGREED_LANGUAGE_PARAMS = ['q', 'group', 'language', 'kind'] as const;
export type AgreedLanguageFilters = Partial<Record<(typeof AGREED_LANGUAGE_PARAMS)[number], string>>;

/** The library a page at a time, newest adoption first (or best match first with words). */
export function useAgreedLanguage(filters: AgreedLanguageFilters, enabled = true) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => !!v?.trim())) as Omit<AgreedLanguageQuery, 'cursor'>;
  return useInfiniteQuery({
    queryKey: ['agreed-language', query],
    queryFn: ({ pageParam, signal }) => apiCall('GET /api/agreed-language', { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
