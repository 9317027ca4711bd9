import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiCall } from '../../api/typed-client';

const OUTBOX_KEY = ['mail', 'outbox'] as const;

/** The mails Parley would have sent (no SMTP server configured), newest first, a page at a time. */
export function useOutbox(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...OUTBOX_KEY, 'list'],
    queryFn: ({ pageParam, signal }) => apiCall('GET /api/mail/outbox', { query: { limit: 30, cursor: pageParam || undefined }, signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: [...OUTBOX_KEY, 'message', id ?? ''],
    queryFn: ({ signal }) => apiCall('GET /api/mail/outbox/:id', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
  });
}
