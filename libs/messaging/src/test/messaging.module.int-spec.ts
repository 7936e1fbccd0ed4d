import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Kafka, logLevel } from 'kafkajs';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { entityManagerOf, type Tx } from '@hiring/platform/tx';
import { ConsumeEvents, ConsumerLag, MessagingHealth, MessagingHost, MessagingModule, Outbox, messagingMigrations, type ConsumedEvent } from '../index';
import {
  countEffects,
  createTopics,
  DATABASE_URL,
  deleteTopics,
  dropSchema,
  kafka,
  KAFKA_BROKERS,
  keyedStream,
  openDataSource,
  prepareSchema,
  produce,
  quietLogger,
  testDecode,
  testEvent,
  topicSize,
  TEST_TYPE,
  uniqueName,
  waitFor,
  type TestPayload,
} from './int-harness';

const inTopic = uniqueName('it.module.in');
const outTopic = uniqueName('it.module.out');
const schema = uniqueName('mod');

@Injectable()
class ThingHappenedHandler {
  constructor(private readonly outbox: Outbox) {}

  @ConsumeEvents({ topic: inTopic, types: [TEST_TYPE] })
  async handle(events: ConsumedEvent<TestPayload>[], tx: Tx): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO "${schema}".effects (event_id, key, seq, partition) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])`,
      [events.map((e) => e.id), events.map((e) => e.data.key), events.map((e) => e.data.seq), events.map((e) => e.partition)],
    );
    await this.outbox.enqueue(
      tx,
      events.map((e) => ({ specversion: '1.0', id: `derived-${e.id}`, type: 'test.thing-derived.v1', source: 'hiring/test', subject: e.data.key, data: e.data })),
    );
  }
}

describe('MessagingModule: decorated handlers, outbox and lifecycle in a Nest app', () => {
  const k = kafka();
  const groupId = uniqueName('grp');
  let ds: DataSource;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    await createTopics(k, [{ topic: inTopic, partitions: 3 }, { topic: outTopic, partitions: 3 }]);
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
  });

  afterAll(async () => {
    await app?.close();
    await dropSchema(ds, schema);
    await ds.destroy();
    await deleteTopics(k, [inTopic, outTopic]);
  });

  it('consumes through the decorated handler, publishes its outbox events once, prunes the inbox, and shuts down cleanly', async () => {
    const registry = new Registry();
    // Inbox rows of events consumed long ago: the module's pruner deletes them, with no code in the app.
    await ds.query(
      `INSERT INTO "${schema}".inbox (consumer_group, event_id, processed_at) SELECT $1, 'hiring/test old-' || i, now() - interval '30 days' FROM generate_series(1, 1200) AS i`,
      [groupId],
    );
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: DATABASE_URL,
          migrations: [...messagingMigrations(schema)],
          migrationsTableName: `${schema}_migrations`,
          migrationsRun: true,
          synchronize: false,
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            clientId: 'it-module',
            groupId,
            brokers: KAFKA_BROKERS,
            schema,
            source: 'hiring/test',
            kafka: { logLevel: logLevel.NOTHING },
            decode: testDecode,
            resolveTopic: (e) => ({ topic: outTopic, key: e.subject ?? null }),
            registry,
            logger: quietLogger,
            relay: { pollIntervalMs: 60_000 },
            consumer: { autoCommitInterval: 500, heartbeatInterval: 1_000 },
            inboxPrune: { retentionMs: 7 * 86_400_000, firstDelayMs: 0, batchSize: 500 },
          }),
        }),
      ],
      providers: [ThingHappenedHandler],
    }).compile();
    app = moduleRef;
    await app.init();
    await app.get(MessagingHost).whenStarted();

    const stream = keyedStream(20, 10);
    await produce(k, inTopic, stream.map((e) => ({ key: e.key, value: testEvent({ key: e.key, seq: e.seq }, e.id) })));
    await waitFor('effects applied', async () => (await countEffects(ds, schema)).rows === stream.length);
    await waitFor('derived events published', async () => (await topicSize(k, outTopic)) === stream.length);
    await waitFor('outbox drained', async () => (await app?.get(MessagingHealth).outboxBacklog())?.count === 0);
    await waitFor('old inbox rows pruned', async () => ((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".inbox`)) as Array<{ n: number }>)[0].n === stream.length);

    const health = app.get(MessagingHealth);
    expect(await health.isKafkaReady()).toBe(true);
    expect(await health.isDatabaseReady()).toBe(true);
    const unreachable = new MessagingHealth(new Kafka({ clientId: 'x', brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING, retry: { retries: 0 } }), ds);
    expect(await unreachable.isKafkaReady(1_000)).toBe(false);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(new RegExp(`messaging_messages_processed_total\\{topic="${inTopic.replace(/\./g, '\\.')}"\\} ${stream.length}`));
    expect(metrics).toContain(`messaging_outbox_backlog{schema="${schema}"} 0`);
    expect(metrics).toContain(`messaging_inbox_pruned_total{schema="${schema}"} 1200`);
    expect(metrics).toContain(`messaging_inbox_prune_runs_total{schema="${schema}",outcome="done"} 1`);
    expect(metrics).toMatch(new RegExp(`messaging_consumer_lag\\{group="${groupId}",topic="${inTopic.replace(/\./g, "\\.")}",partition="0"\\} \\d+`));

    await app.close();
    app = undefined;
    // Graceful shutdown committed everything it applied.
    await waitFor('lag zero after close', async () => (await new ConsumerLag(k).total(groupId, [inTopic])) === 0, { timeoutMs: 10_000 });
    expect(await countEffects(ds, schema)).toEqual({ rows: stream.length, distinct: stream.length });
    expect(await topicSize(k, outTopic)).toBe(stream.length);
  });
});
