import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { entityManagerOf } from '@hiring/platform/tx';
import { Registry } from 'prom-client';
import { BatchConsumer, ConsumerLag, MessagingMetrics, type BatchConsumerOptions, type ConsumedEvent } from '../index';
import { createTopics, deleteTopics, dropSchema, kafka, openDataSource, prepareSchema, quietLogger, testDecode, TEST_TYPE, uniqueName, type TestPayload } from './int-harness';

/** Writes one effect row per event; throws for `explode` (a poison message for the handler). */
export async function recordEffects(events: ConsumedEvent<TestPayload>[], tx: EntityManager, schema: string): Promise<void> {
  if (events.some((e) => e.data.explode)) throw new Error('handler rejects this candidate');
  await tx.query(
    `INSERT INTO "${schema}".effects (event_id, key, seq, partition) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])`,
    [events.map((e) => e.id), events.map((e) => e.data.key), events.map((e) => e.data.seq), events.map((e) => e.partition)],
  );
}

export interface ConsumerFixture {
  k: Kafka;
  topic: string;
  schema: string;
  groupId: string;
  /** Direct connection (never proxied) for assertions. */
  ds: DataSource;
  registry: Registry;
  metrics: MessagingMetrics;
  newConsumer(overrides?: Partial<BatchConsumerOptions>, dataSource?: DataSource): BatchConsumer;
  lag(): Promise<number>;
  cleanup(): Promise<void>;
}

export async function consumerFixture(partitions = 6): Promise<ConsumerFixture> {
  const k = kafka();
  const topic = uniqueName('it.messaging');
  const schema = uniqueName('msg');
  const groupId = uniqueName('grp');
  await createTopics(k, [{ topic, partitions }]);
  const ds = await openDataSource(schema);
  await prepareSchema(ds, schema);
  const registry = new Registry();
  const metrics = new MessagingMetrics(registry);
  const started: BatchConsumer[] = [];
  const lagHelper = new ConsumerLag(k);
  return {
    k,
    topic,
    schema,
    groupId,
    ds,
    registry,
    metrics,
    newConsumer(overrides = {}, dataSource = ds) {
      const c = new BatchConsumer(k, dataSource, {
        groupId,
        schema,
        decode: testDecode,
        handlers: [{ topic, types: [TEST_TYPE], name: 'effects', handle: (events, tx) => recordEffects(events as ConsumedEvent<TestPayload>[], entityManagerOf(tx), schema) }],
        partitionsConsumedConcurrently: 3,
        maxChunkSize: 200,
        heartbeatInterval: 1_000,
        sessionTimeout: 10_000,
        autoCommitInterval: 500,
        metrics,
        logger: quietLogger,
        ...overrides,
      });
      started.push(c);
      return c;
    },
    lag: () => lagHelper.total(groupId, [topic]),
    async cleanup() {
      for (const c of started) await c.stop().catch(() => undefined);
      await dropSchema(ds, schema);
      await ds.destroy();
      await deleteTopics(k, [topic]);
    },
  };
}

export async function metricValue(registry: Registry, name: string): Promise<number> {
  const m = registry.getSingleMetric(name);
  if (!m) return 0;
  const v = await m.get();
  return v.values.reduce((s, x) => s + x.value, 0);
}
