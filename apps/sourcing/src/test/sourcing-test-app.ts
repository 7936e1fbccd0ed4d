// A sourcing app for integration tests: the real module graph, the real
// Postgres (migrations applied under the platform's lock), and the same HTTP
// setup bootstrapService installs (body parsers, strict validation,
// problem+json). Only the events publisher is replaced, by a recorder.
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureHttpApp, entityManagerOf, loadConfig, runMigrationsLocked, type Tx } from '@hiring/platform';
import { testDatabaseUrl, uniqueName } from '@hiring/testing';
import { DataSource } from 'typeorm';
import type { CandidateErasedEvent } from '@hiring/contracts';
import { AppModule } from '../app.module';
import { SourcingConfig } from '../sourcing.config';
import { SourcingEventsPublisher, type CandidateSourcedData } from '../submissions/sourcing-events.publisher';
import { BULK_LIMITS, MAX_BULK_BYTES } from '../submissions/submission.dto';

export interface RecordedEvent {
  event: CandidateSourcedData;
  /** Whether the publisher was called inside an open transaction (the outbox needs that). */
  inTransaction: boolean;
}

export class RecordingPublisher implements Pick<SourcingEventsPublisher, 'candidatesSourced' | 'candidateErased'> {
  readonly sourced: RecordedEvent[] = [];
  readonly erased: CandidateErasedEvent[] = [];

  candidateErased(_tx: Tx, event: CandidateErasedEvent): Promise<void> {
    this.erased.push(event);
    return Promise.resolve();
  }

  candidatesSourced(tx: Tx, events: readonly CandidateSourcedData[]): Promise<void> {
    for (const event of events) this.sourced.push({ event, inTransaction: entityManagerOf(tx).queryRunner?.isTransactionActive === true });
    return Promise.resolve();
  }
}

export interface SourcingTestApp {
  app: INestApplication;
  dataSource: DataSource;
  events: RecordingPublisher;
  config: SourcingConfig;
}

export const TEST_OPS_TOKEN = 'integration-test-ops-token';
export const TEST_KEY_SERVICE_TOKEN = 'integration-test-key-service-token';

export interface SourcingTestAppOptions {
  /** Keep the real events publisher (events go to the outbox table, sealed) instead of the recorder. */
  realPublisher?: boolean;
}

/**
 * The webhook dispatcher is off unless a test turns it on: test files share
 * one database, and a dispatcher of another file (with other timeouts and
 * address rules) must not send a test's deliveries. The intake purge is off
 * too (an erasure purges without waiting): these apps' groups start at the
 * topics' end and commit only what a test produces.
 */
export async function createSourcingTestApp(env: Record<string, string> = {}, options: SourcingTestAppOptions = {}): Promise<SourcingTestApp> {
  const config = loadConfig(SourcingConfig, { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'silent', OPS_TOKEN: TEST_OPS_TOKEN, KEY_SERVICE_TOKEN: TEST_KEY_SERVICE_TOKEN, KAFKA_CONSUMER_GROUP: uniqueName('sourcing-it'), KAFKA_CONSUMER_FROM_BEGINNING: 'false', WEBHOOK_DISPATCHER_ENABLED: 'false', SUBMISSIONS_PURGE_INTERVAL_MS: '0', ERASURE_PURGE_WAIT_MS: '0', ...env });
  const events = new RecordingPublisher();
  const builder = Test.createTestingModule({ imports: [AppModule.register(config)] });
  const moduleRef = await (options.realPublisher ? builder : builder.overrideProvider(SourcingEventsPublisher).useValue(events)).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureHttpApp(app, MAX_BULK_BYTES, { tooLargeHint: BULK_LIMITS });
  const dataSource = app.get(DataSource);
  await runMigrationsLocked(dataSource, 'sourcing');
  await app.init();
  return { app, dataSource, events, config };
}
