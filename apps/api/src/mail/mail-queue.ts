import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PgBoss, type Db, type Job } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { PARLEY_CONFIG, ParleyConfig } from '../platform/config/config';

export const SEND_QUEUE = 'mail-send';
/** Sends that used up their retries land here; its worker records the delivery as failed. */
export const DEAD_QUEUE = 'mail-send-dead';
export const DIGEST_QUEUE = 'mail-digest';

export interface SendJob {
  deliveryId: string;
}
export interface DigestJob {
  period: 'daily' | 'weekly';
}

/**
 * Retries of one send: exponential backoff from MAIL_RETRY_DELAY_SECONDS (5 s) up to 10 min,
 * MAIL_SEND_ATTEMPTS (6) attempts in all. A worker that dies mid-send stops its heartbeat; within about 15 s the supervisor
 * hands the job to another attempt, which finds the delivery 'sending' and sends the same message
 * again (same Message-ID).
 */
const sendRetry = (c: ParleyConfig['mail']) => ({ retryLimit: c.sendAttempts - 1, retryDelay: c.retryDelaySeconds, retryBackoff: true, retryDelayMax: 600, heartbeatSeconds: 10, expireInSeconds: 120 });

/** A TypeORM transaction as pg-boss's executor: a job enqueued with it commits or rolls back with the rows it is about. */
export const executorOf = (manager: EntityManager): Db => ({
  executeSql: async (text: string, values?: unknown[]) => {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('executorOf needs a transaction’s manager');
    const result = await runner.query(text, values, true);
    return { rows: (result.records ?? []) as unknown[] };
  },
});

/**
 * The e-mail queue (pg-boss 12) in the app's database, on its own schema and its own small pool.
 * Started with the API, stopped with it (in-flight jobs get a few seconds to finish; anything cut
 * short is retried by the next instance: the delivery rows say what left).
 */
@Injectable()
export class MailQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MailQueue');
  private boss: PgBoss | null = null;

  constructor(@Inject(PARLEY_CONFIG) private readonly config: ParleyConfig) {}

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: 'pgboss',
      max: 3,
      application_name: 'parley-mail',
      superviseIntervalSeconds: 5,
      monitorIntervalSeconds: 5,
    });
    boss.on('error', (e) => this.logger.error({ err: e }, 'the mail queue reported an error'));
    boss.on('warning', (w) => this.logger.warn({ warning: w }, 'the mail queue warns'));
    await boss.start();
    this.boss = boss;
    await boss.createQueue(DEAD_QUEUE, { retryLimit: 3, retryDelay: 5 });
    await boss.createQueue(SEND_QUEUE, { ...sendRetry(this.config.mail), deadLetter: DEAD_QUEUE });
    await boss.createQueue(DIGEST_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 });
    // Every day at 07:00 UTC; the weekly one on Mondays at 07:00 UTC.
    await boss.schedule(DIGEST_QUEUE, '0 7 * * *', { period: 'daily' }, { tz: 'UTC', key: 'daily' });
    await boss.schedule(DIGEST_QUEUE, '0 7 * * 1', { period: 'weekly' }, { tz: 'UTC', key: 'weekly' });
  }

  private get started(): PgBoss {
    if (!this.boss) throw new Error('the mail queue is not started');
    return this.boss;
  }

  /** Enqueues sends inside the caller's transaction. */
  async enqueueSends(manager: EntityManager, deliveryIds: readonly string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.started.insert(
      SEND_QUEUE,
      deliveryIds.map((deliveryId) => ({ data: { deliveryId }, ...sendRetry(this.config.mail), deadLetter: DEAD_QUEUE })),
      { db: executorOf(manager) },
    );
  }

  /** One job at a time; sends are looked for every second, the rarer digests and dead letters every ten. */
  async work<T>(queue: string, handler: (job: Job<T>) => Promise<void>): Promise<void> {
    await this.started.work<T>(queue, { batchSize: 1, pollingIntervalSeconds: queue === SEND_QUEUE ? 1 : 10 }, async ([job]) => handler(job));
  }

  /** Each queue's jobs by state, as pg-boss's monitor last counted them (for the metrics, decision 0059). */
  async depths(): Promise<{ name: string; queuedCount: number; activeCount: number; deferredCount: number; failedCount: number }[]> {
    return this.boss ? this.boss.getQueues([SEND_QUEUE, DEAD_QUEUE, DIGEST_QUEUE]) : [];
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, timeout: 5000, close: true });
  }
}
