import { useQuery } from '@tanstack/react-query';
import { apiCall } from '../../api/typed-client';
import { useMe } from '../auth/useSession';

/** The front door in one request; keyed by who is signed in (the personal part differs), refreshed every minute while open. */
export function useHome() {
  const me = useMe();
  const who = me.data?.id ?? null;
  return useQuery({
    queryKey: ['home', who],
    queryFn: ({ signal }) => apiCall('GET /api/home', { signal }),
    enabled: !me.isPending,
    refetchInterval: 60_000,
  });
}
