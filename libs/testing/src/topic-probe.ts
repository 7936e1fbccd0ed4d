// Watches a real topic from "now": it records the end offsets first, then
// collects every record written after them, so a test sees what its own
// actions produced and nothing older, and waits on it with a deadline.
import { Consumer, Kafka } from 'kafkajs';
import { testKafkaConfig } from './test-env';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

export interface ProbedRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** The JSON value; null for a tombstone or bytes that are not JSON (a dead letter may hold anything). */
  json: Record<string, unknown> | null;
}

function parseJson(value: Buffer | null): Record<string, unknown> | null {
  if (!value) return null;
  try {
    return JSON.parse(value.toString()) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export class TopicProbe {
  readonly records: ProbedRecord[] = [];

  private constructor(readonly topic: string, private readonly consumer: Consumer) {}

  static async start(topic: string, kafka = new Kafka(testKafkaConfig())): Promise<TopicProbe> {
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();

    const start = new Map(ends.map(({ partition, high }) => [partition, BigInt(high)]));
    const consumer = kafka.consumer({ groupId: uniqueName('probe'), maxWaitTimeInMs: 200 });
    const probe = new TopicProbe(topic, consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        // Belt and braces: a fetch that raced the seek below must not leak older records.
        if (BigInt(message.offset) < (start.get(partition) ?? 0n)) return;
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
        probe.records.push({
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value,
          headers,
          json: parseJson(message.value),
        });
      },
    });
    // Seek after run(): start each partition at the end recorded above.
    for (const { partition, high } of ends) consumer.seek({ topic, partition, offset: high });
    return probe;
  }

  /** Waits until `predicate` holds for the records seen so far; returns the matching ones. */
  async waitFor(predicate: (r: ProbedRecord) => boolean, count = 1, timeoutMs = 30_000, description = 'records'): Promise<ProbedRecord[]> {
    return waitFor(
      () => {
        const found = this.records.filter(predicate);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, intervalMs: 100, description: `${count} ${description} on ${this.topic}` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** Waits until a consumer group has committed every record currently on the topic (lag 0). */
export async function waitForGroupCaughtUp(kafka: Kafka, groupId: string, topic: string, timeoutMs = 30_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await waitFor(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        // A partition whose records were deleted up to the end (sourcing purges what it consumed) has nothing left to read.
        const starts = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.low)]));
        return ends.every(({ partition, high }) => {
          const c = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return (starts.get(partition) ?? 0n) >= BigInt(high) || BigInt(c) >= BigInt(high);
        });
      },
      { timeoutMs, intervalMs: 200, description: `group ${groupId} caught up on ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}
