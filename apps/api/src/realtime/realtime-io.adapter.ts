import { INestApplication, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool, type PoolClient } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { DataSource } from 'typeorm';
import type { ParleyConfig } from '../platform/config/config';
import { ConfigError } from '../platform/config/config';

/** Connection liveness: a silent client is dropped (and leaves presence) within PING_INTERVAL + PING_TIMEOUT. */
export const PING_INTERVAL_MS = 5_000;
export const PING_TIMEOUT_MS = 5_000;
/** Instances tell each other they are alive this often; one silent for HEARTBEAT_TIMEOUT is taken for gone. */
const HEARTBEAT_INTERVAL_MS = 3_000;
const HEARTBEAT_TIMEOUT_MS = 8_000;

type AdapterFactory = NonNullable<Partial<ServerOptions>['adapter']>;
type RedisClient = ReturnType<typeof createClient>;

/**
 * The socket.io server for every gateway, shared across API instances: through PostgreSQL
 * (`@socket.io/postgres-adapter`, LISTEN/NOTIFY on the database they already share) by default, or
 * through Redis when REDIS_URL is set. Owns the adapter's connections and closes them with the app.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private pool: Pool | null = null;
  /** The pool's clients now checked out (the adapter's LISTEN client among them). */
  private readonly checkedOut = new Set<PoolClient>();
  private redis: RedisClient[] = [];
  private adapterFactory: AdapterFactory | null = null;
  kind: 'postgres' | 'redis' = 'postgres';

  static async create(app: INestApplication, config: ParleyConfig, dataSource: DataSource): Promise<RealtimeIoAdapter> {
    const adapter = new RealtimeIoAdapter(app);
    if (config.redisUrl) await adapter.useRedis(config.redisUrl, dataSource);
    else adapter.usePostgres(config.databaseUrl);
    return adapter;
  }

  private usePostgres(databaseUrl: string): void {
    // Its own small pool: one connection holds LISTEN, the others publish.
    this.pool = new Pool({ connectionString: databaseUrl, max: 3, idleTimeoutMillis: 30_000, application_name: 'parley-realtime' });
    this.pool.on('error', (e) => this.log.warn(`socket.io adapter connection: ${e.message}`));
    // The adapter keeps one client checked out for LISTEN with no 'error' listener: when PostgreSQL
    // restarts, that client's error was unhandled and killed the process (restart drill,
    // tests/fault/restart-postgres.drill.ts). Every client gets a listener; the adapter still sees
    // the connection end and reconnects by itself.
    this.pool.on('connect', (client) => client.on('error', (e) => this.log.warn(`socket.io adapter connection: ${e.message}`)));
    this.pool.on('acquire', (client) => this.checkedOut.add(client));
    this.pool.on('release', (_e: Error | undefined, client: PoolClient) => this.checkedOut.delete(client));
    this.kind = 'postgres';
    this.adapterFactory = createPostgresAdapter(this.pool, {
      errorHandler: (e: Error) => this.log.warn(`socket.io postgres adapter: ${e.message}`),
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
    });
  }

  private async useRedis(url: string, dataSource: DataSource): Promise<void> {
    // Instances on one database share one deployment id; it keeps deployments apart on a shared Redis.
    const [row] = await dataSource.query(`SELECT id FROM realtime_deployment`);
    let connected = false;
    const pub: RedisClient = createClient({
      url,
      socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number) => (connected ? Math.min(100 * 2 ** retries, 3_000) : false) },
    });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', (e: Error) => connected && this.log.warn(`socket.io redis adapter: ${e.message}`));
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (e) {
      await Promise.allSettled([pub.destroy(), sub.destroy()]);
      throw new ConfigError(`Cannot reach Redis at ${redactUrl(url)} (REDIS_URL): ${(e as Error).message || String(e)}`);
    }
    connected = true;
    this.redis = [pub, sub];
    this.kind = 'redis';
    this.adapterFactory = createRedisAdapter(pub, sub, { key: `parley#${row?.id ?? 'default'}`, requestsTimeout: 3_000 });
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    return super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      pingInterval: PING_INTERVAL_MS,
      pingTimeout: PING_TIMEOUT_MS,
      maxHttpBufferSize: 64 * 1024,
      ...(this.adapterFactory ? { adapter: this.adapterFactory } : {}),
    });
  }

  /** After the servers closed (and their adapters with them): the adapter's own connections. */
  override async dispose(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    if (pool) await this.endPool(pool);
    const clients = this.redis;
    this.redis = [];
    await Promise.allSettled(clients.map((c) => c.quit()));
  }

  /**
   * Ends the pool. The adapter takes its LISTEN client asynchronously and releases it on close only
   * if it already had it: an app closed within moments of starting (a short test, a failed start)
   * closes the adapter while that client is still being acquired, and `pool.end()` then waits for it
   * forever. After a grace period such late clients are destroyed, their 'end' listeners removed
   * first so the closed adapter does not schedule a reconnection.
   */
  private async endPool(pool: Pool): Promise<void> {
    const ended = pool.end().catch((e: Error) => this.log.warn(`closing the socket.io adapter pool: ${e.message}`));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), POOL_END_GRACE_MS)));
    if ((await Promise.race([ended, late])) === 'late') {
      for (const client of [...this.checkedOut]) {
        client.removeAllListeners('end');
        client.release(true);
      }
      await ended;
    }
    clearTimeout(timer);
    this.checkedOut.clear();
  }
}

/** How long the adapter's pool may take to end before clients it still holds are let go. */
const POOL_END_GRACE_MS = 2_000;

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the given URL';
  }
}
