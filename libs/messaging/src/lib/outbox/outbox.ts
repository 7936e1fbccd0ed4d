import { preparedStatement, runPrepared, type PreparedStatement } from '@hiring/platform';
import type { Tx } from '@hiring/platform/tx';
import { CLOUDEVENTS_CONTENT_TYPE } from '@hiring/contracts';
import type { OutboxMessage } from '../types';
import { messagingTables, type MessagingTables } from '../sql';

/**
 * A CloudEvent as the outbox sees it: routed by type and subject, stored whole
 * (extension attributes included). Any contracts' CloudEvent fits.
 */
export interface OutboxCloudEvent {
  specversion: string;
  id: string;
  type: string;
  source: string;
  subject?: string;
  time?: string;
  data?: unknown;
}

export type EventTopicResolver = (event: OutboxCloudEvent) => { topic: string; key: string | null };

/** The one header of a CloudEvent record (structured mode), as the outbox stores it. */
const CLOUD_EVENT_HEADERS = JSON.stringify({ 'content-type': CLOUDEVENTS_CONTENT_TYPE });

function isCloudEvent(x: OutboxCloudEvent | OutboxMessage): x is OutboxCloudEvent {
  return typeof (x as OutboxCloudEvent).specversion === 'string';
}

/**
 * Writes outgoing records in the caller's transaction. Nothing reaches Kafka
 * unless that transaction commits; the OutboxRelay publishes committed rows.
 */
export class Outbox {
  private readonly tables: MessagingTables;
  /** Prepared once per connection (runPrepared): every consumed chunk and use case of the service sends it. */
  private readonly insert: PreparedStatement;
  /**
   * The same insert for CloudEvents, their JSON sent as text and stored as
   * its UTF-8 bytes by Postgres: a bytea[] parameter travels as hex, twice
   * the size of the JSON, built, sent and decoded again per event (about a
   * third of the bytes sourcing sent per candidate, docs/performance.md
   * "Sourcing CPU per candidate (lane 13a)"). The stored bytes are the same.
   */
  private readonly insertJson: PreparedStatement;

  constructor(
    schema: string,
    private readonly resolveTopic: EventTopicResolver,
  ) {
    this.tables = messagingTables(schema);
    this.insert = preparedStatement(`INSERT INTO ${this.tables.outbox} (topic, key, value, headers, event_id)
      SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::jsonb[], $5::text[])`);
    this.insertJson = preparedStatement(`INSERT INTO ${this.tables.outbox} (topic, key, value, headers, event_id)
      SELECT e.topic, e.key, convert_to(e.value, 'UTF8'), e.headers, e.event_id
        FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[]) AS e (topic, key, value, headers, event_id)`);
  }

  async enqueue(tx: Tx, events: ReadonlyArray<OutboxCloudEvent> | ReadonlyArray<OutboxMessage>): Promise<number> {
    if (events.length === 0) return 0;
    if ((events as ReadonlyArray<OutboxCloudEvent | OutboxMessage>).every(isCloudEvent)) return this.enqueueCloudEvents(tx, events as ReadonlyArray<OutboxCloudEvent>);
    const topics: string[] = [];
    const keys: (string | null)[] = [];
    const values: (Buffer | null)[] = [];
    const headers: string[] = [];
    const ids: (string | null)[] = [];
    for (const e of events) {
      if (isCloudEvent(e)) {
        const { topic, key } = this.resolveTopic(e);
        // Structured mode: the attributes live in the value only (see @hiring/contracts).
        const h: Record<string, string> = { 'content-type': CLOUDEVENTS_CONTENT_TYPE };
        topics.push(topic);
        keys.push(key);
        values.push(Buffer.from(JSON.stringify(e), 'utf8'));
        headers.push(JSON.stringify(h));
        ids.push(e.id);
      } else {
        topics.push(e.topic);
        keys.push(e.key);
        values.push(e.value === null || Buffer.isBuffer(e.value) ? e.value : Buffer.from(e.value, 'utf8'));
        headers.push(JSON.stringify(e.headers ?? {}));
        ids.push(null);
      }
    }
    await runPrepared(tx, this.insert, [topics, keys, values, headers, ids]);
    return events.length;
  }

  /**
   * Structured mode: the attributes live in the value only (see
   * @hiring/contracts). JSON.stringify writes no NUL and no lone surrogate
   * (both escaped), so the text is valid UTF-8 in Postgres, byte for byte
   * what Buffer.from(json, 'utf8') was.
   */
  private async enqueueCloudEvents(tx: Tx, events: ReadonlyArray<OutboxCloudEvent>): Promise<number> {
    const topics: string[] = [];
    const keys: (string | null)[] = [];
    const values: string[] = [];
    const headers: string[] = [];
    const ids: string[] = [];
    for (const e of events) {
      const { topic, key } = this.resolveTopic(e);
      topics.push(topic);
      keys.push(key);
      values.push(JSON.stringify(e));
      headers.push(CLOUD_EVENT_HEADERS);
      ids.push(e.id);
    }
    await runPrepared(tx, this.insertJson, [topics, keys, textArrayLiteral(values), headers, ids]);
    return events.length;
  }
}

const ARRAY_ELEMENT_SPECIALS = /["\\]/g;

/**
 * A Postgres array literal of these strings, each quoted and escaped in one
 * pass: what pg would send for the array, where it scans each ~5 KB event
 * twice (once for backslashes, once for quotes).
 */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(ARRAY_ELEMENT_SPECIALS, '\\$&')}"`).join(',')}}`;
}
