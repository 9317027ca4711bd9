import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  JoinRoomRefused,
  JoinRoomResult,
  LiveEvent,
  NotificationPush,
  PresenceSnapshot,
  ResyncNotice,
  RoomName,
  ServerToClientEvents,
} from '@parley/contracts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `idle`: no room followed yet (no connection opened); `connecting`: the first connection;
 * `live`: connected, rooms joined; `reconnecting`: the connection was lost and is being retried.
 */
export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

export interface RoomListener {
  /** A new event of the room, in order, each once. */
  event?(event: LiveEvent): void;
  /** What the page holds may be stale (joined without a last sequence, or too far behind): reload the room's data. */
  resync?(room: RoomName): void;
  presence?(presence: PresenceSnapshot): void;
}

/** What the server sends to the signed-in person's own sockets (no room to join): their notifications. */
export interface PersonalListener {
  notification?(push: NotificationPush): void;
  unread?(unread: number): void;
  /** Connected again after a loss: what was pushed meanwhile was missed, reload. */
  reconnected?(): void;
}

interface FollowedRoom {
  listeners: Set<RoomListener>;
  /** The last sequence of the room's chain seen in this room; null before the first join. */
  last: number | null;
  presence: PresenceSnapshot | null;
  /** Why the server refused the last join (a refusal code): the room is not live until a join succeeds. */
  refused: JoinRoomRefused | null;
}

/**
 * One socket.io connection for the whole page, and the rooms its components follow. Each room
 * remembers the last sequence it has seen; after a reconnect it joins again with it, and the server
 * sends what was missed before anything new. Events at or below that sequence are dropped, so a
 * listener sees each event once, in order. Framework-free; `LiveProvider` ties it to React.
 */
export class LiveConnection {
  private socket: LiveSocket | null = null;
  private readonly rooms = new Map<RoomName, FollowedRoom>();
  private readonly statusListeners = new Set<(s: LiveStatus) => void>();
  private readonly refusalListeners = new Set<() => void>();
  private readonly personalListeners = new Set<PersonalListener>();
  private current: LiveStatus = 'idle';
  private everConnected = false;

  constructor(private readonly createSocket: () => LiveSocket) {}

  get status(): LiveStatus {
    return this.current;
  }

  onStatus(listener: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The refusal of a followed room's join, the first if several: the page is not live there, and can say why. */
  get refusal(): JoinRoomRefused | null {
    for (const f of this.rooms.values()) if (f.refused) return f.refused;
    return null;
  }

  onRefusal(listener: () => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  presenceOf(room: RoomName): PresenceSnapshot | null {
    return this.rooms.get(room)?.presence ?? null;
  }

  lastSequence(room: RoomName): number | null {
    return this.rooms.get(room)?.last ?? null;
  }

  /** Follows a room for as long as the returned function is not called (several followers share one join). */
  follow(room: RoomName, listener: RoomListener): () => void {
    let followed = this.rooms.get(room);
    if (!followed) {
      followed = { listeners: new Set(), last: null, presence: null, refused: null };
      this.rooms.set(room, followed);
      if (this.socket?.connected) this.join(room);
    }
    followed.listeners.add(listener);
    this.ensureSocket();
    return () => {
      const f = this.rooms.get(room);
      if (!f) return;
      f.listeners.delete(listener);
      if (f.listeners.size > 0) return;
      this.rooms.delete(room);
      if (f.refused) this.refusalsChanged();
      if (this.socket?.connected) this.socket.emit('room:leave', { room });
    };
  }

  /** Listens to the person's own channel (opens the connection if no room did): for as long as the returned function is not called. */
  personal(listener: PersonalListener): () => void {
    this.personalListeners.add(listener);
    this.ensureSocket();
    return () => this.personalListeners.delete(listener);
  }

  /** The person signed in changed: connect again under the new session; rooms rejoin where they were. */
  restart(): void {
    if (!this.socket) return;
    this.socket.disconnect();
    this.socket.connect();
  }

  close(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.rooms.clear();
    this.refusalsChanged();
    this.setStatus('idle');
  }

  private ensureSocket(): void {
    if (this.socket) return;
    const socket = this.createSocket();
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('connect', () => {
      if (this.everConnected) for (const l of [...this.personalListeners]) l.reconnected?.();
      this.everConnected = true;
      this.setStatus('live');
      for (const room of this.rooms.keys()) this.join(room);
    });
    socket.on('disconnect', () => this.setStatus(this.everConnected ? 'reconnecting' : 'connecting'));
    socket.on('connect_error', () => this.setStatus(this.everConnected ? 'reconnecting' : 'connecting'));
    socket.on('live:event', (e) => this.receive(e));
    socket.on('notification:new', (push) => {
      for (const l of [...this.personalListeners]) l.notification?.(push);
    });
    socket.on('notification:unread', (push) => {
      for (const l of [...this.personalListeners]) l.unread?.(push.unread);
    });
    socket.on('presence', (p) => {
      const f = this.rooms.get(p.room);
      if (!f) return;
      f.presence = p;
      for (const l of [...f.listeners]) l.presence?.(p);
    });
    socket.on('room:resync', (n: ResyncNotice) => {
      const f = this.rooms.get(n.room);
      if (!f) return;
      f.last = Math.max(f.last ?? 0, n.sequence);
      for (const l of [...f.listeners]) l.resync?.(n.room);
    });
    socket.connect();
  }

  private join(room: RoomName): void {
    const socket = this.socket;
    const followed = this.rooms.get(room);
    if (!socket || !followed) return;
    socket.emit('room:join', { room, after: followed.last }, (result: JoinRoomResult) => {
      const f = this.rooms.get(room);
      if (!f || f !== followed) return;
      const refused = result.ok ? null : result;
      if (f.refused !== refused) {
        f.refused = refused;
        this.refusalsChanged();
      }
      if (!result.ok) return;
      f.last = Math.max(f.last ?? 0, result.sequence);
      if (result.resync) for (const l of [...f.listeners]) l.resync?.(room);
    });
  }

  private receive(e: LiveEvent): void {
    const f = this.rooms.get(e.room);
    if (!f) return;
    if (f.last !== null && e.sequence <= f.last) return;
    f.last = e.sequence;
    for (const l of [...f.listeners]) l.event?.(e);
  }

  private refusalsChanged(): void {
    for (const l of [...this.refusalListeners]) l();
  }

  private setStatus(s: LiveStatus): void {
    if (s === this.current) return;
    this.current = s;
    for (const l of [...this.statusListeners]) l(s);
  }
}
