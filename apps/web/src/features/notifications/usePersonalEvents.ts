import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLiveContext } from '../../realtime/LiveProvider';
import { NOTIFICATIONS_KEY, UNREAD_KEY } from './useNotifications';

/**
 * While signed in: the person's own channel keeps the unread count and the lists fresh. A new
 * notification sets the count it carries and makes the lists stale; a count read elsewhere (another
 * tab) sets it; after a reconnect everything is read again, since pushes may have been missed.
 */
export function usePersonalEvents(signedIn: boolean) {
  const live = useLiveContext();
  const qc = useQueryClient();
  useEffect(() => {
    if (!live || !signedIn) return;
    const stale = () => void qc.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'list'] });
    return live.connection.personal({
      notification: (push) => {
        qc.setQueryData(UNREAD_KEY, { unread: push.unread });
        stale();
      },
      unread: (unread) => {
        qc.setQueryData(UNREAD_KEY, { unread });
        stale();
      },
      reconnected: () => void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    });
  }, [live, signedIn, qc]);
}
