import type { CommentResponse } from '@parley/contracts';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The most pages of a clause's threads read to find a linked comment (each page is 20 threads). */
const MAX_PAGES = 10;

export interface LinkedComment {
  /** The comment the URL points at (`?comment=<id>`), or null. */
  id: string | null;
  /** What a comment's element carries: its anchor id, and the highlight when it is the linked one. */
  props: (commentId: string) => { id: string; 'data-linked'?: true; className?: string; tabIndex?: number };
}

interface ThreadPages {
  data?: { pages: { items: CommentResponse[] }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * A notification's link to a comment (`/documents/<id>?clause=<clause>&comment=<comment>`): reads
 * the clause's pages until the comment is there (a few at most), then scrolls to it, highlights it
 * and moves the focus to it, once.
 */
export function useLinkedComment(threads: ThreadPages): LinkedComment {
  const [params] = useSearchParams();
  const id = params.get('comment');
  const shown = useRef<string | null>(null);
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];
  const found = !!id && items.some((c) => c.id === id || c.replies.some((r) => r.id === id));
  const pages = threads.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = threads;
  useEffect(() => {
    if (!id || found || !threads.data || !hasNextPage || isFetchingNextPage || pages >= MAX_PAGES) return;
    void fetchNextPage();
  }, [id, found, threads.data, hasNextPage, isFetchingNextPage, pages, fetchNextPage]);
  useEffect(() => {
    if (!id || !found || shown.current === id) return;
    shown.current = id;
    // After the replies holding it have unfolded.
    requestAnimationFrame(() => {
      const el = document.getElementById(`comment-${id}`);
      el?.scrollIntoView?.({ block: 'center' });
      el?.focus({ preventScroll: true });
    });
  }, [id, found]);
  return {
    id,
    props: (commentId) =>
      commentId === id ? { id: `comment-${commentId}`, 'data-linked': true, className: 'comment-highlight', tabIndex: -1 } : { id: `comment-${commentId}` },
  };
}
