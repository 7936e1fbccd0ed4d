// Reading dead letters, for the ops CLI and the monitor. The .dlq topic is read
// with a throwaway consumer group (deleted afterwards) so it never moves a
// service's offsets.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopic } from '@hiring/contracts';
import { DLQ_HEADERS } from './dead-letter-record';
import { headersToStrings, type DecodeFn } from '../types';
import { withTimeout } from '../util';

export interface DeadLetter {
  dlqTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  /** All headers as strings, the original ones and the dlq-* ones. */
  headers: Record<string, string>;
  reason: string;
  errors: Array<{ path: string; message: string }>;
  sourceTopic: string;
  sourcePartition: number;
  sourceOffset: string;
  consumerGroup: string;
  failedAt: string;
  attempts: number;
}

export interface ListDeadLettersOptions {
  /** At most this many, oldest first. Default 100. */
  limit?: number;
  timeoutMs?: number;
}

/** A record of a .dlq topic as the ops tools show it. */
export function toDeadLetter(dlqTopic: string, partition: number, m: KafkaMessage): DeadLetter {
  const h = headersToStrings(m.headers);
  let errors: DeadLetter['errors'] = [];
  try {
    const parsed: unknown = JSON.parse(h[DLQ_HEADERS.errors] ?? '[]');
    if (Array.isArray(parsed)) errors = parsed as DeadLetter['errors'];
  } catch {
    errors = [];
  }
  return {
    dlqTopic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString('utf8') : null,
    value: m.value,
    headers: h,
    reason: h[DLQ_HEADERS.reason] ?? '',
    errors,
    sourceTopic: h[DLQ_HEADERS.sourceTopic] ?? '',
    sourcePartition: Number(h[DLQ_HEADERS.sourcePartition] ?? -1),
    sourceOffset: h[DLQ_HEADERS.sourceOffset] ?? '',
    consumerGroup: h[DLQ_HEADERS.consumerGroup] ?? '',
    failedAt: h[DLQ_HEADERS.failedAt] ?? '',
    attempts: Number(h[DLQ_HEADERS.attempts] ?? 0),
  };
}

/** The `type` a dead letter gets when a service consumes a .dlq topic with deadLetterDecoder. */
export const DEAD_LETTER_TYPE = 'hiring.dead-letter';

/**
 * Reads a .dlq record as a `DeadLetter` (its `data`); never throws, since a
 * dead letter is by definition not a valid event and has nowhere further to
 * go. Its id is its place in the .dlq topic plus the time it failed, so a
 * redelivery is recognised by the inbox, and a recreated topic's records are
 * not mistaken for old ones.
 */
export const deadLetterDecoder: DecodeFn = (message) => {
  const letter = toDeadLetter(message.topic, message.partition, {
    key: message.key,
    // A copy: the record's bytes are freed when its batch is done (kafka-fetch-buffers.ts), and the letter carries them.
    value: message.value ? Buffer.from(message.value) : null,
    headers: message.headers,
    offset: message.offset,
    timestamp: message.timestamp,
    attributes: 0,
  });
  return { id: `${message.partition}/${message.offset}/${letter.failedAt}`, type: DEAD_LETTER_TYPE, source: message.topic, data: letter, envelope: letter };
};

/** Accepts a source topic or its .dlq topic. */
export function asDlqTopic(topic: string): string {
  return topic.endsWith('.dlq') ? topic : deadLetterTopic(topic);
}

/**
 * Reads `[from, to)` offsets of the given partitions with a throwaway group and
 * calls `take` for each message until it returns false or every partition is done.
 */
export async function readRange(
  kafka: Kafka,
  topic: string,
  ranges: Map<number, { from: bigint; to: bigint }>,
  take: (partition: number, m: KafkaMessage) => boolean,
  timeoutMs: number,
): Promise<void> {
  const pending = new Set([...ranges].filter(([, r]) => r.to > r.from).map(([p]) => p));
  if (pending.size === 0) return;
  const groupId = `dlq-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const admin = kafka.admin();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = ranges.get(batch.partition);
        if (!range || !pending.has(batch.partition)) return;
        for (const m of batch.messages) {
          const off = BigInt(m.offset);
          if (off < range.from) continue;
          if (off >= range.to) break;
          if (!take(batch.partition, m)) {
            pending.clear();
            break;
          }
          if (off + 1n >= range.to) pending.delete(batch.partition);
        }
        if (BigInt(batch.highWatermark) >= range.to && BigInt(batch.lastOffset()) + 1n >= range.to) pending.delete(batch.partition);
        if (pending.size === 0) finish();
      },
    });
    for (const [partition, r] of ranges) consumer.seek({ topic, partition, offset: r.from.toString() });
    await withTimeout(done, timeoutMs, `reading ${topic}`);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.connect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

export async function listDeadLetters(kafka: Kafka, topic: string, options: ListDeadLettersOptions = {}): Promise<DeadLetter[]> {
  const dlqTopic = asDlqTopic(topic);
  const limit = options.limit ?? 100;
  const admin = kafka.admin();
  await admin.connect();
  let offsets: Array<{ partition: number; low: string; high: string }>;
  try {
    offsets = await admin.fetchTopicOffsets(dlqTopic);
  } finally {
    await admin.disconnect();
  }
  const ranges = new Map(offsets.map((o) => [o.partition, { from: BigInt(o.low), to: BigInt(o.high) }]));
  const out: DeadLetter[] = [];
  await readRange(
    kafka,
    dlqTopic,
    ranges,
    (partition, m) => {
      out.push(toDeadLetter(dlqTopic, partition, m));
      return out.length < limit;
    },
    options.timeoutMs ?? 30_000,
  );
  return out.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset))).slice(0, limit);
}
