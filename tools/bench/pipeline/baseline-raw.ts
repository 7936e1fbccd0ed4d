// Baseline (a), the raw limit of this stack: the pipeline's hops as bare
// kafkajs loops, no framework. Each hop consumes a batch, writes it with one
// multi-row INSERT, produces it to the next topic, then resolves the offsets.
// No validation, no inbox, no outbox, no domain: what Kafka and Postgres allow.
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import type { Kafka } from 'kafkajs';
import { createTopics, deleteTopics, until, topicSize } from './bench-util';

/**
 * Seconds for `payloads` through every hop. The first `warmup` of them go
 * through first, untimed, as the pipeline's own warm-up does (the bench's
 * --warmup): both sides are measured warm.
 */
export async function runRawBaseline(kafka: Kafka, databaseUrl: string, payloads: readonly string[], hops: number, warmup = 0): Promise<number> {
  const suffix = randomUUID().slice(0, 8);
  const topics = Array.from({ length: hops + 1 }, (_, i) => `bench.raw.${suffix}.h${i}`);
  const schema = `bench_raw_${suffix}`;
  await createTopics(kafka, topics);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`CREATE SCHEMA ${schema}`);
  await db.query(`CREATE TABLE ${schema}.rows (hop int NOT NULL, id text NOT NULL, payload jsonb NOT NULL, PRIMARY KEY (hop, id))`);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumers = [];
  try {
    for (let hop = 0; hop < hops; hop++) {
      const pool = new Pool({ connectionString: databaseUrl, max: 3 });
      const consumer = kafka.consumer({ groupId: `bench-raw-${suffix}-${hop}`, maxWaitTimeInMs: 100 });
      await consumer.connect();
      await consumer.subscribe({ topic: topics[hop] as string, fromBeginning: true });
      await consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 3,
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          if (batch.messages.length === 0) return;
          const ids = batch.messages.map((m) => m.key?.toString() ?? '');
          const values = batch.messages.map((m) => m.value?.toString() ?? '{}');
          await pool.query(`INSERT INTO ${schema}.rows (hop, id, payload) SELECT $1, i, p::jsonb FROM unnest($2::text[], $3::text[]) AS t(i, p) ON CONFLICT DO NOTHING`, [hop, ids, values]);
          await producer.send({ topic: topics[hop + 1] as string, acks: -1, messages: batch.messages.map((m) => ({ key: m.key, value: m.value })) });
          resolveOffset(batch.messages[batch.messages.length - 1]?.offset as string);
          await heartbeat();
        },
      });
      consumers.push({ consumer, pool });
    }
    const send = async (batch: readonly string[], prefix: string) => {
      for (let i = 0; i < batch.length; i += 500) {
        await producer.send({ topic: topics[0] as string, acks: -1, messages: batch.slice(i, i + 500).map((value, j) => ({ key: `${prefix}-${i + j}`, value })) });
      }
    };
    const warm = payloads.slice(0, warmup);
    await send(warm, 'warm');
    await until('raw baseline: the warm-up through the last hop', async () => (await topicSize(kafka, topics[hops] as string)) >= warm.length);
    const t0 = Date.now();
    await send(payloads, 'raw');
    await until('raw baseline: every record through the last hop', async () => (await topicSize(kafka, topics[hops] as string)) >= warm.length + payloads.length);
    return (Date.now() - t0) / 1000;
  } finally {
    for (const { consumer, pool } of consumers) {
      await consumer.disconnect();
      await pool.end();
    }
    await producer.disconnect();
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
    await deleteTopics(kafka, topics);
  }
}
