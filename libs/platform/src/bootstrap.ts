// Boots a service the same way everywhere: config already validated, pending
// migrations applied (under an advisory lock) before any consumer starts,
// strict validation, problem+json errors, OpenAPI at /docs, and a SIGTERM
// that drains in-flight work and exits 0.
import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/load-config';
import { ServiceConfig } from './config/service.config';
import { createServiceDataSource, ServiceDataSourceOptions } from './database/data-source';
import { runMigrationsLocked } from './database/migrations';
import { requireJsonBodies } from './http/content-type';
import { ProblemDetailsFilter, type ProblemDetailsOptions } from './http/problem-details.filter';
import { httpMetricsMiddleware } from './metrics/http-metrics';
import { strictValidationPipe } from './http/validation';
import { installSourceMappedStackTraces } from './logging/stack-traces';

export interface BootOptions {
  service: string;
  config: ServiceConfig;
  title: string;
  description: string;
  /** Largest request body, in bytes or with a unit ('1mb', default). */
  bodyLimit?: string | number;
  /** Appended to the 413 problem's detail: what the limit means for this service (e.g. items per bulk request). */
  tooLargeHint?: string;
}

/** Reads and validates config or stops the process, naming what is wrong. */
export function loadConfigOrExit<T extends ServiceConfig>(cls: new () => T): T {
  try {
    return loadConfig(cls);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export async function bootstrapService(module: Type | ReturnType<typeof Object>, options: BootOptions): Promise<INestApplication> {
  installSourceMappedStackTraces();
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoLogger));
  configureHttpApp(app, options.bodyLimit, { tooLargeHint: options.tooLargeHint });

  if (options.config.MIGRATIONS_RUN === 'true') {
    const dataSource = app.get(DataSource);
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    const applied = await runMigrationsLocked(dataSource, schema);
    Logger.log(applied.length ? `applied ${applied.join(', ')}` : 'schema up to date', 'migrations');
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'agency-key').build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  await app.listen(options.config.PORT, options.config.HOST);
  Logger.log(`${options.service} listening on ${await app.getUrl()}`, 'bootstrap');
  installGracefulShutdown(app, options);
  return app;
}

/**
 * The HTTP behaviour every service shares (latency metrics, body limits,
 * strict validation, problem+json errors). Tests build their app with it too, so they exercise
 * exactly what production runs. The app must be created with `bodyParser: false`.
 */
export function configureHttpApp(app: NestExpressApplication, bodyLimit: string | number = '1mb', problems: ProblemDetailsOptions = {}): void {
  app.use(httpMetricsMiddleware());
  app.use(requireJsonBodies);
  app.useBodyParser('json', { limit: bodyLimit, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('text', { limit: bodyLimit, type: ['application/x-ndjson'] });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(problems));
}

function installGracefulShutdown(app: INestApplication, options: BootOptions): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    Logger.log(`${signal} received: draining`, 'shutdown');
    const force = setTimeout(() => {
      Logger.error(`did not stop within ${options.config.SHUTDOWN_TIMEOUT_MS}ms, exiting`, 'shutdown');
      process.exit(1);
    }, options.config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        Logger.error(error instanceof Error ? error.stack : String(error), 'shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** The explicit migration step (`npm run migrate`): same lock, same migrations as at boot. */
export async function migrateAndExit(service: string, config: ServiceConfig, database: Omit<ServiceDataSourceOptions, 'url' | 'service'>): Promise<void> {
  installSourceMappedStackTraces();
  const dataSource = createServiceDataSource({ ...database, url: config.DATABASE_URL, service: `${service}-migrate` });
  await dataSource.initialize();
  try {
    const applied = await runMigrationsLocked(dataSource, database.schema);
    process.stdout.write(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}\n`);
  } finally {
    await dataSource.destroy();
  }
}
