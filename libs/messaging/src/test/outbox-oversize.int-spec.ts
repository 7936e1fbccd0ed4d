// An outbox row Kafka refuses as too large must not block its partition: the
// relay parks it with the broker's reason and the rows after it (same key, so
// same partition) are delivered. Before the parked table, the relay retried
// the refused claim forever and the later events never arrived.
import type { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { deadLetterTopic } from '@hiring/contracts';
import { asTx } from '@hiring/platform/tx';
import { MessagingMetrics, Outbox, OutboxRelay, waitForTopicLeaders } from '../index';
import { deleteTopics, dropSchema, kafka, openDataSource, prepareSchema, quietLogger, uniqueName, waitFor } from './int-harness';

/** The topic's own limit, far below the broker's 1 MiB, so the test needs no large payloads. */
const TOPIC_MAX_MESSAGE_BYTES = 16 * 1024;

interface Received {
  partition: number;
  key: string;
  seq: number;
}

describe('outbox relay: an event Kafka refuses as too large is parked, later events of its key flow', () => {
  let k: Kafka;
  let ds: DataSource;
  let schema: string;
  let topic: string;
  let relay: OutboxRelay | undefined;

  beforeEach(async () => {
    k = kafka();
    schema = uniqueName('obx_big');
    topic = uniqueName('it.oversize');
    const admin = k.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [
          { topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: String(TOPIC_MAX_MESSAGE_BYTES) }] },
          { topic: deadLetterTopic(topic), numPartitions: 1, replicationFactor: 1 },
        ],
        waitForLeaders: false,
      });
      await waitForTopicLeaders(admin, [topic, deadLetterTopic(topic)]);
    } finally {
      await admin.disconnect();
    }
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
  });

  afterEach(async () => {
    await relay?.stop().catch(() => undefined);
    relay = undefined;
    await dropSchema(ds, schema);
    await ds.destroy();
    await deleteTopics(k, [topic]);
  });

  it('parks the refused rows with the reason, counts and reports them, publishes the rest in order, and erasure deletes the parked copy', async () => {
    const key = 'cand-oversize';
    const row = (seq: number, bytes: number) => ({ topic, key, value: JSON.stringify({ seq, filler: 'x'.repeat(bytes) }) });
    const outbox = new Outbox(schema, () => ({ topic, key: null }));
    // One claim, sent in three parts (produceParts, 512 KiB): [0, 1 (64 KB), 2], [3 (600 KB)], [4 (4 KB)].
    // So a refused part of several rows and a refused part of one row.
    await ds.transaction((tx) =>
      outbox.enqueue(asTx(tx), [row(0, 100), row(1, 64 * 1024), row(2, 100), row(3, 600 * 1024), row(4, 4 * 1024)]),
    );
    const metrics = new MessagingMetrics(new Registry());
    const logged: Array<{ message: string; context?: Record<string, unknown> }> = [];
    relay = new OutboxRelay(k, ds, {
      schema,
      metrics,
      pollIntervalMs: 60_000,
      logger: { ...quietLogger, error: (message, context) => logged.push({ message, context }) },
    });
    await relay.start();

    // A consumer whose fetch limits (1 KiB in all and per partition) are below the 4 KB record:
    // the broker still returns the first record batch whole (KIP-74), so it is not stuck either.
    const received = await readAll(k, topic, 3, { maxBytes: 1024, maxBytesPerPartition: 1024 });
    expect(received.map((r) => r.seq)).toEqual([0, 2, 4]);
    expect(new Set(received.map((r) => r.partition)).size).toBe(1);

    await waitFor('outbox emptied', async () => (await count(ds, `"${schema}".outbox`)) === 0);
    const parked: Array<{ id: string; topic: string; key: string; reason: string; bytes: number; seq: number }> = await ds.query(
      `SELECT id::text, topic, key, reason, bytes, (convert_from(value, 'UTF8')::jsonb ->> 'seq')::int AS seq FROM "${schema}".outbox_parked ORDER BY id`,
    );
    expect(parked.map((p) => p.seq)).toEqual([1, 3]);
    for (const p of parked) {
      expect(p.topic).toBe(topic);
      expect(p.key).toBe(key);
      expect(p.reason).toMatch(/^MESSAGE_TOO_LARGE: /);
      expect(p.bytes).toBeGreaterThan(TOPIC_MAX_MESSAGE_BYTES);
    }

    // Ops see it: a counter per topic, a gauge of parked rows per schema, one log line per row.
    expect((await metrics.parked.get()).values.find((v) => v.labels.topic === topic)?.value).toBe(2);
    expect((await metrics.published.get()).values.find((v) => v.labels.topic === topic)?.value).toBe(3);
    expect(await relay.backlog()).toMatchObject({ count: 0, parked: 2 });
    expect(logged.filter((l) => l.message.includes('parked'))).toHaveLength(2);
    expect(logged.map((l) => l.context?.['outboxId'])).toEqual(parked.map((p) => p.id));

    // Erasure reaches the parked copies: deleted by the candidate's key.
    await ds.transaction((tx) => outbox.eraseParked(asTx(tx), [key]));
    expect(await count(ds, `"${schema}".outbox_parked`)).toBe(0);
  });
});

async function count(ds: DataSource, table: string): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0].n;
}

async function readAll(k: Kafka, topic: string, expected: number, fetch: { maxBytes: number; maxBytesPerPartition: number }): Promise<Received[]> {
  const consumer = k.consumer({ groupId: uniqueName('reader'), ...fetch });
  const out: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const { seq } = JSON.parse(message.value?.toString() ?? '{}') as { seq: number };
      out.push({ partition, key: message.key?.toString() ?? '', seq });
    },
  });
  try {
    await waitFor(`${expected} records on ${topic}`, () => out.length >= expected, { timeoutMs: 30_000 });
  } finally {
    await consumer.disconnect();
  }
  return out;
}
