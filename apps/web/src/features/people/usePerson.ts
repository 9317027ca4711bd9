import { useQuery } from '@tanstack/react-query';
import type { PersonProfileResponse } from '@parley/contracts';
import { api } from '../../api/client';

export const personKey = (id: string) => ['people', id] as const;

/** A person's public profile: affiliations (current and past) and declarations. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: personKey(id ?? ''),
    queryFn: ({ signal }) => api.get<PersonProfileResponse>(`/api/people/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}
