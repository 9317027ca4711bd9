import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createParleyApp } from './app-factory';
import { ConfigError, loadConfig } from './platform/config/config';

/** Production entry point: configuration from the environment, an external PostgreSQL (DATABASE_URL). */
async function main() {
  const config = loadConfig(process.env);
  const parley = await createParleyApp(config);
  const shutdown = () => {
    // Drain (decision 0058): what is in flight is answered, and each kept-alive connection closes once
    // its request is. Otherwise a proxy's pooled upstream connection that was busy at SIGTERM stays
    // open for the keep-alive timeout (65 s), and the orchestrator's SIGKILL cuts whatever runs then.
    const server = parley.app.getHttpServer() as Server;
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => res.setHeader('Connection', 'close'));
    server.closeIdleConnections();
    void parley.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await parley.app.listen(config.port, config.host);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `parley: ${e.message}` : e);
  process.exit(1);
});
