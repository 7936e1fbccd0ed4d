import type { IHeaders, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS } from '@hiring/contracts';

/** The dlq-* header names, as promised to readers in @hiring/contracts. */
export const DLQ_HEADERS = DEAD_LETTER_HEADERS;

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
