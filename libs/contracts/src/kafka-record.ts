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
