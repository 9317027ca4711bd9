import type { ClauseResponse } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { apiCall } from '../../api/typed-client';

/** The most clauses read to find a linked comment whose link did not name its clause. */
const MAX_CLAUSES = 30;

/**
 * A link to a comment that names no clause (`/documents/<id>?comment=<id>`): finds the clause it is
 * on by reading the first page of threads of the clauses that have comments, one at a time, at most
 * a few dozen, and stops at the first that holds it. Null while looking, or when not found.
 */
export function useCommentClause(
  documentId: string | undefined,
  version: number | undefined,
  clauses: readonly ClauseResponse[] | undefined,
  commentId: string | null,
  enabled: boolean,
) {
  const [found, setFound] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled || !documentId || !version || !clauses || !commentId) return;
    const controller = new AbortController();
    const candidates = clauses.filter((c) => c.counts.comments + c.counts.earlierComments > 0).slice(0, MAX_CLAUSES);
    void (async () => {
      for (const clause of candidates) {
        const page = await apiCall('GET /api/documents/:id/comments', {
          params: { id: documentId },
          query: { clauseId: clause.id, version, limit: 200 },
          signal: controller.signal,
        }).catch(() => null);
        if (controller.signal.aborted) return;
        if (page?.items.some((c) => c.id === commentId || c.replies.some((r) => r.id === commentId))) {
          setFound(clause.id);
          return;
        }
      }
    })();
    return () => controller.abort();
  }, [documentId, version, clauses, commentId, enabled]);
  return found;
}
