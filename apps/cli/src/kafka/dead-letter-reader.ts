// Reads one record of a dead-letter topic at a given partition and offset
// (`hiring dlq show`). @hiring/messaging's listDeadLetters reads from the
// start; showing one letter should not read a whole topic. Same approach as
// the library: a throwaway consumer group, deleted afterwards, so no
// service's offsets move.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS } from '@hiring/contracts';
import { headersToStrings, withTimeout, type DeadLetter } from '@hiring/messaging';

export function toDeadLetter(dlqTopic: string, partition: number, m: KafkaMessage): DeadLetter {
  const h = headersToStrings(m.headers);
  let errors: DeadLetter['errors'] = [];
  try {
    const parsed: unknown = JSON.parse(h[DEAD_LETTER_HEADERS.errors] ?? '[]');
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
    reason: h[DEAD_LETTER_HEADERS.reason] ?? '',
    errors,
    sourceTopic: h[DEAD_LETTER_HEADERS.sourceTopic] ?? '',
    sourcePartition: Number(h[DEAD_LETTER_HEADERS.sourcePartition] ?? -1),
    sourceOffset: h[DEAD_LETTER_HEADERS.sourceOffset] ?? '',
    consumerGroup: h[DEAD_LETTER_HEADERS.consumerGroup] ?? '',
    failedAt: h[DEAD_LETTER_HEADERS.failedAt] ?? '',
    attempts: Number(h[DEAD_LETTER_HEADERS.attempts] ?? 0),
  };
}

/** The record at exactly `offset`, or undefined when the log has none there (the next one is later). */
export async function readDeadLetter(kafka: Kafka, dlqTopic: string, partition: number, offset: bigint, timeoutMs: number): Promise<DeadLetter | undefined> {
  const groupId = `hiring-cli-dlq-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  let settle: (m: KafkaMessage | undefined) => void = () => undefined;
  const found = new Promise<KafkaMessage | undefined>((resolve) => (settle = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [dlqTopic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (batch.partition !== partition) return;
        for (const m of batch.messages) {
          const at = BigInt(m.offset);
          if (at < offset) continue; // a fetch that raced the seek
          settle(at === offset ? m : undefined);
          return;
        }
      },
    });
    consumer.seek({ topic: dlqTopic, partition, offset: offset.toString() });
    const message = await withTimeout(found, timeoutMs, `reading ${dlqTopic}/${partition}/${offset}`);
    return message ? toDeadLetter(dlqTopic, partition, message) : undefined;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
