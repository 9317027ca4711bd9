import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createParleyApp, ParleyApp } from '../../apps/api/src/app-factory';
import { loadConfig } from '../../apps/api/src/platform/config/config';
import { createTestDatabase } from './test-database';

export interface TestApp extends ParleyApp {
  baseUrl: string;
  databaseUrl: string;
  /** Stops the app; the database stays (for a second instance or a restart). */
  stop(): Promise<void>;
  /** Stops the app and drops its database. */
  close(): Promise<void>;
}

/** The database behind each running test app, by base URL: for factories that write fixture rows directly. */
const RUNNING = new Map<string, DataSource>();
export const dataSourceAt = (baseUrl: string): DataSource | undefined => RUNNING.get(baseUrl);

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse another instance's database (several API instances on one database). */
  databaseUrl?: string;
  serveWeb?: boolean;
}

/** The real API over HTTP on 127.0.0.1, on its own fresh database with migrations applied. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    PARLEY_SECRET: randomBytes(32).toString('hex'),
    PARLEY_AUTH_RATE_LIMIT: '100000',
    LOG_LEVEL: 'silent',
    PORT: '0',
    // Every answer is checked against the route table in libs/contracts (its schema and problem statuses).
    PARLEY_CHECK_RESPONSES: 'true',
    ...(options.serveWeb ? { PARLEY_WEB_DIR: join(__dirname, '../../dist/web') } : {}),
    ...options.env,
  });
  const parley = await createParleyApp(config, { logger: false });
  await parley.app.listen(0, '127.0.0.1');
  const { port } = parley.app.getHttpServer().address() as AddressInfo;
  RUNNING.set(`http://127.0.0.1:${port}`, parley.dataSource);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    RUNNING.delete(`http://127.0.0.1:${port}`);
    await parley.close();
  };
  return {
    ...parley,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: db.url,
    stop,
    close: async () => {
      await stop();
      await db.drop();
    },
  };
}
