// Turns a chunk of Kafka records into events for the handlers. Records that do
// not decode are set aside with their reason (dead-lettered at once); a second
// copy of an event within the chunk is dropped before it reaches the inbox.
import type { KafkaMessage } from 'kafkajs';
import { DecodeFailure } from '../failure-policy';
import type { DeadLetterReason } from '../dead-letters/dead-letter-record';
import { headersToStrings, type ConsumedEvent, type DecodeFn } from '../types';

export interface DecodedItem {
  raw: KafkaMessage;
  event: ConsumedEvent;
}

export interface RejectedRecord {
  raw: KafkaMessage;
  reason: DeadLetterReason;
}

export interface DecodedChunk {
  items: DecodedItem[];
  invalid: RejectedRecord[];
  duplicatesInChunk: number;
}

/**
 * The inbox key of an event: CloudEvents ids are unique per source, so the key
 * is "<source> <id>" (a URI-reference has no spaces), or the id alone without a source.
 */
export function inboxKey(event: { id: string; source?: string }): string {
  return event.source ? `${event.source} ${event.id}` : event.id;
}

export function decodeChunk(
  source: { topic: string; partition: number },
  chunk: readonly KafkaMessage[],
  decode: DecodeFn,
  expectedTypes: readonly string[] | undefined,
): DecodedChunk {
  const { topic, partition } = source;
  const out: DecodedChunk = { items: [], invalid: [], duplicatesInChunk: 0 };
  const seen = new Set<string>();
  for (const raw of chunk) {
    if (raw.value === null) continue; // tombstone on a compacted topic: not an event
    try {
      const d = decode(
        { topic, partition, offset: raw.offset, timestamp: raw.timestamp, key: raw.key, value: raw.value, headers: raw.headers ?? {} },
        { expectedTypes },
      );
      const key = inboxKey(d);
      if (seen.has(key)) {
        out.duplicatesInChunk++;
        continue;
      }
      seen.add(key);
      out.items.push({
        raw,
        event: {
          id: d.id,
          type: d.type,
          source: d.source,
          subject: d.subject,
          time: d.time,
          correlationId: d.correlationId,
          data: d.data,
          envelope: d.envelope,
          topic,
          partition,
          offset: raw.offset,
          key: raw.key ? raw.key.toString('utf8') : null,
          headers: headersToStrings(raw.headers),
        },
      });
    } catch (err) {
      const f = DecodeFailure.from(err);
      out.invalid.push({ raw, reason: { code: f.code, message: f.message, errors: f.errors } });
    }
  }
  return out;
}
