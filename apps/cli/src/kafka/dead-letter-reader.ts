// Reads one record of a dead-letter topic at a given partition and offset
// (`hiring dlq show`). @hiring/messaging's listDeadLetters reads from the
// start; showing one letter should not read a whole topic.
import type { Kafka, KafkaMessage } from 'kafkajs';
import { toDeadLetter, type DeadLetter } from '@hiring/messaging/dead-letters';
import { readRangeMessages } from './topic-range-reader';

/** The record at exactly `offset`, or undefined when the log has none there (the next one is later). */
export async function readDeadLetter(kafka: Kafka, dlqTopic: string, partition: number, offset: bigint, timeoutMs: number): Promise<DeadLetter | undefined> {
  let found: KafkaMessage | undefined;
  await readRangeMessages(kafka, dlqTopic, [{ partition, from: offset, to: offset + 1n }], timeoutMs, (_, m) => (found = m));
  return found ? toDeadLetter(dlqTopic, partition, found) : undefined;
}
