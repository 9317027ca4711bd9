import { Injectable } from '@nestjs/common';
import type { LiveServer, LiveSocket } from '../../realtime/live-socket';

/**
 * Each socket.io connection opened with a session sits in that session's room, `session:<id>`
 * (joined by the gateway on connect; no client can ask for it: `room:join` knows no such room).
 * Ending a session disconnects its sockets on every API instance, through the adapter: a socket
 * must not keep hearing its person's private notifications once the session is over (decision 0051).
 */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

@Injectable()
export class SessionSockets {
  private server: LiveServer | null = null;

  attach(server: LiveServer): void {
    this.server = server;
  }

  /** Called by the gateway for each connection authenticated by a session. */
  enter(socket: LiveSocket, sessionId: string): void {
    void socket.join(sessionRoom(sessionId));
  }

  /** After the ending has committed. */
  disconnect(sessionIds: readonly string[]): void {
    if (!this.server || sessionIds.length === 0) return;
    this.server.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  }
}
