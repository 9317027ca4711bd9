import type { Server, Socket } from 'socket.io';
import type { AuditEvent } from '@parley/domain';
import type { ClientToServerEvents, PresentPerson, RoomName, ServerToClientEvents } from '@parley/contracts';
import type { LiveViewer } from './socket-auth';

/** Between API instances, through the adapter: events committed on one, for the others to show. */
export interface InterServerEvents {
  'audit:committed': (events: AuditEvent[]) => void;
  /** Asked of every other instance: its own viewers of a presence room. */
  'presence:part': (room: RoomName, answer: (part: PresencePart) => void) => void;
}

/** One instance's viewers of a room, as it tells the others. */
export interface PresencePart {
  people: PresentPerson[];
  anonymous: number;
}

/** Travels with the socket to other instances (presence lookups): nothing secret here. */
export interface LiveSocketData {
  viewer: LiveViewer | null;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
