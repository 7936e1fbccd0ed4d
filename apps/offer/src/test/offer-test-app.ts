// Boots the offer app for integration tests the way bootstrapService does
// (strict validation, problem+json, migrations under the advisory lock), but
// in a throwaway schema, with a clock the test sets and a publisher that
// records what it was asked to emit.
import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Clock, configureHttpApp, loadConfig, runMigrationsLocked } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { CandidateScored } from '../candidates/candidate-scored';
import { EraseCandidateService } from '../candidates/erase-candidate.service';
import { RecordCandidateScoreOutcome, RecordCandidateScoreService } from '../candidates/record-candidate-score.service';
import { offerDatabase } from '../database/offer.database';
import { entityManagerOf, Transactions, type Tx } from '@hiring/platform';
import { OfferConfig } from '../offer.config';
import { OfferGuidancePublisher, type OfferGuidanceData } from '../candidates/offer-guidance.publisher';
import { OfferDecidedPublisher, type OfferDecidedData } from '../offers/offer-decided.publisher';

export const OPS_TOKEN = 'integration-test-ops-token';
export const AUTH = { Authorization: `Bearer ${OPS_TOKEN}` };

export class TestClock extends Clock {
  private current = new Date('2026-05-15T10:00:00Z');

  now(): Date {
    return new Date(this.current);
  }

  set(isoDayOrInstant: string): void {
    this.current = new Date(isoDayOrInstant.length === 10 ? `${isoDayOrInstant}T10:00:00Z` : isoDayOrInstant);
  }
}

export interface Emitted<T> {
  data: T;
  /** The port was handed an open transaction (the outbox will need exactly that). */
  inTransaction: boolean;
}

export class RecordingPublisher implements Pick<OfferDecidedPublisher, 'offerDecided'>, Pick<OfferGuidancePublisher, 'offerGuidance' | 'offerGuidances' | 'guidanceTombstone'> {
  readonly tombstones: string[] = [];

  async guidanceTombstone(_tx: Tx, candidateId: string): Promise<void> {
    this.tombstones.push(candidateId);
  }

  readonly decided: Emitted<OfferDecidedData>[] = [];
  readonly guidance: Emitted<OfferGuidanceData>[] = [];

  async offerDecided(tx: Tx, data: OfferDecidedData): Promise<void> {
    this.decided.push({ data: structuredClone(data), inTransaction: entityManagerOf(tx).queryRunner?.isTransactionActive === true });
  }

  async offerGuidance(tx: Tx, data: OfferGuidanceData): Promise<void> {
    this.guidance.push({ data: structuredClone(data), inTransaction: entityManagerOf(tx).queryRunner?.isTransactionActive === true });
  }

  async offerGuidances(tx: Tx, data: readonly OfferGuidanceData[]): Promise<void> {
    for (const d of data) await this.offerGuidance(tx, d);
  }

  decidedFor(offerId: string): OfferDecidedData[] {
    return this.decided.filter((e) => e.data.offerId === offerId).map((e) => e.data);
  }

  guidanceFor(candidateId: string): OfferGuidanceData[] {
    return this.guidance.filter((e) => e.data.candidateId === candidateId).map((e) => e.data);
  }
}

export interface OfferTestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  clock: TestClock;
  publisher: RecordingPublisher;
  dataSource: DataSource;
  schema: string;
  /** What the lead's candidate-scored handler will do: the use case inside a transaction. */
  recordScore(event: CandidateScored): Promise<RecordCandidateScoreOutcome>;
  /** What the candidate-scored handler does with a consumed batch: one transaction, one result per event. */
  recordScores(events: CandidateScored[]): Promise<RecordCandidateScoreOutcome[]>;
  /** What the candidate-erased handler does: the use case inside a transaction. */
  eraseCandidate(candidateId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startOfferTestApp(): Promise<OfferTestApp> {
  const schema = `offer_it_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const config = loadConfig(OfferConfig, { ...process.env, LOG_LEVEL: 'silent', OPS_TOKEN, KAFKA_CONSUMER_GROUP: schema, KAFKA_CONSUMER_FROM_BEGINNING: 'false' });
  const clock = new TestClock();
  const publisher = new RecordingPublisher();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, offerDatabase(schema))] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(OfferDecidedPublisher)
    .useValue(publisher)
    .overrideProvider(OfferGuidancePublisher)
    .useValue(publisher)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false, bodyParser: false });
  configureHttpApp(app);
  // Tables first: the app's consumers start on init.
  const dataSource = app.get(DataSource);
  await runMigrationsLocked(dataSource, schema);
  await app.init();
  const transactions = app.get(Transactions);
  const recorder = app.get(RecordCandidateScoreService);
  return {
    app,
    http: app.getHttpServer(),
    clock,
    publisher,
    dataSource,
    schema,
    recordScore: (event) => transactions.run((tx) => recorder.execute(tx, event)),
    recordScores: (events) => transactions.run((tx) => recorder.executeAll(tx, events)),
    eraseCandidate: (candidateId) => transactions.run((tx) => app.get(EraseCandidateService).execute(tx, candidateId)),
    close: async () => {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await app.close();
    },
  };
}

export function uniqueCandidateId(label = 'cand'): string {
  return `${label}-${randomUUID()}`;
}

/** A candidate-scored payload as scoring publishes it; a fresh candidate id unless given. */
export function scoredEvent(overrides: Partial<CandidateScored> = {}): CandidateScored {
  return {
    candidateId: uniqueCandidateId(),
    submissionId: `sub-${randomUUID()}`,
    agencyId: 'agency-acme',
    requisitionId: 'req-ai-tl-1',
    role: 'ai-tech-lead',
    locationTier: 'us-sf-ny',
    score: 82,
    decision: 'advance',
    rubric: { id: 'ai-tech-lead', version: '2026-03' },
    scoredAt: '2026-05-10T09:00:00.000Z',
    ...overrides,
  };
}
