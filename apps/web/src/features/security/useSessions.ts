import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { apiCall } from '../../api/typed-client';
import { ME_KEY } from '../auth/useSession';

const MY_SESSIONS = ['me', 'sessions'] as const;
const personSessions = (personId: string) => ['people', personId, 'sessions'] as const;

export function useMySessions() {
  return useQuery({ queryKey: MY_SESSIONS, queryFn: ({ signal }) => apiCall('GET /api/me/sessions', { signal }) });
}

/** Ends one of the person's sessions; ending the current one signs them out, as logging out does. */
export function useEndSession() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: ({ id }: { id: string; current: boolean }) => apiCall('DELETE /api/me/sessions/:id', { params: { id } }),
    onSuccess: async (_, { current }) => {
      if (current) {
        await navigate('/');
        qc.setQueryData(ME_KEY, null);
      } else await qc.invalidateQueries({ queryKey: MY_SESSIONS });
    },
  });
}

export function useEndOtherSessions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('POST /api/me/sessions/end-others'),
    onSuccess: () => qc.invalidateQueries({ queryKey: MY_SESSIONS }),
  });
}

/** A steward's view of a person's sessions, loaded only when asked for. */
export function usePersonSessions(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: personSessions(personId),
    queryFn: ({ signal }) => apiCall('GET /api/people/:id/sessions', { params: { id: personId }, signal }),
    enabled,
  });
}

export function useEndAllSessions(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => apiCall('POST /api/people/:id/sessions/end-all', { params: { id: personId }, body: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: personSessions(personId) }),
  });
}
