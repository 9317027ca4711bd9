import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinRoomResult, LiveEvent, PresenceSnapshot, ResyncNotice, RoomName, ServerToClientEvents } from '@parley/contracts';

export type LiveClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveClientOptions {
  token?: string;
  cookie?: string;
  origin?: string;
}

/** A real socket.io client for tests: records every event and presence per room, and waits for conditions. */
export class LiveClient {
  readonly socket: LiveClientSocket;
  readonly events: LiveEvent[] = [];
  readonly presence = new Map<string, PresenceSnapshot>();
  readonly resyncs: ResyncNotice[] = [];

  private constructor(socket: LiveClientSocket) {
    this.socket = socket;
    socket.on('live:event', (e) => this.events.push(e));
    socket.on('presence', (p) => this.presence.set(p.room, p));
    socket.on('room:resync', (n) => this.resyncs.push(n));
  }

  static async connect(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveClient> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    const socket: LiveClientSocket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: options.token ? { token: options.token } : {},
      extraHeaders: headers,
      timeout: 5000,
    });
    const client = new LiveClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => {
        socket.close();
        reject(e);
      });
    });
    return client;
  }

  join(room: RoomName | string, after?: number | null): Promise<JoinRoomResult> {
    return this.socket.timeout(10_000).emitWithAck('room:join', { room: room as RoomName, after });
  }

  leave(room: RoomName): Promise<{ ok: boolean }> {
    return this.socket.timeout(10_000).emitWithAck('room:leave', { room });
  }

  in(room: string): LiveEvent[] {
    return this.events.filter((e) => e.room === room);
  }

  sequences(room: string): number[] {
    return this.in(room).map((e) => e.sequence);
  }

  async waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits until the room has shown `count` events (and a little longer, to catch extra ones). */
  async waitForCount(room: string, count: number, timeoutMs = 10_000): Promise<LiveEvent[]> {
    await this.waitFor(`${count} events in ${room} (have ${this.in(room).length})`, () => this.in(room).length >= count, timeoutMs);
    await new Promise((r) => setTimeout(r, 100));
    return this.in(room);
  }

  close(): void {
    this.socket.close();
  }
}

export const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
