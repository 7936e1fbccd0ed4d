import type { IHeaders } from 'kafkajs';

/**
 * A raw Kafka record as the transport saw it; what `decode` receives and what the DLQ keeps.
 * Its Buffers are freed when the consumer is done with the record's batch
 * (kafka-fetch-buffers.ts): an event that keeps bytes past that copies them.
 */
export interface RawMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

/** What a decoder returns for a valid message: the envelope fields the transport needs, plus data. */
export interface DecodedEvent<T = unknown> {
  id: string;
  type: string;
  source?: string;
  subject?: string;
  time?: string;
  correlationId?: string;
  data: T;
  /** The full decoded envelope (a CloudEvent for the default decoder). */
  envelope: unknown;
}

export interface DecodeContext {
  /** Types the handlers of this topic accept; a decoder may reject others (UNEXPECTED_TYPE). */
  expectedTypes?: readonly string[];
}

/**
 * Turns bytes into a validated event or throws. Anything thrown is a validation
 * failure (dead-lettered at once); an error with `code` and `errors: {path,message}[]`
 * (the contracts' ContractViolation) fills the dlq-reason and dlq-errors headers.
 */
export type DecodeFn = (message: RawMessage, ctx: DecodeContext) => DecodedEvent;

/** One consumed event as a handler sees it. */
export interface ConsumedEvent<T = unknown> {
  id: string;
  type: string;
  source?: string;
  subject?: string;
  time?: string;
  correlationId?: string;
  data: T;
  envelope: unknown;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
}

/** A record ready for Kafka, as stored in the outbox. */
export interface OutboxMessage {
  topic: string;
  key: string | null;
  /** null is a tombstone: on a compacted topic it erases every earlier record of the key. */
  value: Buffer | string | null;
  headers?: Record<string, string>;
}

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value[value.length - 1] : value;
    out[name] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
  return out;
}
