import { createParleyApp } from './app-factory';
import { ConfigError, loadConfig } from './platform/config/config';

/** Production entry point: configuration from the environment, an external PostgreSQL (DATABASE_URL). */
async function main() {
  const config = loadConfig(process.env);
  const parley = await createParleyApp(config);
  const shutdown = () => void parley.close().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await parley.app.listen(config.port, config.host);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `parley: ${e.message}` : e);
  process.exit(1);
});
