import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditLogQuery } from '@parley/contracts';
import { withQuery } from '../../api/client';
import { apiCall } from '../../api/typed-client';

export interface AuditFilters {
  scope: string;
  actor?: string;
  organisation?: string;
  action?: string;
  from?: string;
  to?: string;
  order: AuditLogQuery['order'];
}

const PAGE = 50;
const clean = (f: AuditFilters) => Object.fromEntries(Object.entries(f).filter(([, v]) => !!v)) as Record<string, string>;

/** The audit log, filtered, a page at a time (keyset: each page asks for what follows the last one). */
export function useAuditLog(filters: AuditFilters, limit = PAGE) {
  const query = clean(filters);
  return useInfiniteQuery({
    queryKey: ['audit', query, limit],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiCall('GET /api/audit', { query: { ...query, limit, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvent(scope: string | undefined, sequence: string | undefined) {
  return useQuery({
    queryKey: ['audit', 'event', scope ?? '', sequence ?? ''],
    queryFn: ({ signal }) => apiCall('GET /api/audit/events/:scope/:sequence', { params: { scope: scope ?? '', sequence: sequence ?? '' }, signal }),
    enabled: !!scope && !!sequence,
  });
}

/** Each chain's head: which chains exist (the scope filter) and what an outsider pins. */
export function useAuditHeads() {
  return useQuery({ queryKey: ['audit', 'head'], queryFn: ({ signal }) => apiCall('GET /api/audit/head', { signal }) });
}

/** The JSON Lines export of one chain, or of every chain. */
export const auditExportUrl = (scope: string) => withQuery('/api/audit/export.jsonl', { scope: scope === 'all' ? undefined : scope });
