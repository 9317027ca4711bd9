import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { useMe } from '../features/auth/useSession';
import { Invalidator } from './live-invalidation';
import { LiveConnection, type LiveSocket } from './live-connection';

interface LiveContextValue {
  connection: LiveConnection;
  invalidator: Invalidator;
}

const LiveContext = createContext<LiveContextValue | null>(null);

/** The page's one socket.io connection: same origin, the session cookie authenticates it; reconnects on its own with backoff. */
export function browserSocket(): LiveSocket {
  return io({
    path: '/socket.io',
    autoConnect: false,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    withCredentials: true,
  });
}

/**
 * Live updates for everything below: components follow rooms with `useLiveRoom`, and the events
 * they receive make the matching queries stale. The connection opens when the first room is followed,
 * and starts over when the person signed in changes (presence shows who is there).
 */
export function LiveProvider({ children, createSocket = browserSocket }: { children: ReactNode; createSocket?: () => LiveSocket }) {
  const queryClient = useQueryClient();
  const value = useMemo<LiveContextValue>(
    () => ({ connection: new LiveConnection(createSocket), invalidator: new Invalidator(queryClient) }),
    [queryClient, createSocket],
  );
  useEffect(
    () => () => {
      value.invalidator.dispose();
      value.connection.close();
    },
    [value],
  );
  const me = useMe();
  const personId = me.data?.id ?? null;
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (me.isPending) return;
    if (previous.current !== undefined && previous.current !== personId) value.connection.restart();
    previous.current = personId;
  }, [personId, me.isPending, value]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveContext(): LiveContextValue | null {
  return useContext(LiveContext);
}
