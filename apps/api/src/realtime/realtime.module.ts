import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { LiveLogRepository } from './live-log.repository';
import { LivePublisher } from './live-publisher';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RoomDirectory } from './room-directory';
import { SocketAuthenticator } from './socket-auth';

/**
 * Live collaboration: committed audit events shown in socket.io rooms, replay of what a client
 * missed, presence. The socket.io server itself (and its adapter across instances) is set up in
 * app-factory through RealtimeIoAdapter. SessionRepository (and SessionSockets) are identity's, used as HTTP uses them.
 */
@Module({
  imports: [IdentityModule],
  providers: [RealtimeGateway, LivePublisher, PresenceService, RoomDirectory, LiveLogRepository, SocketAuthenticator],
  exports: [LivePublisher],
})
export class RealtimeModule {}
