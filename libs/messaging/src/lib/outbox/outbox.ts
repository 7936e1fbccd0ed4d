import { packValues, preparedStatement, runPrepared, type PackedValues, type PreparedStatement } from '@hiring/platform';
import { entityManagerOf, type Tx } from '@hiring/platform/tx';
import { CLOUDEVENTS_CONTENT_TYPE } from '@hiring/contracts';
import type { OutboxMessage } from '../types';
import { messagingTables, type MessagingTables } from '../sql';
import { beforeOutboxWrite, outboxWritten } from './in-process-wakeup';

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

/** An insert's parameters: the values already packed into one binary parameter (packValues). */
interface OutboxRows {
  topics: string[];
  keys: (string | null)[];
  packed: PackedValues;
  headers: string[];
  ids: (string | null)[];
}

function isCloudEvent(x: OutboxCloudEvent | OutboxMessage): x is OutboxCloudEvent {
  return typeof (x as OutboxCloudEvent).specversion === 'string';
}

/**
 * Writes outgoing records in the caller's transaction. Nothing reaches Kafka
 * unless that transaction commits; the OutboxRelay publishes committed rows.
 */
export class Outbox {
  private readonly tables: MessagingTables;
  /**
   * Prepared once per connection (runPrepared): every consumed chunk and use
   * case of the service sends it. The values (each event's JSON, ~2-5 KB) go
   * packed in one binary parameter, each row taking its slice (packValues):
   * as a text[] they were escaped in JavaScript and parsed again by Postgres'
   * array_in, 4x the server CPU and 1.6x the client CPU per event (500-event
   * inserts, docs/performance.md "Outbox values in one binary parameter").
   * A bytea[] would travel as hex, twice the size. The stored bytes are the
   * same: the UTF-8 of the JSON, or the message's own bytes.
   */
  private readonly insert: PreparedStatement;

  constructor(
    schema: string,
    private readonly resolveTopic: EventTopicResolver,
  ) {
    this.tables = messagingTables(schema);
    this.insert = preparedStatement(`INSERT INTO ${this.tables.outbox} (topic, key, value, headers, event_id)
      SELECT e.topic, e.key, substring($3::bytea FROM e.start FOR e.length), e.headers, e.event_id
        FROM unnest($1::text[], $2::text[], $4::int[], $5::int[], $6::jsonb[], $7::text[]) AS e (topic, key, start, length, headers, event_id)`);
  }

  /**
   * Not async itself, and the events and their JSON (~2-5 KB each, a chunk of
   * up to 500) are packed before anything is awaited: an async function keeps
   * its arguments and locals until it returns, and these were held across the
   * insert's round trips, long enough under load to be promoted to the old
   * generation with nothing needing them (docs/performance.md "Peak RSS: in
   * flight (lane 20a)"). Only the packed rows go on to the insert.
   */
  enqueue(tx: Tx, events: ReadonlyArray<OutboxCloudEvent> | ReadonlyArray<OutboxMessage>): Promise<number> {
    const count = events.length;
    if (count === 0) return Promise.resolve(0);
    let rows: OutboxRows;
    try {
      rows = (events as ReadonlyArray<OutboxCloudEvent | OutboxMessage>).every(isCloudEvent)
        ? this.cloudEventRows(events as ReadonlyArray<OutboxCloudEvent>)
        : this.messageRows(events as ReadonlyArray<OutboxCloudEvent | OutboxMessage>);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.write(tx, rows).then(() => count);
  }

  private messageRows(events: ReadonlyArray<OutboxCloudEvent | OutboxMessage>): OutboxRows {
    const topics: string[] = [];
    const keys: (string | null)[] = [];
    const values: (string | Buffer | null)[] = [];
    const headers: string[] = [];
    const ids: (string | null)[] = [];
    for (const e of events) {
      if (isCloudEvent(e)) {
        const { topic, key } = this.resolveTopic(e);
        // Structured mode: the attributes live in the value only (see @hiring/contracts).
        const h: Record<string, string> = { 'content-type': CLOUDEVENTS_CONTENT_TYPE };
        topics.push(topic);
        keys.push(key);
        values.push(JSON.stringify(e));
        headers.push(JSON.stringify(h));
        ids.push(e.id);
      } else {
        topics.push(e.topic);
        keys.push(e.key);
        values.push(e.value);
        headers.push(JSON.stringify(e.headers ?? {}));
        ids.push(null);
      }
    }
    return { topics, keys, packed: packValues(values), headers, ids };
  }

  /** Structured mode: the attributes live in the value only, the one header is the content type (see @hiring/contracts). */
  private cloudEventRows(events: ReadonlyArray<OutboxCloudEvent>): OutboxRows {
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
    return { topics, keys, packed: packValues(values), headers, ids };
  }

  /**
   * Erasure: deletes the parked rows (events Kafka refused as too large, kept
   * by the relay) whose key is one of `keys` (the pipeline keys its events by
   * candidate id). Published copies are reached by destroying the candidate's
   * data key; a parked copy can simply be deleted. Returns the rows deleted.
   */
  async eraseParked(tx: Tx, keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const rows: unknown[] = await entityManagerOf(tx).query(`DELETE FROM ${this.tables.parked} WHERE key = ANY($1::text[]) RETURNING id`, [keys]);
    return rows.length;
  }

  private async write(tx: Tx, rows: OutboxRows): Promise<void> {
    const { packed } = rows;
    const manager = entityManagerOf(tx);
    await beforeOutboxWrite(manager.connection, manager.queryRunner);
    await runPrepared(tx, this.insert, [rows.topics, rows.keys, packed.bytes, packed.starts, packed.lengths, rows.headers, rows.ids]);
    outboxWritten(manager.connection, manager.queryRunner);
  }
}
