// The Kafka side of the contract without a Kafka client: what key, value and
// headers a record has. @hiring/messaging hands these to the producer.
import type { CloudEvent } from './cloudevent';

/** Structured-mode content type of the CloudEvents Kafka protocol binding. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

export interface KafkaRecord {
  /** The event subject (the candidate id): one candidate, one partition, in order. */
  key: string;
  /** The whole CloudEvent as JSON; `null` is a tombstone on a compacted topic. */
  value: string | null;
  headers: Record<string, string>;
}

export function toKafkaRecord(event: CloudEvent<unknown>): KafkaRecord {
  return { key: event.subject, value: JSON.stringify(event), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } };
}

/** Erasure on a compacted topic: compaction drops every earlier record under this key. */
export function tombstone(candidateId: string): KafkaRecord {
  return { key: candidateId, value: null, headers: {} };
}

/**
 * Headers a dead-letter record adds to the original record's (values are
 * strings). Written by @hiring/messaging, read by ops tooling; listed here
 * because they are part of what the AsyncAPI document promises readers.
 */
export const DEAD_LETTER_HEADERS = {
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
