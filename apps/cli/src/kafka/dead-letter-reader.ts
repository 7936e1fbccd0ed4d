// Reads one record of a dead-letter topic at a given partition and offset
// (`hiring dlq show`). @hiring/messaging's listDeadLetters reads from the
// start; showing one letter should not read a whole topic. Same approach as
// the library: a throwaway consumer group, deleted afterwards, so no
// service's offsets move.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { toDeadLetter, withTimeout, type DeadLetter } from '@hiring/messaging/dead-letters';

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
