import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { ParleyConfig } from './platform/config/config';
import { ConfigError } from './platform/config/config';
import { createDataSource, runMigrations } from './platform/database/data-source';
import { redactDatabaseUrl } from './platform/database/database-url';
import { bodyParseProblems } from './platform/http/body-errors';
import { mountMetrics } from './platform/metrics/metrics-endpoint';
import { DOCX_MEDIA_TYPE, MAX_UPLOAD_BYTES } from '@parley/contracts';
import { serveWebApp } from './platform/http/static-web';
import { buildOpenApiDocument } from './platform/openapi/openapi-document';
import { registeredRoutes } from './platform/openapi/registered-routes';
import { ResponseContractInterceptor } from './platform/openapi/response-contract.interceptor';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';
import { CHALLENGE_COOKIE } from './identity/two-factor/challenge-cookie';

export interface ParleyApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Connects (one clear error when the database is unreachable), migrates under a lock, and builds the API. */
export async function createParleyApp(config: ParleyConfig, options: { logger?: boolean } = {}): Promise<ParleyApp> {
  const dataSource = createDataSource(config.databaseUrl);
  try {
    await dataSource.initialize();
  } catch (e) {
    throw new ConfigError(`Cannot reach the database at ${redactDatabaseUrl(config.databaseUrl)}: ${(e as Error).message || String(e)}`);
  }
  await runMigrations(dataSource);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(config, dataSource), { bufferLogs: true, logger: options.logger === false ? false : undefined, bodyParser: false });
  app.useLogger(app.get(Logger));
  try {
    app.useWebSocketAdapter(await RealtimeIoAdapter.create(app, config, dataSource));
  } catch (e) {
    await app.close();
    await dataSource.destroy();
    throw e;
  }
  app.set('trust proxy', config.trustProxy);
  // An idle kept-alive connection is closed by whichever side times out first; when the server
  // closes it just as a client (or nginx's upstream pool) sends on it, that request is reset.
  // Outlast the clients' idle timeouts (undici 4 s, nginx 60 s) so they close first.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.set('query parser', 'simple');
  mountMetrics(app, config);
  app.useBodyParser('json', { limit: '512kb' });
  // Word files to import (decision 0044) come as the raw body, held to the upload limit before anything reads them.
  app.useBodyParser('raw', { type: DOCX_MEDIA_TYPE, limit: MAX_UPLOAD_BYTES });
  app.use(bodyParseProblems);
  app.use(cookieParser());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      // The same as frame-ancestors 'none', for browsers that only read this header.
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.setGlobalPrefix('api');
  if (config.checkResponses) app.useGlobalInterceptors(new ResponseContractInterceptor());

  const openApi = new DocumentBuilder()
    .setTitle('Parley API')
    .setDescription('Working groups draft norms in the open: every act carries its actor’s affiliation. Errors are RFC 9457 problem+json.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('parley_session')
    .addCookieAuth(CHALLENGE_COOKIE, { type: 'apiKey', in: 'cookie' }, 'signInChallenge')
    .build();
  // Summaries and tags from the controllers; what each operation takes and answers from the route table in libs/contracts.
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(SwaggerModule.createDocument(app, openApi), registeredRoutes(app)), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
  serveWebApp(app, config.webDir);
  // Run every module's lifecycle hooks now (handlers register, schedulers start), so callers such
  // as the demo loader use a complete app before it listens.
  await app.init();

  return {
    app,
    dataSource,
    close: async () => {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
