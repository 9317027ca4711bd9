import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Gauge } from 'prom-client';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { parseRoom, ROOM_KINDS } from '@parley/contracts';
import { MailQueue } from '../../mail/mail-queue';
import { RealtimeGateway } from '../../realtime/realtime.gateway';
import { AppMetrics } from './app-metrics';

/**
 * Gauges read when Prometheus scrapes, not kept up to date on every change: the database pool, this
 * instance's live connections and rooms, and the job queue. Nothing on the request path pays for them.
 */
@Injectable()
export class ScrapeGauges implements OnModuleInit {
  constructor(
    private readonly metrics: AppMetrics,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    const registers = [this.metrics.registry];
    const pool = () => (this.dataSource.driver as PostgresDriver).master as Pool | undefined;
    new Gauge({
      name: 'parley_db_pool_connections',
      help: "The API's PostgreSQL pool (TypeORM's pg pool): connections by state (total open, idle), the configured maximum, and requests waiting for a connection.",
      labelNames: ['state'] as const,
      registers,
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
        this.set({ state: 'max' }, p?.options.max ?? 0);
      },
    });
    const live = () => this.moduleRef.get(RealtimeGateway, { strict: false }).server?.of('/');
    new Gauge({
      name: 'parley_live_sockets',
      help: 'socket.io connections open on this instance.',
      registers,
      collect() {
        this.set(live()?.sockets.size ?? 0);
      },
    });
    new Gauge({
      name: 'parley_live_rooms',
      help: 'Live rooms with at least one connection on this instance, by kind (platform, wg, doc, ballot, meeting).',
      labelNames: ['kind'] as const,
      registers,
      collect() {
        const counts = new Map<string, number>(ROOM_KINDS.map((k) => [k, 0]));
        // The adapter also keeps one private room per connection (its id): parseRoom skips those.
        for (const name of live()?.adapter.rooms.keys() ?? []) {
          const room = parseRoom(name);
          if (room) counts.set(room.kind, (counts.get(room.kind) ?? 0) + 1);
        }
        for (const [kind, n] of counts) this.set({ kind }, n);
      },
    });
    const queue = () => this.moduleRef.get(MailQueue, { strict: false });
    new Gauge({
      name: 'parley_job_queue_jobs',
      help: 'Durable jobs (pg-boss: e-mail sends, dead letters, digests) by queue and state, as pg-boss last counted them (every 5 s).',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        // When the database does not answer, the queue's series are left out of this scrape rather than failing all of it.
        const depths = await queue()
          .depths()
          .catch(() => null);
        if (!depths) return this.reset();
        for (const q of depths) {
          this.set({ queue: q.name, state: 'queued' }, q.queuedCount);
          this.set({ queue: q.name, state: 'active' }, q.activeCount);
          this.set({ queue: q.name, state: 'deferred' }, q.deferredCount);
          this.set({ queue: q.name, state: 'failed' }, q.failedCount);
        }
      },
    });
  }
}
