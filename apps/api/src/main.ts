import type { Server } from 'node:http';
import { createParleyApp } from './app-factory';
import { ConfigError, loadConfig } from './platform/config/config';
import { drain } from './platform/http/drain';

/** Production entry point: configuration from the environment, an external PostgreSQL (DATABASE_URL). */
async function main() {
  const config = loadConfig(process.env);
  const parley = await createParleyApp(config);
  const shutdown = () => {
    // Drain first (decision 0058): what is in flight, and what a proxy still sends on its open
    // connections, is answered; only then do the sockets, the jobs and the database pool close.
    void drain(parley.app.getHttpServer() as Server)
      .then(() => parley.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await parley.app.listen(config.port, config.host);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `parley: ${e.message}` : e);
  process.exit(1);
});
