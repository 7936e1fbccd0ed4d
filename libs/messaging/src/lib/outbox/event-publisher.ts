// A service's outgoing events, typed by the contracts catalogue: the event
// type decides the shape of `data`, each event is built and validated exactly
// as consumers will check it, and it is enqueued in the caller's transaction.
import { buildEvent, type EventPayloads, type EventType, type TopicName } from '@hiring/contracts';
import type { Tx } from '@hiring/platform/tx';
import type { Outbox } from './outbox';

export interface PublishMeta {
  correlationId?: string;
  /** Defaults to the catalogue's subject of the data (the candidate id). */
  subject?: string;
}

export class EventPublisher {
  constructor(
    private readonly outbox: Outbox,
    /** CloudEvents `source` of this service's events. */
    private readonly source: string,
  ) {}

  publish<K extends EventType>(tx: Tx, type: K, data: EventPayloads[K], meta: PublishMeta = {}): Promise<number> {
    return this.publishAll(tx, type, [{ data, ...meta }]);
  }

  /** One outbox insert for many events of one type (a consumed chunk's worth). */
  publishAll<K extends EventType>(tx: Tx, type: K, events: ReadonlyArray<{ data: EventPayloads[K] } & PublishMeta>): Promise<number> {
    return this.outbox.enqueue(
      tx,
      events.map((e) => buildEvent(type, { source: this.source, data: e.data, subject: e.subject, correlationId: e.correlationId })),
    );
  }

  /**
   * Erasure: deletes this service's parked events (refused by Kafka as too large,
   * kept by the relay for an operator) keyed by these candidate ids.
   */
  eraseParked(tx: Tx, candidateIds: readonly string[]): Promise<number> {
    return this.outbox.eraseParked(tx, candidateIds);
  }

  /** Erasure on a compacted topic: a null value under each key drops every earlier record of that key. */
  tombstones(tx: Tx, topic: TopicName, keys: readonly string[]): Promise<number> {
    return this.outbox.enqueue(
      tx,
      keys.map((key) => ({ topic, key, value: null })),
    );
  }
}
