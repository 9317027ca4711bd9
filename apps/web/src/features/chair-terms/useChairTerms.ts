import { useQuery } from '@tanstack/react-query';
import { withQuery } from '../../api/client';
import { apiCall } from '../../api/typed-client';
import type { Language } from '../../i18n';

export interface ChairTermFilters {
  person?: string;
  organisation?: string;
  group?: string;
  workingGroup?: string;
  from?: string;
  to?: string;
}

const clean = (f: ChairTermFilters) => Object.fromEntries(Object.entries(f).filter(([, v]) => !!v)) as ChairTermFilters;

/** Who chaired what, filtered (terms overlapping the date range). */
export function useChairTerms(filters: ChairTermFilters) {
  const query = clean(filters);
  return useQuery({
    queryKey: ['chair-terms', query],
    queryFn: ({ signal }) => apiCall('GET /api/chair-terms', { query: { ...query }, signal }),
  });
}

/** The same list as a CSV download. */
export const chairTermsCsvUrl = (filters: ChairTermFilters, lang: Language) => withQuery('/api/chair-terms.csv', { ...clean(filters), lang });

/** The terms a person held (their public profile). */
export function usePersonChairTerms(personId: string | undefined) {
  return useQuery({
    queryKey: ['chair-terms', 'person', personId ?? ''],
    queryFn: ({ signal }) => apiCall('GET /api/people/:id/chair-terms', { params: { id: personId ?? '' }, signal }),
    enabled: !!personId,
  });
}
