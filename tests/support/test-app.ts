import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createServer, type AddressInfo } from 'node:net';
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
  /** Listen on a port chosen beforehand and give it as PUBLIC_URL (institutional sign-in's redirect URI is built from it). */
  ownPublicUrl?: boolean;
}

/** A port free just now on 127.0.0.1 (the system's choice), for an app that must know its address before it listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real API over HTTP on 127.0.0.1, on its own fresh database with migrations applied. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const chosenPort = options.ownPublicUrl ? await freePort() : 0;
  const config = loadConfig({
    DATABASE_URL: db.url,
    PARLEY_SECRET: randomBytes(32).toString('hex'),
    PARLEY_AUTH_RATE_LIMIT: '100000',
    LOG_LEVEL: 'silent',
    PORT: '0',
    // Every answer is checked against the route table in libs/contracts (its schema and problem statuses).
    PARLEY_CHECK_RESPONSES: 'true',
    // The test identity providers listen on 127.0.0.1 over http (decision record 0049).
    PARLEY_OIDC_ALLOW_LOOPBACK_ISSUERS: 'true',
    ...(options.serveWeb ? { PARLEY_WEB_DIR: join(__dirname, '../../dist/web') } : {}),
    ...(options.ownPublicUrl ? { PUBLIC_URL: `http://127.0.0.1:${chosenPort}` } : {}),
    ...options.env,
  });
  const parley = await createParleyApp(config, { logger: false });
  await parley.app.listen(chosenPort, '127.0.0.1');
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
