import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowTarget } from '@parley/domain';
import type { ApiBody } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';

// Everything personal is keyed under ['me', 'notifications' | 'notification-preferences' | 'follows'],
// so a push or a write makes exactly these stale.
export const NOTIFICATIONS_KEY = ['me', 'notifications'] as const;
export const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const;
export const PREFERENCES_KEY = ['me', 'notification-preferences'] as const;
const FOLLOWS_KEY = ['me', 'follows'] as const;

const PAGE = 30;

/** The person's notifications, newest first, a page at a time (`unreadOnly`: the unread ones). */
export function useNotificationList(unreadOnly: boolean, limit = PAGE, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', { unreadOnly, limit }],
    queryFn: ({ pageParam, signal }) =>
      apiCall('GET /api/me/notifications', { query: { limit, cursor: pageParam || undefined, unread: unreadOnly ? 'true' : undefined }, signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => apiCall('GET /api/me/notifications/unread-count', { signal }),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('POST /api/me/notifications/:id/read', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** Marks read what the reader has seen: everything up to the newest item shown (one arriving meanwhile stays unread). */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string | undefined) => apiCall('POST /api/me/notifications/read-all', { body: upTo ? { upTo } : {} }),
    onSuccess: (r) => {
      qc.setQueryData(UNREAD_KEY, { unread: r.unread });
      return qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
}

export function useNotificationPreferences(enabled = true) {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) => apiCall('GET /api/me/notification-preferences', { signal }),
    enabled,
  });
}

export function useUpdatePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'PUT /api/me/notification-preferences'>) => apiCall('PUT /api/me/notification-preferences', { body }),
    onSuccess: (prefs) => qc.setQueryData(PREFERENCES_KEY, prefs),
  });
}

export function useSendVerification() {
  return useMutation({ mutationFn: () => apiCall('POST /api/me/email-verification') });
}

export function useFollows(enabled: boolean) {
  return useQuery({
    queryKey: FOLLOWS_KEY,
    queryFn: ({ signal }) => apiCall('GET /api/me/follows', { signal }),
    enabled,
  });
}

export function useSetFollow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id, follow }: { type: FollowTarget; id: string; follow: boolean }) =>
      follow ? apiCall('PUT /api/me/follows/:type/:id', { params: { type, id } }) : apiCall('DELETE /api/me/follows/:type/:id', { params: { type, id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: FOLLOWS_KEY }),
  });
}

/** Members of the group a comment may mention, matching what follows the `@`. */
export function useMentionCandidates(groupId: string | null, q: string | null) {
  return useQuery({
    queryKey: ['working-groups', groupId ?? '', 'mention-candidates', q ?? ''],
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/mention-candidates', { params: { id: groupId ?? '' }, query: { q: q ?? '' }, signal }),
    enabled: !!groupId && q !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
