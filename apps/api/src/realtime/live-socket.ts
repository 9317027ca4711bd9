import type { Server, Socket } from 'socket.io';
import type { AuditEvent } from '@parley/domain';
import type { ClientToServerEvents, ServerToClientEvents } from '@parley/contracts';
import type { LiveViewer } from './socket-auth';

/** Between API instances, through the adapter: events committed on one, for the others to show. */
export interface InterServerEvents {
  'audit:committed': (events: AuditEvent[]) => void;
}

/** Travels with the socket to other instances (presence lookups): nothing secret here. */
export interface LiveSocketData {
  viewer: LiveViewer | null;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
