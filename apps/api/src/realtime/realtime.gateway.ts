import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  JOIN_BURST,
  JOINS_PER_SECOND,
  MAX_ROOMS_PER_CONNECTION,
  parseRoom,
  refusal,
  type JoinRoomResult,
  type ParsedRoom,
  type PresenceSnapshot,
  type Refusal,
  type RoomName,
} from '@parley/contracts';
import { SessionSockets } from '../identity/sessions/session-sockets';
import { PersonChannel } from '../notifications/person-channel';
import { joinRefused } from './join-refused';
import { LivePublisher } from './live-publisher';
import type { LiveServer, LiveSocket } from './live-socket';
import { PresenceService } from './presence.service';
import { RoomDirectory } from './room-directory';
import { joinVerdict, showsPresence } from './room.policy';
import { credentialsOf, scrubCredentials, SocketAuthenticator, type SocketCredentials } from './socket-auth';

/** How often presence is recounted, for the leaves nobody announced (an instance gone). */
export const PRESENCE_REFRESH_MS = 5_000;

export interface Connection {
  credentials: SocketCredentials | null;
  /** The session it authenticated with: ending it disconnects the socket (SessionSockets). */
  sessionId: string | null;
  /** Rooms joined or being joined, with the chain each shows. */
  rooms: Map<RoomName, string>;
  /** Join requests left in the bucket, and when it was last filled. */
  joinTokens: number;
  filledAt: number;
}

/** A token bucket: each join takes one; they come back at JOINS_PER_SECOND up to JOIN_BURST. */
export function takeJoinToken(conn: Pick<Connection, 'joinTokens' | 'filledAt'>, now: number): boolean {
  conn.joinTokens = Math.min(JOIN_BURST, conn.joinTokens + ((now - conn.filledAt) / 1000) * JOINS_PER_SECOND);
  conn.filledAt = now;
  if (conn.joinTokens < 1) return false;
  conn.joinTokens -= 1;
  return true;
}

const noop = () => undefined;

/**
 * The socket.io endpoint (`/socket.io`). A connection authenticates with the HTTP session (cookie or
 * `auth.token`) or comes in anonymously; either may follow any room whose data is public, which today
 * is all of them (see room.policy.ts for what each room shows). Messages are the typed maps in
 * libs/contracts/src/realtime.ts.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() server: LiveServer;
  private readonly log = new Logger('Realtime');
  private readonly connections = new WeakMap<LiveSocket, Connection>();
  private refreshTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: SocketAuthenticator,
    private readonly directory: RoomDirectory,
    private readonly publisher: LivePublisher,
    private readonly presence: PresenceService,
    private readonly personChannel: PersonChannel,
    private readonly sessionSockets: SessionSockets,
  ) {}

  afterInit(server: LiveServer): void {
    this.publisher.attach(server);
    this.presence.attach(server);
    this.personChannel.attach(server);
    this.sessionSockets.attach(server);
    server.use((socket, next) => {
      const credentials = credentialsOf(socket.handshake);
      scrubCredentials(socket.handshake);
      this.auth.authenticate(credentials).then(
        (found) => {
          socket.data.viewer = found?.viewer ?? null;
          this.connections.set(socket, { credentials, sessionId: found?.sessionId ?? null, rooms: new Map(), joinTokens: JOIN_BURST, filledAt: Date.now() });
          next();
        },
        (e: Error) => next(e),
      );
    });
    this.refreshTimer = setInterval(() => void this.presence.refresh(), PRESENCE_REFRESH_MS);
    this.refreshTimer.unref();
  }

  /**
   * Shutting down (a deploy, a scale-in): this instance's viewers leave now, and the other instances
   * are told at once rather than at their next recount. Their clients reconnect to another instance.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    const server = this.server;
    if (server) {
      const rooms = [...server.of('/').adapter.rooms.keys()].map((r) => parseRoom(r)).filter((r): r is ParsedRoom => r !== null && showsPresence(r));
      // The connections are closed, not the sockets disconnected: a client told "io server disconnect"
      // does not reconnect by itself, and a browser's page would stay without live updates (decision 0058).
      for (const socket of server.of('/').sockets.values()) socket.conn.close();
      await this.presence.announceNow(
        rooms.map((r) => r.name),
        1_000,
      );
    }
    this.presence.close();
  }

  handleConnection(socket: LiveSocket): void {
    const conn = this.connections.get(socket);
    if (!conn) return void socket.disconnect(true);
    this.personChannel.enter(socket);
    if (conn.sessionId) this.sessionSockets.enter(socket, conn.sessionId);
    socket.on('room:join', (request, ack) => void this.join(socket, conn, request, typeof ack === 'function' ? ack : noop));
    socket.on(
      'room:leave',
      (request, ack) => void this.leave(socket, conn, request?.room).then(() => (typeof ack === 'function' ? ack({ ok: true }) : undefined)),
    );
    socket.on('presence:get', (request, ack) => void this.presenceOf(conn, request?.room).then(typeof ack === 'function' ? ack : noop));
    socket.on('disconnect', () => {
      this.publisher.fanout.forget(socket.id);
      for (const room of conn.rooms.keys()) this.presence.changed(room);
      conn.rooms.clear();
    });
  }

  private async join(socket: LiveSocket, conn: Connection, request: unknown, ack: (r: JoinRoomResult) => void): Promise<void> {
    const { room: name, after } = (request ?? {}) as { room?: unknown; after?: unknown };
    const room = parseRoom(name);
    const refuse = (r: Refusal) => ack(joinRefused(String(name).slice(0, 60), r));
    if (!takeJoinToken(conn, Date.now())) return refuse(refusal('joins-too-fast', { perSecond: JOINS_PER_SECOND }));
    if (!room) return refuse(refusal('not-a-room'));
    if (!(after === undefined || after === null || (Number.isSafeInteger(after) && (after as number) >= 0))) return refuse(refusal('not-a-sequence'));
    if (!conn.rooms.has(room.name) && conn.rooms.size >= MAX_ROOMS_PER_CONNECTION) return refuse(refusal('too-many-rooms', { maximum: MAX_ROOMS_PER_CONNECTION }));
    try {
      const facts = await this.directory.facts(room);
      const verdict = joinVerdict(room, facts);
      if (verdict !== true || !facts) return refuse(verdict === true ? refusal('live-unavailable') : verdict);
      await this.recheckSession(socket, conn);
      if (!socket.connected) return;
      conn.rooms.set(room.name, facts.scope);
      const result = await this.publisher.join(socket, room.name, facts.scope, (after as number | null | undefined) ?? null);
      if (!result.ok) conn.rooms.delete(room.name);
      else if (showsPresence(room)) this.presence.changed(room.name);
      ack(result);
    } catch (e) {
      this.log.warn(`joining ${room.name}: ${(e as Error).message}`);
      conn.rooms.delete(room.name);
      refuse(refusal('live-unavailable'));
    }
  }

  private async leave(socket: LiveSocket, conn: Connection, name: unknown): Promise<void> {
    const room = parseRoom(name);
    const scope = room ? conn.rooms.get(room.name) : undefined;
    if (!room || scope === undefined) return;
    conn.rooms.delete(room.name);
    await this.publisher.fanout.leave(socket, room.name, scope);
    this.presence.changed(room.name);
  }

  private async presenceOf(conn: Connection, name: unknown): Promise<PresenceSnapshot | null> {
    const room: ParsedRoom | null = parseRoom(name);
    if (!room || !showsPresence(room) || !conn.rooms.has(room.name)) return null;
    return this.presence.snapshot(room.name).catch(() => null);
  }

  /** A session signed out or expired since the handshake no longer shows its person in presence. */
  private async recheckSession(socket: LiveSocket, conn: Connection): Promise<void> {
    if (!conn.credentials || !socket.data.viewer) return;
    const found = await this.auth.viewerFor(conn.credentials.token);
    if (!found) {
      conn.credentials = null;
      socket.data.viewer = null;
    } else socket.data.viewer = found.viewer;
  }
}
