import { useQuery } from '@tanstack/react-query';
import { apiCall } from '../../api/typed-client';

export const personKey = (id: string) => ['people', id] as const;

/** A person's public profile: affiliations (current and past) and declarations. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: personKey(id ?? ''),
    queryFn: ({ signal }) => apiCall('GET /api/people/:id', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
  });
}
