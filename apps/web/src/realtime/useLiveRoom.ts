import type { JoinRoomRefused, LiveEvent, PresenceSnapshot, RoomName } from '@parley/contracts';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { LiveStatus } from './live-connection';
import { stalenessOf, stalenessOfRoom } from './live-invalidation';
import { useLiveContext } from './LiveProvider';

export interface LiveRoomOptions {
  /** Called with each new event of the room, in order (after the cache has been told). */
  onEvent?: (event: LiveEvent) => void;
}

export interface LiveRoom {
  status: LiveStatus;
  /** Who else is viewing (document and ballot rooms); null until the server has said. */
  presence: PresenceSnapshot | null;
}

/**
 * Follows a room while the component is mounted (null: none). The room's events make the queries
 * that mention its ids stale, so pages showing them refetch; after a reconnect the missed events
 * come first, and when the server cannot replay them the room's queries are refetched whole.
 */
export function useLiveRoom(room: RoomName | null, options: LiveRoomOptions = {}): LiveRoom {
  const live = useLiveContext();
  const onEvent = useRef(options.onEvent);
  onEvent.current = options.onEvent;
  const presenceListeners = useRef(new Set<() => void>());

  useEffect(() => {
    if (!live || !room) return;
    return live.connection.follow(room, {
      event: (e) => {
        live.invalidator.add(stalenessOf(e));
        onEvent.current?.(e);
      },
      resync: (r) => live.invalidator.add(stalenessOfRoom(r)),
      presence: () => presenceListeners.current.forEach((l) => l()),
    });
  }, [live, room]);

  const presence = useSyncExternalStore(
    (notify) => {
      presenceListeners.current.add(notify);
      return () => presenceListeners.current.delete(notify);
    },
    () => (live && room ? live.connection.presenceOf(room) : null),
  );
  return { status: useLiveStatus(), presence };
}

/** The connection's state, for the "reconnecting" indicator and for pages that poll when not live. */
export function useLiveStatus(): LiveStatus {
  const live = useLiveContext();
  return useSyncExternalStore(
    (notify) => (live ? live.connection.onStatus(notify) : () => undefined),
    () => live?.connection.status ?? 'idle',
  );
}

/** Why a room this page follows was refused (a refusal code), or null while every join succeeds. */
export function useLiveRefusal(): JoinRoomRefused | null {
  const live = useLiveContext();
  return useSyncExternalStore(
    (notify) => (live ? live.connection.onRefusal(notify) : () => undefined),
    () => live?.connection.refusal ?? null,
  );
}
