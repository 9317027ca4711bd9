import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { AuditEvent } from '@parley/domain';
import type { JoinRoomResult, LiveEvent, ResyncNotice, RoomName } from '@parley/contracts';
import { AuditDisclosure } from '../audit/audit-disclosure';
import { AuditEventBus } from '../audit/audit-event-bus';
import { AuditRepository } from '../audit/audit.repository';
import { AppMetrics } from '../platform/metrics/app-metrics';
import { ChainFanout, type FanoutPort } from './chain-fanout';
import { LiveLogRepository } from './live-log.repository';
import type { LiveServer, LiveSocket } from './live-socket';
import { RoomDirectory } from './room-directory';
import { ballotIdOf, isVote, liveView } from './room.policy';

/** How often each followed chain is compared with its head (publications lost with nothing after them). */
export const CATCH_UP_INTERVAL_MS = 10_000;
/**
 * How long the count of other instances is trusted. An instance that has just started is missed for at most
 * this long; what it missed it reads from the audit table with the next event, or at the next catch-up.
 */
const PEER_COUNT_TTL_MS = 1_000;

/**
 * From committed audit events to rooms. Events committed on this instance come from the
 * AuditEventBus (after commit: a rolled-back transaction never reaches it) and are passed on to the
 * other instances through the adapter; events committed elsewhere arrive from there. Both go into
 * the same ChainFanout, which shows them in order, once each, reading from the audit table whatever
 * went missing on the way.
 */
@Injectable()
export class LivePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Realtime');
  private server: LiveServer | null = null;
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  readonly fanout: ChainFanout<LiveSocket>;
  @Optional() @Inject(AppMetrics) private readonly metrics?: AppMetrics;

  constructor(
    private readonly bus: AuditEventBus,
    private readonly audit: AuditRepository,
    private readonly liveLog: LiveLogRepository,
    private readonly directory: RoomDirectory,
    private readonly disclosure: AuditDisclosure,
  ) {
    this.fanout = new ChainFanout<LiveSocket>(this.port());
  }

  onModuleInit(): void {
    this.subscription = this.bus.committed$.subscribe((events) => this.committedHere(events));
    this.timer = setInterval(
      () => void this.fanout.catchUp().catch((e: unknown) => this.log.warn(`live catch-up: ${(e as Error).message}`)),
      CATCH_UP_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  attach(server: LiveServer): void {
    this.server = server;
    server.on('audit:committed', (events) => {
      if (Array.isArray(events)) this.fanout.accept(events);
    });
  }

  join(socket: LiveSocket, room: RoomName, scope: string, after: number | null): Promise<JoinRoomResult> {
    return this.fanout.join(socket, room, scope, after);
  }

  private committedHere(events: AuditEvent[]): void {
    this.fanout.accept(events);
    void this.passOn(events);
  }

  /** To the other instances, when there are any (a lone instance does not NOTIFY itself on every commit). */
  private async passOn(events: AuditEvent[]): Promise<void> {
    const server = this.server;
    if (!server) return;
    try {
      if ((await this.otherInstances(server)) === 0) return;
      server.serverSideEmit('audit:committed', events);
    } catch (e) {
      // The other instances will read these from the audit table with their next event or catch-up.
      this.log.warn(`passing events to other instances: ${(e as Error).message}`);
    }
  }

  private peers: { count: number; at: number } | null = null;

  /** How many other instances the adapter knows of, asked at most once a second (Redis answers over the network). */
  private async otherInstances(server: LiveServer): Promise<number> {
    const now = Date.now();
    if (this.peers && now - this.peers.at < PEER_COUNT_TTL_MS) return this.peers.count;
    const count = Math.max(0, (await server.of('/').adapter.serverCount()) - 1);
    this.peers = { count, at: now };
    return count;
  }

  /** `scope#sequence` of events prepared as withheld: a few, kept as long as the instance runs (bounded below). */
  private readonly withheld = new BoundedSet(10_000);

  private port(): FanoutPort<LiveSocket> {
    return {
      head: (scope) => this.liveLog.head(scope),
      readAfter: (scope, after, limit) => this.audit.listAfter(scope, after, limit),
      prepare: async (events) => {
        const ballots = new Set(
          events
            .filter(isVote)
            .map(ballotIdOf)
            .filter((id): id is string => id !== null),
        );
        await Promise.all([...ballots].map((id) => this.directory.ballotDisclosure(id)));
        // What the public log withholds now (text quoted from a members-only version, decision 0041) no room shows either; votes follow their own rule above.
        const disclosed = await this.disclosure.disclose(events.filter((e) => !isVote(e)));
        for (const e of disclosed) this.withheld.mark(`${e.scope}#${e.sequence}`, e.withheld !== undefined);
      },
      view: (event: AuditEvent, room: RoomName): LiveEvent =>
        this.withheld.has(`${event.scope}#${event.sequence}`)
          ? withheldView(event, room)
          : liveView(event, room, isVote(event) ? this.directory.cachedBallotDisclosure(ballotIdOf(event) ?? '') : null),
      deliverToRoom: (room, event) => {
        this.server?.local.to(room).emit('live:event', event);
        this.metrics?.fanoutDelivered(event.occurredAt);
      },
      sendTo: (socket, event) => socket.emit('live:event', event),
      resync: (room, notice: ResyncNotice) => this.server?.local.to(room).emit('room:resync', notice),
      enterRoom: (socket, room) => void socket.join(room),
      exitRoom: (socket, room) => void socket.leave(room),
      isConnected: (socket) => socket.connected,
      onError: (e, context) => this.log.warn(`${context}: ${(e as Error).message ?? String(e)}`),
    };
  }
}

/** An event whose change the public log withholds: who acted on what subject, not what they wrote. */
function withheldView(event: AuditEvent, room: RoomName): LiveEvent {
  return {
    room,
    scope: event.scope,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    subjectId: event.subjectId,
    action: event.action,
    subjectType: event.subjectType,
    actor: { id: event.actorId, name: event.actorName, snapshot: event.actorSnapshot },
    change: {},
    redacted: 'withheld',
  };
}

/** A set that forgets its oldest members past `limit`. */
class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly limit: number) {}
  mark(key: string, member: boolean): void {
    if (!member) {
      this.items.delete(key);
      return;
    }
    this.items.add(key);
    if (this.items.size > this.limit) this.items.delete(this.items.values().next().value as string);
  }
  has(key: string): boolean {
    return this.items.has(key);
  }
}
