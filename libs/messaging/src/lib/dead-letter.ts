import type { IHeaders, KafkaMessage } from 'kafkajs';

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  errors: 'dlq-errors',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
  attempts: 'dlq-attempts',
  replayedFrom: 'dlq-replayed-from',
} as const;

export interface DeadLetterReason {
  /** ContractViolation code (MALFORMED_JSON, INVALID_PAYLOAD, ...), HANDLER_ERROR or RETRIES_EXHAUSTED. */
  code: string;
  message: string;
  errors: ReadonlyArray<{ path: string; message: string }>;
}

/** The dead-letter record: original key and bytes, original headers plus the dlq-* headers. */
export function deadLetterMessage(
  source: { topic: string; partition: number; message: KafkaMessage },
  groupId: string,
  reason: DeadLetterReason,
  attempts: number,
  now: Date,
): { key: Buffer | null; value: Buffer | null; headers: IHeaders } {
  const original: IHeaders = {};
  for (const [k, v] of Object.entries(source.message.headers ?? {})) {
    if (v !== undefined) original[k] = v; // our dlq-* headers below overwrite stale ones
  }
  return {
    key: source.message.key,
    value: source.message.value,
    headers: {
      ...original,
      [DLQ_HEADERS.reason]: `${reason.code}: ${truncate(reason.message, 1000)}`,
      [DLQ_HEADERS.errors]: JSON.stringify(reason.errors.map((e) => ({ path: e.path, message: truncate(e.message, 300) })).slice(0, 50)),
      [DLQ_HEADERS.sourceTopic]: source.topic,
      [DLQ_HEADERS.sourcePartition]: String(source.partition),
      [DLQ_HEADERS.sourceOffset]: source.message.offset,
      [DLQ_HEADERS.consumerGroup]: groupId,
      [DLQ_HEADERS.failedAt]: now.toISOString(),
      [DLQ_HEADERS.attempts]: String(attempts),
    },
  };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
