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

  constructor(
    schema: string,
    private readonly resolveTopic: EventTopicResolver,
  ) {
    this.tables = messagingTables(schema);
    this.insert = preparedStatement(`INSERT INTO ${this.tables.outbox} (topic, key, value, headers, event_id)
      SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::jsonb[], $5::text[])`);
  }

  async enqueue(tx: Tx, events: ReadonlyArray<OutboxCloudEvent> | ReadonlyArray<OutboxMessage>): Promise<number> {
    if (events.length === 0) return 0;
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
}
