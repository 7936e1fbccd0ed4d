// The library's one way to write to Kafka: an idempotent producer (acks=all,
// one request in flight) whose sends are checked for an acknowledgement from
// every partition they wrote to.
//
// Why the check: kafkajs 2.2.4 (producer/sendMessages.js) remembers, across
// its own retries of one send, which BROKERS have answered, not which
// partitions. When a request to a dead leader fails and the partition's new
// leader is a broker that already acknowledged its own share of the send, the
// retry skips that broker, the partition's records are never written, and the
// send resolves as a success. The outbox relay would then mark the rows
// published: events lost (found by the scale-out test, which kills partition
// leaders under load). The partitioner below records the partition it chose
// for each message, so a send can name the partitions that never answered and
// fail instead; the caller then sends again (records that did land appear
// twice with the same event id, which consumers' inboxes drop).
import { Partitioners, type ICustomPartitioner, type Kafka, type Message, type PartitionerArgs, type Producer, type RecordMetadata, type TopicMessages } from 'kafkajs';

/** The partition the last send attempt chose for each message object. */
const chosenPartition = new WeakMap<Message, { topic: string; partition: number }>();

/** kafkajs' default partitioner (same choices), recording each choice for sendAcknowledged. */
export const recordingPartitioner: ICustomPartitioner = () => {
  const choose = Partitioners.DefaultPartitioner();
  return (args: PartitionerArgs): number => {
    const partition = choose(args);
    chosenPartition.set(args.message, { topic: args.topic, partition });
    return partition;
  };
};

/** Kafka error types after which an idempotent producer cannot continue. */
const PRODUCER_STATE_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/**
 * True when the producer's idempotence state is broken and only a new
 * producer (a new producer id, sequences from 0) can publish again. kafkajs
 * 2.2.4 does not reset its sequence numbers after a produce request failed
 * during a leader change: every later request to that partition is refused
 * with OUT_OF_ORDER_SEQUENCE_NUMBER, forever (found by the scale-out test).
 */
export function producerStateLost(err: unknown): boolean {
  return kafkaErrorType(err, PRODUCER_STATE_ERRORS) !== undefined;
}

/**
 * Kafka error types by which the broker refuses a record batch for its size
 * (the topic's max.message.bytes or the broker's message.max.bytes; a batch over
 * the segment size). Not retriable: the same bytes are refused again.
 */
const TOO_LARGE_ERRORS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** The Kafka error type when the broker refused a send because a record batch was too large, else undefined. */
export function refusedAsTooLarge(err: unknown): string | undefined {
  return kafkaErrorType(err, TOO_LARGE_ERRORS);
}

/** kafkajs wraps the broker's error (retrier, producer): look a few causes deep. */
function kafkaErrorType(err: unknown, types: ReadonlySet<string>): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && types.has(type)) return type;
    e = (e as { cause?: unknown; originalError?: unknown }).cause ?? (e as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: recordingPartitioner });
}

/** A send that reported success without an acknowledgement from some of its partitions. */
export class UnacknowledgedPartitionsError extends Error {
  readonly retriable = true;
  constructor(readonly partitions: ReadonlyArray<{ topic: string; partition: number }>) {
    super(`Kafka acknowledged the send but not for ${partitions.map((p) => `${p.topic}[${p.partition}]`).join(', ')}; sending again`);
    this.name = 'UnacknowledgedPartitionsError';
  }
}

/**
 * The (topic, partition) pairs written to but missing from the acknowledgements
 * (or acknowledged with an error code). Pure, for the unit test.
 */
export function unacknowledgedPartitions(
  written: ReadonlyArray<{ topic: string; partition: number }>,
  acks: ReadonlyArray<Pick<RecordMetadata, 'topicName' | 'partition' | 'errorCode'>>,
): Array<{ topic: string; partition: number }> {
  const acked = new Set(acks.filter((a) => a.errorCode === 0).map((a) => `${a.topicName}\u0000${a.partition}`));
  const missing = new Map<string, { topic: string; partition: number }>();
  for (const w of written) {
    const k = `${w.topic}\u0000${w.partition}`;
    if (!acked.has(k)) missing.set(k, { topic: w.topic, partition: w.partition });
  }
  return [...missing.values()];
}

/**
 * sendBatch on a producer from createIdempotentProducer, resolved only when
 * every partition written to acknowledged (acks=all). Throws
 * UnacknowledgedPartitionsError otherwise: nothing may be marked sent.
 */
export async function sendAcknowledged(producer: Producer, topicMessages: TopicMessages[]): Promise<RecordMetadata[]> {
  const acks = await producer.sendBatch({ acks: -1, topicMessages });
  const written: Array<{ topic: string; partition: number }> = [];
  for (const { topic, messages } of topicMessages) {
    for (const m of messages) {
      const chosen = chosenPartition.get(m);
      if (!chosen || chosen.topic !== topic) {
        throw new Error(`sendAcknowledged needs a producer from createIdempotentProducer (no partition recorded for a message to ${topic})`);
      }
      written.push(chosen);
    }
  }
  const missing = unacknowledgedPartitions(written, acks);
  if (missing.length > 0) throw new UnacknowledgedPartitionsError(missing);
  return acks;
}
