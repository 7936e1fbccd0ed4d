// Replaying a dead letter (`hiring dlq replay`): its original record goes back
// to the source topic once, marked with where it came from.
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { createIdempotentProducer, sendAcknowledged } from '../idempotent-producer';
import { DLQ_HEADERS } from './dead-letter-record';
import { asDlqTopic, readRange, toDeadLetter } from './dead-letter-reader';

export interface ReplayResult {
  topic: string;
  partition: number;
  offset: string;
  replayedFrom: string;
}

/**
 * Republishes one dead letter's original key and bytes to its source topic,
 * with its original headers (dlq-* removed) and `dlq-replayed-from`.
 */
export async function replayDeadLetter(
  kafka: Kafka,
  dlqTopic: string,
  partition: number,
  offset: string | number,
  options: { timeoutMs?: number } = {},
): Promise<ReplayResult> {
  const topic = asDlqTopic(dlqTopic);
  const from = BigInt(offset);
  let found: KafkaMessage | undefined;
  await readRange(
    kafka,
    topic,
    new Map([[partition, { from, to: from + 1n }]]),
    (_p, m) => {
      found = m;
      return false;
    },
    options.timeoutMs ?? 30_000,
  );
  if (!found) throw new Error(`no dead letter at ${topic}/${partition}/${from}`);
  const letter = toDeadLetter(topic, partition, found);
  if (!letter.sourceTopic) throw new Error(`dead letter ${topic}/${partition}/${from} has no ${DLQ_HEADERS.sourceTopic} header`);
  const headers: IHeaders = {};
  for (const [k, v] of Object.entries(found.headers ?? {})) {
    if (v !== undefined && !k.startsWith('dlq-')) headers[k] = v;
  }
  const replayedFrom = `${topic}/${partition}/${from}`;
  headers[DLQ_HEADERS.replayedFrom] = replayedFrom;
  // A new producer per replay: no idempotence state survives from an earlier failure.
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    const [meta] = await sendAcknowledged(producer, [{ topic: letter.sourceTopic, messages: [{ key: found.key, value: found.value, headers }] }]);
    return { topic: letter.sourceTopic, partition: meta.partition, offset: meta.baseOffset ?? '', replayedFrom };
  } finally {
    await producer.disconnect();
  }
}
