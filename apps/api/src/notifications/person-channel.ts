import { Injectable } from '@nestjs/common';
import type { NotificationPush } from '@parley/contracts';
import type { LiveServer, LiveSocket } from '../realtime/live-socket';

/**
 * Each signed-in person's private socket.io room, `person:<id>`: every socket of theirs joins it on
 * connect (RealtimeGateway), none can ask for it (`room:join` knows no such room). Emitting to it goes
 * through the adapter, so a tab connected to another API instance hears it too.
 */
export const personRoom = (personId: string) => `person:${personId}`;

@Injectable()
export class PersonChannel {
  private server: LiveServer | null = null;

  attach(server: LiveServer): void {
    this.server = server;
  }

  /** Called by the gateway for each new connection. */
  enter(socket: LiveSocket): void {
    const viewer = socket.data.viewer;
    if (viewer) void socket.join(personRoom(viewer.id));
  }

  pushNew(personId: string, push: NotificationPush): void {
    this.server?.to(personRoom(personId)).emit('notification:new', push);
  }

  /** The unread count after reading, to the person's other tabs (the one that read already knows). */
  pushUnread(personId: string, unread: number): void {
    this.server?.to(personRoom(personId)).emit('notification:unread', { unread });
  }
}
