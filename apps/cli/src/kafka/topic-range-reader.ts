// Reads the records of a topic in given offset ranges: every record from a
// start offset to the end a partition had when the read began (`hiring
// erasures reapply`), or one record at one offset (`hiring dlq show`). A
// throwaway consumer group, deleted afterwards, so no service's offsets move;
// records arriving meanwhile are not waited for.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { withTimeout } from '@hiring/messaging/dead-letters';

export interface PartitionRange {
  partition: number;
  /** First offset to read. */
  from: bigint;
  /** Next offset after the last one to read (the partition's end when the read began). */
  to: bigint;
}

export interface TopicRecord {
  partition: number;
  offset: bigint;
  key: string | null;
  value: string | null;
}

/** Calls `onRecord` for each record in the ranges, in offset order per partition. */
export async function readTopicRanges(kafka: Kafka, topic: string, ranges: readonly PartitionRange[], timeoutMs: number, onRecord: (r: TopicRecord) => void): Promise<void> {
  await readRangeMessages(kafka, topic, ranges, timeoutMs, (partition, m) =>
    onRecord({ partition, offset: BigInt(m.offset), key: m.key?.toString('utf8') ?? null, value: m.value?.toString('utf8') ?? null }),
  );
}

/**
 * The same read, handing over kafkajs messages (headers included). A range
 * whose offsets hold no record (compacted away) ends without a call once the
 * partition's log is read past it; a range beyond the log's end times out.
 */
export async function readRangeMessages(
  kafka: Kafka,
  topic: string,
  ranges: readonly PartitionRange[],
  timeoutMs: number,
  onMessage: (partition: number, message: KafkaMessage) => void,
): Promise<void> {
  const pending = new Map(ranges.filter((r) => r.from < r.to).map((r) => [r.partition, r]));
  if (pending.size === 0) return;
  const next = new Map([...pending.values()].map((r) => [r.partition, r.from]));
  const groupId = `hiring-cli-read-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = pending.get(batch.partition);
        if (!range) return;
        for (const m of batch.messages) {
          const at = BigInt(m.offset);
          // Before the seek took effect, or a record already seen, or one written after the read began.
          if (at < (next.get(batch.partition) ?? range.from) || at >= range.to) continue;
          onMessage(batch.partition, m);
          next.set(batch.partition, at + 1n);
        }
        // lastOffset() covers gaps (compaction, transaction markers) that carry no message.
        const reached = BigInt(batch.lastOffset()) + 1n;
        if (reached >= range.to && reached > range.from) {
          pending.delete(batch.partition);
          if (pending.size === 0) finish();
        }
      },
    });
    for (const r of pending.values()) consumer.seek({ topic, partition: r.partition, offset: r.from.toString() });
    await withTimeout(done, timeoutMs, `reading ${topic}`);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
